import type { Dockerfile } from 'dockerfile-ast';

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
