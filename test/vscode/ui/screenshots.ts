/**
 * README screenshots: with BERTHWISE_UPDATE_SCREENSHOTS=1 the UI checks copy their pictures from
 * test-results/ into docs/screenshots/, each kept small enough for a README.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Check } from './workbench';

/** docs/screenshots name → the file under test-results/ it is copied from. */
const published: Readonly<Record<string, string>> = {
  'views-containers.png': 'views-containers.png',
  'views-images.png': 'views-images.png',
  'views-volumes.png': 'views-volumes.png',
  'views-networks.png': 'views-networks.png',
  'hover.png': 'hover.png',
  'exec-terminal.png': 'exec-terminal.png',
  'logs-terminal.png': 'logs-terminal.png',
  // The preview names the engine it acts on: the private test engine's socket (scripts/engine.sh).
  'prune-preview.png': 'prune-preview.png',
  // Two engines side by side, the stopped remote one unreachable (its tooltip says why).
  'engines.png': 'engines.png',
  // Build Image's terminal after a build, and a step of the Run Image dialog (buildChecks.ts).
  'build-progress.png': 'build-progress.png',
  'run-dialog.png': 'run-dialog.png',
};

const maxBytes = 150 * 1024;

/** True when this run should refresh docs/screenshots/. */
export const screenshotsRequested = (): boolean => process.env['BERTHWISE_UPDATE_SCREENSHOTS'] === '1';

/** Copies the README screenshots (one counted check) when asked to. */
export async function publishScreenshots(check: Check, resultsDir: string, docsDir: string): Promise<void> {
  if (!screenshotsRequested()) {
    return;
  }
  await check('ui: the README screenshots are refreshed in docs/screenshots', () => {
    mkdirSync(docsDir, { recursive: true });
    const problems: string[] = [];
    for (const [docsName, resultName] of Object.entries(published)) {
      const source = join(resultsDir, resultName);
      if (!existsSync(source)) {
        problems.push(`${resultName} was not taken`);
        continue;
      }
      const bytes = statSync(source).size;
      if (bytes > maxBytes) {
        problems.push(`${resultName} is ${Math.round(bytes / 1024)} KB, more than ${maxBytes / 1024} KB`);
        continue;
      }
      copyFileSync(source, join(docsDir, docsName));
    }
    if (problems.length > 0) {
      throw new Error(problems.join('; '));
    }
    return Promise.resolve();
  });
}
