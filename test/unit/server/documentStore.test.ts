import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { DocumentStore, hasOversizedLine, maxAnalysedLineLength } from '../../../server/src/documentStore';
import { memoryReleases, releaseDelayMs, releaseLineThreshold } from '../../../server/src/memoryRelease';
import { computeDiagnostics } from '../../../server/src/features/diagnostics/computeDiagnostics';

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
  it('releases a closed large document: a full collection runs and its tree and model are gone', async () => {
    const store = new DocumentStore();
    const text = 'FROM busybox AS base\nARG V=1\nRUN echo "$V"\n'.repeat(Math.ceil(releaseLineThreshold / 3));
    store.open(uri, 'dockerfile', 1, text);
    const refs = ((): WeakRef<object>[] => {
      const parsed = store.getParsed(uri);
      assert.ok(parsed);
      computeDiagnostics(parsed, { locale: 'en' });
      assert.ok(store.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'ENV A=b\n' }]));
      const next = store.getParsed(uri);
      assert.ok(next);
      computeDiagnostics(next, { locale: 'en' });
      return [new WeakRef(parsed.dockerfile), new WeakRef(next.dockerfile), new WeakRef(next.dockerfile.getInstructions()[40] as object)];
    })();
    const before = memoryReleases();
    store.close(uri);
    // Waits for the collection (a condition), not for a fixed time.
    for (let waited = 0; memoryReleases() === before; waited += 10) {
      assert.ok(waited < releaseDelayMs + 5000, 'no collection after the close');
      await delay(10);
    }
    await delay(0);
    assert.deepEqual(refs.map((ref) => ref.deref() === undefined), [true, true, true]);
  });
  it('does not collect while another large document is open, and collects once none is', async () => {
    const store = new DocumentStore();
    const large = 'FROM busybox\nRUN true\n'.repeat(Math.ceil(releaseLineThreshold / 2));
    const other = 'file:///other/Dockerfile';
    store.open(uri, 'dockerfile', 1, large);
    store.open(other, 'dockerfile', 1, large);
    const before = memoryReleases();
    store.close(uri);
    await delay(releaseDelayMs * 2);
    assert.equal(memoryReleases(), before, 'collected while a large document was open');
    store.close(other);
    for (let waited = 0; memoryReleases() === before; waited += 10) {
      assert.ok(waited < releaseDelayMs + 5000, 'no collection after the last large document closed');
      await delay(10);
    }
  });
  it('does not collect after closing a small document', async () => {
    const store = new DocumentStore();
    store.open(uri, 'dockerfile', 1, 'FROM a\n');
    store.getParsed(uri);
    const before = memoryReleases();
    store.close(uri);
    await delay(releaseDelayMs * 2);
    assert.equal(memoryReleases(), before);
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
