import { referenceLink } from '../links';
import type { DocTable } from '../types';

/** 描述容器如何运行的指令（简体中文）。 */
export const chineseRuntimeInstructions: DocTable = {
  CMD: {
    title: 'CMD',
    forms: ['CMD ["executable", "param1", "param2"]', 'CMD ["param1", "param2"]', 'CMD command param1 param2'],
    summary: '设置镜像的默认命令，或作为 ENTRYPOINT 的默认参数。`docker run IMAGE ARGS` 中的参数会替换它。',
    details: [
      '推荐使用 exec 形式（JSON 数组）：不启动 shell，程序本身就是 PID 1。',
      'shell 形式会被包装成 `/bin/sh -c "…"`，所以其中的 `$变量` 会被展开。',
      '与 exec 形式的 `ENTRYPOINT` 搭配时，CMD 提供它的默认参数（`ENTRYPOINT ["s3cmd"]` + `CMD ["--help"]`）。',
      '应用要在前台运行：容器的生命周期与主进程完全一致。',
    ],
    gotchas: [
      '每个阶段只有最后一个 CMD 生效；多阶段构建中只有最终阶段的 CMD 有意义。',
      'JSON 形式必须用双引号；使用单引号或中文引号时会被悄悄当作 shell 形式。',
      'exec 形式不展开变量：`CMD ["echo", "$HOME"]` 输出的就是 `$HOME`。',
      'shell 形式下 PID 1 是 `/bin/sh`，它可能不转发 SIGTERM，导致 `docker stop` 等待超时后强制杀死进程。',
      '缺少 CMD/ENTRYPOINT 并不是构建错误（基础镜像可能已提供），但如果最终没有命令，`docker run` 会失败。',
    ],
    reference: referenceLink('cmd'),
  },
  ENTRYPOINT: {
    title: 'ENTRYPOINT',
    forms: ['ENTRYPOINT ["executable", "param1", "param2"]', 'ENTRYPOINT command param1 param2'],
    summary: '设置容器始终运行的程序；（exec 形式下）CMD 和 `docker run` 的参数会成为它的参数。',
    details: [
      '用它让镜像像一条命令一样使用，或在主程序启动前做准备工作（生成配置、降低权限）。',
      '`docker run --entrypoint <prog>` 会替换它，同时清空镜像的 CMD。',
      '设置 ENTRYPOINT 会清空从基础镜像继承的 CMD；如有需要，请在本阶段重新定义 CMD。',
    ],
    gotchas: [
      'shell 形式执行 `/bin/sh -c "<命令>"`，并把 CMD（或 `docker run` 的参数）追加在后面：shell 只把它们当作 `$0`、`$1`…，因此除非命令用到它们（`exec app "$@"`），否则会被忽略。请优先使用 exec 形式。',
      'exec 形式的 ENTRYPOINT 搭配 shell 形式的 CMD 时，会把 `/bin/sh -c <cmd>` 原样当作参数接收。',
      '每个阶段只有最后一个 ENTRYPOINT 生效。',
    ],
    reference: referenceLink('entrypoint'),
  },
  SHELL: {
    title: 'SHELL',
    forms: ['SHELL ["executable", "parameters"]'],
    summary: '替换后续 RUN、CMD、ENTRYPOINT 的 shell 形式所使用的 shell。',
    details: [
      '默认值在 Linux 上是 `["/bin/sh", "-c"]`，在 Windows 上是 `["cmd", "/S", "/C"]`。',
      '常用于 `["/bin/bash", "-o", "pipefail", "-c"]`，或在 Windows 镜像中使用 PowerShell。',
      '可以出现多次，每次都从所在行开始生效。',
    ],
    gotchas: ['只接受 JSON（exec）形式。', 'exec 形式的指令从不使用 shell。'],
    reference: referenceLink('shell'),
  },
  EXPOSE: {
    title: 'EXPOSE',
    forms: ['EXPOSE <port>[/<protocol>] [<port>[/<protocol>] ...]'],
    summary: '声明容器监听的端口（默认 TCP，也可写 `/udp`）；它既不发布端口，也不做端口映射。',
    details: [
      '它是镜像作者与使用者之间的约定，告诉使用者应该映射哪些端口。',
      '`docker run -P` 会把所有声明的端口发布到宿主机随机的高位端口；`-p 宿主机端口:容器端口` 有没有 EXPOSE 都能用。',
      'EXPOSE 只修改镜像元数据，不产生文件系统层。',
    ],
    gotchas: ['宿主机映射（例如 `EXPOSE 8080:80`）不该写在这里（目前构建会接受它，但给出 `ExposeInvalidFormat` 警告，将来会变成错误）；映射属于 `docker run -p`。'],
    reference: referenceLink('expose'),
  },
  VOLUME: {
    title: 'VOLUME',
    forms: ['VOLUME ["/data"]', 'VOLUME /data [/other ...]'],
    summary: '把路径标记为卷：如果运行时没有挂载任何东西，每个容器都会在这里得到一个匿名卷。',
    details: [
      '用于容器会写入的数据（例如数据库文件），避免写进容器层。',
      '使用者可以改为挂载命名卷：`docker run -v mydata:/data`。',
      '匿名卷位于 `/var/lib/docker/volumes/<卷 ID>/_data`，删除容器后依然保留，除非用 `docker rm -v` 删除容器或容器以 `--rm` 启动。',
    ],
    gotchas: ['使用默认构建器 BuildKit 时，声明为卷之后后续构建步骤在该路径内所做的修改会被保留；只有旧版构建器会丢弃这些修改。'],
    reference: referenceLink('volume'),
  },
  HEALTHCHECK: {
    title: 'HEALTHCHECK',
    forms: ['HEALTHCHECK [--interval=30s] [--timeout=30s] [--start-period=0s] [--start-interval=5s] [--retries=3] CMD <command>', 'HEALTHCHECK NONE'],
    summary: '告诉 Docker 如何检测容器是否仍在正常工作；状态从 `starting` 变为 `healthy` 或 `unhealthy`。',
    details: [
      '由命令的退出码决定：0 表示健康，1 表示不健康；2 是保留值，请勿使用。',
      '连续失败达到 `--retries` 次后，容器变为 `unhealthy`。',
      '`HEALTHCHECK NONE` 关闭从基础镜像继承的健康检查。',
    ],
    gotchas: ['每个阶段只有最后一个 HEALTHCHECK 生效。'],
    reference: referenceLink('healthcheck'),
  },
  STOPSIGNAL: {
    title: 'STOPSIGNAL',
    forms: ['STOPSIGNAL <signal>'],
    summary: '设置 `docker stop` 发送给主进程的信号，默认为 SIGTERM。',
    details: ['可以写信号名（`SIGQUIT`）或编号（`9`）。', '`docker run --stop-signal` 可为单个容器覆盖它。'],
    gotchas: ['信号发给 PID 1：如果 CMD/ENTRYPOINT 是 shell 形式，收到信号的是 `/bin/sh` 而不是你的程序。'],
    reference: referenceLink('stopsignal'),
  },
  LABEL: {
    title: 'LABEL',
    forms: ['LABEL <key>=<value> [<key>=<value> ...]'],
    summary: '为镜像添加键值对形式的元数据，例如版本、描述、作者。',
    details: [
      '一条指令可以写多个标签；含空格的值要加引号或转义（`vendor=ACME\\ Inc`），值也可以为空。',
      '工具应使用自己拥有的反向域名作为键前缀（`com.example.role`）；建议键以小写字母开头和结尾，但这并非强制要求。',
      '同一个键写两次时以最后一次为准；基础镜像的标签会被继承。',
      '可以用 `docker images --filter label=<key>=<value>` 按标签筛选镜像。',
    ],
    gotchas: ['前缀 `com.docker.*`、`io.docker.*` 和 `org.dockerproject.*` 保留给 Docker 内部使用。'],
    reference: referenceLink('label'),
  },
  MAINTAINER: {
    title: 'MAINTAINER（已弃用）',
    forms: ['MAINTAINER <name>'],
    summary: '记录镜像作者的旧写法，已弃用。',
    details: ['请改用标签：`LABEL org.opencontainers.image.authors="name@example.com"`。'],
    gotchas: ['构建检查会将其报告为 `MaintainerDeprecated`。'],
    reference: referenceLink('maintainer-deprecated'),
  },
  ONBUILD: {
    title: 'ONBUILD',
    forms: ['ONBUILD <INSTRUCTION>'],
    summary: '登记一条现在不执行的指令，等到其他 Dockerfile 以本镜像为基础镜像时才执行。',
    details: [
      '这些触发器在子镜像构建中紧跟其 `FROM` 执行，早于子 Dockerfile 自己的指令。',
      '适合供他人定制的镜像，例如把子项目的源码复制进去。',
    ],
    gotchas: ['不允许 `ONBUILD ONBUILD`、`ONBUILD FROM` 和 `ONBUILD MAINTAINER`。', '触发器不会传递给孙辈镜像。'],
    reference: referenceLink('onbuild'),
  },
};
