import type { Instruction } from 'dockerfile-ast';
import { logicalArguments } from '../../../semantics/instructionText';
import type { DockerfileModel } from '../../../semantics/model';
import { nodeCache } from '../../../syntax/nodeCache';

/** One leading `--flag[=value]` of an instruction, as Docker's parser extracts it. */
export interface BuilderFlag {
  /** Lowercase name without the dashes. */
  readonly name: string;
  /** The value after `=`, quotes and escapes removed; undefined when there is no `=`. */
  readonly value: string | undefined;
  /** The flag as written (quotes kept), to find its range in the document. */
  readonly written: string;
}

/** An instruction's arguments split into its leading flags and the rest. */
export interface SplitArguments {
  readonly flags: readonly BuilderFlag[];
  readonly rest: string;
}

const noFlags: readonly BuilderFlag[] = [];

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * Splits the leading flags off an instruction's arguments the way Docker's parser does
 * (`extractBuilderFlags`): words starting with `--` until the first other word, quotes and
 * backslash escapes removed from each flag; a bare `--` ends the flags. `text` is trimmed, as
 * `logicalArguments` gives it.
 */
export function extractBuilderFlags(text: string): SplitArguments {
  if (!text.startsWith('--')) {
    return { flags: noFlags, rest: text };
  }
  const flags: BuilderFlag[] = [];
  let pos = 0;
  while (pos < text.length) {
    while (pos < text.length && isSpace(text.charCodeAt(pos))) {
      pos += 1;
    }
    if (!text.startsWith('--', pos)) {
      break;
    }
    const start = pos;
    let end = pos;
    while (end < text.length && !isSpace(text.charCodeAt(end))) {
      end += 1;
    }
    let word = text.slice(start, end);
    pos = end;
    if (/["'\\]/.test(word)) {
      // Quotes may hold spaces and escapes keep the next character: read the word character by character.
      ({ word, end: pos } = readQuotedWord(text, start));
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

/** A flag word holding quotes or escapes: quotes removed, escaped characters kept, spaces inside quotes too. */
function readQuotedWord(text: string, start: number): { word: string; end: number } {
  let word = '';
  let quote = '';
  let pos = start;
  for (; pos < text.length; pos += 1) {
    const ch = text.charAt(pos);
    if (!quote && isSpace(text.charCodeAt(pos))) {
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
  }
  return { word, end: pos };
}

const splitCache = nodeCache<Instruction, SplitArguments>();

/** The flags and remaining arguments of an instruction, split once per node (several rules read them). */
export function splitInstructionArguments(model: DockerfileModel, instruction: Instruction): SplitArguments {
  return splitCache.get(instruction, () => {
    const text = logicalArguments(model.document, instruction, model.dockerfile.getEscapeCharacter());
    return text.startsWith('--') ? extractBuilderFlags(text) : { flags: noFlags, rest: text };
  });
}
