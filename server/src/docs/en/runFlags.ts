import { referenceLink } from '../links';
import type { DocTable } from '../types';

/** English entries for the flags of RUN and the mount types of `RUN --mount`. */
export const englishRunFlags: DocTable = {
  'RUN --mount': {
    title: 'RUN --mount',
    forms: ['RUN --mount=[type=<bind|cache|tmpfs|secret|ssh>][,<key>=<value>...] <command>'],
    summary: 'Mounts something into the container of this one RUN only: files from a stage or the context, a persistent cache, a tmpfs, a secret or an SSH agent.',
    details: [
      'The type defaults to `bind`. The flag can be repeated for several mounts.',
      'Nothing under a mount point is saved in the resulting layer.',
      'Typical use: `--mount=type=cache,target=/root/.npm` keeps downloads between builds.',
    ],
    gotchas: ['Needs BuildKit, the default builder since Docker Engine 23.0; `DOCKER_BUILDKIT=1` is only needed on older engines.'],
    reference: referenceLink('run---mount'),
  },
  'RUN --mount type=bind': {
    title: 'RUN --mount type=bind',
    forms: ['--mount=type=bind,target=<path>[,source=<path>][,from=<stage|image>][,rw]'],
    summary: 'Makes files from the build context, a stage or an image visible during the command without copying them into a layer.',
    details: [
      '`target` (also `dst`, `destination`): mount path. `source`: path inside `from` (default: its root).',
      '`from`: stage name, image or named context; default is the build context.',
      '`rw` / `readwrite`: allow writes; they are thrown away after the command.',
    ],
    gotchas: ['Read-only by default.'],
    reference: referenceLink('run---mounttypebind'),
  },
  'RUN --mount type=cache': {
    title: 'RUN --mount type=cache',
    forms: ['--mount=type=cache,target=<path>[,id=<id>][,sharing=shared|private|locked][,from=…][,source=…][,mode=0755][,uid=0][,gid=0][,ro]'],
    summary: 'Mounts a cache directory that persists between builds, for package manager and compiler caches.',
    details: [
      '`id` names the cache (default: the target path); `sharing` controls concurrent builds: `shared` (default), `private` (new cache per writer) or `locked` (wait).',
      '`from`/`source` seed the cache from a stage or image; `mode`, `uid`, `gid` set the directory\'s permissions and owner; `ro` makes it read-only.',
    ],
    gotchas: [
      'Cache contents never become part of the image: mounting a cache over `node_modules` leaves later steps without it. Cache the download directory (`~/.npm`, `/var/cache/apt`) instead.',
      'The cache may be emptied at any time; the build must still work from scratch.',
    ],
    reference: referenceLink('run---mounttypecache'),
  },
  'RUN --mount type=tmpfs': {
    title: 'RUN --mount type=tmpfs',
    forms: ['--mount=type=tmpfs,target=<path>[,size=<bytes>]'],
    summary: 'Mounts an in-memory filesystem for scratch data of this command.',
    details: ['`target`: mount path. `size`: upper limit of its size.'],
    gotchas: ['Contents vanish when the command ends.'],
    reference: referenceLink('run---mounttypetmpfs'),
  },
  'RUN --mount type=secret': {
    title: 'RUN --mount type=secret',
    forms: ['--mount=type=secret,id=<id>[,target=<path>][,env=<VAR>][,required][,mode=0400][,uid=0][,gid=0]'],
    summary: 'Gives the command access to a secret passed with `docker build --secret id=<id>,src=<file>` without storing it in the image.',
    details: [
      'The file appears at `/run/secrets/<id>` unless `target` says otherwise; `env` exposes it as an environment variable instead.',
      '`required` makes the build fail when the secret is not provided (default: skip silently).',
    ],
    gotchas: ['The right way to use tokens and passwords during a build; `ARG`/`ENV` values stay visible in the image.'],
    reference: referenceLink('run---mounttypesecret'),
  },
  'RUN --mount type=ssh': {
    title: 'RUN --mount type=ssh',
    forms: ['--mount=type=ssh[,id=default][,target=<socket>][,required][,mode=0600][,uid=0][,gid=0]'],
    summary: 'Forwards an SSH agent socket from the client (`docker build --ssh default`) so the command can, e.g., clone private repositories.',
    details: ['`id` picks which `--ssh` entry to use (default `default`); the socket path is exported as `SSH_AUTH_SOCK`.'],
    gotchas: ['Keys never enter the image; only the agent socket is available during the command.'],
    reference: referenceLink('run---mounttypessh'),
  },
  'RUN --network': {
    title: 'RUN --network',
    forms: ['RUN --network=default|none|host <command>'],
    summary: 'Chooses the network of the command: `default`, `none` (no network access) or `host`.',
    details: ['`none` proves a step needs no network, e.g. after dependencies were fetched.'],
    gotchas: ['`host` requires the `network.host` entitlement to be allowed by the builder and the build command.'],
    reference: referenceLink('run---network'),
  },
  'RUN --security': {
    title: 'RUN --security',
    forms: ['RUN --security=sandbox|insecure <command>'],
    summary: '`insecure` runs the command without the sandbox, like `docker run --privileged`; `sandbox` is the default.',
    details: ['Needed only for steps that require full privileges, e.g. mounting filesystems.'],
    gotchas: [
      'Requires the `security.insecure` entitlement; a privileged step can escape to the build host.',
      'Generally available since Dockerfile syntax 1.20; older frontends need `# syntax=docker/dockerfile:1-labs`.',
    ],
    reference: referenceLink('run---security'),
  },
};
