/**
 * `.dockerignore` patterns as BuildKit reads them (moby/patternmatcher): `#` lines are comments, each
 * pattern is trimmed and cleaned like a path (`./a/` is `a`, a leading `/` is dropped), `!` makes an
 * exception, `*` and `?` stay inside one path segment, `**` crosses segments, and a pattern that
 * matches a folder also matches everything below it.
 */

export interface IgnorePattern {
  readonly text: string;
  readonly exception: boolean;
  readonly regex: RegExp;
}

/** The patterns of a `.dockerignore` text, in order. */
export function readIgnorePatterns(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  for (const rawLine of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (rawLine.startsWith('#')) {
      continue;
    }
    let line = rawLine.trim();
    if (line === '') {
      continue;
    }
    const exception = line.startsWith('!');
    if (exception) {
      line = line.slice(1).trim();
    }
    if (line.length > 0) {
      line = cleanPath(line);
      if (line.length > 1 && line.startsWith('/')) {
        line = line.slice(1);
      }
    }
    patterns.push({ text: line, exception, regex: compile(line) });
  }
  return patterns;
}

/** Whether `path` (cleaned, `/`-separated) or one of its parent folders matches a pattern that is no exception. */
export function matchesOrParentMatches(patterns: readonly IgnorePattern[], path: string): boolean {
  const parents = parentChain(path);
  return patterns.some((pattern) => !pattern.exception && (pattern.regex.test(path) || parents.some((parent) => pattern.regex.test(parent))));
}

/** Go's path.Clean for `/`-separated paths. */
export function cleanPath(path: string): string {
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') {
      continue;
    }
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') {
        parts.pop();
      } else if (!rooted) {
        parts.push('..');
      }
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined === '' ? '.' : joined;
}

/** `a/b/c` → `a`, `a/b` (the folders it lies in). */
function parentChain(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(0, -1).map((_, index) => segments.slice(0, index + 1).join('/')).filter((parent) => parent !== '' && parent !== '.');
}

/** The pattern as an anchored regular expression, following patternmatcher's translation. */
function compile(pattern: string): RegExp {
  let source = '^';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] ?? '';
    if (char === '*') {
      if (pattern[index + 1] === '*') {
        index += 1;
        if (pattern[index + 1] === '/') {
          index += 1;
        }
        source += index + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '\\') {
      index += 1;
      source += escapeRegex(pattern[index] ?? '');
    } else if (char === '[' || char === ']' || char === '-' || char === '^') {
      // Character classes pass through as in Go's filepath.Match.
      source += char;
    } else {
      source += escapeRegex(char);
    }
  }
  try {
    return new RegExp(`${source}$`);
  } catch {
    // An unbalanced class: BuildKit fails the build; here the pattern matches nothing.
    return /(?!)/;
  }
}

function escapeRegex(char: string): string {
  return /[.+()|{}$*?[\]^\\/]/.test(char) ? `\\${char}` : char;
}
