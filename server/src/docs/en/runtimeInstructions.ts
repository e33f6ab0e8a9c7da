import { referenceLink } from '../links';
import type { DocTable } from '../types';

/** English entries for the instructions that describe how containers of the image run. */
export const englishRuntimeInstructions: DocTable = {
  CMD: {
    title: 'CMD',
    forms: ['CMD ["executable", "param1", "param2"]', 'CMD ["param1", "param2"]', 'CMD command param1 param2'],
    summary: 'Sets the default command of the image, or the default arguments of its ENTRYPOINT. `docker run IMAGE ARGS` replaces it.',
    details: [
      'Exec form (JSON array) is recommended: no shell is started and the program is PID 1.',
      'Shell form is wrapped as `/bin/sh -c "…"`, which is why `$VARS` are expanded there.',
      'With an exec-form `ENTRYPOINT`, CMD supplies its default arguments (`ENTRYPOINT ["s3cmd"]` + `CMD ["--help"]`).',
      'Run the application in the foreground: the container lives exactly as long as its main process.',
    ],
    gotchas: [
      'Only the last CMD of a stage counts; in a multi-stage build only the final stage matters.',
      'The JSON form needs double quotes; with single or typographic quotes it is silently treated as shell form.',
      'Exec form does no variable expansion: `CMD ["echo", "$HOME"]` prints `$HOME`.',
      'In shell form `/bin/sh` is PID 1 and may not pass SIGTERM on, so `docker stop` waits and then kills.',
      'A missing CMD/ENTRYPOINT is not a build error (the base image may provide one), but `docker run` fails if no command results.',
    ],
    reference: referenceLink('cmd'),
  },
  ENTRYPOINT: {
    title: 'ENTRYPOINT',
    forms: ['ENTRYPOINT ["executable", "param1", "param2"]', 'ENTRYPOINT command param1 param2'],
    summary: 'Sets the program the container always runs; CMD and `docker run` arguments become its arguments (exec form).',
    details: [
      'Use it to make the image behave like a command, or to run preparation (configuration, dropping privileges) before the main program.',
      '`docker run --entrypoint <prog>` replaces it, and also clears the image\'s CMD.',
      'Setting ENTRYPOINT resets a CMD inherited from the base image; define CMD again in this stage if you need it.',
    ],
    gotchas: [
      'Shell form runs `/bin/sh -c "<command>"` with the CMD (or `docker run` arguments) appended: the shell sees them only as `$0`, `$1`…, so they are ignored unless the command uses them (`exec app "$@"`). Prefer the exec form.',
      'An exec-form ENTRYPOINT with a shell-form CMD receives `/bin/sh -c <cmd>` as literal arguments.',
      'Only the last ENTRYPOINT of a stage takes effect.',
    ],
    reference: referenceLink('entrypoint'),
  },
  SHELL: {
    title: 'SHELL',
    forms: ['SHELL ["executable", "parameters"]'],
    summary: 'Replaces the shell used by the shell form of the following RUN, CMD and ENTRYPOINT instructions.',
    details: [
      'The default is `["/bin/sh", "-c"]` on Linux and `["cmd", "/S", "/C"]` on Windows.',
      'Useful for `["/bin/bash", "-o", "pipefail", "-c"]` or PowerShell on Windows images.',
      'May appear several times; each one applies from its line on.',
    ],
    gotchas: ['Only the JSON (exec) form is accepted.', 'Exec-form instructions never use the shell.'],
    reference: referenceLink('shell'),
  },
  EXPOSE: {
    title: 'EXPOSE',
    forms: ['EXPOSE <port>[/<protocol>] [<port>[/<protocol>] ...]'],
    summary: 'Documents the ports the container listens on (TCP by default, or `/udp`); it does not publish or map anything.',
    details: [
      'It is a contract between the image author and its users, telling them what to map.',
      '`docker run -P` publishes every exposed port on a random high host port; `-p host:container` works with or without EXPOSE.',
      'EXPOSE only changes image metadata and adds no filesystem layer.',
    ],
    gotchas: ['A host mapping such as `EXPOSE 8080:80` does not belong here (the build accepts it today with an `ExposeInvalidFormat` warning, which is to become an error); mapping belongs to `docker run -p`.'],
    reference: referenceLink('expose'),
  },
  VOLUME: {
    title: 'VOLUME',
    forms: ['VOLUME ["/data"]', 'VOLUME /data [/other ...]'],
    summary: 'Marks paths as volumes: if nothing is mounted there, each container gets an anonymous volume.',
    details: [
      'Use it for data the container writes, such as database files, so it does not go into the container layer.',
      'Users can mount a named volume instead: `docker run -v mydata:/data`.',
      'Anonymous volumes live under `/var/lib/docker/volumes/<volume-id>/_data` and outlive the container, unless it is removed with `docker rm -v` or was started with `--rm`.',
    ],
    gotchas: ['Under BuildKit, the default builder, changes that later build steps make inside a declared volume path are kept; only the legacy builder discards them.'],
    reference: referenceLink('volume'),
  },
  HEALTHCHECK: {
    title: 'HEALTHCHECK',
    forms: ['HEALTHCHECK [--interval=30s] [--timeout=30s] [--start-period=0s] [--start-interval=5s] [--retries=3] CMD <command>', 'HEALTHCHECK NONE'],
    summary: 'Tells Docker how to test that the container still works; its status goes from `starting` to `healthy` or `unhealthy`.',
    details: [
      'The command\'s exit status decides: 0 means healthy, 1 means unhealthy; 2 is reserved, do not use it.',
      'The container becomes `unhealthy` after `--retries` consecutive failures.',
      '`HEALTHCHECK NONE` switches off a check inherited from the base image.',
    ],
    gotchas: ['Only the last HEALTHCHECK of a stage takes effect.'],
    reference: referenceLink('healthcheck'),
  },
  STOPSIGNAL: {
    title: 'STOPSIGNAL',
    forms: ['STOPSIGNAL <signal>'],
    summary: 'Sets the signal `docker stop` sends to the main process; the default is SIGTERM.',
    details: ['Accepts a name (`SIGQUIT`) or a number (`9`).', '`docker run --stop-signal` overrides it for one container.'],
    gotchas: ['The signal goes to PID 1: with a shell-form CMD/ENTRYPOINT that is `/bin/sh`, not your program.'],
    reference: referenceLink('stopsignal'),
  },
  LABEL: {
    title: 'LABEL',
    forms: ['LABEL <key>=<value> [<key>=<value> ...]'],
    summary: 'Adds metadata key/value pairs to the image, e.g. version, description, authors.',
    details: [
      'Several labels fit in one instruction; quote values with spaces or escape them (`vendor=ACME\\ Inc`); empty values are allowed.',
      'Tools should prefix keys with a reverse-DNS domain they own (`com.example.role`); keys that start and end with a lowercase letter are recommended, not enforced.',
      'If a key is set twice the latest value wins; labels of the base image are inherited.',
      'Filter images by label with `docker images --filter label=<key>=<value>`.',
    ],
    gotchas: ['The prefixes `com.docker.*`, `io.docker.*` and `org.dockerproject.*` are reserved for Docker.'],
    reference: referenceLink('label'),
  },
  MAINTAINER: {
    title: 'MAINTAINER (deprecated)',
    forms: ['MAINTAINER <name>'],
    summary: 'Deprecated way to record the image author.',
    details: ['Use a label instead: `LABEL org.opencontainers.image.authors="name@example.com"`.'],
    gotchas: ['Build checks report it as `MaintainerDeprecated`.'],
    reference: referenceLink('maintainer-deprecated'),
  },
  ONBUILD: {
    title: 'ONBUILD',
    forms: ['ONBUILD <INSTRUCTION>'],
    summary: 'Registers an instruction that does not run now, but when another Dockerfile uses this image as its base.',
    details: [
      'The triggers run in the child build right after its `FROM`, before the child\'s own instructions.',
      'Useful for images meant to be customized by others, e.g. copying the child\'s sources in.',
    ],
    gotchas: ['`ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER` are not allowed.', 'Triggers are not inherited by grandchildren.'],
    reference: referenceLink('onbuild'),
  },
};
