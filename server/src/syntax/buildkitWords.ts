/**
 * Splits a Dockerfile line into words the way BuildKit's shell lexer does when its parser looks for
 * here-document openers: quotes and `$` expansions keep spaces inside one word, `<<` takes the spaces
 * after it into the word, the backslash escapes (whatever the file's escape directive says) and no
 * variable is known, so `$NAME` and `${NAME…}` stay as written. A lexing error (an unterminated quote,
 * `${` without `}`) makes the whole answer undefined, since BuildKit then finds no words at all.
 *
 * Each word keeps the offsets of the text it was read from, so callers can map it back to the document.
 */

/** One word: its text as the lexer produced it and the source span it was read from. */
export interface LexedWord {
  readonly text: string;
  /** Offset of the word's first character in the lexed text. */
  readonly start: number;
  /** Offset just after the last character the word took. */
  readonly end: number;
}

export interface LexOptions {
  /** Keep quote characters in the words (BuildKit's `RawQuotes`). */
  readonly rawQuotes: boolean;
  /** Keep escape characters in the words (BuildKit's `RawEscapes`). */
  readonly rawEscapes: boolean;
}

/** The words of `text`, or undefined when BuildKit's lexer would fail on it. */
export function lexBuildkitWords(text: string, options: LexOptions): LexedWord[] | undefined {
  try {
    return new WordLexer(text, options).words();
  } catch (error) {
    if (error instanceof LexError) {
      return undefined;
    }
    throw error;
  }
}

class LexError extends Error {}

/** Go's unicode.IsSpace: the characters that separate words. */
const goSpace = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const letter = /\p{L}/u;
const digit = /\p{Nd}/u;
/** Shell special parameters (`$@`, `$?`…), read as a one-character name. */
const specialParameters = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);
const escape = '\\';

/** Words collected by one (possibly nested) scan; the word being built is shared, as in BuildKit. */
interface WordList {
  readonly words: LexedWord[];
  inWord: boolean;
}

class WordLexer {
  private position = 0;
  private rawEscapes: boolean;
  /** The word under construction. Nested scans (inside `${…}`) start it afresh, as BuildKit does. */
  private buffer = '';
  private bufferStart = 0;
  private bufferEnd = 0;

  constructor(
    private readonly text: string,
    private readonly options: LexOptions,
  ) {
    this.rawEscapes = options.rawEscapes;
  }

  words(): LexedWord[] {
    return this.scanUntil(undefined, this.options.rawEscapes).words;
  }

  /** Scans up to `stop` (consumed) or the end; a missing `stop` is an error. */
  private scanUntil(stop: string | undefined, rawEscapes: boolean): { result: string; words: LexedWord[] } {
    const saved = this.rawEscapes;
    this.rawEscapes = rawEscapes;
    try {
      return this.scan(stop);
    } finally {
      this.rawEscapes = saved;
    }
  }

  private scan(stop: string | undefined): { result: string; words: LexedWord[] } {
    const list: WordList = { words: [], inWord: false };
    this.buffer = '';
    let result = '';
    const text = this.text;
    while (this.position < text.length) {
      const char = text[this.position] as string;
      const from = this.position;
      if (stop !== undefined && char === stop) {
        this.position += 1;
        return { result, words: this.finish(list) };
      }
      if (char === '$') {
        const expansion = this.dollar();
        result += expansion;
        for (const part of expansion) {
          this.addChar(list, part, from);
        }
      } else if (char === '<' || char === "'" || char === '"') {
        const piece = char === '<' ? this.possibleHeredoc() : char === "'" ? this.singleQuoted() : this.doubleQuoted();
        result += piece;
        this.addRaw(list, piece, from);
      } else {
        this.position += 1;
        if (char === escape) {
          if (this.rawEscapes) {
            this.addRaw(list, char, from);
            result += char;
          }
          if (this.position >= text.length) {
            break;
          }
          const escaped = text[this.position] as string;
          this.position += 1;
          this.addRaw(list, escaped, from);
          result += escaped;
        } else {
          this.addChar(list, char, from);
          result += char;
        }
      }
    }
    if (stop !== undefined) {
      throw new LexError(`no matching ${stop}`);
    }
    return { result, words: this.finish(list) };
  }

  /** A character outside quotes: a space ends the current word, anything else extends it. */
  private addChar(list: WordList, char: string, from: number): void {
    if (!goSpace.test(char)) {
      this.addRaw(list, char, from);
    } else if (list.inWord && this.buffer.length > 0) {
      list.words.push({ text: this.buffer, start: this.bufferStart, end: this.bufferEnd });
      this.buffer = '';
      list.inWord = false;
    }
  }

