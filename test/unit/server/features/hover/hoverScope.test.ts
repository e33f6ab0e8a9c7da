import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../../../../server/src/documentStore';
import { provideCompletion } from '../../../../../server/src/features/completion/provideCompletion';
import { computeFindings } from '../../../../../server/src/features/diagnostics/computeDiagnostics';
import { hoverAt, hoverCases, positionOf, type Spot } from './hoverHarness';

describe('hover: variables, scoped per stage', () => {
  const text = [
    'ARG BASE=alpine:3.20', // 0
    'ARG VERSION=1.0', // 1
    'ARG ONLY_GLOBAL=g', // 2
    'FROM --platform=$BUILDPLATFORM ${BASE} AS builder', // 3
    'ARG VERSION', // 4
    'ARG TARGETARCH', // 5
    'ENV APP=/app MODE=${APP}/x', // 6
    'RUN echo $VERSION $APP $TARGETARCH $TARGETOS $HTTP_PROXY $ONLY_GLOBAL $NOPE $MODE', // 7
    'FROM builder AS final', // 8
    'RUN echo $APP $VERSION', // 9
    'FROM alpine', // 10
    'RUN echo $APP', // 11
    'ENV LATE=1', // 12
  ].join('\n');
  const cases: readonly [string, Spot, RegExp][] = [
    ['a global ARG in FROM', { line: 3, needle: 'BASE' }, /build argument \(ARG\)[\s\S]*line 1[\s\S]*Value: `alpine:3\.20`/],
    ['a predefined platform ARG in FROM', { line: 3, needle: 'BUILDPLATFORM' }, /predefined build argument/],
    ['a redeclared global ARG inherits its default', { line: 7, needle: 'VERSION' }, /Defined on line 5[\s\S]*global ARG on line 2: `1\.0`/],
    ['an ENV in the same stage', { line: 7, needle: 'APP' }, /environment variable \(ENV\)[\s\S]*line 7[\s\S]*`\/app`/],
    ['a declared predefined ARG', { line: 7, needle: 'TARGETARCH' }, /predefined build argument[\s\S]*Declared in this stage on line 6/],
    ['an undeclared platform ARG inside a stage', { line: 7, needle: 'TARGETOS' }, /declare `ARG TARGETOS` in this stage/],
    ['a proxy ARG needs no declaration', { line: 7, needle: 'HTTP_PROXY' }, /predefined build argument(?![\s\S]*declare)/],
    ['a global ARG not redeclared in the stage', { line: 7, needle: 'ONLY_GLOBAL' }, /before the first FROM \(line 3\)[\s\S]*`ARG ONLY_GLOBAL` again/],
    ['an unknown variable', { line: 7, needle: 'NOPE' }, /Not set by any ARG or ENV in scope/],
    ['a variable set in the same ENV sees the older value', { line: 6, needle: 'APP}' }, /Not set by any ARG or ENV in scope/],
    ['ENV is inherited by a stage built FROM it', { line: 9, needle: 'APP' }, /line 7/],
    ['ARG is inherited by a stage built FROM it, with the global default it took', { line: 9, needle: 'VERSION' }, /Defined on line 5[\s\S]*global ARG on line 2: `1\.0`/],
    ['another stage does not see ENV of an unrelated stage', { line: 11, needle: 'APP' }, /Not set by any ARG or ENV/],
  ];
  for (const [name, spot, expected] of cases) {
    it(name, () => {
      assert.match(hoverAt(text, { ...spot, offset: spot.offset ?? 1 }) ?? '', expected);
    });
  }
  it('every word of `ARG A B` declares a name (dockerfile-ast reads it as A set to "B")', () => {
    const value = hoverAt('FROM alpine\nARG TARGETOS TARGETARCH\nCOPY bin/$TARGETARCH /x\n', { line: 2, needle: 'TARGETARCH' });
    assert.match(value ?? '', /predefined build argument[\s\S]*Declared in this stage on line 2/);
  });
  it('an ARG ends at a line ending in an escaped escape, as Docker ends it (the tree reads on)', () => {
    const value = hoverAt('FROM alpine\nARG DIR=C:\\\\\nARG X=1\nRUN echo $DIR\n', { line: 3, needle: 'DIR' });
    assert.match(value ?? '', /Value: `C:\\`/);
  });
  it('answers in Chinese for zh-cn', () => {
    assert.match(hoverAt(text, { line: 7, needle: 'VERSION' }, 'zh-cn') ?? '', /构建参数（ARG）[\s\S]*全局 ARG：/);
  });
  it('covers ${NAME} with braces and a modifier', () => {
    const value = hoverAt('ARG V=1\nFROM alpine:${V:-3}\n', { line: 1, needle: '${', offset: 0 });
    assert.match(value ?? '', /`\$V`[\s\S]*Value: `1`/);
  });
});

