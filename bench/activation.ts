/**
 * Activation: loads Berthwise as an extension under development into code-server in headless
 * Chromium (by default a scratch copy with the production bundles, as the .vsix ships it), with
 * bench/activationProbe.ts as the `extensionTestsPath` entry, which times `activate()` of Berthwise
 * and of not-yet-active built-in extensions in the same extension host. DOCKER_HOST points at a
 * unix socket served here that counts connections (and forwards them to the real engine, when
 * one is given, so the view opened at the end lists something): activation must make none.
 *   node scripts/build.mjs && npx tsc -b && node out/bench/activation.js   (BENCH_QUICK=1: 2 rounds;
 *   BENCH_BUNDLE=dev: the repository's development build in dist/)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startControlSocket } from '../test/controlSocket';
import { startCountingProxy } from '../test/countingProxy';
import { launchBrowser } from '../test/vscode/launch/browser';
import { startCodeServer, workbenchUrl, type RunningCodeServer } from '../test/vscode/launch/codeServer';
import type { ProbeReport } from './activationProbe';
import { ms, quantile, ratio } from './stats';

const repoRoot = resolve(__dirname, '..', '..');
const rounds = process.env['BENCH_QUICK'] === '1' ? 2 : 5;
const activationBudgetMs = 50;
/** `BENCH_BUNDLE=dev`: time the repository's own dist/ (the development build) instead of a production copy. */
const devBundle = process.env['BENCH_BUNDLE'] === 'dev';

/**
 * The extension as users install it: the production (minified) bundles next to the files the .vsix
 * ships (the `!` entries of .vscodeignore), in a scratch folder, so the repository's dist/ keeps
 * its development build for the tests.
 */
