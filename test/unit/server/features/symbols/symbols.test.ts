import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { DocumentStore, type ParsedDocument } from '../../../../../server/src/documentStore';
import { provideDocumentSymbols } from '../../../../../server/src/features/symbols/provideDocumentSymbols';

function parse(text: string): ParsedDocument {
  const store = new DocumentStore();
  store.open('file:///Dockerfile', 'dockerfile', 1, text);
  const parsed = store.getParsed('file:///Dockerfile');
  assert.ok(parsed);
  return parsed;
}

/** A compact outline: `name[child,child]`. */
function outline(symbols: readonly DocumentSymbol[]): string[] {
  return symbols.map((symbol) => (symbol.children && symbol.children.length > 0 ? `${symbol.name}[${outline(symbol.children).join(',')}]` : symbol.name));
}

function contains(outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean {
  const after = (a: typeof inner.start, b: typeof inner.start): boolean => a.line > b.line || (a.line === b.line && a.character >= b.character);
  return after(inner.start, outer.start) && after(outer.end, inner.end);
}

function checkRanges(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection inside range`);
    if (parent) {
      assert.ok(contains(parent.range, symbol.range), `${symbol.name}: inside ${parent.name}`);
    }
    checkRanges(symbol.children ?? [], symbol);
  }
}

const cases: readonly { name: string; text: string; expected: string[] }[] = [
  { name: 'empty file', text: '', expected: [] },
  {
    name: 'directives, global ARG, named and unnamed stages',
    text: '# syntax=docker/dockerfile:1\nARG BASE=alpine\nFROM $BASE AS build\nRUN make\nFROM alpine\nCOPY --from=build /out /out\n',
    expected: ['# syntax', 'ARG[BASE]', 'build[FROM,RUN]', 'alpine[FROM,COPY]'],
  },
  { name: 'ENV children per variable', text: 'FROM a\nENV A=1 B=2\n', expected: ['a[FROM,ENV[A,B]]'] },
  { name: 'multi-line instruction stays one node', text: 'FROM a AS x\nRUN a \\\n  b\nCMD ["x"]\n', expected: ['x[FROM,RUN,CMD]'] },
];

describe('document symbols (table)', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const symbols = provideDocumentSymbols(parse(testCase.text));
      assert.deepEqual(outline(symbols), testCase.expected);
      checkRanges(symbols);
    });
  }

  it('a stage spans from its FROM to its last instruction and is selected by its name', () => {
    const [stage] = provideDocumentSymbols(parse('FROM alpine AS build\nRUN a \\\n  b\n'));
    assert.equal(stage?.kind, SymbolKind.Class);
    assert.deepEqual(stage?.range, { start: { line: 0, character: 0 }, end: { line: 2, character: 3 } });
    assert.deepEqual(stage?.selectionRange, { start: { line: 0, character: 15 }, end: { line: 0, character: 20 } });
    assert.equal(stage?.detail, 'FROM alpine');
  });

  it('MAINTAINER is tagged deprecated and long RUN details are shortened', () => {
    const [stage] = provideDocumentSymbols(parse(`FROM a\nMAINTAINER me\nRUN ${'x'.repeat(200)}\n`));
    const [, maintainer, run] = stage?.children ?? [];
    assert.deepEqual(maintainer?.tags, [1]);
    assert.ok((run?.detail ?? '').length <= 60);
  });
});
