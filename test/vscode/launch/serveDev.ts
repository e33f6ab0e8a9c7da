/**
 * `npm start` ends here: seeds a few demo objects on the engine, then serves the development
 * extension in code-server on 127.0.0.1 with examples/ open, prints the URL, and keeps serving
 * until interrupted. (Lives beside the test launchers because it reuses them.)
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { startCodeServer, workbenchUrl } from './codeServer';
import { seedDemoObjects } from './demoSeed';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

async function main(): Promise<void> {
  const node = process.env['BERTHWISE_CODE_SERVER_NODE'];
  const entry = process.env['BERTHWISE_CODE_SERVER_ENTRY'];
  if (!node || !entry) {
    throw new Error('run this through `npm start`, which installs code-server first');
  }
  const seeded = await seedDemoObjects();
  console.log(`[berthwise] demo objects on ${process.env['DOCKER_HOST'] ?? 'the default engine'}: ${seeded.join(', ')}`);
  const scratch = join(process.env['BERTHWISE_CACHE'] ?? join(homedir(), '.cache', 'berthwise'), 'dev-vscode');
  mkdirSync(scratch, { recursive: true });
  const port = Number(process.env['BERTHWISE_PORT'] ?? '8737');
  const server = await startCodeServer({ paths: { node, entry }, scratchDir: scratch, port });
  const url = workbenchUrl(server, join(repoRoot, 'examples'), repoRoot);
  console.log(`\n[berthwise] VS Code with the Berthwise extension is ready:\n\n  ${url}\n\n[berthwise] open it in a browser on this machine (Ctrl-C stops code-server).`);
  const stop = (): void => {
    void server.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`[berthwise] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
