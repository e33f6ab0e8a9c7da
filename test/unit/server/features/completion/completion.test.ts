import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, Position } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../../../../server/src/documentStore';
import { limitCompletionItems, maxCompletionItems } from '../../../../../server/src/features/completion/limit';
import { provideCompletion } from '../../../../../server/src/features/completion/provideCompletion';

/** Completes at the `|` marker of `source`. */
function complete(source: string, locale: 'en' | 'zh-cn' = 'en'): CompletionItem[] {
  const offset = source.indexOf('|');
  assert.ok(offset >= 0, 'test source needs a | cursor marker');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  const position: Position = { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
  const store = new DocumentStore();
  store.open('file:///Dockerfile', 'dockerfile', 1, text);
  const parsed = store.getParsed('file:///Dockerfile');
  assert.ok(parsed);
  return provideCompletion(parsed, position, locale).items;
}

function labels(source: string): string[] {
  return complete(source).map((item) => item.label);
}

interface Case {
  readonly name: string;
  readonly source: string;
  readonly includes?: readonly string[];
  readonly excludes?: readonly string[];
  readonly exactly?: readonly string[];
}

const cases: readonly Case[] = [
  { name: 'empty file offers ARG, FROM, the stage template and the directives', source: '|', exactly: ['ARG', 'FROM', 'multistage', '# syntax=', '# escape=', '# check='] },
  { name: 'directives still fit below a directive', source: '# syntax=docker/dockerfile:1\n|\nFROM a', includes: ['# escape=', 'FROM'] },
  { name: 'no directive lines after an instruction', source: 'FROM a\n|', excludes: ['# syntax='] },
  { name: 'before the first FROM only ARG, FROM and the stage template', source: 'A|\nFROM alpine\n', exactly: ['ARG', 'FROM', 'multistage'] },
  { name: 'no instruction templates before the first FROM', source: '|\nFROM alpine\n', excludes: ['apk', 'apt', 'nonroot', 'healthcheck', 'entrypoint-cmd'] },
  { name: 'instruction templates after FROM', source: 'FROM alpine\n|', includes: ['apk', 'apt', 'nonroot', 'healthcheck', 'entrypoint-cmd', 'multistage'] },
  { name: 'no templates as an ONBUILD trigger', source: 'FROM alpine\nONBUILD |', excludes: ['apk', 'multistage'] },
  { name: 'after FROM every instruction', source: 'FROM alpine\n|', includes: ['RUN', 'COPY', 'HEALTHCHECK', 'ONBUILD', 'MAINTAINER', 'FROM'] },
  { name: 'a partial keyword is completed', source: 'FROM alpine\nRU|', includes: ['RUN'] },
  { name: 'ONBUILD triggers exclude ONBUILD, FROM, MAINTAINER', source: 'FROM alpine\nONBUILD |', includes: ['RUN', 'COPY'], excludes: ['ONBUILD', 'FROM', 'MAINTAINER'] },
  { name: 'directive names at the top', source: '# |\nFROM alpine', exactly: ['syntax', 'escape', 'check'] },
  { name: 'syntax values', source: '# syntax=|\nFROM alpine', includes: ['docker/dockerfile:1', 'docker/dockerfile:1-labs'] },
  { name: 'escape values', source: '# escape=|\nFROM alpine', exactly: ['\\', '`'] },
  { name: 'check keys', source: '# check=|\nFROM alpine', exactly: ['skip=', 'error='] },
  { name: 'check skip rules', source: '# check=skip=|\nFROM alpine', includes: ['JSONArgsRecommended', 'UndefinedVar', 'all'] },
  { name: 'check skip rules leave out chosen ones', source: '# check=skip=UndefinedVar,|\nFROM alpine', includes: ['StageNameCasing'], excludes: ['UndefinedVar'] },
  { name: 'check error values after ;', source: '# check=skip=all;error=|\nFROM alpine', exactly: ['true', 'false'] },
  { name: 'no directives after an instruction', source: 'FROM alpine\n# |', exactly: [] },
  { name: 'no directives after a plain comment', source: '# hello\n# |\nFROM alpine', exactly: [] },
  { name: 'nothing inside a comment in a continuation', source: 'FROM alpine\nRUN a \\\n # x|\n b', exactly: [] },
  { name: 'FROM flags', source: 'FROM --|', exactly: ['--platform'] },
  { name: 'FROM --platform values', source: 'FROM --platform=|', includes: ['linux/amd64', 'linux/arm64', '$BUILDPLATFORM'] },
  { name: 'FROM offers AS after the image', source: 'FROM alpine |', exactly: ['AS'] },
  { name: 'FROM offers earlier stages as images', source: 'FROM alpine AS build\nFROM |', includes: ['build', '--platform'] },
  { name: 'COPY flags', source: 'FROM a\nCOPY --|', exactly: ['--from', '--chown', '--chmod', '--link', '--parents', '--exclude'] },
  { name: 'COPY flags leave out used ones but repeat --exclude', source: 'FROM a\nCOPY --link --exclude=x --|', includes: ['--exclude', '--from'], excludes: ['--link'] },
  { name: 'ADD flags', source: 'FROM a\nADD --|', exactly: ['--chown', '--chmod', '--link', '--exclude', '--checksum', '--keep-git-dir', '--unpack'] },
  { name: 'no flags after the first source', source: 'FROM a\nCOPY src --|', exactly: [] },
  {
    name: 'COPY --from offers earlier stages only',
    source: 'FROM alpine AS build\nFROM alpine AS test\nFROM alpine\nCOPY --from=|\nFROM alpine AS later',
    exactly: ['build', 'test'],
  },
  { name: 'COPY --from offers an unnamed stage by index', source: 'FROM alpine\nFROM alpine\nCOPY --from=|', exactly: ['0'] },
  { name: 'RUN flags', source: 'FROM a\nRUN --|', exactly: ['--mount', '--network', '--security'] },
  { name: 'RUN --mount offers type first', source: 'FROM a\nRUN --mount=|', includes: ['type=', 'target=', 'source='] },
  { name: 'RUN --mount types', source: 'FROM a\nRUN --mount=type=|', exactly: ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] },
  { name: 'cache mount keys', source: 'FROM a\nRUN --mount=type=cache,|', includes: ['target=', 'id=', 'sharing=', 'mode=', 'uid=', 'gid=', 'readonly=', 'from='], excludes: ['type=', 'size=', 'required='] },
  { name: 'secret mount keys', source: 'FROM a\nRUN --mount=type=secret,|', includes: ['id=', 'target=', 'required=', 'env='], excludes: ['sharing=', 'size='] },
  { name: 'tmpfs mount keys', source: 'FROM a\nRUN --mount=type=tmpfs,|', exactly: ['target=', 'size='] },
  { name: 'ssh mount keys', source: 'FROM a\nRUN --mount=type=ssh,|', includes: ['id=', 'required='], excludes: ['size='] },
  { name: 'mount keys already given are left out (aliases too)', source: 'FROM a\nRUN --mount=type=cache,dst=/x,|', includes: ['id='], excludes: ['target='] },
  { name: 'sharing values', source: 'FROM a\nRUN --mount=type=cache,sharing=|', exactly: ['shared', 'private', 'locked'] },
  { name: 'mount from offers stages', source: 'FROM a AS deps\nFROM a\nRUN --mount=type=bind,from=|', exactly: ['deps'] },
  { name: 'RUN --network values', source: 'FROM a\nRUN --network=|', exactly: ['default', 'none', 'host'] },
  { name: 'RUN --security values', source: 'FROM a\nRUN --security=|', exactly: ['insecure', 'sandbox'] },
  { name: 'HEALTHCHECK options and NONE', source: 'FROM a\nHEALTHCHECK |', includes: ['--interval', '--timeout', '--start-period', '--start-interval', '--retries', 'CMD', 'NONE'] },
  { name: 'ARG offers global and predefined names', source: 'ARG BASE=a\nFROM a\nARG |', includes: ['BASE', 'TARGETARCH', 'BUILDKIT_INLINE_CACHE', 'http_proxy'] },
  { name: 'HEALTHCHECK after options offers CMD only', source: 'FROM a\nHEALTHCHECK --interval=5s |', includes: ['CMD'], excludes: ['NONE', '--interval'] },
  { name: 'STOPSIGNAL signals', source: 'FROM a\nSTOPSIGNAL |', includes: ['SIGTERM', 'SIGKILL', 'SIGQUIT'] },
  { name: 'CMD exec-form snippets', source: 'FROM a\nCMD |', includes: ['["executable", "param"]'] },
  { name: 'SHELL snippets', source: 'FROM a\nSHELL |', includes: ['["/bin/sh", "-c"]', '["powershell", "-command"]'] },
  { name: 'EXPOSE protocols', source: 'FROM a\nEXPOSE 80|', exactly: ['80/tcp', '80/udp'] },
  { name: 'nothing inside a heredoc body', source: 'FROM a\nRUN <<EOF\n$|\nEOF\n', exactly: [] },
  { name: 'nothing inside a heredoc body opened with a file descriptor', source: 'FROM a\nRUN 0<<EOF\n|\nEOF\n', exactly: [] },
  { name: 'nothing inside an ONBUILD RUN heredoc body', source: 'FROM a\nONBUILD RUN <<EOF\nR|\nEOF\n', exactly: [] },
  { name: 'nothing in a RUN command', source: 'FROM a\nRUN echo |', exactly: [] },
  { name: 'continuation lines keep the flag context', source: 'FROM a\nRUN --network=none \\\n  --|', includes: ['--mount', '--security'], excludes: ['--network'] },
  { name: 'backtick continuation under the escape directive', source: '# escape=`\nFROM a\nRUN --network=none `\n  --|', includes: ['--mount'], excludes: ['--network'] },
  { name: 'ONBUILD trigger flags', source: 'FROM a AS b\nFROM a\nONBUILD COPY --from=|', exactly: ['b'] },
];

