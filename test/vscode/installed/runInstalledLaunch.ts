/**
 * The path users take: the `.vsix` that `npm run package` builds is installed into a code-server of
 * its own with `--install-extension` (its own extensions folder), and the workbench is opened with
 * no development path, so everything checked here comes from the installed copy: the Berthwise
 * views, a Dockerfile hover and one command (the engine doctor). Screenshots go to test-results/.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Outcome } from '../../outcome';
import { until } from '../../until';
import { installExtension, plainWorkbenchUrl, startCodeServer, type CodeServerPaths, type RunningCodeServer } from '../launch/codeServer';
import { openBerthwiseContainer, viewTitles } from '../ui/explorerChecks';
import { runHoverChecks } from '../ui/hoverChecks';
import { checkRunner, runFromPalette, type Check } from '../ui/workbench';

export interface InstalledLaunchOptions {
  readonly paths: CodeServerPaths;
  readonly browser: BrowserContext;
  /** The packaged extension (`npm run package` writes berthwise.vsix). */
  readonly vsix: string;
  readonly repoRoot: string;
  readonly workspace: string;
  readonly scratchDir: string;
  readonly resultsDir: string;
}

export async function runInstalledLaunch(options: InstalledLaunchOptions): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const page = await options.browser.newPage();
  const check = checkRunner(page, options.resultsDir, outcomes);
  let server: RunningCodeServer | undefined;
  try {
    let installedDir: string | undefined;
    await check('installed: code-server --install-extension installs the .vsix', async () => {
      if (!existsSync(options.vsix)) {
        throw new Error(`no ${options.vsix}; run the tests through \`npm test\`, which packages it with \`npm run package\``);
      }
      const output = await installExtension(options.paths, options.scratchDir, options.vsix);
      installedDir = findInstalledCopy(join(options.scratchDir, 'extensions'), options.repoRoot);
      if (!installedDir) {
        throw new Error(`the extensions folder holds no Berthwise after the install; the installer said:\n${output}`);
      }
    });
    await check('installed: the installed copy holds the bundles and no tests or fixtures', () => {
      if (!installedDir) {
        return Promise.reject(new Error('nothing was installed'));
      }
      const missing = ['dist/extension.js', 'dist/server.js', 'package.json'].filter((file) => !existsSync(join(installedDir ?? '', file)));
      const unwanted = ['test', 'node_modules', 'client', 'server', 'out'].filter((folder) => existsSync(join(installedDir ?? '', folder)));
      if (missing.length > 0 || unwanted.length > 0) {
        return Promise.reject(new Error(`missing: ${missing.join(', ') || 'none'}; should not be there: ${unwanted.join(', ') || 'none'}`));
      }
      return Promise.resolve();
    });
    server = await startCodeServer({ paths: options.paths, scratchDir: options.scratchDir });
    await page.goto(plainWorkbenchUrl(server, options.workspace));
    await runChecks(page, check, options.resultsDir);
  } catch (error) {
    outcomes.push({ tier: 'vscode', title: 'installed: the launch runs to the end', state: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    await page.close().catch(() => undefined);
    await server?.stop();
  }
  return outcomes;
}

async function runChecks(page: Page, check: Check, resultsDir: string): Promise<void> {
  await check('installed: the Berthwise views show and list the engine', async () => {
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await openBerthwiseContainer(page);
    for (const title of viewTitles) {
      await page.locator('.pane-header', { hasText: title }).first().waitFor({ timeout: 30_000 });
    }
    // The seeded base image: the installed extension reached the engine.
    await page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Images' }) }).locator('.monaco-list-row', { hasText: 'berthwise-test/busybox' }).first().waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(resultsDir, 'installed-views.png') });
  });
  await runHoverChecks(page, check, resultsDir, 'installed', 'installed-hover.png');
  await check('installed: the Engine Doctor command runs and reports the engine', async () => {
    await page.mouse.move(5, 890); // away from the hover
    await runFromPalette(page, 'Berthwise: Engine Doctor');
    // The report opens rendered: a Markdown preview. Its page lives in a webview's inner frame,
    // which the workbench places outside the editor part, so the frames themselves are searched.
    const reportText = async (): Promise<string | undefined> => {
      for (const frame of page.frames()) {
        const heading = frame.locator('h1', { hasText: /Berthwise engine doctor/i });
        if ((await heading.count().catch(() => 0)) > 0) {
          return frame.locator('body').innerText();
        }
      }
      return undefined;
    };
    let report: string | undefined;
    await until('the rendered Engine Doctor report', async () => (report = await reportText()) !== undefined, 60_000);
    assert.match(report ?? '', /[1-9]\d*\s+of\s+\d+\s+engines\s+answered/);
    await page.screenshot({ path: join(resultsDir, 'installed-command.png') });
  });
}

/** The folder `--install-extension` made for this extension (`<publisher>.<name>-<version>`). */
function findInstalledCopy(extensionsDir: string, repoRoot: string): string | undefined {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  const folder = `${manifest.publisher}.${manifest.name}-${manifest.version}`.toLowerCase();
  const found = readdirSync(extensionsDir).find((name) => name.toLowerCase() === folder);
  return found === undefined ? undefined : join(extensionsDir, found);
}
