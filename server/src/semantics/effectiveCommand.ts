import type { ImageConfigLookup } from './imageConfig';
import { isPosixShell, usesShellParameters } from './shellWords';
import type { FormInstruction, Stage } from './stages';

/** Docker's shell when neither the image nor a SHELL instruction sets one. */
export const defaultShell: readonly string[] = ['/bin/sh', '-c'];

/** Where the value of a stage's CMD or ENTRYPOINT comes from. */
export type SettingSource =
  /** Set by an instruction in this stage. */
  | { readonly kind: 'own'; readonly instruction: FormInstruction }
  /** Inherited from an earlier stage of this file (by index) or from an external image. */
  | { readonly kind: 'inherited'; readonly stage: number | undefined }
  /** An ENTRYPOINT in this stage cleared the inherited CMD. */
  | { readonly kind: 'reset'; readonly by: FormInstruction; readonly cleared: Setting }
  /** Nothing sets it (scratch or no answer needed). */
  | { readonly kind: 'none' };

/** A CMD or ENTRYPOINT value: argv, null when empty, 'unknown' when it depends on an image we cannot see. */
export interface Setting {
  readonly value: readonly string[] | null | 'unknown';
  /** True when the value came from shell form (`/bin/sh -c text`). */
  readonly shellForm: boolean;
  readonly source: SettingSource;
}

/** What a stage's image will run. */
export interface StageCommand {
  readonly stage: Stage;
  readonly entrypoint: Setting;
  readonly cmd: Setting;
  /** The image's shell at the end of the stage. */
  readonly shell: readonly string[];
  /** The argv of `docker run IMAGE` (ENTRYPOINT then CMD): null if there is none, 'unknown' if it cannot be decided. */
  readonly argv: readonly string[] | null | 'unknown';
  /**
   * Set when the ENTRYPOINT is shell form: the engine still appends CMD (or `docker run` arguments),
   * so they follow the shell's command text, where a POSIX shell reads them as `$0`, `$1`…
   */
  readonly shellEntrypoint: ShellEntrypoint | undefined;
}

/** A shell-form ENTRYPOINT split into its shell and its command text. */
export interface ShellEntrypoint {
  readonly shell: readonly string[];
  readonly text: string;
  /** True for a POSIX shell whose text reads `$0`, `$1`…, `$@`, `$*` or `$#`: only then can CMD words matter. */
  readonly readsParameters: boolean;
  /** False for shells such as PowerShell or cmd.exe, whose handling of extra words differs. */
  readonly posix: boolean;
}

const unknownSetting: Setting = { value: 'unknown', shellForm: false, source: { kind: 'inherited', stage: undefined } };
const noSetting: Setting = { value: null, shellForm: false, source: { kind: 'none' } };

/** Computes the CMD, ENTRYPOINT, shell and effective argv of every stage, in order. */
export function resolveStageCommands(stages: readonly Stage[], lookup: ImageConfigLookup): StageCommand[] {
  const resolved: StageCommand[] = [];
  for (const stage of stages) {
    resolved.push(resolveStage(stage, inheritedFrom(stage, resolved, lookup)));
  }
  return resolved;
}

interface Inherited {
  readonly entrypoint: Setting;
  readonly cmd: Setting;
  readonly shell: readonly string[];
}

function inheritedFrom(stage: Stage, earlier: readonly StageCommand[], lookup: ImageConfigLookup): Inherited {
  const base = stage.base;
  if (base.kind === 'scratch') {
    return { entrypoint: noSetting, cmd: noSetting, shell: defaultShell };
  }
  if (base.kind === 'stage') {
    const parent = earlier[base.index];
    if (parent) {
      const source: SettingSource = { kind: 'inherited', stage: base.index };
      return {
        entrypoint: { ...parent.entrypoint, source: parent.entrypoint.value === null ? { kind: 'none' } : source },
        cmd: { ...parent.cmd, source: parent.cmd.value === null ? { kind: 'none' } : source },
        shell: parent.shell,
      };
    }
  }
  const config = base.kind === 'image' ? lookup(base.name) : undefined;
  if (!config) {
    // Without an answer nothing is guessed; the shell falls back to Docker's default only for display.
    return { entrypoint: unknownSetting, cmd: unknownSetting, shell: defaultShell };
  }
  const source: SettingSource = { kind: 'inherited', stage: undefined };
  const fromImage = (value: readonly string[] | null): Setting =>
    value && value.length > 0 ? { value, shellForm: false, source } : noSetting;
  return {
    entrypoint: fromImage(config.entrypoint),
    cmd: fromImage(config.cmd),
    shell: config.shell && config.shell.length > 0 ? config.shell : defaultShell,
  };
}

