import { logicalArguments } from '../../../semantics/instructionText';
import type { DockerfileModel } from '../../../semantics/model';
import type { Stage } from '../../../semantics/stages';
import type { Finding, Rule } from '../rule';
import { cmdEntrypointDocUrl } from '../rule';
import { splitUnquoted } from './helpers';

const artifactStageNames = /^(?:out|output|outputs|export|exports|artifact|artifacts|binaries|bin|dist|release|releases)$/;

/**
 * A scratch stage that only drops files at `/` (or is named like `output`) is an artifact for
 * `docker build --output`, not an image anyone runs: no command is expected there.
 */
function isArtifactExport(model: DockerfileModel, stage: Stage): boolean {
  if (stage.name && artifactStageNames.test(stage.name)) {
    return true;
  }
  const escapeChar = model.dockerfile.getEscapeCharacter();
  const copies = stage.instructions.filter((instruction) => ['COPY', 'ADD'].includes(instruction.getKeyword()));
  return (
    copies.length > 0 &&
    copies.every((instruction) => {
      const words = splitUnquoted(logicalArguments(model.document, instruction, escapeChar));
      return words.at(-1)?.replace(/^\[?\s*"?|"?\s*\]?$/g, '') === '/';
    })
  );
}

/** The final image has neither CMD nor ENTRYPOINT, and nothing it could inherit one from. */
export const noCommandRule: Rule = {
  code: 'NoCommand',
  defaultSeverity: 'warning',
  buildkit: false,
  docUrl: cmdEntrypointDocUrl,
  check: (model): Finding[] => {
    const last = model.commands.at(-1);
    if (!last || last.argv !== null || isArtifactExport(model, last.stage)) {
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
