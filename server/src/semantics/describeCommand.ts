import type { DocLocale } from '../docs';
import { formatArgv } from './display';
import type { Setting, StageCommand } from './effectiveCommand';
import type { DockerfileModel } from './model';

type Texts = Readonly<Record<DocLocale, string>>;

const t = {
  runs: { en: '`docker run IMAGE` runs', 'zh-cn': '`docker run IMAGE` 执行' },
  noCommand: {
    en: 'nothing: there is no CMD or ENTRYPOINT, so `docker run` fails with "no command specified"',
    'zh-cn': '无：没有 CMD 也没有 ENTRYPOINT，`docker run` 会因“no command specified”而失败',
  },
  unknown: {
    en: 'unknown: it depends on the CMD/ENTRYPOINT of the base image',
    'zh-cn': '未知：取决于基础镜像的 CMD/ENTRYPOINT',
  },
  withArgs: { en: '`docker run IMAGE ARGS`', 'zh-cn': '`docker run IMAGE ARGS`' },
  argsAppended: { en: 'runs the ENTRYPOINT with ARGS in place of CMD:', 'zh-cn': '执行 ENTRYPOINT，并用 ARGS 代替 CMD：' },
  argsAsParameters: {
    en: 'ARGS replace CMD after the shell-form ENTRYPOINT, where the shell reads them as `$0`, `$1`…:',
    'zh-cn': 'ARGS 替换 shell 形式 ENTRYPOINT 之后的 CMD，由 shell 作为 `$0`、`$1`… 读取：',
  },
  argsToOtherShell: {
    en: 'ARGS replace CMD and are passed to the shell after the command text of the shell-form ENTRYPOINT:',
    'zh-cn': 'ARGS 替换 CMD，并跟在 shell 形式 ENTRYPOINT 的命令文本之后传给该 shell：',
  },
  parametersUnused: {
    en: 'The CMD words follow the command text of the shell-form ENTRYPOINT and become `$0`, `$1`… of the shell; its command does not use them, so the CMD (and any `docker run` arguments) is ignored.',
    'zh-cn': 'CMD 的各个词跟在 shell 形式 ENTRYPOINT 的命令文本之后，成为 shell 的 `$0`、`$1`…；该命令没有使用它们，因此 CMD（以及 `docker run` 的参数）被忽略。',
  },
  parametersUsed: {
    en: 'The CMD words follow the command text of the shell-form ENTRYPOINT and become `$0`, `$1`… of the shell, which its command reads.',
    'zh-cn': 'CMD 的各个词跟在 shell 形式 ENTRYPOINT 的命令文本之后，成为 shell 的 `$0`、`$1`…，该命令会读取它们。',
  },
  parametersOtherShell: {
    en: 'The CMD words are passed to the shell after the command text of the shell-form ENTRYPOINT; what they do depends on that shell.',
    'zh-cn': 'CMD 的各个词跟在 shell 形式 ENTRYPOINT 的命令文本之后传给该 shell；其作用取决于这个 shell。',
  },
  argsReplace: { en: 'runs ARGS instead of CMD (there is no ENTRYPOINT)', 'zh-cn': '执行 ARGS 而不是 CMD（没有 ENTRYPOINT）' },
  argsUnknown: {
    en: 'depends on whether the base image has an ENTRYPOINT (ARGS replace CMD either way)',
    'zh-cn': '取决于基础镜像是否有 ENTRYPOINT（无论如何 ARGS 都会替换 CMD）',
  },
  none: { en: 'not set', 'zh-cn': '未设置' },
  own: { en: 'line', 'zh-cn': '第' },
  ownSuffix: { en: '', 'zh-cn': ' 行' },
  inheritedStage: { en: 'inherited from stage', 'zh-cn': '继承自阶段' },
  inheritedImage: { en: 'inherited from the base image', 'zh-cn': '继承自基础镜像' },
  unknownValue: { en: 'unknown (base image)', 'zh-cn': '未知（基础镜像）' },
  resetBy: { en: 'reset by the ENTRYPOINT on line', 'zh-cn': '被 ENTRYPOINT 清空，位于第' },
  shellForm: { en: 'shell form', 'zh-cn': 'shell 形式' },
  notFinal: {
    en: 'This is not the final stage: this only applies when it is built with `--target` or used as a base.',
    'zh-cn': '这不是最终阶段：只有用 `--target` 构建或被用作基础时才生效。',
  },
  title: { en: 'Effective command', 'zh-cn': '实际执行的命令' },
  /** After a bullet's label: Chinese takes the full-width colon. */
  colon: { en: ': ', 'zh-cn': '：' },
} satisfies Record<string, Texts>;

