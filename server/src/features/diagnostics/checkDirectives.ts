import type { Dockerfile } from 'dockerfile-ast';
import type { DockerfileModel } from '../../semantics/model';

/**
 * What a `check` configuration says (BuildKit's `# check=skip=…;experimental=…;error=true`).
 * Rule names are kept lowercase: we compare them without case (BuildKit compares them exactly).
 */
export interface CheckConfig {
  readonly skipAll: boolean;
  readonly skip: ReadonlySet<string>;
  readonly experimentalAll: boolean;
  readonly experimental: ReadonlySet<string>;
  readonly error: boolean;
}

export const emptyCheckConfig: CheckConfig = { skipAll: false, skip: new Set(), experimentalAll: false, experimental: new Set(), error: false };

/**
 * Parses the value of a `check` directive. With `strict`, any malformed part (no `=`, an unknown key,
 * an `error` that is not a boolean) makes the whole value invalid (undefined), as BuildKit treats the
 * `# check=` comment above an instruction. Without it, malformed parts are passed over, so a typo in
 * the file's directive does not switch the valid parts off (InvalidParserDirective reports the typo).
 */
export function parseCheckValue(value: string, strict: boolean): CheckConfig | undefined {
  const skip = new Set<string>();
  const experimental = new Set<string>();
  let skipAll = false;
  let experimentalAll = false;
  let error = false;
  const trimmed = value.trim();
  // BuildKit splits into three parts at most; a fourth `;` stays inside the third value.
  const parts = trimmed === '' ? [] : splitN(trimmed, ';', 3);
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals < 0) {
      if (strict) {
        return undefined;
      }
      continue;
    }
    const key = part.slice(0, equals).trim();
    const item = part.slice(equals + 1).trim();
    if (key === 'skip' || key === 'experimental') {
      const names = item === 'all' ? [] : item.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
      if (key === 'skip') {
        skipAll ||= item === 'all';
        names.forEach((name) => skip.add(name));
      } else {
        experimentalAll ||= item === 'all';
        names.forEach((name) => experimental.add(name));
      }
    } else if (key === 'error') {
      const parsed = parseBool(item);
      if (parsed === undefined && strict) {
        return undefined;
      }
      error = parsed ?? false;
    } else if (strict) {
      return undefined;
    }
  }
  return { skipAll, skip, experimentalAll, experimental, error };
}

/** Reads the file's `check` parser directive (the top of the file). */
export function readFileCheckConfig(dockerfile: Dockerfile): CheckConfig {
  const directive = dockerfile.getDirectives().find((candidate) => candidate.getName().toLowerCase() === 'check');
  return parseCheckValue(directive?.getValue() ?? '', false) ?? emptyCheckConfig;
}

/**
 * The `# check=` comment that applies to each instruction, by the instruction's first line.
 *
 * BuildKit hands every instruction the comments written since the previous instruction (blank lines
 * in between do not matter; an empty `#` line starts the list afresh; parser directives are not part
 * of it) and uses the first of them that reads as a `check` directive, up to its first space, so
 * `# check=skip=Rule // reason` works. That configuration adds to the file's for this instruction only.
 */
export function readInstructionCheckConfigs(model: DockerfileModel): Map<number, CheckConfig> {
  const byLine = new Map<number, CheckConfig>();
  model.instructions.forEach((instruction, index) => {
    const comment = precedingComments(model, index).find((text) => checkDirectivePattern.exec(text)?.[1]?.toLowerCase() === 'check');
    const value = comment === undefined ? undefined : checkDirectivePattern.exec(comment)?.[2];
    const config = value === undefined ? undefined : parseCheckValue(value.split(' ', 1)[0] ?? '', true);
    if (config) {
      byLine.set(instruction.getRange().start.line, config);
    }
  });
  return byLine;
}

/** BuildKit's directive syntax, applied to a comment without its `#`. */
const checkDirectivePattern = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;

/**
 * The comments (without `#`) BuildKit keeps for an instruction: those since the previous instruction,
 * restarted by an empty `#` line, parser directives left out. A description comment is the last one.
 */
export function precedingComments(model: DockerfileModel, instructionIndex: number): string[] {
  const instruction = model.instructions[instructionIndex];
  if (!instruction) {
    return [];
  }
  const previous = model.instructions[instructionIndex - 1];
  const from = previous ? previous.getRange().end.line + 1 : 0;
  const directiveLines = new Set(previous ? [] : model.dockerfile.getDirectives().map((directive) => directive.getRange().start.line));
  let comments: string[] = [];
  for (let line = from; line < instruction.getRange().start.line; line += 1) {
    const text = (model.lines[line] ?? '').trimStart();
    if (!text.startsWith('#') || model.heredocLines.has(line) || directiveLines.has(line)) {
      continue;
    }
    const content = text.slice(1).trim();
    comments = content === '' ? [] : [...comments, content];
  }
  return comments;
}

function splitN(text: string, separator: string, limit: number): string[] {
  const parts = text.split(separator);
  return parts.length <= limit ? parts : [...parts.slice(0, limit - 1), parts.slice(limit - 1).join(separator)];
}

/** Go's strconv.ParseBool. */
function parseBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) {
    return true;
  }
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) {
    return false;
  }
  return undefined;
}
