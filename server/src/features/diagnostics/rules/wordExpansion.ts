/**
 * Expands one Dockerfile word the way BuildKit's lexer does for FROM and ARG defaults: quotes are
 * removed (single quotes keep `$` literal), the escape character keeps the next character, and
 * `$X`, `${X}`, `${X-d}`, `${X:-d}`, `${X+d}`, `${X:+d}` are substituted. Anything else (pattern
 * removal or replacement, `${X?}`) returns undefined: the caller should not guess.
 */

/** Variables that are set, by name (an absent name is unset). */
export type Variables = ReadonlyMap<string, string>;

const namePart = /[A-Za-z0-9_]/;

/** The expanded word, or undefined when it uses an expansion this module does not follow. */
export function expandWord(text: string, variables: Variables, escapeChar: string): string | undefined {
  const state = { text, index: 0, variables, escapeChar };
  const result = readUntil(state, undefined);
  return result === undefined || state.index < text.length ? undefined : result;
}

interface ScanState {
  readonly text: string;
  index: number;
  readonly variables: Variables;
  readonly escapeChar: string;
}

/** Reads up to `stop` (consumed) or the end; undefined on anything unsupported or unbalanced. */
function readUntil(state: ScanState, stop: string | undefined): string | undefined {
  let out = '';
  let quote: '"' | "'" | undefined;
  while (state.index < state.text.length) {
    const char = state.text[state.index] ?? '';
    if (quote === "'") {
      state.index += 1;
      if (char === "'") {
        quote = undefined;
      } else {
        out += char;
      }
      continue;
    }
    if (char === stop && quote === undefined) {
      state.index += 1;
      return out;
    }
    if (char === state.escapeChar) {
      out += state.text[state.index + 1] ?? '';
      state.index += 2;
      continue;
    }
    if (char === '"' || (char === "'" && quote === undefined)) {
      quote = quote === '"' ? undefined : char;
      state.index += 1;
      continue;
    }
    if (char === '$') {
      const value = readDollar(state);
      if (value === undefined) {
        return undefined;
      }
      out += value;
      continue;
    }
    out += char;
    state.index += 1;
  }
  return stop === undefined && quote === undefined ? out : undefined;
}

function readDollar(state: ScanState): string | undefined {
  state.index += 1;
  const braced = state.text[state.index] === '{';
  if (braced) {
    state.index += 1;
  }
  const start = state.index;
  while (state.index < state.text.length && namePart.test(state.text[state.index] ?? '')) {
    state.index += 1;
  }
  const name = state.text.slice(start, state.index);
  if (!braced) {
    return name === '' ? '$' : (state.variables.get(name) ?? '');
  }
  const value = state.variables.get(name);
  const colon = state.text[state.index] === ':';
  const modifier = state.text[state.index + (colon ? 1 : 0)];
  if (name === '') {
    return undefined;
  }
  if (state.text[state.index] === '}') {
    state.index += 1;
    return value ?? '';
  }
  if (modifier !== '-' && modifier !== '+') {
    return undefined;
  }
  state.index += colon ? 2 : 1;
  const word = readUntil(state, '}');
  if (word === undefined) {
    return undefined;
  }
  const set = value !== undefined && !(colon && value === '');
  if (modifier === '-') {
    return set ? value : word;
  }
  return set ? word : '';
}
