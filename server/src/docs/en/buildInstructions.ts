import { referenceLink } from '../links';
import type { DocTable } from '../types';

/** English entries for the instructions that shape the image's filesystem and build environment. */
export const englishBuildInstructions: DocTable = {
  FROM: {
    title: 'FROM',
    forms: ['FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]'],
    summary: 'Starts a new build stage on top of a base image; every Dockerfile needs one before any instruction other than ARG.',
    details: [
      'Only parser directives, comments and global `ARG`s may come before the first `FROM`.',
      'Each `FROM` begins a new stage. Stages are numbered from 0 and can be named with `AS <name>`, then used by `COPY --from=<name>`, `RUN --mount=from=<name>` or a later `FROM <name>`.',
      '`docker build --target <name>` stops the build at that stage.',
      '`FROM scratch` starts from an empty image; small official bases such as Alpine (musl libc, `apk`) keep images small.',
    ],
    gotchas: [
      'An image without a tag means `:latest`; pin a meaningful tag or digest so builds are repeatable.',
      'A base image is not a Dockerfile without `FROM`: base images are built `FROM scratch`.',
      'Variables in `FROM` can only come from `ARG`s declared before the first `FROM`, or from the platform arguments (`BUILDPLATFORM`, `TARGETARCH`…), which `FROM` can use without a declaration.',
    ],
    reference: referenceLink('from'),
  },
  RUN: {
    title: 'RUN',
    forms: ['RUN [--mount=...] [--network=...] [--security=...] <command>', 'RUN ["executable", "param1", "param2"]', 'RUN <<EOF\n<script>\nEOF'],
    summary: 'Executes a command at build time and records the filesystem changes as a new layer.',
    details: [
      'Shell form runs through the default shell (`/bin/sh -c` on Linux, see `SHELL`); exec form runs the program directly, without a shell and without variable expansion.',
      'Chain related steps with `&&` and `\\` continuations in one `RUN`, and clean up (`rm -rf /var/lib/apt/lists/*`, temporary files) in that same `RUN`.',
      'Keep `apt-get update` and `apt-get install` in the same `RUN`; otherwise a cached `update` layer serves stale package lists.',
      'Sort long package lists alphabetically; use `apk add --no-cache` on Alpine.',
      'The build cache reuses a `RUN` layer when the instruction text is unchanged; files in the container are not inspected.',
    ],
    gotchas: [
      'Files deleted in a later `RUN` still take space in the earlier layer that created them.',
      '`RUN cd /dir` does not carry over to the next instruction; use `WORKDIR`.',
      'RUN happens at build time: starting a server here blocks the build. Use `CMD`/`ENTRYPOINT` for what the container runs.',
    ],
    reference: referenceLink('run'),
  },
  ADD: {
    title: 'ADD',
    forms: ['ADD [--chown=<user>:<group>] [--chmod=<perms>] [--checksum=<hash>] [--unpack=<bool>] <src>... <dest>', 'ADD ["<src>", ... "<dest>"]'],
    summary: 'Copies files into the image like `COPY`, and can also fetch URLs or Git repositories and unpack archives.',
    details: [
      'A local tar archive (plain, gzip, bzip2, xz) is extracted into `<dest>`.',
      'A URL source is downloaded; without a trailing `/` on `<dest>` it names the file, with one it names a directory.',
      'Missing destination directories are created; wildcards follow Go `filepath.Match` rules.',
    ],
    gotchas: [
      'Prefer `COPY` for plain files and directories; use `ADD` only for its extras.',
      'Archives downloaded from a URL are not extracted unless you add `--unpack=true` (Dockerfile 1.17); `--checksum` pins what is downloaded.',
      'Sources must lie inside the build context; `../` cannot reach outside it.',
    ],
    reference: referenceLink('add'),
  },
  COPY: {
    title: 'COPY',
    forms: ['COPY [--from=<stage|image>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] <src>... <dest>', 'COPY ["<src>", ... "<dest>"]'],
    summary: 'Copies files and directories from the build context (or another stage or image with `--from`) into the image as a new layer.',
    details: [
      'Several sources are allowed; wildcards follow Go `filepath.Match` rules (`COPY hom?.txt /dir/`).',
      'A relative `<dest>` is resolved against `WORKDIR`; missing directories are created.',
      'A directory source copies its contents (with subdirectories), not the directory itself.',
      'Copy dependency manifests (e.g. `package.json`) and install before copying the rest of the source, so the dependency layer stays cached.',
      'The cache compares a checksum of file contents (and mode/owner); modification times do not count.',
    ],
    gotchas: [
      'COPY does not accept URLs and does not extract archives; that is `ADD`.',
      'Sources must lie inside the build context; `../file` or an absolute host path cannot be copied.',
      '`COPY dir/* /dest/` copies the contents of each matched subdirectory, not the subdirectory itself: one level is flattened (`dir/a/x` lands in `/dest/x`, `dir/a/b/y` in `/dest/b/y`). Write `COPY dir/ /dest/` to keep the tree.',
    ],
    reference: referenceLink('copy'),
  },
  ARG: {
    title: 'ARG',
    forms: ['ARG <name>[=<default>] [<name>[=<default>] ...]'],
    summary: 'Declares a build argument that `docker build --build-arg <name>=<value>` can set; it exists only while building.',
    details: [
      'An `ARG` before the first `FROM` is global: usable in `FROM` lines, but inside a stage it must be declared again (`ARG <name>` without a value inherits the global default).',
      'An `ARG` inside a stage is visible from its line to the end of that stage, and in every stage built `FROM` that stage; unrelated stages must declare it themselves.',
      'Proxy variables (`HTTP_PROXY`, `NO_PROXY`…) need no declaration. Platform arguments (`TARGETPLATFORM`, `BUILDPLATFORM`…) exist only in the global scope: `FROM` can use them as they are, but a stage must declare `ARG TARGETPLATFORM` (without a value) to read it.',
      'ARG adds no filesystem layer; unlike `ENV`, the value is not present in the running container.',
    ],
    gotchas: [
      'Build argument values are visible in the image history: never pass secrets this way (use `RUN --mount=type=secret`).',
      'A reference to a variable declared in the same `ARG` instruction sees the old (usually empty) value; declare it in an earlier `ARG`.',
      'An `ENV` of the same name overrides the `ARG`: after `ARG V` and `ENV V=1`, `$V` is `1` whatever `--build-arg V=…` says.',
    ],
    reference: referenceLink('arg'),
  },
  ENV: {
    title: 'ENV',
    forms: ['ENV <key>=<value> [<key>=<value> ...]', 'ENV <key> <value>'],
    summary: 'Sets environment variables for the following instructions and for containers started from the image.',
    details: [
      'Typical use: extend `PATH` or set versions used by later steps.',
      'Values persist in the image; `docker run -e KEY=value` overrides them at run time.',
      'ENV adds no filesystem layer, only image configuration.',
      'A stage built `FROM` another stage inherits its `ENV` values.',
    ],
    gotchas: [
      'In the legacy `ENV key value` form everything after the first space is the value: `ENV A 1 B 2` sets only `A` to `1 B 2`. Use `key=value` pairs.',
      'A reference to a variable set in the same `ENV` instruction sees its previous value.',
      'Variables meant only for the build belong in `ARG`, so they do not leak into the container.',
    ],
    reference: referenceLink('env'),
  },
  WORKDIR: {
    title: 'WORKDIR',
    forms: ['WORKDIR /path/to/dir'],
    summary: 'Sets the working directory for the following RUN, CMD, ENTRYPOINT, COPY and ADD instructions, creating it if needed.',
    details: ['Prefer absolute paths; a relative path is resolved against the previous `WORKDIR`.', 'Can appear several times; each one applies from its line on.'],
    gotchas: ['Use `WORKDIR` instead of `RUN cd …`: a `cd` lasts only for its own `RUN`.'],
    reference: referenceLink('workdir'),
  },
  USER: {
    title: 'USER',
    forms: ['USER <user>[:<group>]', 'USER <UID>[:<GID>]'],
    summary: 'Sets the user (and optionally group) for the following RUN instructions and for the container\'s CMD/ENTRYPOINT.',
    details: [
      'Create the user first, e.g. `RUN groupadd -r app && useradd -r -g app app` (Debian) or `addgroup -S app && adduser -S -G app app` (Alpine).',
      'Containers run as root unless this image or its base sets a `USER`; switch to an unprivileged user when the service allows it.',
    ],
    gotchas: [
      'The user must already exist in the image when it is referenced by name.',
      'With `USER <user>:<group>` the process has only that group: the user\'s other (supplementary) groups are dropped.',
      'Without user-namespace remapping, root in the container is UID 0 on the host, for example on bind-mounted files.',
    ],
    reference: referenceLink('user'),
  },
};