describe('completion (table)', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const found = labels(testCase.source);
      if (testCase.exactly) {
        assert.deepEqual([...found].sort(), [...testCase.exactly].sort());
      }
      for (const label of testCase.includes ?? []) {
        assert.ok(found.includes(label), `expected ${label} in ${JSON.stringify(found)}`);
      }
      for (const label of testCase.excludes ?? []) {
        assert.ok(!found.includes(label), `did not expect ${label} in ${JSON.stringify(found)}`);
      }
    });
  }
});

interface VariableCase {
  readonly name: string;
  readonly source: string;
  readonly includes: readonly string[];
  readonly excludes: readonly string[];
}

const variableCases: readonly VariableCase[] = [
  {
    name: 'stage ARG and ENV before the cursor, plus predefined args',
    source: 'FROM a\nARG VERSION=1\nENV HOME_DIR=/h\nRUN echo ${|\nENV LATER=1',
    includes: ['VERSION', 'HOME_DIR', 'TARGETPLATFORM', 'BUILDARCH', 'HTTP_PROXY', 'no_proxy'],
    excludes: ['LATER'],
  },
  {
    name: 'a global ARG is visible in a stage only when redeclared',
    source: 'ARG BASE=alpine\nARG OTHER=x\nFROM $BASE\nARG BASE\nRUN echo $|',
    includes: ['BASE'],
    excludes: ['OTHER'],
  },
  { name: 'FROM sees global ARGs', source: 'ARG BASE=alpine\nFROM ${|}', includes: ['BASE'], excludes: [] },
  {
    name: 'ENV and ARG of the parent stage are inherited',
    source: 'FROM a AS base\nENV APP=/app\nARG LOCAL=1\nFROM base\nWORKDIR $|',
    includes: ['APP', 'LOCAL'],
    excludes: [],
  },
  {
    name: 'ARG of a grandparent stage is inherited, not the ARG of an unrelated stage',
    source: 'FROM a AS base\nARG X=1\nFROM a AS other\nARG OTHER=2\nFROM base AS mid\nFROM mid\nLABEL x=$|',
    includes: ['X'],
    excludes: ['OTHER'],
  },
  { name: 'variables of another stage stay out', source: 'FROM a\nENV ONE=1\nFROM b\nRUN echo $|', includes: [], excludes: ['ONE'] },
];

