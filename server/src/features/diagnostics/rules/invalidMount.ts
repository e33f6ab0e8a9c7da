import { mountTypes as mountTypeList } from '../../../docs/keys';
import { mountKeyAliases, mountKeys, mountKeyValues } from '../../completion/tables';
import type { Finding, Localized, Rule } from '../rule';
import { instructionRule } from '../instructionRule';
import { isGoBool } from './flagValueChecks';
import { inDocumentOrder, knownFlagsOf } from './flagValues';
import { rangeOfWord } from './helpers';

const mountTypes: readonly string[] = mountTypeList;

/** Every key BuildKit accepts in `--mount` (for some type), from the completion tables. */
const allKeys = new Set(['type', ...Object.values(mountKeys).flat(), ...Object.values(mountKeyAliases).flat()]);
const booleanKeys = new Set(['readonly', 'ro', 'readwrite', 'rw', 'required']);
/** Keys that take no value when written bare. */
const bareKeys = new Set(['readonly', 'ro', 'readwrite', 'rw', 'required']);

/** The type of a mount whose `type=` is a variable. */
const variableType = '$';

function m(en: string, zh: string): Localized {
  return { en, 'zh-cn': zh };
}

/** What the mount sets, to check the combinations BuildKit refuses. */
interface MountState {
  type: string;
  keys: Set<string>;
}

function canonical(key: string): string {
  return Object.entries(mountKeyAliases).find(([, spellings]) => spellings.includes(key))?.[0] ?? key;
}

/** The first problem of one field, in BuildKit's order (the type must come before keys that depend on it). */
function fieldProblem(field: string, state: MountState): Localized | undefined {
  const equals = field.indexOf('=');
  const key = (equals >= 0 ? field.slice(0, equals) : field).toLowerCase();
  const value = equals >= 0 ? field.slice(equals + 1) : undefined;
  if (value === undefined) {
    if (!bareKeys.has(key)) {
      return m(`Mount option "${field}" must be key=value; the build fails.`, `挂载选项“${field}”必须是 key=value；构建会失败。`);
    }
  } else if (!allKeys.has(key)) {
    return m(`Unknown mount option "${key}"; the build fails.`, `未知的挂载选项“${key}”；构建会失败。`);
  }
  const typeKnown = state.type !== variableType;
  if (key === 'required' && typeKnown && state.type !== 'secret' && state.type !== 'ssh') {
    return m(`"required" is only for secret and ssh mounts (write type= first); the build fails.`, `“required”只用于 secret 和 ssh 挂载（请先写 type=）；构建会失败。`);
  }
  if (key === 'size' && typeKnown && state.type !== 'tmpfs') {
    return m('"size" is only for tmpfs mounts; the build fails.', '“size”只用于 tmpfs 挂载；构建会失败。');
  }
  state.keys.add(canonical(key));
  if (value === undefined) {
    return undefined;
  }
  if (value.includes('$')) {
    // Expanded by BuildKit before it is read; an unknown type also hides the type-dependent checks.
    state.type = key === 'type' ? variableType : state.type;
    return undefined;
  }
  if (key === 'type') {
    const type = value.toLowerCase();
    if (!mountTypes.includes(type)) {
      return m(`Unknown mount type "${value}": use ${mountTypes.join(', ')}; the build fails.`, `未知的挂载类型“${value}”：请使用 ${mountTypes.join('、')}；构建会失败。`);
    }
    state.type = type;
  } else if (booleanKeys.has(key) && !isGoBool(value)) {
    return m(`Mount option ${key}=${value} must be true or false; the build fails.`, `挂载选项 ${key}=${value} 必须是 true 或 false；构建会失败。`);
  } else if (key === 'sharing' && !(mountKeyValues['sharing'] ?? []).includes(value.toLowerCase())) {
    return m(`sharing=${value} must be shared, private or locked; the build fails.`, `sharing=${value} 必须是 shared、private 或 locked；构建会失败。`);
  } else if (key === 'mode' && !/^[0-7]+$/.test(value)) {
    return m(`mode=${value} must be octal (e.g. 0644); the build fails.`, `mode=${value} 必须是八进制（例如 0644）；构建会失败。`);
  } else if ((key === 'uid' || key === 'gid') && !/^\d+$/.test(value)) {
    return m(`${key}=${value} must be a number; the build fails.`, `${key}=${value} 必须是数字；构建会失败。`);
  }
  return undefined;
}

/** The combinations BuildKit's `validateMount` refuses once every field is read. */
function combinationProblem({ type, keys }: MountState): Localized | undefined {
  if (type === variableType) {
    return undefined;
  }
  const fileInfo = ['mode', 'uid', 'gid'].find((key) => keys.has(key));
  if (fileInfo && (type === 'bind' || type === 'tmpfs')) {
    return m(`"${fileInfo}" is not allowed on ${type} mounts; the build fails.`, `${type} 挂载不允许“${fileInfo}”；构建会失败。`);
  }
  if (keys.has('sharing') && type !== 'cache') {
    return m('"sharing" is only for cache mounts; the build fails.', '“sharing”只用于 cache 挂载；构建会失败。');
  }
  if (type === 'secret') {
    if (keys.has('from')) {
      return m('A secret mount cannot have "from"; the build fails.', 'secret 挂载不能有“from”；构建会失败。');
    }
    if (!['source', 'target', 'id', 'env'].some((key) => keys.has(key))) {
      return m('A secret mount needs an id (or a target); the build fails.', 'secret 挂载需要 id（或 target）；构建会失败。');
    }
    if (keys.has('source') && keys.has('id')) {
      return m('A secret mount cannot set both source and id; the build fails.', 'secret 挂载不能同时设置 source 和 id；构建会失败。');
    }
  }
  return undefined;
}

/** The problem of one `--mount` value, if any. */
export function mountProblem(value: string): Localized | undefined {
  const state: MountState = { type: 'bind', keys: new Set() };
  // BuildKit reads the value as one CSV record; quotes only group, so dropping them keeps the fields.
  for (const field of value.replace(/["']/g, '').split(',')) {
    const problem = fieldProblem(field.trim(), state);
    if (problem) {
      return problem;
    }
  }
  return combinationProblem(state);
}

/** `RUN --mount` values BuildKit refuses: unknown type or option, bad values, options the type does not take. */
export const invalidMountRule: Rule = instructionRule({
  code: 'InvalidMount',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#run---mount',
  keywords: ['RUN'],
  checkInstruction: (model, instruction): Finding[] =>
    inDocumentOrder(knownFlagsOf(model, instruction)
      .filter(({ flag }) => flag.name === 'mount' && flag.value !== undefined)
      .flatMap(({ flag }): Finding[] => {
        const problem = mountProblem(flag.value ?? '');
        return problem ? [{ range: rangeOfWord(model, instruction, flag.written), message: problem }] : [];
      })),
});
