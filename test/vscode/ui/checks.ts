/**
 * Drives the workbench like a person, one counted check at a time: the explorer views, prune
 * through the command palette, shell, logs and exec terminals, a Dockerfile hover, one scripted
 * walk through every step a user takes, and two engines side by side (one stopped). Saves screenshots under test-results/ and, when asked, refreshes the
 * README screenshots.
 */
import type { Page } from 'playwright-core';
import type { Outcome } from '../../outcome';
import { runContainerLifecycleChecks } from './containerLifecycleChecks';
import type { DemoObjects } from './demoObjects';
import { runEnginesChecks } from './enginesChecks';
import { runExplorerChecks } from './explorerChecks';
import { runHoverChecks } from './hoverChecks';
import { runBuildChecks } from './buildChecks';
import { runPruneChecks } from './pruneChecks';
import { publishScreenshots } from './screenshots';
import { runTerminalChecks } from './terminalChecks';
import { runWalk } from './walkChecks';
import { checkRunner } from './workbench';

/** Runs every UI check in order; `docsDir` receives the README screenshots when asked for. */
export async function runUiChecks(page: Page, url: string, demo: DemoObjects, resultsDir: string, docsDir: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const check = checkRunner(page, resultsDir, outcomes);
  try {
    await page.goto(url);
    await runExplorerChecks(page, check, demo, resultsDir);
    await runPruneChecks(page, check, resultsDir);
    await runContainerLifecycleChecks(page, check);
    await runTerminalChecks(page, check, demo, resultsDir);
    await runHoverChecks(page, check, resultsDir);
    await runWalk(page, check, resultsDir);
    await runBuildChecks(page, check, resultsDir);
    // Last: it changes the engine settings, which the checks above must not see.
    await runEnginesChecks(page, check, resultsDir);
    await publishScreenshots(check, resultsDir, docsDir);
  } catch (error) {
    // A step between checks failed: keep what the checks so far found, and count the break.
    outcomes.push({ tier: 'vscode', title: 'ui: the checks run to the end', state: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  return outcomes;
}
