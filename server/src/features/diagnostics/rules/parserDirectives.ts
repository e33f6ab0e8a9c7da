import type { Range } from 'vscode-languageserver';
import type { DockerfileModel } from '../../../semantics/model';
import type { Finding, Localized, Rule } from '../rule';
import { isGoBool } from './flagValueChecks';

/** The parser directives BuildKit knows. */
const knownDirectives = new Set(['syntax', 'escape', 'check']);
/** A directive as BuildKit matches it: the value must not be empty. */
const directivePattern = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
/** A comment that looks like a known directive, empty value included. */
const lookalikePattern = /^#\s*(syntax|escape|check)\s*=\s*(.*?)\s*$/i;

/** One directive-looking comment line, and whether BuildKit reads it as a directive. */
export interface DirectiveLine {
  readonly line: number;
  readonly name: string;
  readonly value: string;
  readonly honoured: boolean;
  readonly range: Range;
}

/**
 * The comment lines that look like `syntax`, `escape` or `check` directives. BuildKit reads
 * directives only from the top of the file (leading whitespace allowed, a first-line shebang skipped
 * for `syntax`): the first line that is not one (an instruction, another comment, a blank line, an
 * empty value) ends them, and later ones are plain comments.
 */
export function directiveLines(model: DockerfileModel): DirectiveLine[] {
  // Two rules read this per version; the lines array is shared by every model of one parse.
  const cached = directiveCache.get(model.lines);
  if (cached) {
    return cached;
  }
  const found = scanDirectiveLines(model);
  directiveCache.set(model.lines, found);
  return found;
}

const directiveCache = new WeakMap<readonly string[], DirectiveLine[]>();

function scanDirectiveLines(model: DockerfileModel): DirectiveLine[] {
  const found: DirectiveLine[] = [];
  let open = true;
  model.lines.forEach((raw, line) => {
    const text = (line === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim();
    if (!text.startsWith('#')) {
      open = false;
      return;
    }
    if (line === 0 && text.startsWith('#!')) {
      return;
    }
    if (model.heredocLines.has(line)) {
      open = false;
      return;
    }
    const directive = directivePattern.exec(text);
    const name = directive?.[1]?.toLowerCase() ?? '';
    const honoured = open && knownDirectives.has(name);
    open = honoured;
    const lookalike = lookalikePattern.exec(text);
    if (lookalike) {
      const start = raw.length - raw.trimStart().length;
      found.push({
        line,
        name: (lookalike[1] ?? '').toLowerCase(),
        value: lookalike[2] ?? '',
        honoured,
        range: { start: { line, character: start }, end: { line, character: raw.trimEnd().length } },
      });
    }
  });
  return found;
}

/** What BuildKit's `ParseLintOptions` refuses in `# check=`. */
function checkProblem(value: string): Localized | undefined {
  // BuildKit splits at the first `;` only.
  const semicolon = value.indexOf(';');
  const parts = semicolon >= 0 ? [value.slice(0, semicolon), value.slice(semicolon + 1)] : [value];
  for (const part of parts) {
    const equals = part.indexOf('=');
    const key = (equals >= 0 ? part.slice(0, equals) : part).trim();
    if (equals < 0 || !['skip', 'error', 'experimental'].includes(key)) {
      return {
        en: `Invalid check option "${part.trim()}": use skip=<rules>, error=true|false; the build fails.`,
        'zh-cn': `无效的 check 选项“${part.trim()}”：请使用 skip=<规则>、error=true|false；构建会失败。`,
      };
    }
    const optionValue = part.slice(equals + 1).trim();
    if (key === 'error' && !isGoBool(optionValue)) {
      return { en: `check error=${optionValue} must be true or false; the build fails.`, 'zh-cn': `check 的 error=${optionValue} 必须是 true 或 false；构建会失败。` };
    }
  }
  return undefined;
}

/** Directives BuildKit refuses: an escape other than `\` or a backtick, a repeated directive, a malformed `# check=`. */
export const invalidParserDirectiveRule: Rule = {
  code: 'InvalidParserDirective',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#parser-directives',
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const { name, value, honoured, range } of directiveLines(model)) {
      if (!honoured) {
        continue;
      }
      if (seen.has(name)) {
        findings.push({ range, message: { en: `Only one ${name} directive can be used; the build fails.`, 'zh-cn': `只能使用一个 ${name} 指令；构建会失败。` } });
        continue;
      }
      seen.add(name);
      if (name === 'escape' && value !== '\\' && value !== '`') {
        findings.push({ range, message: { en: `Invalid escape "${value}": it must be \\ or \`; the build fails.`, 'zh-cn': `无效的 escape“${value}”：只能是 \\ 或 \`；构建会失败。` } });
      }
      const problem = name === 'check' ? checkProblem(value) : undefined;
      if (problem) {
        findings.push({ range, message: problem });
      }
    }
    return findings;
  },
};

/** A directive BuildKit does not read (written after the top of the file, or with no value): it is only a comment. */
export const ignoredParserDirectiveRule: Rule = {
  code: 'IgnoredParserDirective',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#parser-directives',
  check: (model): Finding[] => {
    const lastStart = model.instructions.at(-1)?.getRange().start.line ?? -1;
    return directiveLines(model)
      .filter((directive) => !directive.honoured)
      // `# check=…` above an instruction configures the checks of that instruction (checkDirectives.ts).
      .filter((directive) => !(directive.name === 'check' && directive.value !== '' && directive.range.start.line < lastStart))
      .map(
        ({ name, value, range }): Finding => ({
          range,
          message:
            value === ''
              ? { en: `# ${name}= has no value, so it is a plain comment and ends the parser directives.`, 'zh-cn': `# ${name}= 没有值，因此只是普通注释，并结束了解析器指令区。` }
              : {
                  en: `# ${name}= is ignored: parser directives must come before any instruction, comment or blank line.`,
                  'zh-cn': `# ${name}= 被忽略：解析器指令必须写在任何指令、注释或空行之前。`,
                },
        }),
      );
  },
};
