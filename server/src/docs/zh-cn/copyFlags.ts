import { referenceLink } from '../links';
import type { DocEntry, DocTable } from '../types';

const chown: DocEntry = {
  title: '--chown',
  forms: ['--chown=<user>:<group>', '--chown=<UID>:<GID>'],
  summary: '设置复制后文件的属主；不指定时属于 root（0:0）。',
  details: [
    '名称会在正在构建的镜像的 `/etc/passwd` 和 `/etc/group` 中查找；数字 ID 无需查找。',
    '对复制的每个文件和子目录都生效。',
  ],
  gotchas: ['省去单独的 `RUN chown -R`，后者会在另一层中再存一份文件。'],
};

const chmod: DocEntry = {
  title: '--chmod',
  forms: ['--chmod=<perms>'],
  summary: '设置复制后文件的权限位，可用八进制（`--chmod=755`），自 Dockerfile 1.14 起也可用符号形式（`--chmod=u=rwX,go=rX`、`--chmod=+x`）。',
  details: ['对复制的每个文件和子目录都生效；大写的 `X` 只给目录以及本来就可执行的文件加上执行位。'],
  gotchas: ['需要 BuildKit（自 Docker Engine 23.0 起为默认构建器）。'],
};

const link: DocEntry = {
  title: '--link',
  forms: ['--link[=true|false]'],
  summary: '把复制的文件放进一个独立的层，该层不依赖之前的层。',
  details: ['即使前面的指令发生变化，这一层也能复用；基础镜像重建后可以直接替换底层而无需重新复制。'],
  gotchas: ['目标路径不会经过之前层中创建的符号链接来解析。'],
};

const exclude: DocEntry = {
  title: '--exclude',
  forms: ['--exclude=<pattern>'],
  summary: '排除与路径模式匹配的源文件；需要多个模式时可重复使用该参数。',
  details: ['模式的写法与源路径相同：通配符遵循 Go 的 `filepath.Match` 规则（`--exclude=*.txt`）。'],
  gotchas: ['自 Dockerfile 语法 1.19 起正式可用；更早的前端需要 `# syntax=docker/dockerfile:1-labs`。'],
};

function forInstruction(entry: DocEntry, keyword: string, anchor: string): DocEntry {
  return { ...entry, title: `${keyword} ${entry.title}`, reference: referenceLink(anchor) };
}

/** FROM、COPY、ADD 的参数（简体中文）。 */
export const chineseCopyFlags: DocTable = {
  'FROM --platform': {
    title: 'FROM --platform',
    forms: ['FROM --platform=<os>/<arch>[/<variant>] <image>', 'FROM --platform=$BUILDPLATFORM <image>'],
    summary: '选择多平台基础镜像中要使用的平台版本，例如 `linux/amd64` 或 `linux/arm64`。',
    details: [
      '默认为构建的目标平台（`docker build --platform`）。',
      '`--platform=$BUILDPLATFORM` 让该阶段在构建机上原生运行，例如为 `$TARGETPLATFORM` 交叉编译。',
    ],
    gotchas: ['写死的平台（如 `--platform=linux/amd64`）会迫使其他机器使用模拟执行；请优先使用预定义参数。'],
    reference: referenceLink('from'),
  },
  'COPY --from': {
    title: 'COPY --from',
    forms: ['COPY --from=<stage-name|stage-index|image|context> <src>... <dest>'],
    summary: '从之前的构建阶段、某个镜像或命名构建上下文复制文件，而不是从构建上下文复制。',
    details: [
      '阶段可以用 `AS` 起的名字引用，也可以用从 0 开始的编号引用（`--from=0`）。',
      '也可以是任意镜像引用（`--from=nginx:latest`），本地镜像或镜像仓库中的都可以。',
      '这是多阶段构建的基础：在一个阶段中编译，只把结果复制进精简的最终阶段。',
    ],
    gotchas: ['只能引用文件中更早定义的阶段；未知的名称会被当作要拉取的镜像。'],
    reference: referenceLink('copy---from'),
  },
  'COPY --chown': forInstruction(chown, 'COPY', 'copy---chown---chmod'),
  'COPY --chmod': forInstruction(chmod, 'COPY', 'copy---chown---chmod'),
  'COPY --link': forInstruction(link, 'COPY', 'copy---link'),
  'COPY --parents': {
    title: 'COPY --parents',
    forms: ['COPY --parents <src>... <dest>', 'COPY --parents ./base/./keep/this/path <dest>'],
    summary: '在目标下保留每个源的父目录结构，而不是只复制路径的最后一段。',
    details: [
      '`COPY --parents packages/*/package.json /app/` 会为每个匹配项生成 `/app/packages/<name>/package.json`。',
      '源路径中的 `./` 标记从哪里开始保留路径。',
    ],
    gotchas: ['自 Dockerfile 语法 1.20 起正式可用；更早的前端需要 `# syntax=docker/dockerfile:1-labs`。'],
    reference: referenceLink('copy---parents'),
  },
  'COPY --exclude': forInstruction(exclude, 'COPY', 'copy---exclude'),
  'ADD --chown': forInstruction(chown, 'ADD', 'add---chown---chmod'),
  'ADD --chmod': forInstruction(chmod, 'ADD', 'add---chown---chmod'),
  'ADD --link': forInstruction(link, 'ADD', 'add---link'),
  'ADD --exclude': forInstruction(exclude, 'ADD', 'add---exclude'),
  'ADD --checksum': {
    title: 'ADD --checksum',
    forms: ['ADD --checksum=sha256:<hex> <url> <dest>', 'ADD --checksum=<commit-sha> <git-url> <dest>'],
    summary: '校验远程源：HTTP 下载按 SHA-256 摘要校验，Git 源按提交校验；不一致时构建失败。',
    details: [
      'HTTP 源的值写作 `sha256:<hex>`（只支持 SHA-256）；Git 源的值是提交 SHA，可以写完整值或前缀。',
      '让 `ADD <url>` 可重复，并防止远程内容被更改或篡改。',
    ],
    gotchas: ['用于远程（HTTP 或 Git）源；本地文件本来就由构建缓存做校验。'],
    reference: referenceLink('add---checksum'),
  },
  'ADD --unpack': {
    title: 'ADD --unpack',
    forms: ['ADD --unpack=true <url> <dest>', 'ADD --unpack=false <archive> <dest>'],
    summary: '决定 tar 归档（未压缩、gzip、bzip2、xz）是解压到 `<dest>`，还是作为文件原样复制。',
    details: [
      '不加该参数时，本地归档会被解压，远程归档（URL）按原样下载；`--unpack=true` 会解压下载的归档，`--unpack=false` 让本地归档保持不解压。',
      '是否为归档由文件内容判断，而不是文件名。',
    ],
    gotchas: ['需要 Dockerfile 语法 1.17 或更高版本。'],
    reference: referenceLink('add---unpack'),
  },
  'ADD --keep-git-dir': {
    title: 'ADD --keep-git-dir',
    forms: ['ADD --keep-git-dir=true <git-url>#<ref> <dest>'],
    summary: '源为 Git 仓库时，在复制结果中保留 `.git` 目录（默认不保留）。',
    details: ['当构建需要 Git 元数据时有用，例如用 `git describe` 生成版本号。'],
    reference: referenceLink('add---keep-git-dir'),
  },
};
