/** Finds `$NAME` and `${NAME…}` references in one line of Dockerfile text. */

/** One variable reference: the name and its column span within the scanned text. */
export interface VariableReference {
  readonly name: string;
  readonly start: number;
  readonly end: number;
  /** Whether it was written `${…}`. */
  readonly braced: boolean;
}

const nameStart = /[A-Za-z_]/;
const namePart = /[A-Za-z0-9_]/;

/**
 * The variable named after the `$` at `dollar` (`$NAME` or `${NAME…}`), reading no further than
 * `limit`; undefined when no name follows (`$1`, `$@` and friends are shell parameters, never build
 * variables).
 */
export function readVariableAt(text: string, dollar: number, limit = text.length): VariableReference | undefined {
  const braced = text[dollar + 1] === '{';
  const start = braced ? dollar + 2 : dollar + 1;
  if (!nameStart.test(text[start] ?? '')) {
    return undefined;
  }
  let end = start + 1;
  while (end < limit && namePart.test(text[end] ?? '')) {
    end += 1;
  }
  return { name: text.slice(start, end), start, end, braced };
}

/** Every variable reference in `text`; a `$` preceded by the escape character is literal. */
export function scanVariableReferences(text: string, escapeChar: string): VariableReference[] {
  const found: VariableReference[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === escapeChar) {
      index += 1;
      continue;
    }
    const reference = char === '$' ? readVariableAt(text, index) : undefined;
    if (reference) {
      found.push(reference);
      index = reference.end - 1;
    }
  }
  return found;
}
