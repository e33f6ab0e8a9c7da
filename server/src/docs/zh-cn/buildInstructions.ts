import { referenceLink } from '../links';
import type { DocTable } from '../types';

/** 决定镜像文件系统与构建环境的指令（简体中文）。 */
export const chineseBuildInstructions: DocTable = {
  FROM: {
    title: 'FROM',
    forms: ['FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]'],
    summary: '基于一个基础镜像开始新的构建阶段；除 ARG 外，任何指令之前都必须先有 FROM。',
    details: [
      '第一个 `FROM` 之前只允许出现解析器指令、注释和全局 `ARG`。',
      '每个 `FROM` 开启一个新阶段。阶段从 0 开始编号，可以用 `AS <name>` 命名，之后供 `COPY --from=<name>`、`RUN --mount=from=<name>` 或后面的 `FROM <name>` 引用。',
      '`docker build --target <name>` 会在该阶段结束构建。',
      '`FROM scratch` 表示从空镜像开始；Alpine 等小巧的官方基础镜像（musl libc、`apk`）能让镜像保持精简。',
    ],
    gotchas: [
      '不写标签即为 `:latest`；请固定有意义的标签或摘要，保证构建可重复。',
      '基础镜像的 Dockerfile 并不是“没有 FROM”，而是使用 `FROM scratch`。',
      '`FROM` 行里的变量只能来自第一个 `FROM` 之前声明的 `ARG`，或来自平台参数（`BUILDPLATFORM`、`TARGETARCH` 等）；`FROM` 无需声明即可使用平台参数。',
    ],
    reference: referenceLink('from'),
  },
  RUN: {
    title: 'RUN',
    forms: ['RUN [--mount=...] [--network=...] [--security=...] <command>', 'RUN ["executable", "param1", "param2"]', 'RUN <<EOF\n<script>\nEOF'],
    summary: '在构建时执行命令，并把文件系统的变化记录为新的一层。',
    details: [
      'shell 形式通过默认 shell 执行（Linux 上是 `/bin/sh -c`，见 `SHELL`）；exec 形式直接运行程序，不经过 shell，也不展开变量。',
      '相关步骤用 `&&` 和 `\\` 续行写在同一个 `RUN` 里，并在同一个 `RUN` 中完成清理（`rm -rf /var/lib/apt/lists/*`、临时文件等）。',
      '`apt-get update` 与 `apt-get install` 必须放在同一个 `RUN` 中，否则缓存下来的 `update` 层会提供过期的软件包列表。',
      '较长的软件包列表按字母排序；在 Alpine 上使用 `apk add --no-cache`。',
      '构建缓存只比较 `RUN` 的指令文本，文本不变就复用该层，不会检查容器内的文件。',
    ],
    gotchas: [
      '在后面的 `RUN` 中删除的文件，仍然占用创建它的那一层的空间。',
      '`RUN cd /dir` 不会影响下一条指令；请使用 `WORKDIR`。',
      'RUN 在构建时执行：在这里启动服务会让构建卡住。容器要运行的程序应写在 `CMD`/`ENTRYPOINT` 中。',
    ],
    reference: referenceLink('run'),
  },
  ADD: {
    title: 'ADD',
    forms: ['ADD [--chown=<user>:<group>] [--chmod=<perms>] [--checksum=<hash>] [--unpack=<bool>] <src>... <dest>', 'ADD ["<src>", ... "<dest>"]'],
    summary: '像 `COPY` 一样把文件复制进镜像，另外还能下载 URL、获取 Git 仓库并解压归档。',
    details: [
      '本地 tar 归档（未压缩、gzip、bzip2、xz）会被解压到 `<dest>`。',
      '源为 URL 时会下载文件；`<dest>` 不以 `/` 结尾时表示文件名，以 `/` 结尾时表示目录。',
      '目标目录不存在时会自动创建；通配符遵循 Go 的 `filepath.Match` 规则。',
    ],
    gotchas: [
      '普通文件和目录请优先用 `COPY`，只有需要 ADD 的额外功能时才用它。',
      '从 URL 下载的压缩包默认不会被解压，加上 `--unpack=true`（Dockerfile 1.17）才会解压；`--checksum` 可以锁定下载内容。',
      '源路径必须位于构建上下文之内，`../` 无法访问上下文之外的文件。',
    ],
    reference: referenceLink('add'),
  },
  COPY: {
    title: 'COPY',
    forms: ['COPY [--from=<stage|image>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] <src>... <dest>', 'COPY ["<src>", ... "<dest>"]'],
    summary: '把构建上下文中（或用 `--from` 指定的其他阶段、镜像中）的文件和目录复制进镜像，形成新的一层。',
    details: [
      '可以有多个源；通配符遵循 Go 的 `filepath.Match` 规则（`COPY hom?.txt /dir/`）。',
      '相对的 `<dest>` 以 `WORKDIR` 为基准；不存在的目录会自动创建。',
      '源是目录时，复制的是目录里的内容（包括子目录），而不是目录本身。',
      '先复制依赖清单（如 `package.json`）并安装依赖，再复制其余源码，这样依赖层可以一直命中缓存。',
      '缓存比较的是文件内容（以及权限、属主）的校验和，修改时间不计入。',
    ],
    gotchas: [
      'COPY 不支持 URL，也不会解压归档；那是 `ADD` 的功能。',
      '源路径必须位于构建上下文之内；`../file` 或宿主机的绝对路径都无法复制。',
      '`COPY dir/* /dest/` 对每个匹配到的子目录复制的是其内容而不是目录本身，因此会拍平一层（`dir/a/x` 落到 `/dest/x`，`dir/a/b/y` 落到 `/dest/b/y`）。要保留目录结构请写 `COPY dir/ /dest/`。',
    ],
    reference: referenceLink('copy'),
  },
  ARG: {
    title: 'ARG',
    forms: ['ARG <name>[=<default>] [<name>[=<default>] ...]'],
    summary: '声明一个构建参数，可用 `docker build --build-arg <name>=<value>` 赋值；它只在构建期间存在。',
    details: [
      '第一个 `FROM` 之前的 `ARG` 是全局的：可以用在 `FROM` 行中，但要在某个阶段内使用，必须在该阶段里再次声明（不带值的 `ARG <name>` 会继承全局默认值）。',
      '阶段内的 `ARG` 从声明所在行起到该阶段结束为止可见，并且在所有以该阶段为 `FROM` 的阶段中也可见；无关的阶段必须自行声明。',
      '代理变量（`HTTP_PROXY`、`NO_PROXY` 等）无需声明。平台参数（`TARGETPLATFORM`、`BUILDPLATFORM` 等）只存在于全局作用域：`FROM` 可以直接使用，但阶段内要读取时必须声明 `ARG TARGETPLATFORM`（不带值）。',
      'ARG 不产生文件系统层；与 `ENV` 不同，它的值不会出现在运行中的容器里。',
    ],
    gotchas: [
      '构建参数的值会出现在镜像历史中：切勿用它传递令牌、密码等机密信息（请使用 `RUN --mount=type=secret`）。',
      '在同一条 `ARG` 中引用同时声明的另一个变量，得到的是旧值（通常为空）；应把被引用的变量放在更早的 `ARG` 中。',
      '同名的 `ENV` 会覆盖 `ARG`：先写 `ARG V` 再写 `ENV V=1` 后，无论 `--build-arg V=…` 传入什么，`$V` 都是 `1`。',
    ],
    reference: referenceLink('arg'),
  },
  ENV: {
    title: 'ENV',
    forms: ['ENV <key>=<value> [<key>=<value> ...]', 'ENV <key> <value>'],
    summary: '设置环境变量，后续指令以及由该镜像启动的容器都能看到。',
    details: [
      '常见用途：扩展 `PATH`，或设置后续步骤要用的版本号。',
      '值会保存在镜像中；运行时可用 `docker run -e KEY=value` 覆盖。',
      'ENV 只修改镜像配置，不产生文件系统层。',
      '以另一个阶段为 `FROM` 的阶段会继承它的 `ENV` 值。',
    ],
    gotchas: [
      '旧式 `ENV key value` 写法中，第一个空格之后的全部内容都是值：`ENV A 1 B 2` 只会把 `A` 设为 `1 B 2`。请使用 `key=value` 形式。',
      '在同一条 `ENV` 中引用同时设置的变量，得到的是它之前的值。',
      '只在构建时需要的变量应该用 `ARG`，以免泄露到容器中。',
    ],
    reference: referenceLink('env'),
  },
  WORKDIR: {
    title: 'WORKDIR',
    forms: ['WORKDIR /path/to/dir'],
    summary: '为后续的 RUN、CMD、ENTRYPOINT、COPY 和 ADD 设置工作目录，目录不存在时会自动创建。',
    details: ['建议使用绝对路径；相对路径以上一个 `WORKDIR` 为基准。', '可以出现多次，每次都从所在行开始生效。'],
    gotchas: ['请用 `WORKDIR` 代替 `RUN cd …`：`cd` 只在它所在的那个 `RUN` 中有效。'],
    reference: referenceLink('workdir'),
  },
  USER: {
    title: 'USER',
    forms: ['USER <user>[:<group>]', 'USER <UID>[:<GID>]'],
    summary: '为后续的 RUN 指令以及容器的 CMD/ENTRYPOINT 设置运行用户（可选用户组）。',
    details: [
      '先创建用户，例如 `RUN groupadd -r app && useradd -r -g app app`（Debian）或 `addgroup -S app && adduser -S -G app app`（Alpine）。',
      '除非本镜像或其基础镜像设置了 `USER`，否则容器以 root 运行；服务允许时请切换到非特权用户。',
    ],
    gotchas: [
      '按名称引用时，该用户必须已经存在于镜像中。',
      '写成 `USER <user>:<group>` 时，进程只属于这一个组：该用户的其他（附加）组都会被去掉。',
      '未启用用户命名空间重映射时，容器内的 root 就是宿主机上的 UID 0，例如对绑定挂载的文件拥有完全权限。',
    ],
    reference: referenceLink('user'),
  },
};