describe('completion of variables (table)', () => {
  for (const testCase of variableCases) {
    it(testCase.name, () => {
      const found = labels(testCase.source);
      for (const label of testCase.includes) {
        assert.ok(found.includes(label), `expected ${label} in ${JSON.stringify(found)}`);
      }
      for (const label of testCase.excludes) {
        assert.ok(!found.includes(label), `did not expect ${label}`);
      }
    });
  }

  it('closes a brace only when none follows', () => {
    const open = complete('FROM a\nARG V=1\nRUN echo ${V|').find((item) => item.label === 'V');
    const closed = complete('FROM a\nARG V=1\nRUN echo ${V|}').find((item) => item.label === 'V');
    assert.equal(open?.textEdit && 'newText' in open.textEdit ? open.textEdit.newText : undefined, 'V}');
    assert.equal(closed?.textEdit && 'newText' in closed.textEdit ? closed.textEdit.newText : undefined, 'V');
  });

  it('no variables inside an exec form (no shell expands them)', () => {
    assert.deepEqual(labels('FROM a\nARG V=1\nCMD ["echo", "$|'), []);
    assert.deepEqual(labels('FROM a\nARG V=1\nRUN ["$|'), []);
  });

  it('an escaped dollar is not a variable', () => {
    assert.deepEqual(labels('FROM a\nARG V=1\nENV X=\\$|'), []);
  });
});

