import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { logicalArguments } from '../../../semantics/instructionText';
import { parseFromArguments } from '../../../semantics/stages';
import type { VariableDeclaration } from '../../../syntax/variableDeclarations';
import { globalDeclarations } from '../../../syntax/variableScope';
import { rangeOfWord } from './helpers';
import { expandWord, type Variables } from './wordExpansion';

/** The values BuildKit gives the platform arguments (any real platform will do for a validity check). */
const platformDefaults: ReadonlyArray<readonly [string, string]> = [
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
];

/**
 * A FROM whose image reference, with every global ARG at its default (no `--build-arg`), is empty or
 * not a valid reference: `ARG TAG` without a default then `FROM alpine:${TAG}` gives `alpine:`.
 * Like BuildKit, ARGs without a default are unset and `${X:-d}` falls back to `d`.
 */
export const invalidDefaultArgInFromRule: Rule = {
  code: 'InvalidDefaultArgInFrom',
  defaultSeverity: 'warning',
  buildkit: true,
  fileScoped: true,
  docUrl: buildkitDocUrl('InvalidDefaultArgInFrom'),
  check: (model): Finding[] => {
    const escapeChar = model.dockerfile.getEscapeCharacter();
    const images = model.stages.map((stage) => parseFromArguments(logicalArguments(model.document, stage.from, escapeChar)).image);
    if (!images.some((image) => image?.includes('$'))) {
      return [];
    }
    const defaults = globalDefaults(globalDeclarations(model), escapeChar);
    if (!defaults) {
      return [];
    }
    const stageNames = new Set(model.stages.map((stage) => stage.name).filter((name) => name !== undefined));
    const findings: Finding[] = [];
    model.stages.forEach((stage, index) => {
      const image = images[index];
      if (!image?.includes('$')) {
        return;
      }
      const result = expandWord(image, defaults, escapeChar);
      // An expansion we cannot follow (pattern removal, `${X?}`) is BuildKit's cue to give up too.
      if (result === undefined || stageNames.has(result.toLowerCase()) || isValidImageReference(result)) {
        return;
      }
      findings.push({
        range: rangeOfWord(model, stage.from, image),
        message: {
          en: `Default value for ARG ${image} results in an empty or invalid base image name ('${result}'): give the ARG a default that makes a valid image, or every build needs --build-arg.`,
          'zh-cn': `ARG 的默认值使 ${image} 成为空的或无效的基础镜像名（“${result}”）：请给 ARG 一个能得到有效镜像的默认值，否则每次构建都必须传 --build-arg。`,
        },
      });
    });
    return findings;
  },
};

/**
 * Global ARG defaults in order, each expanded with the ones before it (the scope model's global
 * declarations, as written); undefined if one cannot be followed.
 */
function globalDefaults(declarations: readonly VariableDeclaration[], escapeChar: string): Variables | undefined {
  const values = new Map<string, string>(platformDefaults);
  for (const declaration of declarations) {
    if (declaration.rawValue === undefined) {
      // `ARG NAME` alone: unset unless it is a predefined platform argument.
      continue;
    }
    const value = expandWord(declaration.rawValue, values, escapeChar);
    if (value === undefined) {
      return undefined;
    }
    values.set(declaration.name, value);
  }
  return values;
}

const pathComponent = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const domainPattern = new RegExp(`^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?$`);
const repositoryPattern = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);
const tagPattern = /^[\w][\w.-]{0,127}$/;
const digestPattern = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** Whether Docker's reference parser accepts `text` as an image (`[domain/]path[:tag][@digest]`). */
export function isValidImageReference(text: string): boolean {
  if (text === '' || /^[a-f0-9]{64}$/.test(text)) {
    return false;
  }
  const slash = text.indexOf('/');
  const first = slash < 0 ? '' : text.slice(0, slash);
  // Docker's rule: the first component is a registry if it has a dot, a port, uppercase, or is localhost.
  const hasDomain = slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first.toLowerCase() !== first);
  if (hasDomain && !domainPattern.test(first)) {
    return false;
  }
  const remainder = hasDomain ? text.slice(slash + 1) : text;
  const at = remainder.indexOf('@');
  const nameAndTag = at < 0 ? remainder : remainder.slice(0, at);
  if (at >= 0 && !digestPattern.test(remainder.slice(at + 1))) {
    return false;
  }
  const colon = nameAndTag.indexOf(':');
  const repository = colon < 0 ? nameAndTag : nameAndTag.slice(0, colon);
  if (colon >= 0 && !tagPattern.test(nameAndTag.slice(colon + 1))) {
    return false;
  }
  return repository.length <= 255 && repositoryPattern.test(repository);
}
