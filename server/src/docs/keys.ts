/**
 * The one table of the Dockerfile's words: instruction keywords, their flags, mount types and
 * parser directives. Hover documents them (tests derive the required key list from here, and hover
 * uses the same spelling to turn syntax into a key); completion offers them; the checks accept them.
 */

/** Every instruction keyword Docker's parser accepts, in alphabetical order (completion lists them so). */
export const instructionKeywords = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

/** How a flag takes its value. */
export type FlagValueKind = 'value' | 'boolean';

/** One flag of an instruction. */
export interface FlagSpec {
  readonly name: string;
  readonly kind: FlagValueKind;
  /** May appear more than once (e.g. several `--mount`). */
  readonly repeatable?: boolean;
  /** Fixed values offered after `=`. */
  readonly values?: readonly string[];
  /**
   * Valid only with the labs frontend (`# syntax=docker/dockerfile:1-labs`): accepted by the checks,
   * not offered by completion, not documented in hover.
   */
  readonly labs?: boolean;
}

const durationExamples = ['30s', '5s', '1m', '1m30s'];

/** The flags each instruction accepts: the one table read by hover, completion and the flag checks. */
export const instructionFlags: Readonly<Record<string, readonly FlagSpec[]>> = {
  FROM: [
    {
      name: 'platform',
      kind: 'value',
      values: ['$BUILDPLATFORM', '$TARGETPLATFORM', 'linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64', 'windows/amd64'],
    },
  ],
  COPY: [
    { name: 'from', kind: 'value' },
    { name: 'chown', kind: 'value', values: ['root:root', '1000:1000'] },
    { name: 'chmod', kind: 'value', values: ['755', '644', '600'] },
    { name: 'link', kind: 'boolean', values: ['true', 'false'] },
    { name: 'parents', kind: 'boolean', values: ['true', 'false'] },
    { name: 'exclude', kind: 'value', repeatable: true },
  ],
  ADD: [
    { name: 'chown', kind: 'value', values: ['root:root', '1000:1000'] },
    { name: 'chmod', kind: 'value', values: ['755', '644', '600'] },
    { name: 'link', kind: 'boolean', values: ['true', 'false'] },
    { name: 'exclude', kind: 'value', repeatable: true },
    { name: 'checksum', kind: 'value', values: ['sha256:'] },
    { name: 'keep-git-dir', kind: 'boolean', values: ['true', 'false'] },
    { name: 'unpack', kind: 'boolean', values: ['true', 'false'] },
  ],
  RUN: [
    { name: 'mount', kind: 'value', repeatable: true },
    { name: 'network', kind: 'value', values: ['default', 'none', 'host'] },
    { name: 'security', kind: 'value', values: ['insecure', 'sandbox'] },
    { name: 'device', kind: 'value', repeatable: true, labs: true },
  ],
  HEALTHCHECK: [
    { name: 'interval', kind: 'value', values: durationExamples },
    { name: 'timeout', kind: 'value', values: durationExamples },
    { name: 'start-period', kind: 'value', values: durationExamples },
    { name: 'start-interval', kind: 'value', values: durationExamples },
    { name: 'retries', kind: 'value', values: ['3', '5'] },
  ],
};

/** The `type=` values of `RUN --mount`. */
export const mountTypes = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;

/** Parser directives (`# name=value` at the very top). */
export const parserDirectives = ['syntax', 'escape', 'check'] as const;

/** The names of the flags hover documents (labs-only flags are not). */
export function documentedFlags(specs: readonly FlagSpec[]): string[] {
  return specs.filter((spec) => !spec.labs).map((spec) => spec.name);
}

/** Key of an instruction's flag entry, e.g. `COPY --from`. */
export function flagKey(keyword: string, flag: string): string {
  return `${keyword.toUpperCase()} --${flag}`;
}

/** Key of a mount type entry, e.g. `RUN --mount type=cache`. */
export function mountTypeKey(type: string): string {
  return `RUN --mount type=${type}`;
}

/** Key of a parser directive entry, e.g. `# syntax`. */
export function directiveKey(name: string): string {
  return `# ${name.toLowerCase()}`;
}

/** Key of `HEALTHCHECK NONE`. */
export const healthcheckNoneKey = 'HEALTHCHECK NONE';

/** Every key the documentation of each locale must hold. */
export function requiredDocKeys(): string[] {
  const flags = Object.entries(instructionFlags).flatMap(([keyword, specs]) => documentedFlags(specs).map((name) => flagKey(keyword, name)));
  return [
    ...instructionKeywords,
    ...flags,
    ...mountTypes.map(mountTypeKey),
    healthcheckNoneKey,
    ...parserDirectives.map(directiveKey),
  ];
}
