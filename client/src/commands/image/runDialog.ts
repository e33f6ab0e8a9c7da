/**
 * The Run Image dialog: one quick-input step per setting (name, ports, environment, mounts,
 * network, restart policy, remove on exit, command), each prefilled with what was chosen for this
 * image last time. Lists (ports, variables, mounts) are edited entry by entry, never as a shell line.
 */
import * as vscode from 'vscode';
import type { PortPublication, RunMount, RunRequest } from '../../engine/resources/lifecycle';
import { required } from '../boundary';
import { splitCommandLine } from '../exec/commandLine';
import { objectNameProblem } from '../names';
import { formatMount, formatPort, parseEnvEntry, parseMount, parsePort } from './runEntries';

/** What the dialog decides besides the image; remembered per image. */
export type RunChoices = Omit<RunRequest, 'image' | 'labels'>;

const memoryKey = (image: string): string => `berthwise.run.choices:${image}`;

export function rememberedRunChoices(state: vscode.Memento, image: string): RunChoices | undefined {
  return state.get<RunChoices>(memoryKey(image));
}

export function rememberRunChoices(state: vscode.Memento, image: string, choices: RunChoices): Thenable<void> {
  return state.update(memoryKey(image), choices);
}

const steps = 8;

export interface RunDialogInput {
  readonly image: string;
  readonly remembered: RunChoices | undefined;
  /** From the image's EXPOSE; offered when nothing was remembered. */
  readonly suggestedPorts: readonly PortPublication[];
  readonly networks: readonly string[];
}

/** Asks every step; ends the command silently when the user dismisses one. */
export async function askRunChoices(input: RunDialogInput): Promise<RunChoices> {
  const title = (step: number, what: string): string => vscode.l10n.t('Run {0} ({1}/{2}): {3}', input.image, step, steps, what);
  const remembered = input.remembered;
  const nameText = required(
    await vscode.window.showInputBox({
      title: title(1, vscode.l10n.t('container name')),
      prompt: vscode.l10n.t('Name of the new container (empty: the engine picks one)'),
      value: '',
      validateInput: (value) => (value === '' || !objectNameProblem(value) ? undefined : vscode.l10n.t('Use letters, digits, and . _ - (not first).')),
    }),
  );
  const ports = await editList<PortPublication>({
    title: title(2, vscode.l10n.t('published ports')),
    initial: remembered?.ports ?? input.suggestedPorts,
    format: formatPort,
    parse: parsePort,
    prompt: vscode.l10n.t('hostPort:containerPort[/tcp|udp], or containerPort for any free host port'),
    invalid: vscode.l10n.t('Write e.g. 8080:80 or 127.0.0.1:8080:80/tcp.'),
  });
  const env = await editList<string>({
    title: title(3, vscode.l10n.t('environment')),
    initial: remembered?.env ?? [],
    format: (entry) => entry,
    parse: parseEnvEntry,
    prompt: vscode.l10n.t('NAME=value'),
    invalid: vscode.l10n.t('Write NAME=value; the name is letters, digits and _ (not a digit first).'),
  });
  const mounts = await editList<RunMount>({
    title: title(4, vscode.l10n.t('volumes and bind mounts')),
    initial: remembered?.mounts ?? [],
    format: formatMount,
    parse: parseMount,
    prompt: vscode.l10n.t('volume-name:/path or /host/folder:/path, optionally :ro'),
    invalid: vscode.l10n.t('Write e.g. data:/var/lib/data or /home/me/src:/src:ro.'),
  });
  const networkMode = await pickOne(
    title(5, vscode.l10n.t('network')),
    [{ label: vscode.l10n.t("The engine's default"), value: undefined as string | undefined }, ...input.networks.map((name) => ({ label: name, value: name }))],
    remembered?.networkMode,
  );
  const restartPolicy = await pickOne(
    title(6, vscode.l10n.t('restart policy')),
    (['no', 'on-failure', 'always', 'unless-stopped'] as const).map((value) => ({ label: value, value })),
    remembered?.restartPolicy ?? 'no',
  );
  const autoRemove =
    restartPolicy === 'no'
      ? await pickOne(
          title(7, vscode.l10n.t('remove on exit')),
          [
            { label: vscode.l10n.t('Keep the container when it exits'), value: false },
            { label: vscode.l10n.t('Remove the container when it exits (--rm)'), value: true },
          ],
          remembered?.autoRemove ?? false,
        )
      : false;
  const commandText = required(
    await vscode.window.showInputBox({
      title: title(8, vscode.l10n.t('command')),
      prompt: vscode.l10n.t('Command for the new container (empty: the image default)'),
      value: remembered?.cmd ? remembered.cmd.map((word) => (/[\s"'\\]/.test(word) ? JSON.stringify(word) : word)).join(' ') : '',
      validateInput: (value) => (splitCommandLine(value) ? undefined : vscode.l10n.t('Enter a command; close any open quote.')),
    }),
  );
  const cmd = splitCommandLine(commandText) ?? [];
  return {
    ...(nameText ? { name: nameText } : {}),
    ports,
    env,
    mounts,
    ...(networkMode ? { networkMode } : {}),
    restartPolicy,
    autoRemove,
    ...(cmd.length > 0 ? { cmd } : {}),
  };
}

async function pickOne<T>(title: string, options: readonly { label: string; value: T }[], current: T): Promise<T> {
  const ordered = [...options].sort((a, b) => Number(b.value === current) - Number(a.value === current));
  const picked = required(await vscode.window.showQuickPick(ordered.map((option) => ({ label: option.label, description: option.value === current ? vscode.l10n.t('(last time)') : '', option })), { title }));
  return picked.option.value;
}

interface ListSpec<T> {
  readonly title: string;
  readonly initial: readonly T[];
  readonly format: (entry: T) => string;
  readonly parse: (text: string) => T | undefined;
  readonly prompt: string;
  readonly invalid: string;
}

/** A list edited one entry at a time: pick an entry to remove it, Add to type a new one, Continue when done. */
async function editList<T>(spec: ListSpec<T>): Promise<T[]> {
  const entries = [...spec.initial];
  for (;;) {
    // index -1: Continue, -2: Add; otherwise the entry to remove.
    const cont = { label: vscode.l10n.t('$(check) Continue'), description: entries.length === 0 ? vscode.l10n.t('none') : '', index: -1 };
    const add = { label: vscode.l10n.t('$(add) Add…'), description: '', index: -2 };
    const items = [cont, add, ...entries.map((entry, index) => ({ label: spec.format(entry), description: vscode.l10n.t('pick to remove'), index }))];
    const picked = required(await vscode.window.showQuickPick(items, { title: spec.title, placeHolder: spec.prompt }));
    if (picked.index === -1) {
      return entries;
    }
    if (picked.index >= 0) {
      entries.splice(picked.index, 1);
      continue;
    }
    const text = await vscode.window.showInputBox({ title: spec.title, prompt: spec.prompt, validateInput: (value) => (spec.parse(value) ? undefined : spec.invalid) });
    const parsed = text === undefined ? undefined : spec.parse(text);
    if (parsed !== undefined) {
      entries.push(parsed);
    }
  }
}
