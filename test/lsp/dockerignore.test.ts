import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
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
