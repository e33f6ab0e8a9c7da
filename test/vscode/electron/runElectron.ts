/**
 * Runs the same in-host suites (test/vscode/suite/index.ts `run()`) in desktop VS Code through
 * @vscode/test-electron, for machines that have VS Code installed or can download it.
 * `npm run test:electron`; set BERTHWISE_VSCODE_EXECUTABLE to use an installed VS Code binary.
 * (On the project's CI machines VS Code cannot be downloaded; the code-server tier runs there.)
 */
import { resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = resolve(__dirname, '..', '..', '..', '..');
  const executable = process.env['BERTHWISE_VSCODE_EXECUTABLE'];
  await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: resolve(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js'),
    launchArgs: [resolve(repoRoot, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
    ...(executable ? { vscodeExecutablePath: executable } : {}),
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
