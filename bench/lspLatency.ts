/**
 * LSP latency benchmark: drives Berthwise's server and the peer (rcjsuen's
 * dockerfile-language-server-nodejs, the one Microsoft's extension bundles) over stdio with the
 * same requests on the same files, in one run, and prints ours/peer ratios.
 *   npm run bench            (BENCH_QUICK=1 for a shorter run)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readCorpus } from '../test/corpus';
import { serverBundle, startServer, type LspSession } from '../test/lsp/lspClient';
import { generateDockerfile } from './generate';
import { ms, quantile, ratio } from './stats';

const repoRoot = resolve(__dirname, '..', '..');
const peerBin = join(repoRoot, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver');
const quick = process.env['BENCH_QUICK'] === '1';
/** Idle time after the last close before resident memory is read (the definition of "after the run"). */
const idleMs = 1000;

interface LargeFile {
  hover: number[];
  completion: number[];
  openToDiagnostics: number;
  changeToDiagnostics: number;
  /** The first request right after the open (nothing computed yet): completion on the last line, hover mid-file. */
  firstCompletion: number;
  firstHover: number;
}

interface Measurements {
  startupMs: number;
  corpusHover: number[];
  corpusCompletion: number[];
  corpusOpenToDiagnostics: number[];
  corpusChangeToDiagnostics: number[];
  large: Map<number, LargeFile>;
  rssMb: number;
  peakRssMb: number;
}

/** A position at the start of each of up to `count` instruction lines, plus one mid-word. */
function samplePositions(text: string, count: number): { line: number; character: number }[] {
  const lines = text.split('\n');
  const picked: { line: number; character: number }[] = [];
  const step = Math.max(1, Math.floor(lines.length / count));
  for (let line = 0; line < lines.length && picked.length < count; line += step) {
    if (/^\s*[A-Za-z]/.test(lines[line] ?? '')) {
      picked.push({ line, character: 1 });
    }
  }
  return picked;
}

/** Time one request; NaN when the server answers with an error (e.g. a capability it lacks). */
async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  try {
    await work();
  } catch {
    return Number.NaN;
  }
  return performance.now() - started;
}

/** Resolves with the time until the server publishes diagnostics for `uri`, or NaN after 10 s. */
function diagnosticsTimer(session: LspSession, uri: string): () => Promise<number> {
  const started = performance.now();
  return () =>
    new Promise((resolveTime) => {
      const timer = setTimeout(() => resolveTime(Number.NaN), 10_000);
      const listener = session.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => {
        if (params.uri === uri) {
          clearTimeout(timer);
          listener.dispose();
          resolveTime(performance.now() - started);
        }
      });
    });
}

/** Opens `text` and at once sends one request: its time includes whatever the server builds for a fresh version. */
async function firstRequest(session: LspSession, uri: string, text: string, method: string, position: { line: number; character: number }): Promise<number> {
  const settled = diagnosticsTimer(session, uri);
  await session.open(uri, text);
  const time = await timed(() => session.connection.sendRequest(method, { textDocument: { uri }, position }));
  await settled();
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return time;
}

async function measure(bundle: string, corpus: { name: string; text: string }[]): Promise<Measurements> {
  const startedAt = performance.now();
  const session = await startServer({ bundle });
  const startupMs = performance.now() - startedAt;
  const result: Measurements = { startupMs, corpusHover: [], corpusCompletion: [], corpusOpenToDiagnostics: [], corpusChangeToDiagnostics: [], large: new Map(), rssMb: 0, peakRssMb: 0 };
  try {
    for (const [index, file] of corpus.entries()) {
      const uri = `file:///bench/corpus/${index}/Dockerfile`;
      // Requests are timed once the server has settled after the open (its diagnostics are out):
      // that is the latency a user feels while editing; the open itself is timed separately.
      const settled = diagnosticsTimer(session, uri);
      await session.open(uri, file.text);
      result.corpusOpenToDiagnostics.push(await settled());
      for (const position of samplePositions(file.text, 5)) {
        const params = { textDocument: { uri }, position };
        result.corpusHover.push(await timed(() => session.connection.sendRequest('textDocument/hover', params)));
        result.corpusCompletion.push(await timed(() => session.connection.sendRequest('textDocument/completion', params)));
      }
      // A line typed in the middle of the file.
      const middle = Math.floor(file.text.split('\n').length / 2);
      const changed = diagnosticsTimer(session, uri);
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } }, text: '# edited\n' }],
      });
      result.corpusChangeToDiagnostics.push(await changed());
      await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    for (const lines of quick ? [1_000, 10_000] : [1_000, 10_000, 50_000]) {
      const uri = `file:///bench/large/${lines}/Dockerfile`;
      const text = generateDockerfile(lines);
      const openDiagnostics = diagnosticsTimer(session, uri);
      await session.open(uri, text);
      const openToDiagnostics = await openDiagnostics();
      const hover: number[] = [];
      const completion: number[] = [];
      for (const position of samplePositions(text, quick ? 10 : 20)) {
        const params = { textDocument: { uri }, position };
        hover.push(await timed(() => session.connection.sendRequest('textDocument/hover', params)));
        completion.push(await timed(() => session.connection.sendRequest('textDocument/completion', params)));
      }
      const changeDiagnostics = diagnosticsTimer(session, uri);
      await session.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '# edited\n' }],
      });
      const changeToDiagnostics = await changeDiagnostics();
      await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      const lastLine = text.split('\n').length - 2;
      const firstCompletion = await firstRequest(session, `${uri}.first-completion`, text, 'textDocument/completion', { line: lastLine, character: 0 });
      const firstHover = await firstRequest(session, `${uri}.first-hover`, text, 'textDocument/hover', { line: Math.floor(lines / 2), character: 1 });
      result.large.set(lines, { hover, completion, openToDiagnostics, changeToDiagnostics, firstCompletion, firstHover });
    }
    // Memory once idle: both servers get the same second after the last close to finish with it.
    await new Promise((settle) => setTimeout(settle, idleMs));
    const status = readFileSync(`/proc/${session.process.pid}/status`, 'utf8');
    result.rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN') / 1024;
    result.peakRssMb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 'NaN') / 1024;
  } finally {
    await session.close();
  }
  return result;
}

