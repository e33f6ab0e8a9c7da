import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentStore, hasOversizedLine, maxAnalysedLineLength } from '../../server/src/documentStore';

const uri = 'file:///w/Dockerfile';

describe('DocumentStore', () => {
  it('parses a version once however often it is asked', () => {
    const store = new DocumentStore();
    store.open(uri, 'dockerfile', 1, 'FROM a\n');
    const first = store.getParsed(uri);
    const second = store.getParsed(uri);
    assert.equal(first, second);
    assert.equal(store.parses, 1);
  });
  it('applies incremental changes and re-parses the new version lazily', () => {
    const store = new DocumentStore();
    store.open(uri, 'dockerfile', 1, 'FROM a\n');
    store.getParsed(uri);
    assert.ok(store.change(uri, 2, [{ range: { start: { line: 0, character: 5 }, end: { line: 0, character: 6 } }, text: 'busybox' }]));
    assert.equal(store.parses, 1, 'a change alone does not parse');
    const parsed = store.getParsed(uri);
    assert.equal(parsed?.document.getText(), 'FROM busybox\n');
    assert.equal(parsed?.dockerfile.getFROMs()[0]?.getImage(), 'busybox');
    assert.equal(store.parses, 2);
  });
  it('ignores a change whose version is not newer', () => {
    const store = new DocumentStore();
    store.open(uri, 'dockerfile', 5, 'FROM a\n');
    assert.equal(store.change(uri, 5, [{ text: 'FROM b\n' }]), false);
    assert.equal(store.change(uri, 4, [{ text: 'FROM c\n' }]), false);
    assert.equal(store.getDocument(uri)?.getText(), 'FROM a\n');
  });
  it('ignores changes to unknown documents and forgets closed ones', () => {
    const store = new DocumentStore();
    assert.equal(store.change('file:///nope', 2, [{ text: 'x' }]), false);
    store.open(uri, 'dockerfile', 1, '');
    store.close(uri);
    assert.equal(store.getParsed(uri), undefined);
  });
});

describe('oversized lines', () => {
  it('skips analysis of a document with a line over the limit, and says why', () => {
    const store = new DocumentStore();
    store.open(uri, 'dockerfile', 1, `FROM a\nRUN echo ${'x'.repeat(maxAnalysedLineLength)}\n`);
    const parsed = store.getParsed(uri);
    assert.equal(parsed?.skippedReason, 'oversizedLine');
    assert.equal(parsed?.dockerfile.getInstructions().length, 0);
  });
  it('analyses a long document whose lines are all within the limit', () => {
    const store = new DocumentStore();
    store.open(uri, 'dockerfile', 1, 'RUN echo hi\n'.repeat(20_000));
    const parsed = store.getParsed(uri);
    assert.equal(parsed?.skippedReason, undefined);
    assert.equal(parsed?.dockerfile.getInstructions().length, 20_000);
  });
  const cases: [string, string, boolean][] = [
    ['empty', '', false],
    ['exactly the limit', 'x'.repeat(maxAnalysedLineLength), false],
    ['one over, last line', `a\n${'x'.repeat(maxAnalysedLineLength + 1)}`, true],
    ['one over, first line', `${'x'.repeat(maxAnalysedLineLength + 1)}\nb`, true],
  ];
  for (const [label, text, expected] of cases) {
    it(`hasOversizedLine: ${label}`, () => assert.equal(hasOversizedLine(text), expected));
  }
});