/**
 * Hover, completion and the UndefinedVar rule read one scope model, so they agree on every `$NAME`.
 * Docker's answer for these spots was measured with BuildKit builds of the same stages (labels
 * expanding the variables): a stage built FROM another sees its ARGs; a platform ARG needs `ARG`.
 */
describe('hover, completion and UndefinedVar agree on what a stage inherits', () => {
  const text = [
    'FROM scratch AS parent', // 0
    'ARG X=1', // 1
    'ARG TARGETPLATFORM', // 2
    'FROM parent AS child', // 3
    'LABEL x=$X p=$TARGETPLATFORM', // 4
    'FROM child', // 5
    'LABEL x=$X', // 6
    'FROM scratch', // 7
    'LABEL x=$X p=$TARGETOS', // 8
  ].join('\n');
  const flagged = (() => {
    const findings = computeFindings({ document: TextDocument.create('file:///w/Dockerfile', 'dockerfile', 1, text), dockerfile: DockerfileParser.parse(text) }, {});
    return findings.filter(({ rule }) => rule.code === 'UndefinedVar').map(({ finding }) => `${finding.range.start.line}:${text.split('\n')[finding.range.start.line]?.slice(finding.range.start.character, finding.range.end.character)}`);
  })();
  /** Completion just after the `$` of the spot. */
  const completes = (spot: Spot, name: string): boolean => {
    const store = new DocumentStore();
    store.open('file:///w/Dockerfile', 'dockerfile', 1, text);
    const parsed = store.getParsed('file:///w/Dockerfile');
    assert.ok(parsed);
    const item = provideCompletion(parsed, positionOf(text, { ...spot, offset: 1 }), 'en').items.find((candidate) => candidate.label === name);
    // Predefined arguments are always offered; only a declaration in scope is a variable item with its value.
    return typeof item?.detail === 'string' && item.detail.startsWith('ARG ');
  };
  const cases: readonly { name: string; spot: Spot; variable: string; hover: RegExp; inScope: boolean }[] = [
    { name: "the parent stage's ARG in a child", spot: { line: 4, needle: '$X' }, variable: 'X', hover: /build argument \(ARG\)[\s\S]*Defined on line 2:[\s\S]*ARG X=1[\s\S]*Value: `1`/, inScope: true },
    { name: "the parent's ARG in a grandchild", spot: { line: 6, needle: '$X' }, variable: 'X', hover: /Defined on line 2:[\s\S]*Value: `1`/, inScope: true },
    { name: 'a platform ARG declared in the parent', spot: { line: 4, needle: '$TARGETPLATFORM' }, variable: 'TARGETPLATFORM', hover: /predefined build argument[\s\S]*Declared on line 3, in a stage this one is built `FROM`/, inScope: true },
    { name: 'the ARG of an unrelated stage', spot: { line: 8, needle: '$X' }, variable: 'X', hover: /Not set by any ARG or ENV in scope/, inScope: false },
    { name: 'a platform ARG without ARG in the stage', spot: { line: 8, needle: '$TARGETOS' }, variable: 'TARGETOS', hover: /predefined build argument[\s\S]*declare `ARG TARGETOS` in this stage/, inScope: false },
  ];
  for (const row of cases) {
    it(row.name, () => {
      assert.match(hoverAt(text, { ...row.spot, offset: 1 }) ?? '', row.hover);
      assert.equal(completes(row.spot, row.variable), row.inScope, 'completion offers the declaration in scope');
      assert.equal(flagged.includes(`${row.spot.line}:${row.variable}`), !row.inScope, `UndefinedVar findings: ${flagged.join(', ')}`);
    });
  }
  it('an ARG without a value keeps the value a base stage set (no global default)', () => {
    const value = hoverAt('FROM scratch AS a\nARG X=1\nFROM a\nARG X\nLABEL x=$X\n', { line: 4, needle: '$X', offset: 1 });
    assert.match(value ?? '', /Defined on line 4:[\s\S]*Without a value it keeps the one set on line 2: `1`/);
  });
  it('says where an inherited declaration is in Chinese for zh-cn', () => {
    assert.match(hoverAt(text, { line: 4, needle: '$TARGETPLATFORM', offset: 1 }, 'zh-cn') ?? '', /已在第 3 行声明，位于本阶段 `FROM` 所基于的阶段中/);
  });
});

