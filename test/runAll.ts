/**
 * One runner for every tier. `node out/test/runAll.js [tier…]` runs the named tiers (all by
 * default), prints each test, and ends with the line `N passed, N failed`. Exit code 1 on any failure.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { run } from 'node:test';
import type { Outcome } from './outcome';
import { runVsCodeTier } from './vscode/runVsCodeTier';

const tiers = ['unit', 'lsp', 'engine', 'vscode'] as const;
type Tier = (typeof tiers)[number];

function testFiles(dir: string): string[] {
  let found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      found = found.concat(testFiles(path));
    } else if (name.endsWith('.test.js')) {
      found.push(path);
    }
  }
  return found.sort();
}

interface TestEventData {
  name: string;
  nesting: number;
  details: { type?: string; duration_ms?: number; error?: unknown };
  file?: string;
}

async function runNodeTier(tier: Tier): Promise<Outcome[]> {
  const files = testFiles(join(__dirname, tier));
  if (files.length === 0) {
    return [{ tier, title: `${tier} tier has tests`, state: 'failed', error: `no *.test.js under out/test/${tier}` }];
  }
  const outcomes: Outcome[] = [];
  const stream = run({ files, concurrency: tier === 'unit' ? 2 : 1, timeout: 120_000 });
  stream.on('test:pass', (data: TestEventData) => {
    if (data.details.type !== 'suite') {
      outcomes.push({ tier, title: data.name, state: 'passed', durationMs: data.details.duration_ms ?? 0 });
    }
  });
  stream.on('test:fail', (data: TestEventData) => {
    if (data.details.type !== 'suite') {
      outcomes.push({ tier, title: `${data.name}${data.file ? ` (${data.file})` : ''}`, state: 'failed', error: describeError(data.details.error) });
    }
  });
  stream.on('test:diagnostic', () => undefined);
  // Drain the stream; its events above carry everything we need.
  for await (const _event of stream) {
    void _event;
  }
  return outcomes;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? (cause.stack ?? cause.message) : (error.stack ?? error.message);
  }
  return String(error);
}

async function runTier(tier: Tier): Promise<Outcome[]> {
  return tier === 'vscode' ? runVsCodeTier() : runNodeTier(tier);
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(tiers as readonly string[]).includes(name));
  if (unknown.length > 0) {
    console.error(`unknown tier(s): ${unknown.join(', ')} (known: ${tiers.join(', ')})`);
    process.exit(2);
  }
  const selected = requested.length > 0 ? (requested as Tier[]) : [...tiers];
  const all: Outcome[] = [];
  for (const tier of selected) {
    const started = Date.now();
    console.log(`\n== ${tier} ==`);
    const outcomes = await runTier(tier);
    for (const outcome of outcomes) {
      console.log(`  ${outcome.state === 'passed' ? 'ok  ' : 'FAIL'} ${outcome.title}`);
      if (outcome.error) {
        console.log(outcome.error.split('\n').map((line) => `       ${line}`).join('\n'));
      }
    }
    const passed = outcomes.filter((o) => o.state === 'passed').length;
    console.log(`-- ${tier}: ${passed} passed, ${outcomes.length - passed} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    all.push(...outcomes);
  }
  const passed = all.filter((o) => o.state === 'passed').length;
  const failed = all.length - passed;
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 || all.length === 0 ? 1 : 0;
}

void main();
