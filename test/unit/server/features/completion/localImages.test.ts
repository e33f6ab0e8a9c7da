import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LocalImageNames } from '../../../../../server/src/features/completion/localImages';
import { provideCompletion } from '../../../../../server/src/features/completion/provideCompletion';
import { DocumentStore } from '../../../../../server/src/documentStore';

describe('LocalImageNames', () => {
  it('answers from the cache at once and refreshes only when stale', async () => {
    let now = 0;
    let asked = 0;
    const names = new LocalImageNames(() => {
      asked += 1;
      return Promise.resolve({ images: ['alpine:3.20', 'busybox:latest'] });
    }, 1000, () => now);
    assert.deepEqual(names.current(), [], 'nothing known before the first answer');
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(names.current(), ['alpine:3.20', 'busybox:latest']);
    assert.equal(asked, 1, 'a fresh answer is not asked again');
    now = 5000;
    names.current();
    assert.equal(asked, 2, 'a stale answer is refreshed');
  });
  it('treats a failed or null answer as no images', async () => {
    const names = new LocalImageNames(() => Promise.reject(new Error('no engine')));
    names.current();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(names.current(), []);
  });
});

describe('COPY --from= completion with local images', () => {
  const uri = 'file:///w/Dockerfile';
  const complete = (text: string, line: number, character: number, images: string[]): string[] => {
    const store = new DocumentStore();
    store.open(uri, 'dockerfile', 1, text);
    const parsed = store.getParsed(uri);
    assert.ok(parsed);
    return provideCompletion(parsed, { line, character }, 'en', images).items.map((item) => item.label);
  };
  it('offers stage names first, then local images', () => {
    const labels = complete('FROM a AS build\nFROM b\nCOPY --from=', 2, 12, ['alpine:3.20']);
    assert.deepEqual(labels, ['build', 'alpine:3.20']);
  });
  it('filters images by what is typed', () => {
    const labels = complete('FROM b\nCOPY --from=al', 1, 14, ['alpine:3.20', 'busybox:latest']);
    assert.deepEqual(labels, ['alpine:3.20']);
  });
  it('offers images after RUN --mount=from=', () => {
    const labels = complete('FROM b\nRUN --mount=type=bind,from=', 1, 27, ['busybox:latest']);
    assert.ok(labels.includes('busybox:latest'), labels.join(', '));
  });
});
