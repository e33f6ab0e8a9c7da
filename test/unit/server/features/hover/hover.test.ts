import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Position } from 'vscode-languageserver';
import type { DocLocale } from '../../../../../server/src/docs';
import { documentedFlags, instructionFlags, instructionKeywords, mountTypes } from '../../../../../server/src/docs/keys';
import { DocumentStore } from '../../../../../server/src/documentStore';
import { provideHover } from '../../../../../server/src/features/hover/provideHover';
import { effectiveCommandHover } from '../../../../../server/src/semantics/effectiveCommandHover';
import { hoverAt, hoverCases, type Spot } from './hoverHarness';

describe('hover: every instruction keyword', () => {
  for (const keyword of instructionKeywords) {
    const text = keyword === 'FROM' ? 'FROM alpine\n' : `FROM alpine\n${keyword} something\n`;
    const line = keyword === 'FROM' ? 0 : 1;
    // CMD, ENTRYPOINT and SHELL lead with the effective command; their documentation follows a rule.
    const documentationStart = ['CMD', 'ENTRYPOINT', 'SHELL'].includes(keyword) ? `\\n---\\n\\n\\*\\*${keyword}` : `^\\*\\*${keyword}`;
    it(`${keyword} in en and zh-cn`, () => {
      assert.match(hoverAt(text, { line, needle: keyword, offset: 1 }) ?? '', new RegExp(documentationStart));
      assert.match(hoverAt(text, { line, needle: keyword, offset: 1 }, 'zh-cn') ?? '', /[\u4e00-\u9fff]/);
    });
  }
  it('a lowercase keyword is documented too', () => {
    assert.match(hoverAt('from alpine\nrun true\n', { line: 1, needle: 'run' }) ?? '', /^\*\*RUN\*\*/);
  });
});

describe('hover: CMD, ENTRYPOINT and SHELL carry the effective command', () => {
  const text = 'FROM alpine\nSHELL ["/bin/sh", "-c"]\nENTRYPOINT ["/app"]\nCMD ["--help"]\n';
  for (const [line, keyword] of [[1, 'SHELL'], [2, 'ENTRYPOINT'], [3, 'CMD']] as const) {
    for (const locale of ['en', 'zh-cn'] as const) {
      it(`${keyword} (${locale}): whatever the semantics report first, then the documentation`, () => {
        const store = new DocumentStore();
        store.open('file:///w/Dockerfile', 'dockerfile', 1, text);
        const parsed = store.getParsed('file:///w/Dockerfile');
        assert.ok(parsed);
        const position = { line, character: 1 };
        const value = hoverAt(text, { line, needle: keyword, offset: 1 }, locale) ?? '';
        const effective = effectiveCommandHover(parsed, position, locale);
        if (effective !== null) {
          assert.ok(value.startsWith(`${effective}\n\n---\n\n**${keyword}**`), 'the effective command comes first, then a rule, then the documentation');
        } else {
          assert.ok(value.startsWith(`**${keyword}**`));
          assert.doesNotMatch(value, /\n---\n/);
        }
      });
    }
  }
});

describe('hover: the effective command leads only for CMD, ENTRYPOINT and SHELL', () => {
  const text = 'FROM alpine\nSHELL ["/bin/bash", "-c"]\nENTRYPOINT ["/app"]\nCMD ["--help"]\nRUN true\n';
  const store = new DocumentStore();
  store.open('file:///w/Dockerfile', 'dockerfile', 1, text);
  const parsed = store.getParsed('file:///w/Dockerfile');
  const explain = (_parsed: unknown, position: Position, locale: DocLocale): string => `EFFECTIVE ${position.line} ${locale}`;
  const cases: readonly [number, string, string | null][] = [[1, 'SHELL', 'EFFECTIVE 1 zh-cn'], [2, 'ENTRYPOINT', 'EFFECTIVE 2 zh-cn'], [3, 'CMD', 'EFFECTIVE 3 zh-cn'], [4, 'RUN', null], [0, 'FROM', null]];
  for (const [line, keyword, expected] of cases) {
    it(keyword, () => {
      assert.ok(parsed);
      const hover = provideHover(parsed, { line, character: 1 }, { locale: 'zh-cn', explainEffectiveCommand: explain });
      const value = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
      if (expected) {
        assert.ok(value.startsWith(`${expected}\n\n---\n\n**${keyword}**`), value);
      } else {
        assert.ok(value.startsWith(`**${keyword}**`));
        assert.doesNotMatch(value, /EFFECTIVE/);
      }
    });
  }
});

