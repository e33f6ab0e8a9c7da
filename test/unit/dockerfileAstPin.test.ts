/**
 * The language server uses dockerfile-ast through its public API only, but it was written and checked
 * against one release (its answers, its node types, its quirks). An upgrade must be a deliberate
 * change of the pin, re-checked by the suites, not something a lock-file refresh does silently.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..', '..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

describe('dockerfile-ast pin', () => {
  // A devDependency: esbuild bundles it into the server.
  const manifest = readJson(join(root, 'package.json')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const pinned = manifest.dependencies?.['dockerfile-ast'] ?? manifest.devDependencies?.['dockerfile-ast'];

  it('is an exact version in package.json', () => {
    assert.match(pinned ?? '', /^\d+\.\d+\.\d+$/, `dockerfile-ast must be pinned exactly, found ${String(pinned)}`);
  });

  it('is the version installed', () => {
    // The copy the server resolves at run time (the same one esbuild bundles).
    const installed = readJson(join(dirname(require.resolve('dockerfile-ast/package.json', { paths: [root] })), 'package.json'))['version'];
    assert.equal(installed, pinned, `installed dockerfile-ast ${String(installed)} is not the pinned ${String(pinned)}: re-check the server against it, then move the pin`);
  });
});
