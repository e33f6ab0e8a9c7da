import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../../../../server/src/documentStore';
import { provideInlayHints } from '../../../../server/src/features/inlayHints/provideInlayHints';
import { effectiveCommandHover } from '../../../../server/src/semantics/effectiveCommandHover';
import { splitPlainShellWords } from '../../../../server/src/semantics/shellWords';

function parsedOf(text: string): ParsedDocument {
  const document = TextDocument.create('file:///t/Dockerfile', 'dockerfile', 1, text);
  return { uri: document.uri, version: 1, document, dockerfile: DockerfileParser.parse(text) };
}

const everything = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

describe('inlay hint on the final stage', () => {
  const cases = [
    { name: 'exec ENTRYPOINT + CMD', text: 'FROM alpine\nENTRYPOINT ["/app"]\nCMD ["--port", "80"]\n', line: 2, label: 'runs: /app --port 80' },
    { name: 'shell CMD on scratch', text: 'FROM scratch\nCMD run it\n', line: 1, label: "runs: /bin/sh -c 'run it'" },
    { name: 'inherited ENTRYPOINT', text: 'FROM scratch AS a\nENTRYPOINT ["e"]\nFROM a\nCMD ["c"]\n', line: 3, label: 'runs: e c' },
  ];
  for (const hintCase of cases) {
    it(hintCase.name, () => {
      const hints = provideInlayHints(parsedOf(hintCase.text), everything, 'en');
      assert.equal(hints.length, 1);
      assert.equal(hints[0]?.label, hintCase.label);
      assert.equal(hints[0]?.position.line, hintCase.line);
    });
  }
  const silent = [
    { name: 'unknown base: no guess', text: 'FROM alpine\nCMD ["a"]\n' },
    { name: 'no CMD/ENTRYPOINT in the final stage', text: 'FROM scratch AS a\nCMD ["a"]\nFROM a\n' },
    { name: 'no command at all', text: 'FROM scratch\n' },
  ];
  for (const silentCase of silent) {
    it(`none: ${silentCase.name}`, () => {
      assert.deepEqual(provideInlayHints(parsedOf(silentCase.text), everything, 'en'), []);
    });
  }
  it('honours the requested range', () => {
    assert.deepEqual(provideInlayHints(parsedOf('FROM scratch\nRUN x\nCMD ["a"]\n'), { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, 'en'), []);
  });
  it('speaks Chinese', () => {
    assert.equal(provideInlayHints(parsedOf('FROM scratch\nCMD ["a"]\n'), everything, 'zh-cn')[0]?.label, '执行: a');
  });
});

describe('effective command hover', () => {
  const text = 'FROM scratch AS base\nENTRYPOINT ["/app"]\nCMD ["--old"]\nFROM base\nCMD ["--a"]\nCMD ["--b"]\nRUN true\n';
  it('shows the argv, its sources and docker run ARGS', () => {
    const markdown = effectiveCommandHover(parsedOf(text), { line: 5, character: 1 }, 'en') ?? '';
    assert.match(markdown, /`docker run IMAGE` runs: `\/app --b`/);
    assert.match(markdown, /ENTRYPOINT: `\/app` — inherited from stage "base"/);
    assert.match(markdown, /CMD: `--b` — line 6/);
    assert.match(markdown, /`\/app ARGS…`/);
  });
  it('marks an overridden CMD', () => {
    assert.match(effectiveCommandHover(parsedOf(text), { line: 4, character: 1 }, 'en') ?? '', /no effect.*line 6/);
  });
  it('explains a non-final stage', () => {
    assert.match(effectiveCommandHover(parsedOf(text), { line: 1, character: 1 }, 'en') ?? '', /not the final stage/);
  });
  it('is silent on other instructions', () => {
    assert.equal(effectiveCommandHover(parsedOf(text), { line: 6, character: 1 }, 'en'), null);
  });
  it('says unknown for an external base and that ARGS depend on it', () => {
    const markdown = effectiveCommandHover(parsedOf('FROM alpine\nCMD ["a"]\n'), { line: 1, character: 0 }, 'en') ?? '';
    assert.match(markdown, /runs: unknown/);
    assert.match(markdown, /depends on whether the base image has an ENTRYPOINT/);
  });
  it('says ARGS are ignored with a shell-form ENTRYPOINT', () => {
    assert.match(effectiveCommandHover(parsedOf('FROM alpine\nENTRYPOINT run\n'), { line: 1, character: 0 }, 'en') ?? '', /ARGS are ignored/);
  });
  it('explains the reset of an inherited CMD', () => {
    const markdown = effectiveCommandHover(parsedOf('FROM scratch AS a\nCMD ["x"]\nFROM a\nENTRYPOINT ["e"]\n'), { line: 3, character: 0 }, 'en') ?? '';
    assert.match(markdown, /CMD: not set — reset by the ENTRYPOINT on line 4/);
  });
  it('speaks Chinese', () => {
    assert.match(effectiveCommandHover(parsedOf('FROM scratch\nCMD []\n'), { line: 1, character: 0 }, 'zh-cn') ?? '', /没有 CMD 也没有 ENTRYPOINT/);
  });
});

describe('splitPlainShellWords (shell form → exec form)', () => {
  const cases: { text: string; words: string[] | undefined }[] = [
    { text: 'node server.js', words: ['node', 'server.js'] },
    { text: 'exec node "a b"', words: ['node', 'a b'] },
    { text: "echo 'it''s'", words: ['echo', 'its'] },
    { text: 'a\\ b c', words: ['a b', 'c'] },
    { text: 'echo $HOME', words: undefined },
    { text: 'a && b', words: undefined },
    { text: 'a | b', words: undefined },
    { text: 'a > log', words: undefined },
    { text: 'echo "$X"', words: undefined },
    { text: 'cd /x', words: undefined },
    { text: 'X=1 run', words: undefined },
    { text: 'ls *.txt', words: undefined },
  ];
  for (const wordCase of cases) {
    it(JSON.stringify(wordCase.text), () => {
      assert.deepEqual(splitPlainShellWords(wordCase.text), wordCase.words);
    });
  }
});