describe('hover: where a variable reference sits', () => {
  const text = 'FROM alpine\nARG V=1\nENV X=1\nCMD ["echo", "$X"]\nCMD echo $V $X\nRUN echo $V\n';
  const exec = /program receives `\$X` literally/;
  const runtime = /ARG values no longer exist/;
  const cases: readonly [string, Spot, RegExp[], RegExp[]][] = [
    ['exec form expands nothing', { line: 3, needle: '$X' }, [exec], [runtime]],
    ['an ARG in a shell-form CMD is gone at run time', { line: 4, needle: '$V' }, [runtime], [exec]],
    ['an ENV in a shell-form CMD is fine', { line: 4, needle: '$X' }, [/Value: `1`/], [runtime, exec]],
    ['an ARG in a shell-form RUN is fine', { line: 5, needle: '$V' }, [/Value: `1`/], [runtime, exec]],
  ];
  for (const [name, spot, present, absent] of cases) {
    it(name, () => {
      const value = hoverAt(text, { ...spot, offset: 1 }) ?? '';
      present.forEach((pattern) => assert.match(value, pattern));
      absent.forEach((pattern) => assert.doesNotMatch(value, pattern));
    });
  }
  it('says so in Chinese for zh-cn', () => {
    assert.match(hoverAt(text, { line: 3, needle: '$X', offset: 1 }, 'zh-cn') ?? '', /字面的 `\$X`/);
  });
  const shellCases: readonly [string, string, RegExp | null][] = [
    ['a variable of the RUN script is left to the shell', 'RUN d="$(mktemp -d)"; rm -rf "$d"', /Docker leaves it to the shell/],
    ['a modifier after the name is not part of it', 'RUN echo "${X%/php}"', /`\$X`\*\* — environment variable/],
    ['a positional parameter is no variable of the Dockerfile', 'RUN awk \'{ print $1 }\' f', null],
  ];
  for (const [name, line, expected] of shellCases) {
    it(name, () => {
      const value = hoverAt(`FROM alpine\nENV X=/usr/php\n${line}\n`, { line: 2, needle: '$', offset: 1, occurrence: line.startsWith('RUN d') ? 1 : 0 });
      if (expected) {
        assert.match(value ?? '', expected);
      } else {
        assert.equal(value, null);
      }
    });
  }
});

describe('hover: stage names', () => {
  const text = [
    'FROM golang:1.22 AS build', // 0
    'RUN go build -o /out/app .', // 1
    'FROM alpine AS Runtime', // 2
    'COPY --from=build /out/app /app', // 3
    'COPY --from=0 /out/app /app2', // 4
    'RUN --mount=type=bind,from=build,source=/out,target=/mnt ls /mnt', // 5
    'COPY --from=nginx:latest /etc/nginx/nginx.conf /n.conf', // 6
    'FROM runtime', // 7
    'COPY --from=later /a /b', // 8
    'FROM alpine AS later', // 9
  ].join('\n');
  const cases: readonly [string, Spot, RegExp | null][] = [
    ['COPY --from=<name>', { line: 3, needle: 'build' }, /Build stage `build` \(#0\), line 1[\s\S]*FROM golang:1\.22 AS build/],
    ['COPY --from=<index>', { line: 4, needle: '0' }, /Build stage `build` \(#0\)/],
    ['RUN --mount from=<name>', { line: 5, needle: 'build', offset: 1 }, /Build stage `build`/],
    ['FROM <stage> is case-insensitive', { line: 7, needle: 'runtime' }, /Build stage `Runtime` \(#1\), line 3/],
    ['the AS name itself', { line: 2, needle: 'Runtime' }, /Build stage `Runtime` \(#1\)/],
    ['an image in --from is not a stage', { line: 6, needle: 'nginx' }, /not a build stage defined above/],
    ['a stage defined later cannot be referenced', { line: 8, needle: 'later' }, /not a build stage defined above/],
    ['an ordinary base image has no stage hover', { line: 2, needle: 'alpine' }, null],
  ];
  hoverCases(text, cases);
  it('answers in Chinese for zh-cn', () => {
    assert.match(hoverAt(text, { line: 3, needle: 'build' }, 'zh-cn') ?? '', /构建阶段 `build`（#0），第 1 行/);
  });
});

describe('hover: variables where dockerfile-ast cannot resolve them', () => {
  // dockerfile-ast 0.7.1's Dockerfile.resolveVariable recurses without end for an indented first
  // instruction (no range of its own covers column 0); `getVariables()` asks it about every `$NAME`.
  it('an indented instruction before the first FROM', () => {
    const text = '  RUN echo $HOME\nFROM scratch\n';
    assert.match(hoverAt(text, { line: 0, needle: 'HOME' }) ?? '', /\$HOME/);
  });
});
