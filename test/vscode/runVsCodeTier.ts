/**
 * The `vscode` tier: loads the development extension into a real VS Code (code-server) in headless
 * Chromium, runs the in-host mocha suites through `extensionTestsPath`, then drives the workbench
 * as a person would (activity bar, views) and saves screenshots under test-results/; then a second
 * code-server with Workspace Trust on checks restricted mode (trust/runTrustLaunch.ts), and a third
 * one gets the packaged .vsix installed as a user installs it (installed/runInstalledLaunch.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Outcome } from '../outcome';
import type { SuiteOutcome } from './suite/index';
import { launchBrowser } from './launch/browser';
import { runInstalledLaunch } from './installed/runInstalledLaunch';
import { startCodeServer, workbenchUrl, type RunningCodeServer } from './launch/codeServer';
import { runTrustLaunch } from './trust/runTrustLaunch';
import { runUiChecks } from './ui/checks';
import { createDemoObjects, type DemoObjects } from './ui/demoObjects';
import { writeUiUserSettings } from './ui/userSettings';

const repoRoot = resolve(__dirname, '..', '..', '..');
const resultsDir = join(repoRoot, 'test-results');
const tier = 'vscode';

export async function runVsCodeTier(): Promise<Outcome[]> {
  const node = process.env['BERTHWISE_CODE_SERVER_NODE'];
  const entry = process.env['BERTHWISE_CODE_SERVER_ENTRY'];
  if (!node || !entry || !existsSync(node) || !existsSync(entry)) {
    return [failure('code-server is installed', 'BERTHWISE_CODE_SERVER_NODE / BERTHWISE_CODE_SERVER_ENTRY do not point at code-server; run the tests through `npm test`')];
  }
  mkdirSync(resultsDir, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'berthwise-vscode-'));
  const workspace = join(repoRoot, 'test', 'fixtures', 'workspace');
  const resultsFile = join(scratch, 'suite-results.json');
  const outcomes: Outcome[] = [];
  let server: RunningCodeServer | undefined;
  let demo: DemoObjects | undefined;
  const browser = await launchBrowser();
  try {
    demo = await createDemoObjects();
    writeUiUserSettings(scratch);
    server = await startCodeServer({
      paths: { node, entry },
      scratchDir: scratch,
      env: { BERTHWISE_TEST_RESULTS: resultsFile, BERTHWISE_DEMO_CONTAINER: demo.containerName },
    });
    // The in-host suites run in a multi-root workspace: the fixture folder first, then two folders
    // whose settings differ (resource-scoped settings per folder).
    outcomes.push(...(await runInHostSuites(await browser.newPage(), server, join(repoRoot, 'test', 'fixtures', 'workspace.code-workspace'), resultsFile)));
    outcomes.push(checkHostWarnings(join(scratch, 'user-data', 'logs')));
    outcomes.push(...(await runUiChecks(await browser.newPage(), workbenchUrl(server, workspace, repoRoot), demo, resultsDir, join(repoRoot, 'docs', 'screenshots'))));
  } catch (error) {
    outcomes.push(failure('the vscode tier runs', error instanceof Error ? (error.stack ?? error.message) : String(error)));
  }
  try {
    // Restricted mode needs a workbench of its own (trust on, a counted engine socket), and runs
    // whatever happened above; the first one stops first so the two do not share the machine's cores.
    await server?.stop();
    server = undefined;
    outcomes.push(...(await runTrustLaunch({ paths: { node, entry }, browser, repoRoot, workspace, scratchDir: join(scratch, 'trust'), resultsDir })));
  } catch (error) {
    outcomes.push(failure('the restricted-mode launch runs', error instanceof Error ? (error.stack ?? error.message) : String(error)));
  }
  try {
    // The packaged extension, installed with --install-extension into a code-server of its own.
    const vsix = process.env['BERTHWISE_VSIX'] ?? join(repoRoot, 'berthwise.vsix');
    outcomes.push(...(await runInstalledLaunch({ paths: { node, entry }, browser, vsix, repoRoot, workspace, scratchDir: join(scratch, 'installed'), resultsDir })));
  } catch (error) {
    outcomes.push(failure('the installed-.vsix launch runs', error instanceof Error ? (error.stack ?? error.message) : String(error)));
  } finally {
    await browser.close();
    await server?.stop();
    await demo?.remove();
    if (outcomes.every((outcome) => outcome.state === 'passed')) {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  return outcomes;
}

async function runInHostSuites(page: Page, server: RunningCodeServer, workspace: string, resultsFile: string): Promise<Outcome[]> {
  const testsPath = join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js');
  const hostLog: string[] = [];
  page.on('console', (message) => hostLog.push(message.text()));
  const exitCode = new Promise<number>((resolveExit) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
  });
  await page.goto(workbenchUrl(server, workspace, repoRoot, testsPath));
  const timeout = new Promise<'timeout'>((resolveTimeout) => setTimeout(() => resolveTimeout('timeout'), 300_000).unref());
  const code = await Promise.race([exitCode, timeout]);
  await page.screenshot({ path: join(resultsDir, 'vscode-suite.png') });
  if (code === 'timeout') {
    return [failure('the in-host suites finish', `no exit within 300 s; last host output:\n${hostLog.slice(-30).join('\n')}`)];
  }
  if (!existsSync(resultsFile)) {
    return [failure('the in-host suites report results', `exit code ${code}, no results file; last host output:\n${hostLog.slice(-30).join('\n')}`)];
  }
  const suiteOutcomes = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteOutcome[];
  if (suiteOutcomes.length === 0) {
    return [failure('the in-host suites ran tests', `exit code ${code} with no test run`)];
  }
  return suiteOutcomes.map((outcome) => ({ tier, title: outcome.title, state: outcome.state, ...(outcome.error ? { error: outcome.error } : {}) }));
}

/**
 * VS Code warns in the extension host log when an extension reads a resource-scoped setting without
 * a resource (`berthwise.diagnostics` applies per workspace folder): none may come from Berthwise.
 */
function checkHostWarnings(logsDir: string): Outcome {
  const title = 'the extension host logs no warning about Berthwise reading a resource-scoped setting without a resource';
  const logs = existsSync(logsDir) ? readdirSync(logsDir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('exthost.log')) : [];
  if (logs.length === 0) {
    return failure(title, `no extension host log under ${logsDir}`);
  }
  const warnings = logs.flatMap((path) => readFileSync(join(logsDir, path), 'utf8').split('\n')).filter((line) => line.includes('[berthwise.berthwise] Accessing a resource scoped configuration'));
  return warnings.length === 0 ? { tier, title, state: 'passed' } : failure(title, warnings.join('\n'));
}

function failure(title: string, error: string): Outcome {
  return { tier, title, state: 'failed', error };
}
