/**
 * The `extensionTestsPath` entry of the restricted-mode launch (test/vscode/trust/runTrustLaunch.ts):
 * runs only the Workspace Trust suite, in a workbench whose workspace is not trusted.
 */
import { join } from 'node:path';
import { runMochaFiles } from '../suite/index';

export function run(): Promise<void> {
  return runMochaFiles([join(__dirname, 'restrictedMode.test.js')]);
}
