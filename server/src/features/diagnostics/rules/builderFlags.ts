/** One leading `--flag[=value]` of an instruction, as Docker's parser extracts it. */
export interface BuilderFlag {
  /** Lowercase name without the dashes. */
  readonly name: string;
  /** The value after `=`, quotes and escapes removed; undefined when there is no `=`. */
  readonly value: string | undefined;
  /** The flag as written (quotes kept), to find its range in the document. */
  readonly written: string;
}

/**
 * Splits the leading flags off an instruction's arguments the way Docker's parser does
 * (`extractBuilderFlags`): words starting with `--` until the first other word, quotes and
 * backslash escapes removed from each flag; a bare `--` ends the flags.
 */
export function extractBuilderFlags(text: string): { flags: BuilderFlag[]; rest: string } {
  const flags: BuilderFlag[] = [];
  let pos = 0;
  while (pos < text.length) {
    while (pos < text.length && /\s/.test(text.charAt(pos))) {
      pos += 1;
    }
    if (!text.startsWith('--', pos)) {
      break;
    }
    const start = pos;
    let word = '';
    let quote = '';
    while (pos < text.length) {
      const ch = text.charAt(pos);
      if (!quote && /\s/.test(ch)) {
        break;
      }
      if (!quote && (ch === '"' || ch === "'")) {
        quote = ch;
      } else if (quote && ch === quote) {
        quote = '';
      } else if (ch === '\\' && pos + 1 < text.length) {
        pos += 1;
        word += text.charAt(pos);
      } else if (ch !== '\\') {
        word += ch;
      }
      pos += 1;
    }
    if (word === '--') {
      return { flags, rest: text.slice(pos).trim() };
    }
    const body = word.slice(2);
    const equals = body.indexOf('=');
    flags.push({
      name: (equals >= 0 ? body.slice(0, equals) : body).toLowerCase(),
      value: equals >= 0 ? body.slice(equals + 1) : undefined,
      written: text.slice(start, pos),
    });
  }
  return { flags, rest: text.slice(pos).trim() };
}
