import { referenceLink } from '../links';
import type { DocEntry, DocTable } from '../types';

const chown: DocEntry = {
  title: '--chown',
  forms: ['--chown=<user>:<group>', '--chown=<UID>:<GID>'],
  summary: 'Sets the owner of the copied files; without it they belong to root (0:0).',
  details: [
    'Names are looked up in the `/etc/passwd` and `/etc/group` of the image being built; numeric IDs need no lookup.',
    'Applies to every file and subdirectory that is copied.',
  ],
  gotchas: ['Saves a separate `RUN chown -R`, which would duplicate the files in another layer.'],
};

const chmod: DocEntry = {
  title: '--chmod',
  forms: ['--chmod=<perms>'],
  summary: 'Sets the permission bits of the copied files, in octal (`--chmod=755`) or, since Dockerfile 1.14, symbolic notation (`--chmod=u=rwX,go=rX`, `--chmod=+x`).',
  details: ['Applies to every file and subdirectory that is copied; a capital `X` sets the executable bit only on directories and files that already have it.'],
  gotchas: ['Needs BuildKit (the default builder since Docker Engine 23.0).'],
};

const link: DocEntry = {
  title: '--link',
  forms: ['--link[=true|false]'],
  summary: 'Puts the copied files into an independent layer that does not depend on the layers before it.',
  details: [
    'The layer can be reused even when earlier instructions change, and a rebuilt base can be swapped underneath without copying again.',
  ],
  gotchas: ['Destination paths are not resolved through symlinks created by earlier layers.'],
};

const exclude: DocEntry = {
  title: '--exclude',
  forms: ['--exclude=<pattern>'],
  summary: 'Leaves out the source files that match a path pattern; repeat the flag for several patterns.',
  details: ['A pattern is written like a source: wildcards follow Go `filepath.Match` rules (`--exclude=*.txt`).'],
  gotchas: ['Generally available since Dockerfile syntax 1.19; older frontends need `# syntax=docker/dockerfile:1-labs`.'],
};

function forInstruction(entry: DocEntry, keyword: string, anchor: string): DocEntry {
  return { ...entry, title: `${keyword} ${entry.title}`, reference: referenceLink(anchor) };
}

/** English entries for the flags of FROM, COPY and ADD. */
export const englishCopyFlags: DocTable = {
  'FROM --platform': {
    title: 'FROM --platform',
    forms: ['FROM --platform=<os>/<arch>[/<variant>] <image>', 'FROM --platform=$BUILDPLATFORM <image>'],
    summary: 'Chooses which platform variant of a multi-platform base image to use, e.g. `linux/amd64` or `linux/arm64`.',
    details: [
      'Defaults to the target platform of the build (`docker build --platform`).',
      '`--platform=$BUILDPLATFORM` runs a stage natively on the build machine, e.g. to cross-compile for `$TARGETPLATFORM`.',
    ],
    gotchas: ['A constant platform such as `--platform=linux/amd64` forces emulation on other machines; prefer the predefined arguments.'],
    reference: referenceLink('from'),
  },
  'COPY --from': {
    title: 'COPY --from',
    forms: ['COPY --from=<stage-name|stage-index|image|context> <src>... <dest>'],
    summary: 'Copies from an earlier build stage, an image or a named build context instead of the build context.',
    details: [
      'A stage is referenced by its `AS` name or by its number counted from 0 (`--from=0`).',
      'Any image reference works too (`--from=nginx:latest`), local or from a registry.',
      'The basis of multi-stage builds: compile in one stage and copy only the result into a small final stage.',
    ],
    gotchas: ['Only stages defined earlier in the file can be referenced; an unknown name is treated as an image to pull.'],
    reference: referenceLink('copy---from'),
  },
  'COPY --chown': forInstruction(chown, 'COPY', 'copy---chown---chmod'),
  'COPY --chmod': forInstruction(chmod, 'COPY', 'copy---chown---chmod'),
  'COPY --link': forInstruction(link, 'COPY', 'copy---link'),
  'COPY --parents': {
    title: 'COPY --parents',
    forms: ['COPY --parents <src>... <dest>', 'COPY --parents ./base/./keep/this/path <dest>'],
    summary: 'Keeps the parent directories of each source under the destination instead of copying only the last path element.',
    details: [
      '`COPY --parents packages/*/package.json /app/` produces `/app/packages/<name>/package.json` for each match.',
      'A `./` inside a source marks where the preserved part of the path begins.',
    ],
    gotchas: ['Generally available since Dockerfile syntax 1.20; older frontends need `# syntax=docker/dockerfile:1-labs`.'],
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
    summary: 'Verifies a remote source: an HTTP download against its SHA-256 digest, a Git source against its commit; the build fails on a mismatch.',
    details: [
      'For HTTP the value is `sha256:<hex>` (SHA-256 is the only algorithm); for Git it is the commit SHA, in full or as a prefix.',
      'Makes `ADD <url>` reproducible and protects against a changed or tampered source.',
    ],
    gotchas: ['Meant for remote (HTTP or Git) sources; local files are already checksummed by the build cache.'],
    reference: referenceLink('add---checksum'),
  },
  'ADD --unpack': {
    title: 'ADD --unpack',
    forms: ['ADD --unpack=true <url> <dest>', 'ADD --unpack=false <archive> <dest>'],
    summary: 'Decides whether a tar archive (plain, gzip, bzip2, xz) is extracted into `<dest>` or copied as a file.',
    details: [
      'Without the flag a local archive is extracted and a remote one (a URL) is downloaded as is; `--unpack=true` extracts a download, `--unpack=false` keeps a local archive packed.',
      'Whether a file is an archive is decided by its content, not its name.',
    ],
    gotchas: ['Needs Dockerfile syntax 1.17 or later.'],
    reference: referenceLink('add---unpack'),
  },
  'ADD --keep-git-dir': {
    title: 'ADD --keep-git-dir',
    forms: ['ADD --keep-git-dir=true <git-url>#<ref> <dest>'],
    summary: 'When the source is a Git repository, keeps its `.git` directory in the copy (it is left out by default).',
    details: ['Useful when the build needs Git metadata, e.g. `git describe` for a version number.'],
    reference: referenceLink('add---keep-git-dir'),
  },
};
