/** The facts completion offers: instructions, their flags, mount keys, directive values, signals. */

/** Instructions ONBUILD may not trigger. */
export const forbiddenOnbuildTriggers: ReadonlySet<string> = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

/** Instructions that are deprecated (still offered, marked as such). */
export const deprecatedKeywords: ReadonlySet<string> = new Set(['MAINTAINER']);

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
}

const durationExamples = ['30s', '5s', '1m', '1m30s'];

/** The flags each instruction accepts. */
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
  ],
  RUN: [
    { name: 'mount', kind: 'value', repeatable: true },
    { name: 'network', kind: 'value', values: ['default', 'none', 'host'] },
    { name: 'security', kind: 'value', values: ['insecure', 'sandbox'] },
  ],
  HEALTHCHECK: [
    { name: 'interval', kind: 'value', values: durationExamples },
    { name: 'timeout', kind: 'value', values: durationExamples },
    { name: 'start-period', kind: 'value', values: durationExamples },
    { name: 'start-interval', kind: 'value', values: durationExamples },
    { name: 'retries', kind: 'value', values: ['3', '5'] },
  ],
};

/** `RUN --mount` types. */
export const mountTypes: readonly string[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];

/** The keys each mount type accepts (`type` itself is offered separately). */
export const mountKeys: Readonly<Record<string, readonly string[]>> = {
  bind: ['target', 'source', 'from', 'rw'],
  cache: ['target', 'id', 'readonly', 'sharing', 'from', 'source', 'mode', 'uid', 'gid'],
  tmpfs: ['target', 'size'],
  secret: ['id', 'target', 'env', 'required', 'mode', 'uid', 'gid'],
  ssh: ['id', 'target', 'required', 'mode', 'uid', 'gid'],
};

/** Spellings that mean the same mount key (one of a group is enough). */
export const mountKeyAliases: Readonly<Record<string, readonly string[]>> = {
  target: ['target', 'dst', 'destination'],
  source: ['source', 'src'],
  readonly: ['readonly', 'ro'],
  rw: ['rw', 'readwrite'],
};

/** Fixed values of mount keys. */
export const mountKeyValues: Readonly<Record<string, readonly string[]>> = {
  type: mountTypes,
  sharing: ['shared', 'private', 'locked'],
  readonly: ['true', 'false'],
  ro: ['true', 'false'],
  rw: ['true', 'false'],
  readwrite: ['true', 'false'],
  required: ['true', 'false'],
  mode: ['0755', '0644', '0600', '0400'],
};

/** Signals worth offering for STOPSIGNAL. */
export const stopSignals: readonly string[] = [
  'SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGKILL', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGWINCH', 'SIGSTOP', 'SIGCONT', 'SIGPWR', 'SIGRTMIN+3',
];

/** Parser directives and the values offered after `=`. */
export const parserDirectives: Readonly<Record<string, readonly string[]>> = {
  syntax: ['docker/dockerfile:1', 'docker/dockerfile:1-labs', 'docker/dockerfile-upstream:master'],
  escape: ['\\', '`'],
  check: ['skip=', 'error=true', 'error=false', 'skip=all'],
};

/** BuildKit build-check rule names, for `# check=skip=`. */
export const buildCheckRules: readonly string[] = [
  'all', 'ConsistentInstructionCasing', 'CopyIgnoredFile', 'DuplicateStageName', 'ExposeInvalidFormat', 'ExposeProtoCasing',
  'FromAsCasing', 'FromPlatformFlagConstDisallowed', 'InvalidBaseImagePlatform', 'InvalidDefaultArgInFrom', 'JSONArgsRecommended',
  'LegacyKeyValueFormat', 'MaintainerDeprecated', 'MultipleInstructionsDisallowed', 'NoEmptyContinuation', 'RedundantTargetPlatform',
  'ReservedStageName', 'SecretsUsedInArgOrEnv', 'StageNameCasing', 'UndefinedArgInFrom', 'UndefinedVar', 'WorkdirRelativePath',
];

/** Exec-form snippets per instruction (LSP snippet syntax). */
export const execFormSnippets: Readonly<Record<string, readonly { label: string; snippet: string }[]>> = {
  CMD: [
    { label: '["executable", "param"]', snippet: '["${1:executable}", "${2:param}"]' },
    { label: '["param"] (arguments for ENTRYPOINT)', snippet: '["${1:param}"]' },
  ],
  ENTRYPOINT: [{ label: '["executable", "param"]', snippet: '["${1:executable}", "${2:param}"]' }],
  SHELL: [
    { label: '["/bin/sh", "-c"]', snippet: '["/bin/sh", "-c"]' },
    { label: '["/bin/bash", "-o", "pipefail", "-c"]', snippet: '["/bin/bash", "-o", "pipefail", "-c"]' },
    { label: '["powershell", "-command"]', snippet: '["powershell", "-command"]' },
    { label: '["cmd", "/S", "/C"]', snippet: '["cmd", "/S", "/C"]' },
  ],
};
