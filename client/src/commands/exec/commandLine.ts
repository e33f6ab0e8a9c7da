/** Pure: splitting a typed command line into an argument array (no shell is ever involved). */

/**
 * Splits on whitespace, honouring single quotes (literal), double quotes and backslash escapes.
 * Returns undefined for an unterminated quote.
 */
export function splitCommandLine(text: string): string[] | undefined {
  const args: string[] = [];
  let current = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i] ?? '';
    if (quote === "'") {
      if (char === "'") {
        quote = undefined;
      } else {
        current += char;
      }
    } else if (char === '\\' && i + 1 < text.length && (quote === undefined || /["\\$`]/.test(text[i + 1] ?? ''))) {
      current += text[i + 1] ?? '';
      inWord = true;
      i += 1;
    } else if (quote === '"') {
      if (char === '"') {
        quote = undefined;
      } else {
        current += char;
      }
    } else if (char === '"' || char === "'") {
      quote = char;
      inWord = true;
    } else if (/\s/.test(char)) {
      if (inWord) {
        args.push(current);
        current = '';
        inWord = false;
      }
    } else {
      current += char;
      inWord = true;
    }
  }
  if (quote !== undefined) {
    return undefined;
  }
  if (inWord) {
    args.push(current);
  }
  return args;
}
