import { referenceLink } from '../links';
import type { DocTable } from '../types';

/** RUN 的参数以及 `RUN --mount` 的挂载类型（简体中文）。 */
export const chineseRunFlags: DocTable = {
  'RUN --mount': {
    title: 'RUN --mount',
    forms: ['RUN --mount=[type=<bind|cache|tmpfs|secret|ssh>][,<key>=<value>...] <command>'],
    summary: '只为这一条 RUN 挂载内容：来自某个阶段或构建上下文的文件、持久缓存、tmpfs、机密信息（secret）或 SSH agent 套接字。',
    details: [
      '类型默认为 `bind`。该参数可以重复，用于多个挂载。',
      '挂载点下的任何内容都不会保存到生成的层中。',
      '典型用法：`--mount=type=cache,target=/root/.npm` 在多次构建之间保留下载内容。',
    ],
    gotchas: ['需要 BuildKit，自 Docker Engine 23.0 起它就是默认构建器；只有旧版引擎才需要 `DOCKER_BUILDKIT=1`。'],
    reference: referenceLink('run---mount'),
  },
  'RUN --mount type=bind': {
    title: 'RUN --mount type=bind',
    forms: ['--mount=type=bind,target=<path>[,source=<path>][,from=<stage|image>][,rw]'],
    summary: '在命令执行期间让构建上下文、某个阶段或镜像中的文件可见，而不把它们复制进层。',
    details: [
      '`target`（也可写 `dst`、`destination`）：挂载路径。`source`：`from` 中的路径（默认为其根目录）。',
      '`from`：阶段名、镜像或命名上下文；默认为构建上下文。',
      '`rw` / `readwrite`：允许写入；写入内容在命令结束后丢弃。',
    ],
    gotchas: ['默认只读。'],
    reference: referenceLink('run---mounttypebind'),
  },
  'RUN --mount type=cache': {
    title: 'RUN --mount type=cache',
    forms: ['--mount=type=cache,target=<path>[,id=<id>][,sharing=shared|private|locked][,from=…][,source=…][,mode=0755][,uid=0][,gid=0][,ro]'],
    summary: '挂载一个在多次构建之间保留的缓存目录，用于包管理器和编译器的缓存。',
    details: [
      '`id` 为缓存命名（默认为目标路径）；`sharing` 控制并发构建：`shared`（默认）、`private`（每个写入者新建缓存）或 `locked`（排队等待）。',
      '`from`/`source` 用某个阶段或镜像的内容初始化缓存；`mode`、`uid`、`gid` 设置目录权限和属主；`ro` 表示只读。',
    ],
    gotchas: [
      '缓存内容永远不会进入镜像：把缓存挂载到 `node_modules` 上，后续步骤就看不到它。应缓存下载目录（`~/.npm`、`/var/cache/apt`）。',
      '缓存随时可能被清空；构建必须在没有缓存时也能成功。',
    ],
    reference: referenceLink('run---mounttypecache'),
  },
  'RUN --mount type=tmpfs': {
    title: 'RUN --mount type=tmpfs',
    forms: ['--mount=type=tmpfs,target=<path>[,size=<bytes>]'],
    summary: '挂载一个内存文件系统，存放该命令的临时数据。',
    details: ['`target`：挂载路径。`size`：大小上限。'],
    gotchas: ['命令结束后内容即消失。'],
    reference: referenceLink('run---mounttypetmpfs'),
  },
  'RUN --mount type=secret': {
    title: 'RUN --mount type=secret',
    forms: ['--mount=type=secret,id=<id>[,target=<path>][,env=<VAR>][,required][,mode=0400][,uid=0][,gid=0]'],
    summary: '让命令访问通过 `docker build --secret id=<id>,src=<file>` 传入的机密信息，且不会保存到镜像中。',
    details: [
      '文件默认出现在 `/run/secrets/<id>`，可用 `target` 修改；`env` 则把它作为环境变量提供。',
      '`required` 表示未提供该机密信息时构建失败（默认静默跳过）。',
    ],
    gotchas: ['这是构建时使用令牌和密码的正确方式；`ARG`/`ENV` 的值会留在镜像中被看到。'],
    reference: referenceLink('run---mounttypesecret'),
  },
  'RUN --mount type=ssh': {
    title: 'RUN --mount type=ssh',
    forms: ['--mount=type=ssh[,id=default][,target=<socket>][,required][,mode=0600][,uid=0][,gid=0]'],
    summary: '转发客户端的 SSH agent 套接字（`docker build --ssh default`），让命令可以克隆私有仓库等。',
    details: ['`id` 选择使用哪个 `--ssh` 条目（默认 `default`）；套接字路径通过 `SSH_AUTH_SOCK` 提供。'],
    gotchas: ['私钥从不进入镜像；命令执行期间只能访问 SSH agent 套接字。'],
    reference: referenceLink('run---mounttypessh'),
  },
  'RUN --network': {
    title: 'RUN --network',
    forms: ['RUN --network=default|none|host <command>'],
    summary: '选择命令使用的网络：`default`、`none`（无网络）或 `host`。',
    details: ['`none` 可以证明某一步不需要网络，例如依赖已经下载完之后。'],
    gotchas: ['`host` 需要构建器和构建命令都允许 `network.host` 授权。'],
    reference: referenceLink('run---network'),
  },
  'RUN --security': {
    title: 'RUN --security',
    forms: ['RUN --security=sandbox|insecure <command>'],
    summary: '`insecure` 让命令在沙箱之外运行，相当于 `docker run --privileged`；默认是 `sandbox`。',
    details: ['只在需要完整权限的步骤中使用，例如挂载文件系统。'],
    gotchas: [
      '需要 `security.insecure` 授权；特权步骤可能逃逸到构建主机。',
      '自 Dockerfile 语法 1.20 起正式可用；更早的前端需要 `# syntax=docker/dockerfile:1-labs`。',
    ],
    reference: referenceLink('run---security'),
  },
};
