/**
 * Splits shell-form text into the words `/bin/sh` would pass to the program, when that needs no
 * shell at all: plain words, single quotes, double quotes without `$`/backquotes, backslash escapes.
 * Returns undefined when the text uses anything only a shell can do (variables, pipes, `&&`, globs,
 * redirections, subshells), since exec form would change its meaning.
 */
export function splitPlainShellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let current: string | undefined;
  let index = 0;
  const append = (chars: string): void => {
    current = (current ?? '') + chars;
  };
  while (index < text.length) {
    const char = text[index] ?? '';
    if (/\s/.test(char)) {
      if (current !== undefined) {
        words.push(current);
        current = undefined;
      }
      index += 1;
    } else if (char === "'") {
      const end = text.indexOf("'", index + 1);
      if (end < 0) {
        return undefined;
      }
      append(text.slice(index + 1, end));
      index = end + 1;
    } else if (char === '"') {
      const read = readDoubleQuoted(text, index + 1);
      if (!read) {
        return undefined;
      }
      append(read.value);
      index = read.next;
    } else if (char === '\\') {
      if (index + 1 >= text.length) {
        return undefined;
      }
      append(text[index + 1] ?? '');
      index += 2;
    } else if (/[$`|&;<>(){}*?[\]~#!]/.test(char) && !(char === '#' && current !== undefined)) {
      return undefined;
    } else {
      append(char);
      index += 1;
    }
  }
  if (current !== undefined) {
    words.push(current);
  }
  return withoutShellOnlyStart(words);
}

const shellOnlyCommands = new Set(['cd', 'source', '.', 'export', 'set', 'unset', 'if', 'while', 'for', 'case', 'until', 'eval', 'alias', 'ulimit', 'umask', 'trap', 'wait']);

/** `exec prog` means `prog` in exec form; builtins and `VAR=x prog` prefixes need a shell. */
function withoutShellOnlyStart(words: string[]): string[] | undefined {
  const start = words[0] === 'exec' ? words.slice(1) : words;
  const first = start[0];
  if (first === undefined || shellOnlyCommands.has(first) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(first)) {
    return undefined;
  }
  return start;
}

function readDoubleQuoted(text: string, start: number): { value: string; next: number } | undefined {
  let value = '';
  let index = start;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '"') {
      return { value, next: index + 1 };
    }
    if (char === '$' || char === '`') {
      return undefined;
    }
    if (char === '\\' && /["\\$`]/.test(text[index + 1] ?? '')) {
      value += text[index + 1] ?? '';
      index += 2;
      continue;
    }
    value += char;
    index += 1;
  }
  return undefined;
}

/**
 * Whether shell text reads the shell's positional parameters (`$0`, `$1`…, `$@`, `$*`, `$#`, also
 * braced). A shell-form ENTRYPOINT runs as `/bin/sh -c <text> <CMD words…>`, and those words reach
 * the command only through these parameters. Single-quoted text and escaped dollars do not expand.
 */
export function usesShellParameters(text: string): boolean {
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === "'") {
      const end = text.indexOf("'", index + 1);
      if (end < 0) {
        return false;
      }
      index = end + 1;
    } else if (char === '\\') {
      index += 2;
    } else if (char === '$') {
      const next = text[index + 1] ?? '';
      if (next === '$') {
        // `$$` is the shell's PID, not a parameter.
        index += 2;
        continue;
      }
      // `${#}` and `${#1}` count or measure parameters; `${#NAME}` is the length of a variable.
      if (/[0-9@*#]/.test(next) || /^\{(?:#[}0-9@*]|[0-9@*])/.test(text.slice(index + 1))) {
        return true;
      }
      index += 1;
    } else {
      index += 1;
    }
  }
  return false;
}

const posixShellNames = new Set(['sh', 'bash', 'dash', 'ash', 'ksh', 'mksh', 'zsh']);

/** Whether a SHELL argv is a POSIX-style shell (`sh -c text a b` makes a, b its `$0`, `$1`). */
export function isPosixShell(shell: readonly string[]): boolean {
  const program = shell[0]?.split('/').at(-1) ?? '';
  return posixShellNames.has(program);
}
