import { logicalArguments } from '../../../semantics/instructionText';
import { instructionsOf } from '../../../semantics/model';
import type { Finding, Rule } from '../rule';

/** `RUN cd /dir` alone: the directory change ends with that RUN, so it does nothing. */
export const runCdOnlyRule: Rule = {
  code: 'RunCdOnly',
  defaultSeverity: 'warning',
  buildkit: false,
  hadolint: ['DL3003'],
  docUrl: 'https://docs.docker.com/reference/dockerfile/#workdir',
  check: (model): Finding[] => {
    const escapeChar = model.dockerfile.getEscapeCharacter();
    return instructionsOf(model, 'RUN').flatMap((instruction): Finding[] => {
      const directory = /^cd\s+(\S+)$/.exec(logicalArguments(model.document, instruction, escapeChar))?.[1];
      if (!directory) {
        return [];
      }
      return [
        {
          range: instruction.getRange(),
          message: {
            en: `"RUN cd ${directory}" has no effect on later instructions (each RUN starts in the WORKDIR). Use WORKDIR ${directory}.`,
            'zh-cn': `“RUN cd ${directory}”对后续指令没有作用（每条 RUN 都从 WORKDIR 开始）。请使用 WORKDIR ${directory}。`,
          },
        },
      ];
    });
  },
};

const aptUpdate = /\bapt(?:-get)?\s+(?:-\S+\s+)*update\b/;
const aptInstall = /\bapt(?:-get)?\s+(?:-\S+\s+)*(?:install|upgrade|dist-upgrade)\b/;

/** `apt-get update` in its own RUN: its cached layer lets a later install use stale package lists. */
export const aptGetUpdateAloneRule: Rule = {
  code: 'AptGetUpdateAlone',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: 'https://docs.docker.com/build/building/best-practices/#apt-get',
  check: (model): Finding[] => {
    const escapeChar = model.dockerfile.getEscapeCharacter();
    const runs = instructionsOf(model, 'RUN').map((instruction) => ({ instruction, text: logicalArguments(model.document, instruction, escapeChar) }));
    return runs.flatMap(({ instruction, text }, index): Finding[] => {
      if (!aptUpdate.test(text) || aptInstall.test(text) || !runs.slice(index + 1).some((later) => aptInstall.test(later.text))) {
        return [];
      }
      return [
        {
          range: instruction.getRange(),
          message: {
            en: 'apt-get update runs in its own RUN: its cached layer can leave a later apt-get install with stale package lists. Combine them: RUN apt-get update && apt-get install -y …',
            'zh-cn': 'apt-get update 单独占一条 RUN：其缓存层可能让后面的 apt-get install 使用过期的软件包列表。请合并：RUN apt-get update && apt-get install -y …',
          },
        },
      ];
    });
  },
};