describe('completion item edits and documentation', () => {
  it('a flag replaces the typed dashes and re-opens the list for its value', () => {
    const item = complete('FROM a\nRUN --mo|').find((candidate) => candidate.label === '--mount');
    assert.ok(item?.textEdit && 'range' in item.textEdit);
    assert.deepEqual(item.textEdit.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } });
    assert.equal(item.textEdit.newText, '--mount=');
    assert.equal(item.command?.command, 'editor.action.triggerSuggest');
  });

  it('keywords carry their documentation, in the requested locale', () => {
    const english = complete('FROM a\n|').find((item) => item.label === 'FROM');
    const chinese = complete('FROM a\n|', 'zh-cn').find((item) => item.label === 'FROM');
    const text = (item: CompletionItem | undefined): string =>
      typeof item?.documentation === 'object' ? item.documentation.value : String(item?.documentation ?? '');
    assert.match(text(english), /FROM/);
    assert.ok(text(chinese).length > 0);
  });

  it('a keyword typed before existing arguments gets no extra space', () => {
    const item = complete('FROM a\nRU| echo hi').find((candidate) => candidate.label === 'RUN');
    assert.ok(item?.textEdit && 'newText' in item.textEdit);
    assert.equal(item.textEdit.newText, 'RUN');
  });

  it('MAINTAINER is marked deprecated', () => {
    const item = complete('FROM a\n|').find((candidate) => candidate.label === 'MAINTAINER');
    assert.deepEqual(item?.tags, [1]);
  });
});

describe('completion in huge files', () => {
  it('past the limit, offers what matches the typed prefix and marks the list incomplete', () => {
    const stages = Array.from({ length: 700 }, (_, index) => `FROM alpine AS stage${index}`).join('\n');
    const text = `${stages}\nFROM alpine\nCOPY --from=stage69`;
    const store = new DocumentStore();
    store.open('file:///Dockerfile', 'dockerfile', 1, text);
    const parsed = store.getParsed('file:///Dockerfile');
    assert.ok(parsed);
    const list = provideCompletion(parsed, { line: 701, character: 'COPY --from=stage69'.length }, 'en');
    assert.equal(list.isIncomplete, true);
    assert.deepEqual(list.items.map((item) => item.label).sort(), ['stage69', ...Array.from({ length: 10 }, (_, digit) => `stage69${digit}`)].sort());
  });

  it('a short list is complete and a long one is cut to the limit', () => {
    const document = TextDocument.create('file:///x', 'dockerfile', 1, 'RUN x');
    const position = { line: 0, character: 5 };
    const items = Array.from({ length: maxCompletionItems + 10 }, (_, index) => ({ label: `x${index}` }));
    assert.equal(limitCompletionItems({ isIncomplete: false, items: items.slice(0, 3) }, document, position).isIncomplete, false);
    const cut = limitCompletionItems({ isIncomplete: false, items }, document, position);
    assert.equal(cut.isIncomplete, true);
    assert.equal(cut.items.length, maxCompletionItems);
  });
});
