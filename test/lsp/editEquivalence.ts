/**
 * Edited versus fresh: one server receives a document and a seeded series of random incremental
 * edits, a second server opens the final text fresh, and every kind of answer of the two must be
 * equal. The fresh server is the independent reference: it never saw an earlier version.
 */
import { DiagnosticsWatcher } from './diagnosticsWatcher';
import type { LspSession } from './lspClient';
import { randomEditSequence, seededRandom, type Random } from './randomEdits';

export interface EquivalenceOptions {
  readonly seed: number;
  readonly files: readonly { name: string; text: string }[];
  readonly editsPerDocument: number;
  /** Lines the edits insert (e.g. every line of the corpus). */
  readonly pool: readonly string[];
}

export interface Mismatch {
  readonly file: string;
  readonly seed: number;
  /** The request (and position) whose answers differ. */
  readonly what: string;
  readonly edited: string;
  readonly fresh: string;
}

interface Server {
  readonly session: LspSession;
  readonly watcher: DiagnosticsWatcher;
}

/** Two sessions to compare: `edited` gets the edits, `fresh` opens the final texts. */
export function pairOf(edited: LspSession, fresh: LspSession): { edited: Server; fresh: Server } {
  return { edited: { session: edited, watcher: new DiagnosticsWatcher(edited) }, fresh: { session: fresh, watcher: new DiagnosticsWatcher(fresh) } };
}

const requestKinds = ['documentSymbol', 'foldingRange', 'hover', 'completion', 'definition', 'references', 'inlayHint'] as const;

/** Documents edited at the same time (each one's edits stay in order): round trips overlap. */
const concurrentDocuments = 8;

/** Runs one seed over every file and returns the answers that differ. */
export async function compareEditedWithFresh(pair: { edited: Server; fresh: Server }, options: EquivalenceOptions): Promise<Mismatch[]> {
  const mismatches: Mismatch[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < options.files.length) {
      const index = next;
      next += 1;
      const file = options.files[index];
      if (file) {
        mismatches.push(...(await compareOne(pair, options, file, index)));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrentDocuments }, worker));
  return mismatches;
}

/** The random source of one file of one seed: a file replays alone, whatever else runs. */
export function fileRandom(seed: number, index: number): Random {
  return seededRandom(seed * 1_000_003 + index);
}

async function compareOne(pair: { edited: Server; fresh: Server }, options: EquivalenceOptions, file: { name: string; text: string }, index: number): Promise<Mismatch[]> {
  const random = fileRandom(options.seed, index);
  const mismatches: Mismatch[] = [];
  const uri = `file:///edits/${options.seed}/${index}/Dockerfile`;
  const steps = randomEditSequence(file.text, options.pool, random, options.editsPerDocument);
  const { edited, fresh } = pair;
  await edited.session.open(uri, file.text, 1);
  for (const [step, { changes, text }] of steps.entries()) {
    const version = step + 2;
    await edited.session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    // Now and then a request makes the server build this version's model (not only the last one's).
    if (random() < 0.3) {
      const kind = requestKinds[Math.floor(random() * requestKinds.length)] ?? 'hover';
      const position = randomPosition(text, random);
      try {
        await edited.session.connection.sendRequest(`textDocument/${kind}`, requestParams(kind, uri, position, text));
      } catch (error) {
        mismatches.push({ file: file.name, seed: options.seed, what: `${kind}@${position.line}:${position.character} after edit ${step + 1}`, edited: String(error), fresh: '(not asked)' });
      }
    }
  }
  const finalText = steps[steps.length - 1]?.text ?? file.text;
  const finalVersion = steps.length + 1;
  await fresh.session.open(uri, finalText, finalVersion);
  const probes = probePositions(finalText, random);
  const [editedAnswers, freshAnswers] = await Promise.all([answersOf(edited, uri, finalVersion, probes, finalText), answersOf(fresh, uri, finalVersion, probes, finalText)]);
  for (const [what, answer] of editedAnswers) {
    const reference = freshAnswers.get(what);
    // An error is never a right answer, even when both servers give it.
    if (answer.startsWith('{"error":') || reference?.startsWith('{"error":') || answer !== reference) {
      mismatches.push({ file: file.name, seed: options.seed, what, edited: answer, fresh: reference ?? '(none)' });
    }
  }
  for (const server of [edited, fresh]) {
    await server.session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }
  return mismatches;
}

type Position = { line: number; character: number };

function requestParams(kind: string, uri: string, position: Position, text = ''): Record<string, unknown> {
  const textDocument = { uri };
  switch (kind) {
    case 'documentSymbol':
    case 'foldingRange':
      return { textDocument };
    case 'references':
      return { textDocument, position, context: { includeDeclaration: true } };
    case 'inlayHint':
      return { textDocument, range: { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } } };
    default:
      return { textDocument, position };
  }
}

function randomPosition(text: string, random: Random): Position {
  const lines = text.split('\n');
  const line = Math.floor(random() * lines.length);
  return { line, character: Math.floor(random() * ((lines[line]?.length ?? 0) + 1)) };
}

/** Start, middle and end of a few random lines, and every `$` and `--from=` on them. */
function probePositions(text: string, random: Random): Position[] {
  const lines = text.split('\n');
  const probes: Position[] = [];
  for (let count = 0; count < 4; count += 1) {
    const line = Math.floor(random() * lines.length);
    const lineText = lines[line] ?? '';
    for (const character of new Set([0, Math.floor(lineText.length / 2), lineText.length])) {
      probes.push({ line, character });
    }
    for (const match of lineText.matchAll(/\$\{?\w|--from=\w|\bAS\s+\w/g)) {
      probes.push({ line, character: match.index + match[0].length });
    }
  }
  return probes;
}

/** Every answer of `server` for the final version, as JSON by request (and position). */
async function answersOf(server: Server, uri: string, version: number, probes: readonly Position[], text: string): Promise<Map<string, string>> {
  const published = await server.watcher.waitFor(uri, (p) => p.version === version, 60_000);
  const textDocument = { uri };
  const send = (method: string, params: Record<string, unknown>): Promise<unknown> =>
    server.session.connection.sendRequest(method, params).then(
      (answer) => answer,
      // Kept as an answer (compared, and reported by compareOne), so one failure does not hide the others.
      (error: unknown) => ({ error: String(error) }),
    );
  const whole = { start: { line: 0, character: 0 }, end: { line: text.split('\n').length, character: 0 } };
  const requests: [string, Promise<unknown>][] = [
    ['diagnostics', Promise.resolve(published.diagnostics)],
    ['documentSymbol', send('textDocument/documentSymbol', { textDocument })],
    ['foldingRange', send('textDocument/foldingRange', { textDocument })],
    ['formatting', send('textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } })],
    ['inlayHint', send('textDocument/inlayHint', { textDocument, range: whole })],
    ['codeAction', send('textDocument/codeAction', { textDocument, range: whole, context: { diagnostics: published.diagnostics } })],
  ];
  for (const position of probes) {
    const at = `@${position.line}:${position.character}`;
    for (const kind of ['completion', 'hover', 'definition', 'references', 'documentHighlight', 'prepareRename']) {
      requests.push([`${kind}${at}`, send(`textDocument/${kind}`, requestParams(kind, uri, position))]);
    }
  }
  const answers = await Promise.all(requests.map(([, promise]) => promise));
  return new Map(requests.map(([what], index) => [what, JSON.stringify(answers[index])]));
}
