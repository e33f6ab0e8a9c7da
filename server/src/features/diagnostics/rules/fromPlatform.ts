import type { Finding, Rule } from '../rule';
import { buildkitDocUrl } from '../rule';
import { rangeOfWord } from './helpers';

/** `FROM --platform=$TARGETPLATFORM` says what Docker does anyway. */
export const redundantTargetPlatformRule: Rule = {
  code: 'RedundantTargetPlatform',
  defaultSeverity: 'warning',
  buildkit: true,
  hadolint: ['DL3065'],
  docUrl: buildkitDocUrl('RedundantTargetPlatform'),
  check: (model): Finding[] =>
    model.stages.flatMap((stage): Finding[] => {
      const value = stage.platform;
      if (value !== '$TARGETPLATFORM' && value !== '${TARGETPLATFORM}') {
        return [];
      }
      return [
        {
          range: rangeOfWord(model, stage.from, `--platform=${value}`),
          message: {
            en: `Setting platform to predefined ${value} in FROM is redundant as this is the default behavior.`,
            'zh-cn': `在 FROM 中把平台设为预定义的 ${value} 是多余的，这本来就是默认行为。`,
          },
        },
      ];
    }),
};

/** `FROM --platform=linux/amd64` pins the platform for every build, unless the stage is named for it. */
export const fromPlatformFlagConstDisallowedRule: Rule = {
  code: 'FromPlatformFlagConstDisallowed',
  defaultSeverity: 'warning',
  buildkit: true,
  docUrl: buildkitDocUrl('FromPlatformFlagConstDisallowed'),
  check: (model): Finding[] =>
    model.stages.flatMap((stage): Finding[] => {
      const value = stage.platform;
      if (!value || value.includes('$')) {
        return [];
      }
      // Like BuildKit: a stage named after its platform (e.g. `build-arm64`) pins it on purpose.
      const parts = value.toLowerCase().split('/').filter(Boolean);
      if (stage.name && parts.some((part) => stage.name?.includes(part))) {
        return [];
      }
      return [
        {
          range: rangeOfWord(model, stage.from, `--platform=${value}`),
          message: {
            en: `FROM --platform flag should not use constant value "${value}": it overrides the platform the build was asked for.`,
            'zh-cn': `FROM --platform 不应使用常量值“${value}”：它会覆盖构建时请求的平台。`,
          },
        },
      ];
    }),
};
