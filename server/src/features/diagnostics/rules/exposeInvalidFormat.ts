import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';

/** EXPOSE declares container ports only; an IP or `host:container` mapping belongs to `docker run -p`. */
export const exposeInvalidFormatRule: Rule = {
  code: 'ExposeInvalidFormat',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('ExposeInvalidFormat'),
  check: (model): Finding[] => {
    const findings: Finding[] = [];
    for (const instruction of model.instructions) {
      if (instruction.getKeyword() !== 'EXPOSE') {
        continue;
      }
      for (const argument of instruction.getArguments()) {
        const value = argument.getValue();
        if (!value.includes(':') || value.includes('$')) {
          continue;
        }
        findings.push({
          range: argument.getRange(),
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
    model.instructions
      .filter((instruction) => instruction.getKeyword() === 'EXPOSE')
      .flatMap((instruction) => instruction.getArguments())
      .flatMap((argument): Finding[] => {
        const protocol = /\/([A-Za-z]+)$/.exec(argument.getValue())?.[1];
        if (!protocol || protocol === protocol.toLowerCase()) {
          return [];
        }
        return [
          {
            range: argument.getRange(),
            message: {
              en: `Defined protocol '${protocol}' in EXPOSE instruction should be lowercase.`,
              'zh-cn': `EXPOSE 指令中的协议“${protocol}”应为小写。`,
            },
          },
        ];
      }),
};