/** A one-line rendering of an effective argv for inlay hints and hovers. */
export function describeArgv(argv: readonly string[] | null | 'unknown', locale: DocLocale): string {
  if (argv === 'unknown') {
    return t.unknown[locale];
  }
  return argv === null ? t.noCommand[locale] : `\`${formatArgv(argv)}\``;
}

function describeSetting(model: DockerfileModel, setting: Setting, locale: DocLocale): string {
  const source = setting.source;
  const value = setting.value === 'unknown' ? t.unknownValue[locale] : setting.value === null ? t.none[locale] : `\`${formatArgv(setting.value)}\``;
  const form = setting.shellForm ? ` (${t.shellForm[locale]})` : '';
  switch (source.kind) {
    case 'own':
      return `${value}${form} — ${t.own[locale]} ${source.instruction.instruction.getRange().start.line + 1}${t.ownSuffix[locale]}`;
    case 'reset':
      return `${t.none[locale]} — ${t.resetBy[locale]} ${source.by.instruction.getRange().start.line + 1}${t.ownSuffix[locale]}`;
    case 'inherited':
      if (setting.value === 'unknown') {
        return value;
      }
      return source.stage === undefined
        ? `${value}${form} — ${t.inheritedImage[locale]}`
        : `${value}${form} — ${t.inheritedStage[locale]} "${model.stages[source.stage]?.name ?? source.stage}"`;
    default:
      return value;
  }
}

function describeRunWithArgs(command: StageCommand, locale: DocLocale): string {
  const entrypoint = command.entrypoint;
  if (entrypoint.value === 'unknown') {
    return t.argsUnknown[locale];
  }
  if (entrypoint.value === null) {
    return t.argsReplace[locale];
  }
  const shellEntrypoint = command.shellEntrypoint;
  const withArgs = `\`${formatArgv(entrypoint.value)} ARGS…\``;
  if (shellEntrypoint) {
    return `${(shellEntrypoint.posix ? t.argsAsParameters : t.argsToOtherShell)[locale]} ${withArgs}`;
  }
  return `${t.argsAppended[locale]} ${withArgs}`;
}

/** What becomes of the CMD words behind a shell-form ENTRYPOINT: nothing unless the command reads them. */
function describeCmdBehindShell(command: StageCommand, locale: DocLocale): string | undefined {
  const shellEntrypoint = command.shellEntrypoint;
  if (!shellEntrypoint || !Array.isArray(command.cmd.value)) {
    return undefined;
  }
  if (!shellEntrypoint.posix) {
    return t.parametersOtherShell[locale];
  }
  return (shellEntrypoint.readsParameters ? t.parametersUsed : t.parametersUnused)[locale];
}

/** Markdown explaining what a stage's image runs and how `docker run` arguments change it. */
export function describeStageCommand(model: DockerfileModel, command: StageCommand, locale: DocLocale): string {
  const stageName = command.stage.name ? ` — "${command.stage.name}"` : '';
  const lines = [
    `**${t.title[locale]}**${stageName}`,
    '',
    `- ${t.runs[locale]}${t.colon[locale]}${describeArgv(command.argv, locale)}${prefixed(' ', describeCmdBehindShell(command, locale))}`,
    `- ENTRYPOINT${t.colon[locale]}${describeSetting(model, command.entrypoint, locale)}`,
    `- CMD${t.colon[locale]}${describeSetting(model, command.cmd, locale)}`,
    `- ${t.withArgs[locale]}${t.colon[locale]}${describeRunWithArgs(command, locale)}`,
  ];
  if (command.stage.index !== model.stages.length - 1) {
    lines.push('', t.notFinal[locale]);
  }
  return lines.join('\n');
}

function prefixed(prefix: string, text: string | undefined): string {
  return text === undefined ? '' : `${prefix}${text}`;
}
