/**
 * The `extensionTestsPath` entry: the same `run()` contract for code-server and for
 * @vscode/test-electron. Runs the mocha suites inside the extension host and, when
 * BERTHWISE_TEST_RESULTS names a file, writes every test's outcome there for the outer runner.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface SuiteOutcome {
  readonly title: string;
  readonly state: 'passed' | 'failed';
  readonly error?: string;
}

export function run(): Promise<void> {
  return runMochaFiles(readdirSync(__dirname).filter((name) => name.endsWith('.test.js')).sort().map((file) => join(__dirname, file)));
}

/** Runs the given compiled mocha files in this extension host and reports as `run()` describes. */
export async function runMochaFiles(files: readonly string[]): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  files.forEach((file) => mocha.addFile(file));
  const outcomes: SuiteOutcome[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((count) => resolve(count));
    runner.on('pass', (test) => outcomes.push({ title: test.fullTitle(), state: 'passed' }));
    runner.on('fail', (test, error: unknown) =>
      outcomes.push({ title: test.fullTitle(), state: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  const resultsFile = process.env['BERTHWISE_TEST_RESULTS'];
  if (resultsFile) {
    writeFileSync(resultsFile, JSON.stringify(outcomes, null, 2));
  }
  if (failures > 0) {
    throw new Error(`${failures} extension test(s) failed`);
  }
}
