import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Hover } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from './lspClient';

const uri = 'file:///workspace/hover/Dockerfile';
const text = [
  '# syntax=docker/dockerfile:1', // 0
  'ARG VERSION=1.0', // 1
  'FROM golang:1.22 AS build', // 2
  'ARG VERSION', // 3
  'RUN --mount=type=cache,target=/root/.cache/go-build go build -ldflags "-X main.v=$VERSION" -o /app .', // 4
  'FROM alpine:3.20', // 5
  'COPY --from=build /app /app', // 6
  'ENTRYPOINT ["/app"]', // 7
  '', // 8
].join('\n');

function hoverText(hover: Hover | null): string {
  if (!hover) {
    return '';
  }
  const contents = hover.contents;
  return typeof contents === 'object' && 'value' in contents ? contents.value : JSON.stringify(contents);
}

function column(line: number, needle: string, offset = 1): number {
  const index = (text.split('\n')[line] ?? '').indexOf(needle);
  assert.ok(index >= 0, needle);
  return index + offset;
}

// One row per kind of hover: where to point, and what each locale must answer.
const cases: readonly { name: string; line: number; needle: string; en: RegExp; zh: RegExp }[] = [
  { name: 'parser directive', line: 0, needle: 'syntax', en: /Dockerfile frontend/, zh: /前端/ },
  { name: 'instruction keyword', line: 2, needle: 'FROM', en: /Starts a new build stage/, zh: /构建阶段/ },
  { name: 'flag', line: 6, needle: '--from', en: /^\*\*COPY --from\*\*/, zh: /之前的构建阶段/ },
  { name: 'mount type', line: 4, needle: 'cache', en: /^\*\*RUN --mount type=cache\*\*/, zh: /缓存目录/ },
  { name: 'variable', line: 4, needle: '$VERSION', en: /Defined on line 4[\s\S]*global ARG on line 2: `1\.0`/, zh: /定义于第 4 行/ },
  { name: 'stage name', line: 6, needle: 'build', en: /Build stage `build` \(#0\), line 3/, zh: /构建阶段 `build`（#0），第 3 行/ },
  // What `docker run` executes leads; the generic documentation follows under a rule.
  { name: 'ENTRYPOINT keyword: the effective command first', line: 7, needle: 'ENTRYPOINT', en: /^[^\n]*Effective command[\s\S]*`\/app`[\s\S]*\n---\n\n\*\*ENTRYPOINT\*\*/, zh: /^[^\n]*实际执行的命令[\s\S]*\n---\n\n\*\*ENTRYPOINT\*\*[\s\S]*容器始终运行的程序/ },
];

for (const locale of ['en', 'zh-CN'] as const) {
  describe(`hover over stdio (${locale})`, () => {
    let session: LspSession;
    before(async () => {
      session = await startServer({ locale });
      await session.open(uri, text);
    });
    after(async () => {
      await session.close();
    });

    for (const row of cases) {
      it(row.name, async () => {
        const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', {
          textDocument: { uri },
          position: { line: row.line, character: column(row.line, row.needle) },
        });
        assert.match(hoverText(hover), locale === 'en' ? row.en : row.zh);
        assert.ok(hover?.range, 'the hover names the range it explains');
      });
    }

    it('answers null on a blank line', async () => {
      const hover = await session.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 0 } });
      assert.equal(hover, null);
    });
  });
}
