/**
 * Multi-line Dockerfile templates (LSP snippet syntax), offered by completion where an instruction
 * starts. They live in the server rather than in a static snippet file because a snippet file
 * cannot know where the cursor is: `apk` or `USER` templates before the first FROM would build
 * nothing (only ARG and FROM may stand there).
 */
import type { DocLocale } from '../../docs';

export interface DockerfileTemplate {
  /** What the user types; the first is the label. */
  readonly prefixes: readonly string[];
  readonly description: Readonly<Record<DocLocale, string>>;
  readonly body: readonly string[];
  /** Starts a stage (its first line is FROM), so it is valid before the first FROM too. */
  readonly startsStage?: boolean;
}

export const dockerfileTemplates: readonly DockerfileTemplate[] = [
  {
    prefixes: ['multistage', 'FROM AS'],
    description: { en: 'A build stage and a slim runtime stage that copies only the result', 'zh-cn': '一个构建阶段加一个只复制构建结果的精简运行阶段' },
    body: [
      'FROM ${1:builder-image} AS ${2:build}',
      'WORKDIR /src',
      'COPY . .',
      'RUN ${3:make build}',
      '',
      'FROM ${4:runtime-image}',
      'COPY --from=${2:build} /src/${5:out} ${6:/app}',
      'ENTRYPOINT ["${6:/app}/${7:app}"]',
    ],
    startsStage: true,
  },
  {
    prefixes: ['nonroot', 'USER'],
    description: { en: 'Create an unprivileged user and switch to it', 'zh-cn': '创建一个无特权用户并切换到该用户' },
    body: ['RUN groupadd --system ${1:app} && useradd --system --gid ${1:app} --no-create-home ${1:app}', 'USER ${1:app}'],
  },
  {
    prefixes: ['healthcheck', 'HEALTHCHECK'],
    description: { en: 'A health check with explicit timing', 'zh-cn': '显式指定时间参数的健康检查' },
    body: ['HEALTHCHECK --interval=${1:30s} --timeout=${2:5s} --start-period=${3:10s} --retries=${4:3} \\', '  CMD ${5:wget -q --spider http://127.0.0.1:8080/health} || exit 1'],
  },
  {
    prefixes: ['apt', 'apt-get'],
    description: { en: 'Update, install without recommends and clean the lists in the same layer', 'zh-cn': '在同一层中更新、安装（不装推荐包）并清理软件包列表' },
    body: ['RUN apt-get update \\', '    && apt-get install -y --no-install-recommends ${1:ca-certificates} \\', '    && rm -rf /var/lib/apt/lists/*'],
  },
  {
    prefixes: ['apk'],
    description: { en: 'Install Alpine packages without keeping the index', 'zh-cn': '安装 Alpine 软件包且不保留索引' },
    body: ['RUN apk add --no-cache ${1:ca-certificates}'],
  },
  {
    prefixes: ['entrypoint-cmd'],
    description: { en: 'Exec-form ENTRYPOINT with overridable default arguments in CMD', 'zh-cn': 'exec 形式的 ENTRYPOINT，默认参数放在可覆盖的 CMD 中' },
    body: ['ENTRYPOINT ["${1:/usr/local/bin/app}"]', 'CMD ["${2:--help}"]'],
  },
];
