import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PublishedPort } from '../../client/src/engine/types';
import { containerContextValue } from '../../client/src/explorer/containersDescriptor';

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuEntry[]> } };

/** Whether the context menu shows `command` for an item with `contextValue`, read from package.json's `viewItem =~ /…/` clause. */
function offered(command: string, contextValue: string): boolean {
  const entries = manifest.contributes.menus['view/item/context']?.filter((entry) => entry.command === command) ?? [];
  assert.ok(entries.length > 0, `${command} has a context-menu entry`);
  return entries.some((entry) => {
    const match = /viewItem =~ \/(.+?)\/(?:\s|$)/.exec(entry.when ?? '');
    assert.ok(match?.[1], `${command} matches on viewItem: ${entry.when}`);
    return new RegExp(match[1]).test(contextValue);
  });
}

const tcp8080: PublishedPort = { privatePort: 80, publicPort: 8080, protocol: 'tcp' };
const exposedOnly: PublishedPort = { privatePort: 80, protocol: 'tcp' };
const udp: PublishedPort = { privatePort: 53, publicPort: 5353, protocol: 'udp' };

// [what, state, ports, open port offered, shell offered]
const cases: readonly [string, string, readonly PublishedPort[], boolean, boolean][] = [
  ['running, a published TCP port', 'running', [tcp8080], true, true],
  ['running, no ports', 'running', [], false, true],
  ['running, a port exposed but not published', 'running', [exposedOnly], false, true],
  ['running, only a UDP port published', 'running', [udp], false, true],
  ['exited, had a published TCP port', 'exited', [tcp8080], false, false],
];

describe('container context menu: "Open Published Port" only where a browser can open one', () => {
  for (const [what, state, ports, openPort, shell] of cases) {
    it(what, () => {
      const contextValue = containerContextValue({ state, ports });
      assert.equal(offered('berthwise.container.openPort', contextValue), openPort, contextValue);
      assert.equal(offered('berthwise.container.shell', contextValue), shell, contextValue);
      assert.equal(offered('berthwise.container.inspect', contextValue), true, contextValue);
    });
  }
});
