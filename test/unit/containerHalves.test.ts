/**
 * The two-halves container list: merging, the newest-container check, and the fall back to one
 * request for an engine that does not read the name filter as a pattern. The engine here is a
 * function over a fixed list; the real engines are in test/engine/containerHalves.test.ts.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ContainerLister, coversNewest, mergeHalves, nameHalves, type ListRequest, type RawContainer } from '../../client/src/engine/containerHalves';

interface Entry extends RawContainer {
  readonly Names: string[];
}

const containers: Entry[] = [
  { Id: 'c3', Created: 30, Names: ['/web-1'] },
  { Id: 'c2', Created: 20, Names: ['/db'] },
  { Id: 'c1', Created: 10, Names: ['/cache_'] },
];

/** An engine over `containers` that reads the name filter as a regular expression, as Docker and Podman do. */
function patternEngine(log: string[]): ListRequest<Entry> {
  return ({ filters, limit }) => {
    log.push(filters ?? (limit ? `limit=${limit}` : 'all'));
    const pattern = filters ? (JSON.parse(filters) as { name: string[] }).name[0] : undefined;
    const matching = containers.filter((entry) => pattern === undefined || entry.Names.some((name) => new RegExp(pattern).test(name.slice(1))));
    return Promise.resolve(limit ? matching.slice(0, limit) : matching);
  };
}

/** An engine that reads the name filter as a plain substring: both halves come back empty. */
function substringEngine(log: string[]): ListRequest<Entry> {
  return ({ filters, limit }) => {
    log.push(filters ?? (limit ? `limit=${limit}` : 'all'));
    const text = filters ? (JSON.parse(filters) as { name: string[] }).name[0] : undefined;
    const matching = containers.filter((entry) => text === undefined || entry.Names.some((name) => name.includes(text)));
    return Promise.resolve(limit ? matching.slice(0, limit) : matching);
  };
}

describe('container list in two halves', () => {
  it('covers every possible last character with exactly one pattern', () => {
    for (let code = 0x21; code < 0x7f; code += 1) {
      const name = `x${String.fromCharCode(code)}`;
      const matches = nameHalves.filter((pattern) => new RegExp(pattern).test(name));
      assert.equal(matches.length, 1, `name ending in ${JSON.stringify(String.fromCharCode(code))}`);
    }
  });

  it('merges the halves newest first, each container once', () => {
    const merged = mergeHalves([[containers[2] as Entry, containers[0] as Entry], [containers[0] as Entry, containers[1] as Entry]]);
    assert.deepEqual(merged.map((entry) => entry.Id), ['c3', 'c2', 'c1']);
  });

  it('checks the newest container against the merged list', () => {
    assert.equal(coversNewest(containers, [containers[0] as Entry]), true);
    assert.equal(coversNewest([containers[1] as Entry], [containers[0] as Entry]), false);
    assert.equal(coversNewest([], []), true);
  });

  it('lists a pattern-reading engine in halves', async () => {
    const log: string[] = [];
    const lister = new ContainerLister();
    const listed = await lister.listAll(patternEngine(log));
    assert.deepEqual(listed.map((entry) => entry.Id), ['c3', 'c2', 'c1']);
    assert.equal(log.length, 3);
    assert.ok(!log.includes('all'), 'no whole-list request');
    log.length = 0;
    assert.deepEqual((await lister.listAll(patternEngine(log))).map((entry) => entry.Id), ['c3', 'c2', 'c1']);
    assert.deepEqual(log, nameHalves.map((pattern) => JSON.stringify({ name: [pattern] })), 'once checked, only the two halves');
  });

  it('asks in one request when the transport does not carry requests side by side (SSH)', async () => {
    const log: string[] = [];
    const lister = new ContainerLister(false);
    assert.deepEqual((await lister.listAll(patternEngine(log))).map((entry) => entry.Id), ['c3', 'c2', 'c1']);
    assert.deepEqual(log, ['all']);
    assert.equal(lister.splitting, false);
  });

  it('falls back to one request when the halves have holes, and stops splitting after two misses', async () => {
    const log: string[] = [];
    const lister = new ContainerLister();
    const engine = substringEngine(log);
    assert.deepEqual((await lister.listAll(engine)).map((entry) => entry.Id), ['c3', 'c2', 'c1']);
    assert.equal(log.filter((request) => request === 'all').length, 1);
    assert.equal(lister.splitting, true, 'one miss may be a container created between the requests');
    await lister.listAll(engine);
    assert.equal(lister.splitting, false);
    log.length = 0;
    assert.deepEqual((await lister.listAll(engine)).map((entry) => entry.Id), ['c3', 'c2', 'c1']);
    assert.deepEqual(log, ['all']);
  });
});