  /** Text that belongs to the current word whatever it holds (quoted text, `<<` and its spaces). */
  private addRaw(list: WordList, piece: string, from: number): void {
    if (piece.length > 0) {
      if (this.buffer.length === 0) {
        this.bufferStart = from;
      }
      this.buffer += piece;
      this.bufferEnd = this.position;
    }
    list.inWord = true;
  }

  private finish(list: WordList): LexedWord[] {
    if (this.buffer.length > 0) {
      list.words.push({ text: this.buffer, start: this.bufferStart, end: this.bufferEnd });
      this.buffer = '';
      list.inWord = false;
    }
    return list.words;
  }

  /** `<<` and the spaces after it stay together (a delimiter may follow after spaces); a lone `<` is text. */
  private possibleHeredoc(): string {
    const text = this.text;
    this.position += 1;
    if (text[this.position] !== '<') {
      return '<';
    }
    this.position += 1;
    let piece = '<<';
    while (this.position < text.length && /[\t\r ]/.test(text[this.position] as string)) {
      piece += text[this.position];
      this.position += 1;
    }
    return piece;
  }

  /** Everything up to the next `'` is literal. */
  private singleQuoted(): string {
    const close = this.text.indexOf("'", this.position + 1);
    if (close < 0) {
      throw new LexError('no matching single quote');
    }
    const inner = this.text.slice(this.position + 1, close);
    this.position = close + 1;
    return this.options.rawQuotes ? `'${inner}'` : inner;
  }

  /** Up to the next unescaped `"`; `$` expands, the escape only escapes `"`, `$` and itself. */
  private doubleQuoted(): string {
    const text = this.text;
    this.position += 1;
    let result = this.options.rawQuotes ? '"' : '';
    for (;;) {
      if (this.position >= text.length) {
        throw new LexError('no matching double quote');
      }
      let char = text[this.position] as string;
      if (char === '"') {
        this.position += 1;
        return this.options.rawQuotes ? `${result}"` : result;
      }
      if (char === '$') {
        result += this.dollar();
        continue;
      }
      this.position += 1;
      if (char === escape) {
        if (this.rawEscapes) {
          result += char;
        }
        if (this.position >= text.length) {
          continue;
        }
        const next = text[this.position] as string;
        if (next === '"' || next === '$' || next === escape) {
          char = next;
          this.position += 1;
        }
      }
      result += char;
    }
  }

  /** `$NAME`, `${NAME}` and `${NAME<modifier>word}`: no variable is set, so each stays as written. */
  private dollar(): string {
    const text = this.text;
    this.position += 1;
    if (text[this.position] !== '{') {
      const name = this.name();
      return name === '' ? '$' : `$${name}`;
    }
    this.position += 1;
    const first = text[this.position];
    if (first === undefined || first === '{' || first === '}' || first === ':') {
      throw new LexError('bad substitution');
    }
    const name = this.name();
    let operator = this.next();
    if (operator === '}') {
      return `\${${name}}`;
    }
    let written = operator;
    let nullIsUnset = false;
    if (operator === ':') {
      // `${NAME:-word}` and the like: the operator follows the colon (even an unknown one is read on).
      nullIsUnset = true;
      operator = this.next();
      written += operator;
    }
    if (nullIsUnset || (operator !== '' && '+-?#%'.includes(operator))) {
      const patternOperator = operator === '#' || operator === '%';
      if (nullIsUnset && patternOperator) {
        throw new LexError('unsupported modifier');
      }
      const word = this.scanUntil('}', patternOperator).result;
      return `\${${name}${written}${word}}`;
    }
    if (operator === '/') {
      if (this.text[this.position] === '/') {
        this.position += 1;
      }
      const pattern = this.scanUntil('/', true).result;
      const replacement = this.scanUntil('}', true).result;
      return `\${${name}/${pattern}/${replacement}}`;
    }
    throw new LexError('unsupported modifier');
  }

  /** The next character, consumed; '' at the end of the text. */
  private next(): string {
    const char = this.text[this.position] ?? '';
    if (char !== '') {
      this.position += 1;
    }
    return char;
  }

  /** A variable name: digits, one special parameter, or letters, digits and `_`. */
  private name(): string {
    const text = this.text;
    let name = '';
    while (this.position < text.length) {
      const char = text[this.position] as string;
      if (name === '' && digit.test(char)) {
        while (this.position < text.length && digit.test(text[this.position] as string)) {
          name += text[this.position];
          this.position += 1;
        }
        return name;
      }
      if (name === '' && specialParameters.has(char)) {
        this.position += 1;
        return char;
      }
      if (!letter.test(char) && !digit.test(char) && char !== '_') {
        break;
      }
      name += char;
      this.position += 1;
    }
    return name;
  }
}
