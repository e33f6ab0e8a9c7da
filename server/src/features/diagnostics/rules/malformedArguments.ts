import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from '../../../semantics/model';
import type { Finding, Localized, Rule } from '../rule';
import { instructionRule } from '../instructionRule';
import { splitInstructionArguments } from './builderFlags';
import { dockerWords } from './dockerWords';

/** BuildKit's rule for stage names (checked after lowercasing). */
const validStageName = /^[a-z][a-z0-9-_.]*$/;

/** Instructions that take the rest of the line as one argument, which must not be empty. */
const singleArgument = new Set(['WORKDIR', 'USER', 'STOPSIGNAL', 'MAINTAINER']);

/** A JSON array of strings, else undefined (then Docker reads the text as plain words). */
function jsonStrings(text: string): string[] | undefined {
  if (!text.startsWith('[')) {
    return undefined;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Docker's list form (COPY, ADD, VOLUME): a JSON array, or words split at whitespace. */
function listArguments(text: string): string[] {
  return jsonStrings(text) ?? text.split(/\s+/).filter(Boolean);
}

function message(en: string, zh: string): Localized {
  return { en, 'zh-cn': zh };
}

/** ENV and LABEL: `key value` (legacy, needs both) or `key=value …` (every word with a named `=`). */
function keyValueProblem(keyword: string, rest: string, escapeChar: string): Localized | undefined {
  const words = dockerWords(rest, escapeChar);
  const first = words[0];
  if (first === undefined) {
    return message(`${keyword} needs at least one key=value pair; the build fails.`, `${keyword} 至少需要一个 key=value；构建会失败。`);
  }
  if (!first.includes('=')) {
    return rest.split(/\s+/).length < 2
      ? message(`${keyword} ${first} has no value: write ${first}=value; the build fails.`, `${keyword} ${first} 没有值：请写成 ${first}=value；构建会失败。`)
      : undefined;
  }
  const missing = words.find((word) => !word.includes('='));
  if (missing !== undefined) {
    return message(
      `"${missing}" has no "=": every ${keyword} word must be name=value once the first is; the build fails.`,
      `“${missing}”缺少“=”：第一个词使用 name=value 后，${keyword} 的每个词都必须是 name=value；构建会失败。`,
    );
  }
  if (words.some((word) => word.startsWith('='))) {
    return message(`${keyword} names cannot be blank; the build fails.`, `${keyword} 的名称不能为空；构建会失败。`);
  }
  return undefined;
}

function fromProblem(words: readonly string[]): Localized | undefined {
  if (words.length === 0) {
    return message('FROM needs a base image; the build fails.', 'FROM 需要一个基础镜像；构建会失败。');
  }
  if (words.length === 3 && words[1]?.toLowerCase() === 'as') {
    const name = words[2] ?? '';
    return validStageName.test(name.toLowerCase())
      ? undefined
      : message(
          `Invalid stage name "${name}": it must start with a letter and contain only letters, digits, "-", "_" and "."; the build fails.`,
          `无效的阶段名“${name}”：必须以字母开头，只能包含字母、数字、“-”、“_”和“.”；构建会失败。`,
        );
  }
  if (words.length === 1) {
    return undefined;
  }
  if (words.length === 2 && words[1]?.toLowerCase() === 'as') {
    return message('FROM … AS needs a stage name; the build fails.', 'FROM … AS 后面需要阶段名；构建会失败。');
  }
  return message(
    'FROM takes an image, optionally followed by AS <name>; the build fails on other arguments.',
    'FROM 只接受一个镜像，后面可选 AS <名称>；其他参数会导致构建失败。',
  );
}

function problemOf(keyword: string, rest: string, escapeChar: string): Localized | undefined {
  switch (keyword) {
    case 'FROM':
      return fromProblem(rest.split(/\s+/).filter(Boolean));
    case 'COPY':
    case 'ADD':
      return listArguments(rest).length < 2
        ? message(`${keyword} needs at least a source and a destination; the build fails.`, `${keyword} 至少需要一个源和一个目标；构建会失败。`)
        : undefined;
    case 'ENV':
    case 'LABEL':
      return keyValueProblem(keyword, rest, escapeChar);
    case 'ARG': {
      const words = dockerWords(rest, escapeChar);
      if (words.length === 0) {
        return message('ARG needs a name; the build fails.', 'ARG 需要一个名称；构建会失败。');
      }
      return words.some((word) => word.startsWith('=')) ? message('ARG names cannot be blank; the build fails.', 'ARG 的名称不能为空；构建会失败。') : undefined;
    }
    case 'EXPOSE':
      return rest === '' ? message('EXPOSE needs at least one port; the build fails.', 'EXPOSE 至少需要一个端口；构建会失败。') : undefined;
    case 'VOLUME': {
      const volumes = listArguments(rest);
      if (volumes.length === 0) {
        return message('VOLUME needs at least one path; the build fails.', 'VOLUME 至少需要一个路径；构建会失败。');
      }
      return volumes.some((volume) => volume.trim() === '') ? message('VOLUME paths cannot be empty strings; the build fails.', 'VOLUME 的路径不能是空字符串；构建会失败。') : undefined;
    }
    case 'SHELL':
      // No arguments at all is ShellNotJson's finding; here only the empty JSON array.
      return jsonStrings(rest)?.length === 0 ? message('SHELL needs at least one argument; the build fails.', 'SHELL 至少需要一个参数；构建会失败。') : undefined;
    case 'ONBUILD':
      return rest === '' ? message('ONBUILD needs an instruction to trigger; the build fails.', 'ONBUILD 需要一条要触发的指令；构建会失败。') : undefined;
    default:
      return singleArgument.has(keyword) && rest === ''
        ? message(`${keyword} needs an argument; the build fails.`, `${keyword} 需要一个参数；构建会失败。`)
        : undefined;
  }
}

/** The arguments Docker's parser sees after the leading flags. */
export function argumentsAfterFlags(model: DockerfileModel, instruction: Instruction): string {
  return splitInstructionArguments(model, instruction).rest;
}

/** Instructions whose arguments Docker accepts in any shape (HEALTHCHECK is HealthcheckForm's). */
const anyArguments = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

/**
 * Instructions with too few or ill-formed arguments, which Docker's parser rejects before anything
 * is built: COPY/ADD without a destination, FROM with a broken AS clause, ENV/LABEL without values,
 * ARG/EXPOSE/VOLUME/WORKDIR/USER/STOPSIGNAL/ONBUILD with nothing. WORKDIR, USER and STOPSIGNAL take
 * the whole rest of the line as one argument, so extra words are not an error there.
 */
export const malformedArgumentsRule: Rule = instructionRule({
  code: 'MalformedArguments',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#overview',
  checkInstruction: (model, instruction): Finding[] => {
    const keyword = instruction.getKeyword();
    if (anyArguments.has(keyword)) {
      return [];
    }
    const problem = problemOf(keyword, argumentsAfterFlags(model, instruction), model.dockerfile.getEscapeCharacter());
    return problem ? [{ range: instruction.getRange(), message: problem }] : [];
  },
});
