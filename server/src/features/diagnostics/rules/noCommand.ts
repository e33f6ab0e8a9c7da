import type { Finding, Rule } from '../rule';
import { cmdEntrypointDocUrl } from '../rule';

/** The final image has neither CMD nor ENTRYPOINT, and nothing it could inherit one from. */
export const noCommandRule: Rule = {
  code: 'NoCommand',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: cmdEntrypointDocUrl,
  check: (model): Finding[] => {
    const last = model.commands.at(-1);
    if (!last || last.argv !== null) {
      return [];
    }
    return [
      {
        range: last.stage.from.getRange(),
        message: {
          en: 'The final stage defines no CMD or ENTRYPOINT and inherits none: `docker run` of this image fails with "no command specified".',
          'zh-cn': '最终阶段既没有 CMD 也没有 ENTRYPOINT，也无法继承：对该镜像执行 `docker run` 会因“no command specified”而失败。',
        },
      },
    ];
  },
};
