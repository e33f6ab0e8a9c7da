/**
 * Activation loads dist/extension.js only; dockerode, ssh2 and vscode-languageclient live in
 * bundles of their own that are required on first use (scripts/build.mjs). These checks keep a
 * stray static import from pulling a heavy library back into the activation bundle.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const dist = join(__dirname, '..', '..', '..', 'dist');
const heavyPackages = ['dockerode', 'docker-modem', 'ssh2', '@grpc/grpc-js', 'vscode-languageclient', 'vscode-languageserver-protocol'];

/**
 * The node_modules packages esbuild marks as sections (`// node_modules/<pkg>/…`, or with a relative
 * prefix when node_modules is a link elsewhere) in a non-minified bundle.
 */
function bundledPackages(bundle: string): Set<string> {
  const packages = new Set<string>();
  for (const match of bundle.matchAll(/^\/\/ (?:\S*\/)?node_modules\/((?:@[^/\s]+\/)?[^/\s]+)\//gm)) {
    packages.add(match[1] ?? '');
  }
  return packages;
}

/** The sibling files a bundle requires (`require("./x.js")`). */
function siblingRequires(bundle: string): string[] {
  return [...bundle.matchAll(/\brequire\("\.\/([^"]+)"\)/g)].map((match) => match[1] ?? '');
}

describe('the activation bundle', () => {
  const activation = readFileSync(join(dist, 'extension.js'), 'utf8');

  it('contains none of the heavy libraries', () => {
    const present = heavyPackages.filter((name) => bundledPackages(activation).has(name));
    assert.deepEqual(present, []);
  });

  it('requires the engine driver and the language client library as sibling files that exist', () => {
    const required = siblingRequires(activation).sort();
    assert.deepEqual(required, ['engineDriver.js', 'languageClient.js']);
    for (const name of required) {
      assert.ok(existsSync(join(dist, name)), `dist/${name} is missing`);
    }
  });

  it('is a small fraction of the libraries it loads later', () => {
    const size = (name: string): number => readFileSync(join(dist, name)).length;
    assert.ok(size('extension.js') * 4 < size('engineDriver.js') + size('languageClient.js'));
  });
});

describe('the lazily loaded bundles', () => {
  it('hold the libraries that left the activation bundle', () => {
    assert.ok(bundledPackages(readFileSync(join(dist, 'engineDriver.js'), 'utf8')).has('dockerode'));
    assert.ok(bundledPackages(readFileSync(join(dist, 'engineDriver.js'), 'utf8')).has('ssh2'));
    assert.ok(bundledPackages(readFileSync(join(dist, 'languageClient.js'), 'utf8')).has('vscode-languageclient'));
  });

  it('recognise a heavy library section (the check can fail)', () => {
    assert.ok(bundledPackages('// node_modules/ssh2/lib/client.js\nvar x = 1;\n').has('ssh2'));
    assert.ok(bundledPackages('// node_modules/@grpc/grpc-js/build/src/index.js\n').has('@grpc/grpc-js'));
    assert.ok(bundledPackages('// ../elsewhere/node_modules/dockerode/lib/docker.js\n').has('dockerode'));
  });
});
