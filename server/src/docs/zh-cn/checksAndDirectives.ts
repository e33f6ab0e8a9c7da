import { referenceLink } from '../links';
import type { DocTable } from '../types';

const directiveRules = '解析器指令必须写在文件最开头，位于任何指令、注释和空行之前；每种只能出现一次，且不支持 `\\` 续行。';

/** HEALTHCHECK 选项与解析器指令（简体中文）。 */
export const chineseChecksAndDirectives: DocTable = {
  'HEALTHCHECK --interval': {
    title: 'HEALTHCHECK --interval',
    forms: ['--interval=<duration>'],
    summary: '两次检查之间的间隔，从容器启动后开始计算；默认 `30s`。',
    details: ['时长的写法如 `30s`、`1m30s`、`500ms`。'],
    reference: referenceLink('healthcheck'),
  },
  'HEALTHCHECK --timeout': {
    title: 'HEALTHCHECK --timeout',
    forms: ['--timeout=<duration>'],
    summary: '单次检查运行超过该时长即视为失败；默认 `30s`。',
    reference: referenceLink('healthcheck'),
  },
  'HEALTHCHECK --start-period': {
    title: 'HEALTHCHECK --start-period',
    forms: ['--start-period=<duration>'],
    summary: '为启动较慢的容器留出的宽限期：期间的失败不计入 `--retries`；默认 `0s`。',
    details: ['一旦有一次检查成功，容器即视为已启动，之后的失败照常计数。'],
    reference: referenceLink('healthcheck'),
  },
  'HEALTHCHECK --start-interval': {
    title: 'HEALTHCHECK --start-interval',
    forms: ['--start-interval=<duration>'],
    summary: '启动宽限期内两次检查之间的间隔；默认 `5s`。',
    gotchas: ['需要 Docker Engine 25.0 或更高版本。'],
    reference: referenceLink('healthcheck'),
  },
  'HEALTHCHECK --retries': {
    title: 'HEALTHCHECK --retries',
    forms: ['--retries=<n>'],
    summary: '连续失败多少次后容器被标记为 `unhealthy`；默认 `3`。',
    reference: referenceLink('healthcheck'),
  },
  'HEALTHCHECK NONE': {
    title: 'HEALTHCHECK NONE',
    forms: ['HEALTHCHECK NONE'],
    summary: '关闭从基础镜像继承的所有健康检查。',
    reference: referenceLink('healthcheck'),
  },
  '# syntax': {
    title: '# syntax',
    forms: ['# syntax=docker/dockerfile:1', '# syntax=docker/dockerfile:1-labs'],
    summary: '选择 BuildKit 构建本文件时使用的 Dockerfile 前端（语法版本）。',
    details: [
      '`docker/dockerfile:1` 总是使用最新的稳定 1.x 语法，与本机安装的引擎版本无关。',
      '`-labs` 渠道提供尚未稳定的功能。',
      directiveRules,
    ],
    gotchas: ['只有 BuildKit 识别它；旧版构建器会把它当作普通注释。'],
    reference: referenceLink('syntax'),
  },
  '# escape': {
    title: '# escape',
    forms: ['# escape=\\', '# escape=`'],
    summary: '设置用于转义字符和续行的字符：`\\`（默认）或反引号。',
    details: [
      '反引号适合 Windows 镜像，因为在那里 `\\` 是路径分隔符（`C:\\path`）。',
      '它在 RUN 命令内部不起作用，只有行尾的续行除外。',
      directiveRules,
    ],
    reference: referenceLink('escape'),
  },
  '# check': {
    title: '# check',
    forms: ['# check=skip=<rule>[,<rule>...]', '# check=skip=all', '# check=error=true', '# check=skip=JSONArgsRecommended;error=true'],
    summary: '配置 BuildKit 的构建检查（代码检查）：跳过哪些规则，以及违反规则时是否让构建失败。',
    details: [
      '规则名区分大小写（如 `JSONArgsRecommended`、`StageNameCasing`）；多个设置用 `;` 连接。',
      '用 `docker build --check .` 可以只运行检查；需要 Dockerfile 语法 1.8 及以上。',
      directiveRules,
    ],
    reference: referenceLink('check'),
  },
};
