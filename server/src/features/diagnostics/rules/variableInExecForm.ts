import type { Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver';
import type { Finding, Rule } from '../rule';

const variablePattern = /\$(?:\{[A-Za-z_][A-Za-z0-9_]*[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)/;

/** `["sh", "-c", "… $X"]` hands the text to a shell, which expands it: not a problem. */
function invokesShell(argv: readonly string[]): boolean {
  return argv.some((word) => /^-[a-z]*c[a-z]*$/.test(word));
}

/** `$VAR` inside an exec-form CMD/ENTRYPOINT: no shell runs, so it reaches the program literally. */
export const variableInExecFormRule: Rule = {
  code: 'VariableInExecForm',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#variable-substitution',
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const stage of model.stages) {
      for (const entry of [...stage.cmds, ...stage.entrypoints]) {
        if (entry.form.kind !== 'exec' || invokesShell(entry.form.argv)) {
          continue;
        }
        for (const word of entry.form.argv) {
          const variable = variablePattern.exec(word)?.[0];
          if (!variable) {
            continue;
          }
          findings.push({
            range: rangeOfWord(entry.instruction, word),
            message: {
              en: `"${variable}" is not expanded in exec form (no shell runs): the program receives it literally. Use the value itself, or run through a shell: ["sh", "-c", "… ${variable} …"].`,
              'zh-cn': `exec 形式不会展开“${variable}”（不经过 shell）：程序收到的是字面文本。请直接写值，或通过 shell 运行：["sh", "-c", "… ${variable} …"]。`,
            },
          });
        }
      }
    }
    return findings;
  },
};

function rangeOfWord(instruction: Instruction, word: string): Range {
  const strings = (instruction as JSONInstruction).getJSONStrings?.() ?? [];
  return strings.find((candidate) => candidate.getJSONValue() === word)?.getRange() ?? instruction.getRange();
}
