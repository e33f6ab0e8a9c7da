import type { Range } from 'vscode-languageserver';
import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { instructionsOf, type DockerfileModel } from '../../../semantics/model';
import { logicalArguments } from '../../../semantics/instructionText';
import { rangeOfWord, splitUnquoted } from './helpers';

/** Every port word of every EXPOSE, with its range. */
function exposedPorts(model: DockerfileModel): { value: string; range: () => Range }[] {
  const escapeChar = model.dockerfile.getEscapeCharacter();
  return instructionsOf(model, 'EXPOSE').flatMap((instruction) =>
      splitUnquoted(logicalArguments(model.document, instruction, escapeChar)).map((value) => ({ value, range: () => rangeOfWord(model, instruction, value) })),
    );
}

/** EXPOSE declares container ports only; an IP or `host:container` mapping belongs to `docker run -p`. */
export const exposeInvalidFormatRule: Rule = {
  code: 'ExposeInvalidFormat',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('ExposeInvalidFormat'),
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const { value, range } of exposedPorts(model)) {
      if (value.includes(':') && !value.includes('$')) {
        findings.push({
          range: range(),
          message: {
            en: `EXPOSE should not define an IP address or host-port mapping, found '${value}': publish ports with \`docker run -p\` instead.`,
            'zh-cn': `EXPOSE 不应包含 IP 地址或主机端口映射，发现“${value}”：请在 \`docker run -p\` 中发布端口。`,
          },
        });
      }
    }
    return findings;
  },
};

/** EXPOSE protocols must be lowercase (`/tcp`, `/udp`). */
export const exposeProtoCasingRule: Rule = {
  code: 'ExposeProtoCasing',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('ExposeProtoCasing'),
  check: (model): Finding[] =>
    exposedPorts(model).flatMap(({ value, range }): Finding[] => {
        const protocol = /\/([A-Za-z]+)$/.exec(value)?.[1];
        if (!protocol || protocol === protocol.toLowerCase()) {
          return [];
        }
        return [
          {
            range: range(),
            message: {
              en: `Defined protocol '${protocol}' in EXPOSE instruction should be lowercase.`,
              'zh-cn': `EXPOSE 指令中的协议“${protocol}”应为小写。`,
            },
          },
        ];
      }),
};
