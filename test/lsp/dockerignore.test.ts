import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { resolveBuildContexts } from '../../client/src/language/buildContexts';
import { buildContextsNotification } from '../../server/src/protocol';
import { codesOf, DiagnosticsWatcher } from './diagnosticsWatcher';
import { startServer, type LspSession } from './lspClient';

describe('CopyIgnoredFile reads the .dockerignore next to the Dockerfile and follows its changes', () => {
  let session: LspSession;
  let watcher: DiagnosticsWatcher;
  let folder: string;
  before(async () => {
    session = await startServer();
    watcher = new DiagnosticsWatcher(session);
    folder = mkdtempSync(join(tmpdir(), 'berthwise-dockerignore-'));
  });
  after(async () => {
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const changed = async (path: string, type: 1 | 2 | 3): Promise<void> =>
    session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path).href, type }] });

  it('warns, prefers <name>.dockerignore, and re-checks when one is created, changed or deleted', async () => {
    const plain = join(folder, '.dockerignore');
    const specific = join(folder, 'api.Dockerfile.dockerignore');
    writeFileSync(plain, '*.env\n');
    const uri = pathToFileURL(join(folder, 'api.Dockerfile')).href;
    await session.open(uri, 'FROM alpine\nCOPY app.env /app/\nCOPY main.go /app/\nCMD ["/app"]\n');
    const count = (): number => watcher.of(uri).length;
    // The first publication after the `seen` ones.
    const next = async (seen: number): Promise<string[]> => {
      await watcher.waitFor(uri, () => count() > seen);
      const published = watcher.of(uri)[seen];
      assert.ok(published);
      return codesOf(published);
    };
    assert.deepEqual(codesOf(await watcher.waitFor(uri, (p) => p.version === 1)), ['CopyIgnoredFile@1']);

    let seen = count();
    writeFileSync(specific, '*.go\n');
    await changed(specific, 1);
    assert.deepEqual(await next(seen), ['CopyIgnoredFile@2']);

    seen = count();
    unlinkSync(specific);
    await changed(specific, 3);
    assert.deepEqual(await next(seen), ['CopyIgnoredFile@1']);

    seen = count();
    writeFileSync(plain, '*.env\n!app.env\n');
    await changed(plain, 2);
    assert.deepEqual(await next(seen), []);
  });
});

describe('berthwise/buildContexts names another context folder', () => {
  let session: LspSession;
  let watcher: DiagnosticsWatcher;
  let folder: string;
  before(async () => {
    session = await startServer();
    watcher = new DiagnosticsWatcher(session);
    folder = mkdtempSync(join(tmpdir(), 'berthwise-context-'));
  });
  after(async () => {
    await session.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads the .dockerignore of the named context instead of the Dockerfile\'s folder', async () => {
    mkdirSync(join(folder, 'docker'));
    writeFileSync(join(folder, '.dockerignore'), 'secrets/\n');
    const dockerfile = join(folder, 'docker', 'Dockerfile');
    const uri = pathToFileURL(dockerfile).href;
    await session.open(uri, 'FROM alpine\nCOPY secrets/key.pem /k\nCMD ["/app"]\n');
    assert.deepEqual(codesOf(await watcher.waitFor(uri, (p) => p.version === 1)), []);
    const seen = watcher.of(uri).length;
    await session.connection.sendNotification(buildContextsNotification, resolveBuildContexts([{ folder, value: { 'docker/Dockerfile': '.' } }]));
    await watcher.waitFor(uri, () => watcher.of(uri).length > seen);
    const published = watcher.of(uri)[seen];
    assert.ok(published);
    assert.deepEqual(codesOf(published), ['CopyIgnoredFile@1']);
  });
});

describe('resolveBuildContexts', () => {
  it('resolves both sides against the workspace folder and drops what is not a string pair', () => {
    const root = join(tmpdir(), 'ws');
    assert.deepEqual(resolveBuildContexts([{ folder: root, value: { 'docker/Dockerfile': '.', 'a/Dockerfile': 3, '': 'x' } }, { folder: root, value: ['x'] }]), {
      contexts: { [join(root, 'docker', 'Dockerfile')]: root },
    });
  });
});
