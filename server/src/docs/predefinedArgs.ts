import type { DocLocale } from './types';

/**
 * How a predefined build argument becomes visible: proxy arguments work anywhere without a
 * declaration; platform and BuildKit arguments live in the global scope, so a stage must
 * declare `ARG <name>` (without a value) to read them.
 */
export type PredefinedArgGroup = 'proxy' | 'platform' | 'buildkit';

/** One build argument that exists without an ARG giving it a value. */
export interface PredefinedArg {
  readonly group: PredefinedArgGroup;
  readonly description: Readonly<Record<DocLocale, string>>;
}

function platform(en: string, zh: string): PredefinedArg {
  return { group: 'platform', description: { en, 'zh-cn': zh } };
}

function buildkit(en: string, zh: string): PredefinedArg {
  return { group: 'buildkit', description: { en, 'zh-cn': zh } };
}

const proxy: PredefinedArg = {
  group: 'proxy',
  description: {
    en: 'Proxy setting passed with `--build-arg`; it is left out of the image history.',
    'zh-cn': '通过 `--build-arg` 传入的代理设置；不会记录在镜像历史中。',
  },
};

/** Every predefined build argument, by name. */
export const predefinedArgs: Readonly<Record<string, PredefinedArg>> = {
  HTTP_PROXY: proxy, http_proxy: proxy, HTTPS_PROXY: proxy, https_proxy: proxy,
  FTP_PROXY: proxy, ftp_proxy: proxy, NO_PROXY: proxy, no_proxy: proxy, ALL_PROXY: proxy, all_proxy: proxy,
  TARGETPLATFORM: platform('Platform of the build result, e.g. `linux/amd64`.', '构建结果的平台，例如 `linux/amd64`。'),
  TARGETOS: platform('OS part of TARGETPLATFORM, e.g. `linux`.', 'TARGETPLATFORM 中的操作系统部分，例如 `linux`。'),
  TARGETARCH: platform('Architecture part of TARGETPLATFORM, e.g. `amd64`, `arm64`.', 'TARGETPLATFORM 中的架构部分，例如 `amd64`、`arm64`。'),
  TARGETVARIANT: platform('Variant part of TARGETPLATFORM, e.g. `v7`.', 'TARGETPLATFORM 中的变体部分，例如 `v7`。'),
  BUILDPLATFORM: platform('Platform of the machine running the build.', '执行构建的机器的平台。'),
  BUILDOS: platform('OS part of BUILDPLATFORM.', 'BUILDPLATFORM 中的操作系统部分。'),
  BUILDARCH: platform('Architecture part of BUILDPLATFORM.', 'BUILDPLATFORM 中的架构部分。'),
  BUILDVARIANT: platform('Variant part of BUILDPLATFORM.', 'BUILDPLATFORM 中的变体部分。'),
  BUILDKIT_CACHE_MOUNT_NS: buildkit('Optional namespace for cache mount ids.', '缓存挂载 id 的可选命名空间。'),
  BUILDKIT_CONTEXT_KEEP_GIT_DIR: buildkit('Keep the `.git` directory of a Git build context.', '保留 Git 构建上下文中的 `.git` 目录。'),
  BUILDKIT_INLINE_CACHE: buildkit('Write inline cache metadata into the image config.', '把内联缓存元数据写入镜像配置。'),
  BUILDKIT_MULTI_PLATFORM: buildkit('Produce a multi-platform result even for one platform.', '即使只有一个平台也生成多平台结果。'),
  BUILDKIT_SANDBOX_HOSTNAME: buildkit('Hostname seen by RUN commands (default `buildkitsandbox`).', 'RUN 命令看到的主机名（默认 `buildkitsandbox`）。'),
  BUILDKIT_SYNTAX: buildkit('Frontend image to use, like the `# syntax` directive.', '要使用的前端镜像，作用同 `# syntax` 指令。'),
  SOURCE_DATE_EPOCH: buildkit('Timestamp for reproducible builds (image and layer times).', '用于可重复构建的时间戳（镜像和层的时间）。'),
};

/** The names of one group, in the table's order (the scope, the rules and completion share this one list). */
export function predefinedArgNames(group: PredefinedArgGroup): string[] {
  return Object.keys(predefinedArgs).filter((name) => predefinedArgs[name]?.group === group);
}

/** The predefined build argument of that name, if any. */
export function lookupPredefinedArg(name: string): PredefinedArg | undefined {
  return Object.prototype.hasOwnProperty.call(predefinedArgs, name) ? predefinedArgs[name] : undefined;
}