function row(label: string, ours: number, peer: number): string {
  return `| ${label} | ${ms(ours)} | ${ms(peer)} | ${ratio(ours, peer)} |`;
}

async function main(): Promise<void> {
  const files = readCorpus();
  const corpus = quick ? files.slice(0, 60) : files;
  console.log(`Corpus: ${corpus.length} real Dockerfiles; baseline: dockerfile-language-server-nodejs (peer), same requests, same run.`);
  const peer = await measure(peerBin, corpus);
  const ours = await measure(serverBundle, corpus);
  const lines = [
    '| measurement (ms unless noted) | Berthwise | peer | ratio |',
    '|---|---|---|---|',
    row('startup (spawn → initialize answered)', ours.startupMs, peer.startupMs),
    row('corpus hover p50', quantile(ours.corpusHover, 0.5), quantile(peer.corpusHover, 0.5)),
    row('corpus hover p95', quantile(ours.corpusHover, 0.95), quantile(peer.corpusHover, 0.95)),
    row('corpus completion p50', quantile(ours.corpusCompletion, 0.5), quantile(peer.corpusCompletion, 0.5)),
    row('corpus completion p95', quantile(ours.corpusCompletion, 0.95), quantile(peer.corpusCompletion, 0.95)),
    row('corpus open → diagnostics p50', quantile(ours.corpusOpenToDiagnostics, 0.5), quantile(peer.corpusOpenToDiagnostics, 0.5)),
    row('corpus open → diagnostics p95', quantile(ours.corpusOpenToDiagnostics, 0.95), quantile(peer.corpusOpenToDiagnostics, 0.95)),
    row('corpus change → diagnostics p50', quantile(ours.corpusChangeToDiagnostics, 0.5), quantile(peer.corpusChangeToDiagnostics, 0.5)),
    row('corpus change → diagnostics p95', quantile(ours.corpusChangeToDiagnostics, 0.95), quantile(peer.corpusChangeToDiagnostics, 0.95)),
  ];
  for (const [size, o] of ours.large) {
    const p = peer.large.get(size);
    if (!p) {
      continue;
    }
    lines.push(row(`${size} lines: hover p95`, quantile(o.hover, 0.95), quantile(p.hover, 0.95)));
    lines.push(row(`${size} lines: completion p95`, quantile(o.completion, 0.95), quantile(p.completion, 0.95)));
    lines.push(row(`${size} lines: first completion after open (last line)`, o.firstCompletion, p.firstCompletion));
    lines.push(row(`${size} lines: first hover after open`, o.firstHover, p.firstHover));
    lines.push(row(`${size} lines: open → diagnostics`, o.openToDiagnostics, p.openToDiagnostics));
    lines.push(row(`${size} lines: change → diagnostics`, o.changeToDiagnostics, p.changeToDiagnostics));
  }
  lines.push(`| resident memory after the run, 1 s idle (MB) | ${ours.rssMb.toFixed(0)} | ${peer.rssMb.toFixed(0)} | ${ratio(ours.rssMb, peer.rssMb)} |`);
  lines.push(`| peak resident memory (MB) | ${ours.peakRssMb.toFixed(0)} | ${peer.peakRssMb.toFixed(0)} | ${ratio(ours.peakRssMb, peer.peakRssMb)} |`);
  console.log(lines.join('\n'));
}

void main();
