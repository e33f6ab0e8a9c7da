import type { Instruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver';
import type { DockerfileModel } from '../../../semantics/model';
import { instructionFlags, type FlagSpec } from '../../../docs/keys';
import type { Finding, Fix, Localized, Rule } from '../rule';
import { instructionRule } from '../instructionRule';
import { splitInstructionArguments, type BuilderFlag } from './builderFlags';
import { durationProblem, isValidChecksum, isValidChmod, isValidPlatform, isValidRetries } from './flagValueChecks';
import { rangeOfWord } from './helpers';

/** Flags whose values form a closed set: the completion table's values are the whole set. */
const closedValueFlags = new Set(['network', 'security']);
const durationFlags = new Set(['interval', 'timeout', 'start-period', 'start-interval']);

/** One flag of an instruction with the spec the completion tables give it (unknown flags are UnknownFlag's). */
export interface KnownFlag {
  readonly instruction: Instruction;
  readonly keyword: string;
  readonly flag: BuilderFlag;
  readonly spec: FlagSpec;
}

/** The keywords that take flags. */
export const flagKeywords: readonly string[] = Object.keys(instructionFlags);

/** Every leading flag of one instruction that its keyword accepts, in order. ONBUILD triggers are parsed only when used. */
export function knownFlagsOf(model: DockerfileModel, instruction: Instruction): KnownFlag[] {
  const keyword = instruction.getKeyword();
  const specs = instructionFlags[keyword];
  if (!specs) {
    return [];
  }
  const { flags, rest } = splitInstructionArguments(model, instruction);
  // BuildKit never parses the flags of `HEALTHCHECK … NONE`.
  if (flags.length === 0 || (keyword === 'HEALTHCHECK' && /^none$/i.test(rest))) {
    return [];
  }
  const found: KnownFlag[] = [];
  for (const flag of flags) {
    const spec = specs.find((candidate) => candidate.name === flag.name);
    if (spec) {
      found.push({ instruction, keyword, flag, spec });
    }
  }
  return found;
}

function m(en: string, zh: string): Localized {
  return { en, 'zh-cn': zh };
}

/** What is wrong with a value BuildKit will see verbatim (values with `$` are expanded first and skipped). */
function valueProblem(keyword: string, name: string, value: string): Localized | undefined {
  if (value.includes('$')) {
    return undefined;
  }
  if (closedValueFlags.has(name)) {
    const allowed = instructionFlags[keyword]?.find((spec) => spec.name === name)?.values ?? [];
    return allowed.includes(value)
      ? undefined
      : m(`--${name}=${value} is not supported: use ${allowed.join(', ')}; the build fails.`, `不支持 --${name}=${value}：请使用 ${allowed.join('、')}；构建会失败。`);
  }
  if (durationFlags.has(name)) {
    const problem = durationProblem(value);
    if (problem === 'syntax') {
      return m(`--${name}=${value} is not a duration (e.g. 30s, 1m30s, 500ms); the build fails.`, `--${name}=${value} 不是时长（例如 30s、1m30s、500ms）；构建会失败。`);
    }
    return problem === 'tooShort' ? m(`--${name} must be 0 or at least 1ms; the build fails.`, `--${name} 必须为 0 或至少 1ms；构建会失败。`) : undefined;
  }
  switch (name) {
    case 'retries':
      return isValidRetries(value) ? undefined : m(`--retries=${value} must be a whole number, 0 or more; the build fails.`, `--retries=${value} 必须是不小于 0 的整数；构建会失败。`);
    case 'chmod':
      return isValidChmod(value)
        ? undefined
        : m(`--chmod=${value} is neither an octal mode (e.g. 755) nor a symbolic one (e.g. u+x); the build fails.`, `--chmod=${value} 既不是八进制权限（如 755），也不是符号权限（如 u+x）；构建会失败。`);
    case 'checksum':
      return isValidChecksum(value)
        ? undefined
        : m(`--checksum=${value} must be a digest such as sha256:<64 hex digits>; the build fails.`, `--checksum=${value} 必须是摘要，例如 sha256:<64 位十六进制>；构建会失败。`);
    case 'platform':
      return value === '' || isValidPlatform(value)
        ? undefined
        : m(`--platform=${value} is not a platform of the form os[/arch[/variant]] (e.g. linux/amd64); the build fails.`, `--platform=${value} 不是 os[/arch[/variant]] 形式的平台（例如 linux/amd64）；构建会失败。`);
    default:
      return undefined;
  }
}

function flagProblem({ keyword, flag, spec }: KnownFlag): Localized | undefined {
  if (spec.kind === 'boolean') {
    if (flag.value === undefined || flag.value.includes('$')) {
      return undefined;
    }
    return ['true', 'false'].includes(flag.value.toLowerCase())
      ? undefined
      : m(`--${flag.name} takes true or false (or no value), not "${flag.value}"; the build fails.`, `--${flag.name} 只接受 true 或 false（或不写值），而不是“${flag.value}”；构建会失败。`);
  }
  if (flag.value === undefined) {
    return m(`--${flag.name} needs a value (--${flag.name}=…); the build fails.`, `--${flag.name} 需要一个值（--${flag.name}=…）；构建会失败。`);
  }
  return valueProblem(keyword, flag.name, flag.value);
}

/** Flag values Docker's parser or BuildKit reject: missing values, non-booleans, bad durations, modes, digests, platforms. */
export const invalidFlagValueRule: Rule = instructionRule({
  code: 'InvalidFlagValue',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#overview',
  keywords: flagKeywords,
  checkInstruction: (model, instruction): Finding[] =>
    inDocumentOrder(
      knownFlagsOf(model, instruction).flatMap((known): Finding[] => {
        const problem = flagProblem(known);
        return problem ? [{ range: rangeOfWord(model, known.instruction, known.flag.written), message: problem }] : [];
      }),
    ),
});

/** Findings sorted by position (flags are collected keyword by keyword). */
export function inDocumentOrder(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The next occurrence of `word` after `first` on the same line, else `first` (a repeated flag is marked where it repeats). */
function rangeAfter(model: DockerfileModel, word: string, first: Range): Range {
  const line = model.lines[first.start.line] ?? '';
  const index = line.indexOf(word, first.end.character);
  if (index < 0 || first.start.line !== first.end.line) {
    return first;
  }
  return { start: { line: first.start.line, character: index }, end: { line: first.start.line, character: index + word.length } };
}

/**
 * Deletes the repeated flag's word with the blanks after it (or, at the end of a line, before it);
 * undefined when the word is not written on one line as found.
 */
function removeWordFix(model: DockerfileModel, range: Range, name: string): Fix | undefined {
  const line = model.lines[range.start.line];
  if (line === undefined || range.end.line !== range.start.line) {
    return undefined;
  }
  let start = range.start.character;
  let end = range.end.character;
  const after = /^[ \t]+/.exec(line.slice(end))?.[0].length ?? 0;
  if (after > 0) {
    end += after;
  } else {
    start -= /[ \t]+$/.exec(line.slice(0, start))?.[0].length ?? 0;
  }
  return {
    title: m(`Remove this --${name}`, `删除这个 --${name}`),
    edits: [{ range: { start: { line: range.start.line, character: start }, end: { line: range.start.line, character: end } }, newText: '' }],
  };
}

/** A flag given twice that may appear only once: Docker's parser stops with "Duplicate flag specified". */
export const duplicateFlagRule: Rule = instructionRule({
  code: 'DuplicateFlag',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#overview',
  keywords: flagKeywords,
  checkInstruction: (model, instruction): Finding[] => {
    const findings: Finding[] = [];
    const names = new Set<string>();
    for (const { flag, spec } of knownFlagsOf(model, instruction)) {
      if (names.has(flag.name) && !spec.repeatable) {
        const range = rangeAfter(model, flag.written, rangeOfWord(model, instruction, flag.written));
        findings.push({
          range,
          message: m(`--${flag.name} is given more than once; the build fails.`, `--${flag.name} 出现了不止一次；构建会失败。`),
          fix: removeWordFix(model, range, flag.name),
        });
      }
      names.add(flag.name);
    }
    return inDocumentOrder(findings);
  },
});
