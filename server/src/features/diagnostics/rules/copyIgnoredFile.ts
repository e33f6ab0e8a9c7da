import type { Instruction } from 'dockerfile-ast';
import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { heredocsOf } from '../../../semantics/heredocs';
import { logicalArguments } from '../../../semantics/instructionText';
import { instructionsOf, type DockerfileModel } from '../../../semantics/model';
import { cleanPath, matchesOrParentMatches, readIgnorePatterns, type IgnorePattern } from './dockerignorePatterns';
import { splitUnquoted } from './helpers';

/**
 * A COPY/ADD source from the build context that the context's `.dockerignore` excludes: the build
 * will not find it. As BuildKit: only without `--from`, never for URLs, Git sources or heredocs, and
 * not at all when the file has exceptions (`!pattern`), since a file inside an excluded folder may be
 * let back in. The context root (`.`) counts only when everything is excluded (`*`, `**`, `**\/*`).
 */
export const copyIgnoredFileRule: Rule = {
  code: 'CopyIgnoredFile',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('CopyIgnoredFile'),
  check: (model, context): Finding[] => {
    if (context?.dockerignore === undefined) {
      return [];
    }
    const patterns = readIgnorePatterns(context.dockerignore);
    if (patterns.length === 0 || patterns.some((pattern) => pattern.exception)) {
      return [];
    }
    const findings: Finding[] = [];
    for (const instruction of instructionsOf(model, 'COPY', 'ADD')) {
      const keyword = instruction.getKeyword();
      for (const source of contextSources(model, instruction)) {
        const path = cleanPath(source);
        if ((path === '.' || path === '/') && !rootIgnored(patterns)) {
          continue;
        }
        if (matchesOrParentMatches(patterns, path)) {
          findings.push({
            range: instruction.getRange(),
            message: {
              en: `${keyword} source "${path}" is excluded by .dockerignore, so the build context does not contain it.`,
              'zh-cn': `${keyword} 的源“${path}”被 .dockerignore 排除，构建上下文中不包含它。`,
            },
          });
        }
      }
    }
    return findings;
  },
};

/** The sources an instruction reads from the build context (none for `--from`, URLs, Git, heredocs, variables). */
function contextSources(model: DockerfileModel, instruction: Instruction): string[] {
  const text = logicalArguments(model.document, instruction, model.dockerfile.getEscapeCharacter()).trim();
  // A here-document's opener word (`<<EOF`) names no file of the context.
  const openers = new Set(heredocsOf(model, instruction).map((heredoc) => model.document.getText(heredoc.startRange)));
  let words: string[];
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      words = Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : [];
    } catch {
      return [];
    }
  } else {
    words = splitUnquoted(text);
    const flags = words.findIndex((word) => !word.startsWith('--'));
    if (words.slice(0, flags < 0 ? words.length : flags).some((flag) => flag.toLowerCase().startsWith('--from='))) {
      return [];
    }
    words = (flags < 0 ? [] : words.slice(flags)).map((word) => word.replace(/^"(.*)"$/s, '$1').replace(/^'(.*)'$/s, '$1'));
  }
  return words
    .slice(0, -1)
    .filter((word) => !openers.has(word) && !word.includes('$') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(word) && !word.startsWith('git@'));
}

function rootIgnored(patterns: readonly IgnorePattern[]): boolean {
  return patterns.some((pattern) => !pattern.exception && (pattern.text === '*' || pattern.text === '**' || pattern.text === '**/*'));
}