describe('hover: every flag', () => {
  const sampleArguments: Readonly<Record<string, string>> = {
    FROM: 'alpine', COPY: 'a /b', ADD: 'a /b', RUN: 'true', HEALTHCHECK: 'CMD true',
  };
  for (const [keyword, specs] of Object.entries(instructionFlags)) {
    for (const flag of documentedFlags(specs)) {
      it(`${keyword} --${flag} (on the name and on the dashes)`, () => {
        const line = `${keyword} --${flag}=x ${sampleArguments[keyword] ?? ''}`;
        const text = keyword === 'FROM' ? `${line}\n` : `FROM alpine\n${line}\n`;
        const row = keyword === 'FROM' ? 0 : 1;
        const title = new RegExp(`^\\*\\*${keyword} --${flag}\\*\\*`);
        assert.match(hoverAt(text, { line: row, needle: `--${flag}`, offset: 3 }) ?? '', title);
        assert.match(hoverAt(text, { line: row, needle: `--${flag}` }) ?? '', title);
      });
    }
  }
  it('a flag the instruction does not have gets no hover', () => {
    assert.equal(hoverAt('FROM alpine\nADD --from=x a /b\n', { line: 1, needle: 'from' }), null);
  });
});

describe('hover: mount types', () => {
  for (const type of mountTypes) {
    it(`type=${type}: on the type and on another key of the mount`, () => {
      const text = `FROM alpine\nRUN --mount=type=${type},target=/x true\n`;
      const title = new RegExp(`^\\*\\*RUN --mount type=${type}\\*\\*`);
      assert.match(hoverAt(text, { line: 1, needle: type }) ?? '', title);
      assert.match(hoverAt(text, { line: 1, needle: 'target' }) ?? '', title);
    });
  }
  it('a mount without type= is a bind mount', () => {
    assert.match(hoverAt('FROM alpine\nRUN --mount=target=/x true\n', { line: 1, needle: 'target' }) ?? '', /type=bind/);
  });
  it('the second of two mounts gets its own type', () => {
    const text = 'FROM alpine\nRUN --mount=type=secret,id=t --mount=type=ssh cat /run/secrets/t\n';
    assert.match(hoverAt(text, { line: 1, needle: 'ssh' }) ?? '', /type=ssh/);
  });
});

describe('hover: parser directives', () => {
  const text = '# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\n\n# syntax=ignored\nFROM alpine\n';
  const cases: readonly [string, Spot, RegExp | null][] = [
    ['syntax on its name', { line: 0, needle: 'syntax' }, /^\*\*# syntax\*\*/],
    ['syntax on its value', { line: 0, needle: 'dockerfile' }, /^\*\*# syntax\*\*/],
    ['escape', { line: 1, needle: 'escape' }, /^\*\*# escape\*\*/],
    ['check', { line: 2, needle: 'skip' }, /^\*\*# check\*\*/],
    ['a directive-like comment after a blank line is only a comment', { line: 4, needle: 'syntax' }, null],
  ];
  hoverCases(text, cases);
});

describe('hover: nothing where nothing is meant', () => {
  const text = '# a comment about FROM\nFROM alpine   \n\nRUN echo hello \\\n    # inner comment\n    world\nHEALTHCHECK NONE\nONBUILD COPY --from=0 a b\n';
  const cases: readonly [string, Spot, RegExp | null][] = [
    ['a comment line', { line: 0, needle: 'FROM' }, null],
    ['trailing whitespace', { line: 1, needle: '   ', offset: 2 }, null],
    ['an empty line', { line: 2, needle: '' }, null],
    ['a plain argument', { line: 3, needle: 'hello', offset: 2 }, null],
    ['a comment inside a continued instruction', { line: 4, needle: 'inner' }, null],
    ['HEALTHCHECK NONE has its own entry', { line: 6, needle: 'NONE' }, /^\*\*HEALTHCHECK NONE\*\*/],
    ['the ONBUILD keyword', { line: 7, needle: 'ONBUILD' }, /^\*\*ONBUILD\*\*/],
    ['the keyword of an ONBUILD trigger', { line: 7, needle: 'COPY' }, /^\*\*COPY\*\*/],
    ['a flag of an ONBUILD trigger', { line: 7, needle: 'from' }, /^\*\*COPY --from\*\*/],
  ];
  hoverCases(text, cases);
});
