import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParsedDocument } from '../../../../server/src/documentStore';
import { provideInlayHints } from '../../../../server/src/features/inlayHints/provideInlayHints';
import { effectiveCommandHover } from '../../../../server/src/semantics/effectiveCommandHover';
import { isPosixShell, splitPlainShellWords, usesShellParameters } from '../../../../server/src/semantics/shellWords';

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
    { name: 'nothing of its own: on the FROM line', text: 'FROM scratch AS a\nCMD ["a"]\nFROM a\nLABEL x=y\n', line: 2, label: 'runs: a' },
    { name: 'inherited over two stages', text: 'FROM scratch AS a\nENTRYPOINT ["e"]\nFROM a AS b\nCMD ["c"]\nFROM b\n', line: 4, label: 'runs: e c' },
    {
      name: 'shell ENTRYPOINT given CMD words it never reads',
      text: 'FROM scratch\nENTRYPOINT run it\nCMD ["--x"]\n',
      line: 2,
      label: "runs: /bin/sh -c 'run it' --x (CMD unused)",
    },
    { name: 'shell ENTRYPOINT reading "$@"', text: 'FROM scratch\nENTRYPOINT exec run "$@"\nCMD ["--x"]\n', line: 2, label: `runs: /bin/sh -c 'exec run "$@"' --x` },
    { name: 'shell ENTRYPOINT alone', text: 'FROM scratch\nENTRYPOINT run it\n', line: 1, label: "runs: /bin/sh -c 'run it'" },
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
    { name: 'an earlier stage command does not reach a scratch final stage', text: 'FROM scratch AS a\nCMD ["a"]\nFROM scratch\n' },
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
    assert.equal(provideInlayHints(parsedOf('FROM scratch\nCMD ["a"]\n'), everything, 'zh-cn')[0]?.label, '执行：a');
  });
  it('keeps both backslashes of shell-form text ending in an escaped backslash', () => {
    // Only the label: dockerfile-ast still extends the instruction's range over the next line there.
    assert.deepEqual(
      provideInlayHints(parsedOf('FROM scratch\nCMD dir C:\\\\\n'), everything, 'en').map((hint) => hint.label),
      ["runs: /bin/sh -c 'dir C:\\\\'"],
    );
  });
  it('explains in its tooltip where an inherited command comes from', () => {
    const tooltip = provideInlayHints(parsedOf('FROM scratch AS base\nCMD ["a"]\nFROM base\n'), everything, 'en')[0]?.tooltip;
    assert.ok(tooltip && typeof tooltip !== 'string');
    assert.match(tooltip.value, /CMD: `a` — inherited from stage "base"/);
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
  it('says ARGS become the shell parameters of a shell-form ENTRYPOINT, never "always ignored"', () => {
    const markdown = effectiveCommandHover(parsedOf('FROM alpine\nENTRYPOINT run\n'), { line: 1, character: 0 }, 'en') ?? '';
    assert.match(markdown, /ARGS replace CMD after the shell-form ENTRYPOINT, where the shell reads them as `\$0`, `\$1`…: `\/bin\/sh -c run ARGS…`/);
    assert.doesNotMatch(markdown, /always/);
  });
  it('shows the CMD words after a shell-form ENTRYPOINT and that its command ignores them', () => {
    const markdown = effectiveCommandHover(parsedOf('FROM scratch\nENTRYPOINT run it\nCMD ["--x"]\n'), { line: 2, character: 0 }, 'en') ?? '';
    assert.match(markdown, /runs: `\/bin\/sh -c 'run it' --x` The CMD words .* become `\$0`, `\$1`… of the shell; its command does not use them, so the CMD .* is ignored/);
  });
  it('says when a shell-form ENTRYPOINT reads the CMD words', () => {
    const markdown = effectiveCommandHover(parsedOf('FROM scratch\nENTRYPOINT exec run "$@"\nCMD ["--x"]\n'), { line: 2, character: 0 }, 'en') ?? '';
    assert.match(markdown, /become `\$0`, `\$1`… of the shell, which its command reads/);
    assert.doesNotMatch(markdown, /ignored/);
  });
  it('does not claim $0/$1 for a shell that is not POSIX', () => {
    const markdown = effectiveCommandHover(parsedOf('FROM scratch\nSHELL ["pwsh", "-Command"]\nENTRYPOINT Start-App\nCMD ["-Port", "80"]\n'), { line: 3, character: 0 }, 'en') ?? '';
    assert.match(markdown, /what they do depends on that shell/);
    assert.doesNotMatch(markdown, /\$0/);
  });
  it('explains the reset of an inherited CMD', () => {
    const markdown = effectiveCommandHover(parsedOf('FROM scratch AS a\nCMD ["x"]\nFROM a\nENTRYPOINT ["e"]\n'), { line: 3, character: 0 }, 'en') ?? '';
    assert.match(markdown, /CMD: not set — reset by the ENTRYPOINT on line 4/);
  });
  it('speaks Chinese', () => {
    const markdown = effectiveCommandHover(parsedOf('FROM scratch\nCMD []\n'), { line: 1, character: 0 }, 'zh-cn') ?? '';
    assert.match(markdown, /没有 CMD 也没有 ENTRYPOINT/);
    assert.match(markdown, /`docker run IMAGE` 执行：/, 'full-width colon after a Chinese label');
    assert.doesNotMatch(markdown.replace(/`[^`]*`/g, '``'), /[\u4e00-\u9fff]\s?:/);
  });
});

describe('usesShellParameters', () => {
  const cases: { text: string; uses: boolean }[] = [
    { text: 'exec run "$@"', uses: true },
    { text: 'run $1', uses: true },
    { text: 'echo $0', uses: true },
    { text: 'echo ${2:-none}', uses: true },
    { text: 'echo $* and $#', uses: true },
    { text: 'echo ${#}', uses: true },
    { text: 'run --flag', uses: false },
    { text: 'echo $HOME ${PATH}', uses: false },
    { text: "echo '$1'", uses: false },
    { text: 'echo \\$1', uses: false },
    { text: 'echo $$1', uses: false },
    { text: 'echo ${#NAME}', uses: false },
  ];
  for (const parameterCase of cases) {
    it(`${JSON.stringify(parameterCase.text)} → ${parameterCase.uses}`, () => {
      assert.equal(usesShellParameters(parameterCase.text), parameterCase.uses);
    });
  }
  it('knows POSIX shells by their program name', () => {
    assert.deepEqual(
      [['/bin/sh', '-c'], ['/bin/bash', '-lc'], ['ash', '-c'], ['pwsh', '-Command'], ['cmd', '/S', '/C']].map(isPosixShell),
      [true, true, true, false, false],
    );
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
