/**
 * The container list asked for in two halves (client/src/engine/containerHalves.ts) against the
 * real engine: the name patterns split containers whose names end in every kind of character the
 * engine allows, each into exactly one half, and the halved list is the whole list.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { nameHalves } from '../../client/src/engine/containerHalves';
import { createTestContainer, listInHalves, removeLabelled, testDocker, testEngine, uniqueSuffix } from '../engineHelpers';

/** Last characters from both classes and from outside every class the patterns name. */
const endings = ['0', '4', '5', '9', 'a', 'm', 'n', 'z', 'A', 'Z', '_', '.', '-'];

describe('container list in two halves, against the real engine', () => {
  const docker = testDocker();
  const suffix = uniqueSuffix();
  const prefix = `berthwise-halves-${suffix}-`;
  const names = endings.map((ending, index) => `${prefix}${index}x${ending}`);
  const ours = (list: readonly { Names?: string[] }[]): string[] =>
    list.flatMap((container) => container.Names ?? []).map((name) => name.replace(/^\//, '')).filter((name) => name.startsWith(prefix)).sort();

  before(async () => {
    for (const name of names) {
      await createTestContainer(docker, name, ['true'], false);
    }
  });
  after(async () => {
    await removeLabelled(docker, suffix);
  });

  it('puts each container into exactly one half', async () => {
    const halves = await Promise.all(nameHalves.map((pattern) => docker.listContainers({ all: true, filters: JSON.stringify({ name: [pattern] }) })));
    const [first, second] = halves.map(ours);
    assert.ok(first && first.length > 0 && second && second.length > 0, 'both halves hold some of the test containers');
    assert.deepEqual(first.filter((name) => second.includes(name)), [], 'no container in both halves');
    assert.deepEqual([...first, ...second].sort(), [...names].sort());
  });

  it('gives the same containers as one request, and keeps asking in halves', async () => {
    const halved = await listInHalves(docker);
    const whole = await docker.listContainers({ all: true });
    assert.deepEqual(ours(halved.containers), ours(whole));
    assert.deepEqual(ours(halved.containers), [...names].sort());
    assert.equal(halved.requests, 3, 'two halves and the newest-container check, no fallback request');
    assert.equal(halved.stillSplitting, true);
  });

  it('lists every one of them through the engine layer', async () => {
    const engine = testEngine(10_000);
    const listed = (await engine.listContainers()).map((container) => container.name).filter((name) => name.startsWith(prefix));
    assert.deepEqual(listed.sort(), [...names].sort());
  });
});
