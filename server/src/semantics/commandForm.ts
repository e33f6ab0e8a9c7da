/** How a CMD/ENTRYPOINT/SHELL/RUN argument string is read by Docker. */
export type CommandForm =
  /** A valid JSON array of strings: run directly, no shell, no variable expansion. */
  | { readonly kind: 'exec'; readonly argv: readonly string[] }
  /** Anything else: wrapped into the shell (`/bin/sh -c <text>`). `brokenJson` marks text meant as exec form. */
  | { readonly kind: 'shell'; readonly text: string; readonly brokenJson?: BrokenJson }
  /** Valid JSON but not all strings: Docker refuses to build. */
  | { readonly kind: 'notStringArray' }
  /** No arguments at all. */
  | { readonly kind: 'empty' };

/** A JSON-looking array that Docker cannot parse, with the words it was presumably meant to hold. */
export interface BrokenJson {
  readonly problem: 'singleQuotes' | 'curlyQuotes' | 'missingComma' | 'trailingComma' | 'other';
  /** The intended argv when it can be recovered unambiguously (used by the quick fix). */
  readonly intended: readonly string[] | undefined;
}

/** Classifies the logical argument text of a CMD/ENTRYPOINT the way Docker's parser does. */
export function parseCommandForm(text: string): CommandForm {
  const trimmed = text.trim();
  if (trimmed === '') {
    return { kind: 'empty' };
  }
  if (trimmed.startsWith('[')) {
    const parsed = tryParseJson(trimmed);
    if (Array.isArray(parsed)) {
      return parsed.every((item) => typeof item === 'string') ? { kind: 'exec', argv: parsed } : { kind: 'notStringArray' };
    }
    const brokenJson = diagnoseBrokenJson(trimmed);
    return brokenJson ? { kind: 'shell', text: trimmed, brokenJson } : { kind: 'shell', text: trimmed };
  }
  return { kind: 'shell', text: trimmed };
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const openingQuotes: Readonly<Record<string, readonly string[]>> = {
  '"': ['"'],
  "'": ["'"],
  '\u201c': ['\u201d', '\u201c'],
  '\u201d': ['\u201d', '\u201c'],
  '\u2018': ['\u2019', '\u2018'],
  '\u2019': ['\u2019', '\u2018'],
};

interface Token {
  readonly value: string;
  readonly quote: string | undefined;
}

/**
 * Decides whether `[ ... ]` text that failed JSON parsing was meant as exec form: a list of quoted
 * (or comma-separated bare) words. A shell test such as `[ -f x ] && y` or `[ "$a" = b ]` is not.
 */
function diagnoseBrokenJson(text: string): BrokenJson | undefined {
  if (!text.endsWith(']')) {
    return undefined;
  }
  const inner = text.slice(1, -1);
  const scanned = scanTokens(inner);
  if (!scanned || scanned.tokens.length === 0) {
    return undefined;
  }
  const { tokens, separators } = scanned;
  const quotes = new Set(tokens.map((token) => token.quote));
  const hasBare = quotes.has(undefined);
  if (hasBare && separators.commas === 0) {
    return undefined;
  }
  const intended = tokens.map((token) => token.value);
  if ([...quotes].some((quote) => quote !== undefined && quote !== '"' && quote !== "'")) {
    return { problem: 'curlyQuotes', intended };
  }
  if (quotes.has("'")) {
    return { problem: 'singleQuotes', intended };
  }
  if (hasBare) {
    return { problem: 'other', intended };
  }
  if (separators.missingCommas > 0) {
    return { problem: 'missingComma', intended };
  }
  if (separators.trailingComma) {
    return { problem: 'trailingComma', intended };
  }
  // Double-quoted words with commas that still fail: a bad escape such as "C:\dir".
  return { problem: 'other', intended: undefined };
}

interface Scan {
  readonly tokens: Token[];
  readonly separators: { commas: number; missingCommas: number; trailingComma: boolean };
}

function scanTokens(inner: string): Scan | undefined {
  const tokens: Token[] = [];
  const separators = { commas: 0, missingCommas: 0, trailingComma: false };
  let index = 0;
  let expectSeparator = false;
  while (index < inner.length) {
    const char = inner[index] ?? '';
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    if (char === ',') {
      if (!expectSeparator) {
        return undefined;
      }
      separators.commas += 1;
      expectSeparator = false;
      index += 1;
      continue;
    }
    if (expectSeparator) {
      separators.missingCommas += 1;
    }
    const closers = openingQuotes[char];
    const read = closers ? readQuoted(inner, index, char, closers) : readBare(inner, index);
    if (!read) {
      return undefined;
    }
    tokens.push(read.token);
    index = read.next;
    expectSeparator = true;
  }
  separators.trailingComma = !expectSeparator && tokens.length > 0;
  return { tokens, separators };
}

function readQuoted(text: string, start: number, quote: string, closers: readonly string[]): { token: Token; next: number } | undefined {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '\\' && quote === '"' && index + 1 < text.length) {
      const escaped = text[index + 1] ?? '';
      value += escaped === '"' || escaped === '\\' ? escaped : char + escaped;
      index += 2;
      continue;
    }
    if (closers.includes(char)) {
      return { token: { value, quote }, next: index + 1 };
    }
    value += char;
    index += 1;
  }
  return undefined;
}

function readBare(text: string, start: number): { token: Token; next: number } | undefined {
  let index = start;
  while (index < text.length && !/[\s,]/.test(text[index] ?? '')) {
    index += 1;
  }
  const value = text.slice(start, index);
  // Bare words with quote or shell syntax inside are not a list of words.
  return /["'$&|;<>()]/.test(value) ? undefined : { token: { value, quote: undefined }, next: index };
}
