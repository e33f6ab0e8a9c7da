import type { Finding, Rule } from '../rule';
import type { FormInstruction } from '../../../semantics/stages';

/**
 * CMD or ENTRYPOINT with no arguments. The two builders disagree on it (both checked against the
 * engine in test/engine/effectiveCommand.test.ts): BuildKit, Docker's default, stores the shell with
 * an empty command (`/bin/sh -c ""`), which runs nothing; the classic builder stores `/bin/sh -c` for
 * CMD, which fails, and clears ENTRYPOINT. `CMD []` and `ENTRYPOINT []` say "none" to both.
 */
export const emptyCommandRule: Rule = {
  code: 'EmptyCommand',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#cmd',
  check: (model): Finding[] =>
    model.stages
      .flatMap((stage) => [...stage.cmds, ...stage.entrypoints])
      .filter((entry) => entry.form.kind === 'empty')
      .sort((a, b) => a.instruction.getRange().start.line - b.instruction.getRange().start.line)
      .map(findingFor),
};

function findingFor(entry: FormInstruction): Finding {
  const written = entry.instruction.getInstruction();
  const shell = [...(entry.shell ?? ['/bin/sh', '-c']), '""'].join(' ');
  const message =
    entry.keyword === 'CMD'
      ? {
          en: `CMD without arguments: BuildKit stores \`${shell}\`, a command that does nothing, and the classic builder an incomplete shell call that fails. To set no command, write \`${written} []\`.`,
          'zh-cn': `不带参数的 CMD：BuildKit 会保存 \`${shell}\`，这个命令什么也不做；经典构建器则保存一个不完整的 shell 调用，运行时会失败。若不想设置命令，请写 \`${written} []\`。`,
        }
      : {
          en: `ENTRYPOINT without arguments: BuildKit stores \`${shell}\`, which runs nothing and ignores the CMD, while the classic builder clears the ENTRYPOINT. To clear it, write \`${written} []\`.`,
          'zh-cn': `不带参数的 ENTRYPOINT：BuildKit 会保存 \`${shell}\`，它什么也不运行，也不理会 CMD；经典构建器则会清除 ENTRYPOINT。若要清除它，请写 \`${written} []\`。`,
        };
  return {
    range: entry.instruction.getRange(),
    message,
    fix: {
      title: { en: `Write ${written} []`, 'zh-cn': `改为 ${written} []` },
      edits: [{ range: entry.instruction.getRange(), newText: `${written} []` }],
    },
  };
}