function resolveStage(stage: Stage, inherited: Inherited): StageCommand {
  const shellAt = (entry: FormInstruction): readonly string[] => entry.shell ?? inherited.shell;
  const lastEntrypoint = stage.entrypoints.at(-1);
  const lastCmd = stage.cmds.at(-1);
  const entrypoint = lastEntrypoint ? ownSetting(lastEntrypoint, shellAt(lastEntrypoint)) : inherited.entrypoint;
  let cmd: Setting;
  if (lastCmd) {
    cmd = ownSetting(lastCmd, shellAt(lastCmd));
  } else if (lastEntrypoint) {
    // Setting ENTRYPOINT clears a CMD inherited from the base unless this stage sets CMD itself.
    cmd = { value: null, shellForm: false, source: { kind: 'reset', by: lastEntrypoint, cleared: inherited.cmd } };
  } else {
    cmd = inherited.cmd;
  }
  const lastShell = stage.shells.at(-1);
  const shell = lastShell?.form.kind === 'exec' ? lastShell.form.argv : inherited.shell;
  return { stage, entrypoint, cmd, shell, argv: combine(entrypoint, cmd), shellEntrypoint: shellEntrypointOf(entrypoint) };
}

function shellEntrypointOf(entrypoint: Setting): ShellEntrypoint | undefined {
  if (!entrypoint.shellForm || !Array.isArray(entrypoint.value)) {
    return undefined;
  }
  const value: readonly string[] = entrypoint.value;
  const shell = value.slice(0, -1);
  const text = value.at(-1) ?? '';
  const posix = isPosixShell(shell);
  return { shell, text, posix, readsParameters: posix && usesShellParameters(text) };
}

function ownSetting(entry: FormInstruction, shell: readonly string[]): Setting {
  const source: SettingSource = { kind: 'own', instruction: entry };
  const form = entry.form;
  switch (form.kind) {
    case 'exec':
      return { value: form.argv.length > 0 ? form.argv : null, shellForm: false, source };
    case 'shell':
      return { value: [...shell, form.text], shellForm: true, source };
    case 'empty':
      // No arguments: BuildKit (Docker's default builder) reads it as shell form with an empty
      // command, `/bin/sh -c ""`, which runs nothing. The classic builder differs (rule EmptyCommand).
      return { value: [...shell, ''], shellForm: true, source };
    default:
      return { value: null, shellForm: false, source };
  }
}

/**
 * What the engine executes: ENTRYPOINT followed by CMD, whatever their forms. The reference table's
 * "shell-form ENTRYPOINT ignores CMD" is what a POSIX shell then does with the extra words (they
 * become `$0`, `$1`…), not what the engine runs: the image config keeps both (checked against the
 * engine in test/engine/effectiveCommand.test.ts).
 */
function combine(entrypoint: Setting, cmd: Setting): readonly string[] | null | 'unknown' {
  if (entrypoint.value === 'unknown' || cmd.value === 'unknown') {
    return 'unknown';
  }
  const argv = [...(entrypoint.value ?? []), ...(cmd.value ?? [])];
  return argv.length > 0 ? argv : null;
}

/** The argv of `docker run IMAGE ...runArgs`: run arguments replace CMD. */
export function runWithArguments(command: StageCommand, runArgs: readonly string[]): readonly string[] | null | 'unknown' {
  if (runArgs.length === 0) {
    return command.argv;
  }
  return combine(command.entrypoint, { value: runArgs, shellForm: false, source: { kind: 'none' } });
}
