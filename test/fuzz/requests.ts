/** Every request kind the fuzz test sends, with parameters for a random position. */
import type { Random } from './mutate';
import { randomPosition } from './mutate';

export interface FuzzRequest {
  readonly method: string;
  readonly params: unknown;
}

type Maker = (uri: string, text: string, random: Random) => FuzzRequest;

const at = (method: string, extra: Record<string, unknown> = {}): Maker => (uri, text, random) => ({
  method,
  params: { textDocument: { uri }, position: randomPosition(text, random), ...extra },
});

const inRange = (method: string, extra: Record<string, unknown> = {}): Maker => (uri, text, random) => {
  const a = randomPosition(text, random);
  const b = randomPosition(text, random);
  const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
  return { method, params: { textDocument: { uri }, range: { start, end }, ...extra } };
};

const formattingOptions = { tabSize: 4, insertSpaces: true };

export const requestMakers: readonly Maker[] = [
  at('textDocument/hover'),
  at('textDocument/completion'),
  at('textDocument/definition'),
  at('textDocument/references', { context: { includeDeclaration: true } }),
  at('textDocument/documentHighlight'),
  at('textDocument/prepareRename'),
  at('textDocument/rename', { newName: 'renamed' }),
  (uri) => ({ method: 'textDocument/documentSymbol', params: { textDocument: { uri } } }),
  (uri) => ({ method: 'textDocument/foldingRange', params: { textDocument: { uri } } }),
  (uri) => ({ method: 'textDocument/formatting', params: { textDocument: { uri }, options: formattingOptions } }),
  inRange('textDocument/rangeFormatting', { options: formattingOptions }),
  inRange('textDocument/codeAction', { context: { diagnostics: [] } }),
  inRange('textDocument/inlayHint'),
];

/** A random request of any kind. */
export function randomRequest(uri: string, text: string, random: Random): FuzzRequest {
  const maker = requestMakers[Math.floor(random() * requestMakers.length)] as Maker;
  return maker(uri, text, random);
}