function productionCopy(target: string): string {
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--production', `--outdir=${join(target, 'dist')}`], { cwd: repoRoot, stdio: 'inherit' });
  const shipped = readFileSync(join(repoRoot, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('!') && !line.startsWith('!dist/'))
    .map((line) => line.slice(1).replace(/\/\*\*$/, ''));
  for (const path of shipped) {
    if (existsSync(join(repoRoot, path))) {
      cpSync(join(repoRoot, path), join(target, path), { recursive: true });
    }
  }
  return target;
}

async function oneRound(server: RunningCodeServer, workspace: string, extensionPath: string, reportPath: string): Promise<ProbeReport> {
  rmSync(reportPath, { force: true });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const exited = new Promise<number>((done) => void page.exposeFunction('codeAutomationExit', (code: number) => done(code)));
    await page.goto(workbenchUrl(server, workspace, extensionPath, join(repoRoot, 'out', 'bench', 'activationProbe.js')));
    const timeout = new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 120_000).unref());
    if ((await Promise.race([exited, timeout])) === 'timeout' || !existsSync(reportPath)) {
      throw new Error('the activation probe did not report within 120 s');
    }
    return JSON.parse(readFileSync(reportPath, 'utf8')) as ProbeReport;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const node = process.env['BERTHWISE_CODE_SERVER_NODE'];
  const entry = process.env['BERTHWISE_CODE_SERVER_ENTRY'];
  if (!node || !entry || !existsSync(node) || !existsSync(entry)) {
    throw new Error('set BERTHWISE_CODE_SERVER_NODE and BERTHWISE_CODE_SERVER_ENTRY to code-server (see the test notes)');
  }
  const realHost = process.env['DOCKER_HOST'];
  const upstream = realHost?.startsWith('unix://') ? realHost.slice('unix://'.length) : undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'berthwise-bench-activation-'));
  const workspace = join(scratch, 'workspace'); // empty: nothing in it activates anything
  mkdirSync(workspace);
  const reportPath = join(scratch, 'probe-report.json');
  const extensionPath = devBundle ? repoRoot : productionCopy(join(scratch, 'extension'));
  const engine = await startCountingProxy(join(scratch, 'engine.sock'), upstream);
  // The probe asks here for the count; answering on a separate socket keeps the count itself clean.
  const control = await startControlSocket(join(scratch, 'control.sock'), () => String(engine.connections()));
  let server: RunningCodeServer | undefined;
  try {
    const reports: ProbeReport[] = [];
    for (let round = 0; round < rounds; round++) {
      // One code-server per round: a fresh extension host in which nothing of ours ran yet.
      server = await startCodeServer({
        paths: { node, entry },
        scratchDir: join(scratch, `round-${round}`),
        env: {
          DOCKER_HOST: `unix://${join(scratch, 'engine.sock')}`,
          BERTHWISE_BENCH_CONTROL: join(scratch, 'control.sock'),
          BERTHWISE_BENCH_REPORT: reportPath,
          BERTHWISE_BENCH_BERTHWISE_FIRST: round % 2 === 0 ? '1' : '0',
        },
      });
      const startCount = engine.connections();
      const report = await oneRound(server, workspace, extensionPath, reportPath);
      await server.stop();
      server = undefined;
      if (report.error) {
        throw new Error(`round ${round + 1}: ${report.error}`);
      }
      // Counts are cumulative over rounds; make each round's relative to its own start.
      reports.push({
        ...report,
        connectionsBeforeActivation: report.connectionsBeforeActivation - startCount,
        connectionsAfterActivation: report.connectionsAfterActivation - startCount,
        connectionsAfterView: report.connectionsAfterView - startCount,
      });
    }
    printTable(reports, upstream !== undefined, devBundle ? 'development build in dist/' : 'production build (minified), as in the .vsix');
  } finally {
    await server?.stop();
    await engine.close();
    control.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

function printTable(reports: readonly ProbeReport[], forwarded: boolean, bundle: string): void {
  const ids = [...new Set(reports.flatMap((report) => report.timings.map((timing) => timing.id)))];
  const samplesOf = (id: string): number[] => reports.flatMap((report) => report.timings.filter((t) => t.id === id && t.ms !== undefined).map((t) => t.ms as number));
  const ours = quantile(samplesOf('berthwise.berthwise'), 0.5);
  console.log(`\n${reports.length} rounds, each a fresh code-server extension host; Berthwise's ${bundle}; activate() wall time:\n`);
  console.log('| extension | activate() p50 | min | max | Berthwise / this |');
  console.log('|---|---|---|---|---|');
  for (const id of ids) {
    const samples = samplesOf(id);
    const notes = [...new Set(reports.flatMap((report) => report.timings.filter((t) => t.id === id && t.note).map((t) => t.note)))];
    const p50 = quantile(samples, 0.5);
    const [min, max] = samples.length > 0 ? [Math.min(...samples), Math.max(...samples)] : [Number.NaN, Number.NaN];
    console.log(
      `| ${id} | ${ms(p50)} ms | ${ms(min)} ms | ${ms(max)} ms | ${id === 'berthwise.berthwise' ? '—' : ratio(ours, p50)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''} |`,
    );
  }
  // Per round, in order, so one slow round on a loaded machine is visible as such.
  console.log(`\nBerthwise activate() per round: ${samplesOf('berthwise.berthwise').map((sample) => `${ms(sample)} ms`).join(', ')}`);
  const during = reports.map((report) => report.connectionsAfterActivation);
  const afterView = reports.map((report) => report.connectionsAfterView);
  console.log(`\nengine connections from extension-host start to ${reports[0]?.quietMs ?? '?'} ms after activate(): ${during.join(', ')} (must be 0: ${during.every((count) => count === 0) ? 'met' : 'MISSED'})`);
  console.log(`engine connections once the Containers view was opened: ${afterView.join(', ')} (the counter's positive control; ${forwarded ? 'forwarded to the real engine' : 'closed at once, no engine behind DOCKER_HOST'}), view items: ${reports.map((r) => r.viewItems).join(', ')}`);
  console.log(`Berthwise activation p50 ${ms(ours)} ms vs budget ${activationBudgetMs} ms: ${ours <= activationBudgetMs ? 'met' : 'MISSED'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
