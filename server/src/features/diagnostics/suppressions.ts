import type { Dockerfile } from 'dockerfile-ast';

/** What `# check=skip=…;error=true` says (BuildKit's check directive). */
export interface CheckDirective {
  readonly skipAll: boolean;
  readonly skip: ReadonlySet<string>;
  readonly error: boolean;
}

/** Reads the `check` parser directive; names are compared lowercase. */
export function readCheckDirective(dockerfile: Dockerfile): CheckDirective {
  const directive = dockerfile.getDirectives().find((candidate) => candidate.getName().toLowerCase() === 'check');
  const skip = new Set<string>();
  let error = false;
  for (const part of (directive?.getValue() ?? '').split(';')) {
    const [key, value = ''] = part.split('=', 2).map((item) => item.trim());
    if (key === 'skip') {
      value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean).forEach((name) => skip.add(name));
    } else if (key === 'error') {
      error = value.toLowerCase() === 'true';
    }
  }
  return { skipAll: skip.has('all'), skip, error };
}

/**
 * Codes ignored per line by a comment on the line just before an instruction:
 * `# berthwise-ignore=Code1,Code2` (or bare `# berthwise-ignore` for all) and `# hadolint ignore=DL3025`.
 */
export function readIgnoreComments(dockerfile: Dockerfile): Map<number, Set<string>> {
  const byLine = new Map<number, Set<string>>();
  for (const comment of dockerfile.getComments()) {
    const match = /^(berthwise-ignore|hadolint\s+ignore)\s*(?:=\s*(.*))?$/i.exec(comment.getContent());
    if (!match) {
      continue;
    }
    const codes = (match[2] ?? '*').split(/[\s,]+/).filter(Boolean).map((code) => code.toLowerCase());
    const targetLine = comment.getRange().start.line + 1;
    byLine.set(targetLine, new Set([...(byLine.get(targetLine) ?? []), ...codes]));
  }
  return byLine;
}
