/**
 * The restricted-mode launch of the vscode tier: its own code-server with Workspace Trust on and the
 * fixture workspace left untrusted, DOCKER_HOST on a counting socket in front of the real engine,
 * and restrictedMode.test.ts as the in-host suite. The suite asks this process, over a control
 * socket, for the count, for the requests seen, and for the two steps only the browser can do: a
 * screenshot of the hover in restricted mode and granting trust through the workbench UI.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startControlSocket } from '../../controlSocket';
import { startCountingProxy, type CountingProxy } from '../../countingProxy';
import type { Outcome } from '../../outcome';
import type { CodeServerPaths, RunningCodeServer } from '../launch/codeServer';
import { startCodeServer, workbenchUrl } from '../launch/codeServer';
import type { SuiteOutcome } from '../suite/index';
import { runFromPalette } from '../ui/workbench';

const tier = 'vscode';

export interface TrustLaunchOptions {
  readonly paths: CodeServerPaths;
  readonly browser: BrowserContext;
  readonly repoRoot: string;
  readonly workspace: string;
  readonly scratchDir: string;
  readonly resultsDir: string;
}

export async function runTrustLaunch(options: TrustLaunchOptions): Promise<Outcome[]> {
  const host = process.env['DOCKER_HOST'] ?? '';
  if (!host.startsWith('unix://')) {
    return [failure('the restricted-mode launch has an engine socket to count', `DOCKER_HOST is ${host || 'unset'}, not a unix socket`)];
  }
  mkdirSync(options.scratchDir, { recursive: true });
  writeTrustUserSettings(options.scratchDir);
  const resultsFile = join(options.scratchDir, 'suite-results.json');
  const proxy = await startCountingProxy(join(options.scratchDir, 'engine.sock'), host.slice('unix://'.length));
  const page = await options.browser.newPage();
  const control = await startControlSocket(join(options.scratchDir, 'control.sock'), (command) => answer(command, page, proxy, options.resultsDir));
  let server: RunningCodeServer | undefined;
  try {
    server = await startCodeServer({
      paths: options.paths,
      scratchDir: options.scratchDir,
      workspaceTrust: true,
      env: {
        DOCKER_HOST: `unix://${proxy.socketPath}`,
        BERTHWISE_TEST_RESULTS: resultsFile,
        BERTHWISE_TRUST_CONTROL: join(options.scratchDir, 'control.sock'),
      },
    });
    return await runSuite(page, workbenchUrl(server, options.workspace, options.repoRoot, join(options.repoRoot, 'out', 'test', 'vscode', 'trust', 'index.js')), resultsFile);
  } finally {
    await page.close().catch(() => undefined);
    await server?.stop();
    control.close();
    await proxy.close();
  }
}

/** Restricted mode without the startup question: the folder simply opens untrusted. */
function writeTrustUserSettings(scratchDir: string): void {
  const userDir = join(scratchDir, 'user-data', 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, 'settings.json'), `${JSON.stringify({ 'security.workspace.trust.startupPrompt': 'never' }, null, 2)}\n`);
}

async function answer(command: string, page: Page, proxy: CountingProxy, resultsDir: string): Promise<string> {
  switch (command) {
    case 'count':
      return String(proxy.connections());
    case 'requests':
      return JSON.stringify(proxy.requestLines());
    case 'screenshot-hover': {
      // The suite put the cursor on CMD and asked for the hover; it is what a person sees.
      await page.locator('.monaco-hover:not(.hidden)', { hasText: 'CMD' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.screenshot({ path: join(resultsDir, 'restricted-mode-hover.png') });
      return 'ok';
    }
    case 'grant-trust': {
      await runFromPalette(page, 'Workspaces: Manage Workspace Trust');
      const trust = page.locator('.workspace-trust-editor .workspace-trust-buttons-row .monaco-button', { hasText: /^Trust/ }).first();
      await trust.waitFor({ state: 'visible', timeout: 30_000 });
      const before = proxy.connections(); // the whole restricted period ends with this click
      await trust.click();
      return `ok ${before}`;
    }
    default:
      throw new Error(`unknown control command ${command}`);
  }
}

async function runSuite(page: Page, url: string, resultsFile: string): Promise<Outcome[]> {
  const hostLog: string[] = [];
  page.on('console', (message) => hostLog.push(message.text()));
  const exitCode = new Promise<number>((resolveExit) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
  });
  await page.goto(url);
  const timeout = new Promise<'timeout'>((resolveTimeout) => setTimeout(() => resolveTimeout('timeout'), 240_000).unref());
  const code = await Promise.race([exitCode, timeout]);
  if (code === 'timeout' || !existsSync(resultsFile)) {
    return [failure('the restricted-mode suite reports results', `exit ${code}; last host output:\n${hostLog.slice(-30).join('\n')}`)];
  }
  const outcomes = JSON.parse(readFileSync(resultsFile, 'utf8')) as SuiteOutcome[];
  if (outcomes.length === 0) {
    return [failure('the restricted-mode suite ran tests', `exit code ${code} with no test run`)];
  }
  return outcomes.map((outcome) => ({ tier, title: outcome.title, state: outcome.state, ...(outcome.error ? { error: outcome.error } : {}) }));
}

function failure(title: string, error: string): Outcome {
  return { tier, title, state: 'failed', error };
}
