/**
 * The facts completion offers beyond the words themselves (keywords, flags and mount types are in
 * docs/keys.ts): mount keys and values, directive values, signals, templates.
 */
import { mountTypes } from '../../docs/keys';

/** Instructions ONBUILD may not trigger. */
export const forbiddenOnbuildTriggers: ReadonlySet<string> = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

/** Instructions that are deprecated (still offered, marked as such). */
export const deprecatedKeywords: ReadonlySet<string> = new Set(['MAINTAINER']);


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
