import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { ImageConfigCache } from '../../../../../../server/src/features/imageConfigs';
import { largeFileLineLimit, largeFileBurstMs, PerDocumentDebouncer, smallFileBurstMs } from '../../../../../../server/src/features/diagnostics/scheduler';
import { extractDiagnosticsSettings, readSeverityOverrides } from '../../../../../../server/src/features/diagnostics/settings';

/** Polls `condition` until it holds or the deadline passes. */
async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('PerDocumentDebouncer', () => {
  it('runs only the last job scheduled for a document', async () => {
    const debouncer = new PerDocumentDebouncer();
    const ran: number[] = [];
    for (let version = 1; version <= 5; version += 1) {
      debouncer.schedule('a', 10, 'edit', () => ran.push(version));
    }
    await until(() => ran.length > 0);
    assert.deepEqual(ran, [5]);
  });
  it('keeps documents apart and can cancel', async () => {
    const debouncer = new PerDocumentDebouncer();
    const ran: string[] = [];
    debouncer.schedule('a', 10, 'other', () => ran.push('a'));
    debouncer.schedule('b', largeFileLineLimit + 1, 'edit', () => ran.push('b'));
    debouncer.schedule('c', 10, 'edit', () => ran.push('c'));
    debouncer.cancel('c');
    await until(() => ran.length === 2);
    assert.deepEqual(ran.sort(), ['a', 'b']);
  });
  type Cause = 'edit' | 'other';
  // [label, the previous schedule of the same document (undefined: none) and how long ago, lines, this schedule's cause, expected delay]
  const delays: [string, [Cause, number] | undefined, number, Cause, number][] = [
    ['small file, opened', undefined, 10, 'other', 0],
    ['small file, typing', ['edit', smallFileBurstMs + 1], 10, 'edit', 0],
    ['small file, changes sent back to back', ['edit', smallFileBurstMs - 1], 10, 'edit', smallFileBurstMs],
    ['small file, an edit right after the open', ['other', 1], 10, 'edit', 0],
    ['small file, a settings re-check right after an edit', ['edit', 1], 10, 'other', 0],
    ['large file, opened', undefined, largeFileLineLimit, 'other', 0],
    ['large file, change after a quiet spell', ['edit', largeFileBurstMs + 1], largeFileLineLimit, 'edit', 0],
    ['large file, change within a burst', ['edit', largeFileBurstMs - 1], largeFileLineLimit, 'edit', largeFileBurstMs],
    ['large file, changes processed together after a long check', ['edit', 0], 50_000, 'edit', largeFileBurstMs],
  ];
  for (const [label, previous, lines, cause, expected] of delays) {
    it(`delay: ${label}`, () => {
      let now = 1000;
      const debouncer = new PerDocumentDebouncer(() => now);
      if (previous !== undefined) {
        debouncer.delayFor('a', lines, previous[0]);
        now += previous[1];
      }
      assert.equal(debouncer.delayFor('a', lines, cause), expected);
    });
  }
  it('delay: a pending check in a large file keeps the burst waiting, and a forgotten document starts afresh', () => {
    let now = 0;
    const debouncer = new PerDocumentDebouncer(() => now);
    debouncer.schedule('a', largeFileLineLimit, 'edit', () => undefined);
    debouncer.schedule('a', largeFileLineLimit, 'edit', () => undefined);
    now += largeFileBurstMs * 10;
    // Still pending (the timer did not fire in this synchronous test): part of the same burst.
    assert.equal(debouncer.delayFor('a', largeFileLineLimit, 'other'), largeFileBurstMs);
    debouncer.forget('a');
    now += 1;
    assert.equal(debouncer.delayFor('a', largeFileLineLimit, 'edit'), 0);
  });
});

describe('severity settings', () => {
  const cases: { name: string; payload: unknown; expected: unknown }[] = [
    { name: 'initializationOptions.diagnostics', payload: { diagnostics: { A: 'error' } }, expected: { A: 'error' } },
    { name: 'didChangeConfiguration { berthwise: { diagnostics } }', payload: { berthwise: { diagnostics: { A: 'info' } } }, expected: { A: 'info' } },
    { name: 'no diagnostics section', payload: { berthwise: {} }, expected: {} },
    { name: 'null', payload: null, expected: {} },
    { name: 'case and "information" are accepted', payload: { diagnostics: { A: 'WARNING', B: 'information' } }, expected: { A: 'warning', B: 'info' } },
    { name: 'an array is not a map', payload: { diagnostics: ['error'] }, expected: {} },
  ];
  for (const settingsCase of cases) {
    it(settingsCase.name, () => {
      assert.deepEqual(readSeverityOverrides(extractDiagnosticsSettings(settingsCase.payload)), settingsCase.expected);
    });
  }
});

function fakeConnection(answer: (image: string) => Promise<unknown>): { connection: Connection; asked: string[] } {
  const asked: string[] = [];
  const connection = {
    sendRequest: (_method: string, params: { image: string }) => {
      asked.push(params.image);
      return answer(params.image);
    },
  } as unknown as Connection;
  return { connection, asked };
}

describe('ImageConfigCache', () => {
  it('asks once per image, answers unknown until the client replies, then notifies', async () => {
    let learned = 0;
    const { connection, asked } = fakeConnection((image) => Promise.resolve(image === 'known' ? { cmd: ['sh'], entrypoint: null, shell: null, env: ['PATH=/bin'] } : null));
    const cache = new ImageConfigCache(connection);
    cache.onLearned(() => (learned += 1));
    assert.equal(cache.lookup('known'), undefined);
    assert.equal(cache.lookup('known'), undefined);
    assert.equal(cache.lookup('absent'), undefined);
    await until(() => learned === 1 && cache.lookup('absent') === null);
    assert.deepEqual(cache.lookup('known'), { cmd: ['sh'], entrypoint: null, shell: null, env: ['PATH=/bin'] });
    assert.deepEqual(asked, ['known', 'absent']);
  });
  it('treats a failing client (no handler) as no answer, without asking again', async () => {
    const { connection, asked } = fakeConnection(() => Promise.reject(new Error('method not found')));
    const cache = new ImageConfigCache(connection);
    assert.equal(cache.lookup('x'), undefined);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(cache.lookup('x'), undefined);
    assert.deepEqual(asked, ['x']);
  });
  it('ignores malformed answers', async () => {
    const { connection } = fakeConnection(() => Promise.resolve({ cmd: 'not a list', entrypoint: [1], shell: null }));
    let learned = 0;
    const cache = new ImageConfigCache(connection);
    cache.onLearned(() => (learned += 1));
    cache.lookup('x');
    await until(() => learned === 1);
    assert.deepEqual(cache.lookup('x'), { cmd: null, entrypoint: null, shell: null, env: null });
  });
});
