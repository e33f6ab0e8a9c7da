/**
 * Random edits of a Dockerfile, reproducible from a seed: the kinds of change that move instruction
 * boundaries (lines inserted and deleted, continuations, heredoc markers, escape directives, typing).
 * Shared by the randomized edit test and the longer campaign (bench/editCampaign.ts).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { createRandom, type Random } from '../fuzz/mutate';

/** The fuzz tier's seeded generator: the same seed gives the same edits on every machine. */
export const seededRandom = createRandom;
export type { Random };

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
const between = (random: Random, low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

const heredocLines = ['RUN <<EOF', 'RUN <<-"EOF" bash', 'COPY <<X /etc/x.conf', 'ADD <<EOF /a', 'RUN cat <<A <<B', 'EOF', 'X', '\tEOF', 'A', 'B'];
const directiveLines = ['# escape=`', '# escape=\\', '# syntax=docker/dockerfile:1', '# check=skip=all'];
const typedCharacters = ['a', 'Z', ' ', '$', '{', '}', '\\', '`', '"', "'", '[', ']', '-', '=', ',', '#', '<', ':'];

/** One random change to `document`'s text, with lines taken from `pool` (e.g. every line of the corpus). */
export function randomChange(document: TextDocument, pool: readonly string[], random: Random): TextDocumentContentChangeEvent {
  const lineCount = document.lineCount;
  const line = between(random, 0, Math.max(0, lineCount - 1));
  const lineEnd = document.offsetAt({ line: line + 1, character: 0 }) - (line + 1 < lineCount ? 1 : 0);
  const lineLength = lineEnd - document.offsetAt({ line, character: 0 });
  const insertAt = (at: { line: number; character: number }, text: string): TextDocumentContentChangeEvent => ({ range: { start: at, end: at }, text });
  const kind = random();
  if (kind < 0.3) {
    return insertAt({ line, character: 0 }, `${pick(random, pool)}\n`);
  }
  if (kind < 0.45) {
    // Whole lines (1 to 3), or to the end of the document.
    const last = Math.min(lineCount, line + between(random, 1, 3));
    return { range: { start: { line, character: 0 }, end: { line: last, character: 0 } }, text: '' };
  }
  if (kind < 0.55) {
    // A continuation added at the end of a line, with either escape character.
    return insertAt({ line, character: lineLength }, pick(random, [' \\', '\\', ' `']));
  }
  if (kind < 0.65) {
    return insertAt({ line, character: 0 }, `${pick(random, heredocLines)}\n`);
  }
  if (kind < 0.72) {
    // Directives count only at the top; sometimes lower down (then they are comments).
    const at = random() < 0.7 ? 0 : line;
    return insertAt({ line: at, character: 0 }, `${pick(random, directiveLines)}\n`);
  }
  if (kind < 0.8) {
    // A span from inside one line to inside a later one: joins two instructions.
    const endLine = Math.min(lineCount - 1, line + between(random, 0, 2));
    const startCharacter = between(random, 0, lineLength);
    const endCharacter = between(random, 0, Math.max(0, document.getText({ start: { line: endLine, character: 0 }, end: { line: endLine + 1, character: 0 } }).replace(/\r?\n$/, '').length));
    const start = { line, character: startCharacter };
    const end = { line: endLine, character: endLine === line ? Math.max(startCharacter, endCharacter) : endCharacter };
    return { range: { start, end }, text: random() < 0.5 ? '' : pick(random, typedCharacters) };
  }
  // Typing: one character or a newline somewhere in a line.
  return insertAt({ line, character: between(random, 0, lineLength) }, random() < 0.2 ? '\n' : pick(random, typedCharacters));
}

/** Applies one change (with a range) to `text`. */
function applyChange(text: string, change: TextDocumentContentChangeEvent): string {
  const document = TextDocument.create('file:///edit', 'dockerfile', 0, text);
  return 'range' in change ? TextDocument.applyEdits(document, [{ range: change.range, newText: change.text }]) : change.text;
}

/** `count` notifications' worth of changes (one or two changes each) to `text`, and the text after each. */
export function randomEditSequence(text: string, pool: readonly string[], random: Random, count: number): { changes: TextDocumentContentChangeEvent[]; text: string }[] {
  const steps: { changes: TextDocumentContentChangeEvent[]; text: string }[] = [];
  let current = text;
  for (let index = 0; index < count; index += 1) {
    // Some notifications carry two changes; the second is relative to the text after the first.
    const changes: TextDocumentContentChangeEvent[] = [];
    const parts = random() < 0.2 ? 2 : 1;
    for (let part = 0; part < parts; part += 1) {
      const change = randomChange(TextDocument.create('file:///edit', 'dockerfile', 0, current), pool, random);
      changes.push(change);
      current = applyChange(current, change);
    }
    steps.push({ changes, text: current });
  }
  return steps;
}
