import type { From } from 'dockerfile-ast';
import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { lineOf } from './helpers';

/** Two stages with the same name (compared lowercase, as Docker does). */
export const duplicateStageNameRule: Rule = {
  code: 'DuplicateStageName',
  defaultSeverity: 'warning',
  buildkit: true,
  fileScoped: true,
  hadolint: ['DL3024'],
  docUrl: buildkitDocUrl('DuplicateStageName'),
  check: (model): Finding[] => {
    const seen = new Map<string, From>();
    const findings: Finding[] = [];
    for (const stage of model.stages) {
      if (!stage.name || !stage.nameRange) {
        continue;
      }
      const first = seen.get(stage.name);
      if (first) {
        findings.push({
          range: stage.nameRange,
          message: {
            en: `Duplicate stage name "${stage.name}" (first used on line ${lineOf(first)}): stage names should be unique.`,
            'zh-cn': `阶段名“${stage.name}”重复（第 ${lineOf(first)} 行已使用）：阶段名应唯一。`,
          },
        });
      } else {
        seen.set(stage.name, stage.from);
      }
    }
    return findings;
  },
};

/** A stage named `scratch` or `context` collides with names Docker reserves. */
export const reservedStageNameRule: Rule = {
  code: 'ReservedStageName',
  defaultSeverity: 'warning',
  buildkit: true,
  fileScoped: true,
  hadolint: ['DL3063'],
  docUrl: buildkitDocUrl('ReservedStageName'),
  check: (model): Finding[] =>
    model.stages.flatMap((stage): Finding[] =>
      stage.nameRange && (stage.name === 'scratch' || stage.name === 'context')
        ? [
            {
              range: stage.nameRange,
              message: {
                en: `Stage name should not be the reserved name "${stage.name}".`,
                'zh-cn': `阶段名不应使用保留名称“${stage.name}”。`,
              },
            },
          ]
        : [],
    ),
};

/** Stage names should be lowercase. */
export const stageNameCasingRule: Rule = {
  code: 'StageNameCasing',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('StageNameCasing'),
  check: (model): Finding[] =>
    model.stages.flatMap((stage): Finding[] => {
      const written = stage.writtenName;
      if (!written || !stage.nameRange || written === written.toLowerCase()) {
        return [];
      }
      return [
        {
          range: stage.nameRange,
          message: { en: `Stage name '${written}' should be lowercase.`, 'zh-cn': `阶段名“${written}”应为小写。` },
          fix: {
            title: { en: `Rename to '${written.toLowerCase()}'`, 'zh-cn': `改为“${written.toLowerCase()}”` },
            edits: [{ range: stage.nameRange, newText: written.toLowerCase() }],
          },
        },
      ];
    }),
};

/**
 * `FROM Base` for a stage named `base`, or `FROM SCRATCH`. BuildKit finds a stage, and `scratch`,
 * only by the lowercase name, so it reads the word as an image name, and an image name with capitals
 * is invalid: the build fails ("repository name must be lowercase"; checked against the engine). The
 * classic builder accepts the stage, not `SCRATCH`.
 */
export const baseNameCasingRule: Rule = {
  code: 'BaseNameCasing',
  defaultSeverity: 'error',
  buildkit: false,
  docUrl: 'https://docs.docker.com/reference/dockerfile/#from',
  check: (model): Finding[] =>
    model.stages.flatMap((stage): Finding[] => {
      const written = stage.from.getImage();
      const range = stage.from.getImageRange();
      if (!written || !range || written.includes('$') || written === written.toLowerCase() || (stage.base.kind !== 'stage' && stage.base.kind !== 'scratch')) {
        return [];
      }
      const lower = written.toLowerCase();
      return [
        {
          range,
          message: {
            en: `BuildKit looks up ${lower === 'scratch' ? '`scratch`' : 'stages'} by the lowercase name only: it reads "${written}" as an image name, which must be lowercase, and the build fails. Write "${lower}".`,
            'zh-cn': `BuildKit 只按小写名称查找${lower === 'scratch' ? ' `scratch`' : '阶段'}：它会把“${written}”当作镜像名，而镜像名必须是小写，构建因此失败。请写成“${lower}”。`,
          },
          fix: { title: { en: `Write "${lower}"`, 'zh-cn': `改为“${lower}”` }, edits: [{ range, newText: lower }] },
        },
      ];
    }),
};
