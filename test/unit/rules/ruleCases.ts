/** One table row: a Dockerfile and the 1-based lines where `code` must report (empty: must stay silent). */
export interface RuleCase {
  readonly code: string;
  readonly name: string;
  readonly text: string;
  readonly lines: readonly number[];
}

export const ruleCases: readonly RuleCase[] = [
  { code: 'NoCommand', name: 'scratch with no command', text: 'FROM scratch\nCOPY app /app\n', lines: [1] },
  { code: 'NoCommand', name: 'scratch with ENTRYPOINT', text: 'FROM scratch\nENTRYPOINT ["/app"]\n', lines: [] },
  { code: 'NoCommand', name: 'external base may provide one', text: 'FROM alpine\nRUN true\n', lines: [] },
  { code: 'NoCommand', name: 'inherits from a stage with CMD', text: 'FROM scratch AS a\nCMD ["/a"]\nFROM a\nRUN x\n', lines: [] },
  { code: 'NoCommand', name: 'only the final stage counts', text: 'FROM scratch AS a\nCOPY x /x\nFROM alpine\n', lines: [] },
  { code: 'NoCommand', name: 'artifact export to / (build --output)', text: 'FROM alpine AS build\nRUN make\nFROM scratch\nCOPY --from=build /out /\n', lines: [] },
  { code: 'NoCommand', name: 'artifact stage named output', text: 'FROM alpine AS build\nFROM scratch AS output\nCOPY --from=build /out/app /app\n', lines: [] },
  { code: 'NoCommand', name: 'program copied without ENTRYPOINT', text: 'FROM alpine AS build\nFROM scratch\nCOPY --from=build /out/app /app\n', lines: [2] },
  { code: 'NoCommand', name: 'empty exec CMD on scratch', text: 'FROM scratch\nCMD []\n', lines: [1] },

  { code: 'ShellEntrypointIgnoresCmd', name: 'shell ENTRYPOINT with CMD', text: 'FROM alpine\nENTRYPOINT run.sh\nCMD ["--x"]\n', lines: [2] },
  { code: 'ShellEntrypointIgnoresCmd', name: 'shell ENTRYPOINT alone', text: 'FROM alpine\nENTRYPOINT run.sh\n', lines: [] },
  { code: 'ShellEntrypointIgnoresCmd', name: 'exec ENTRYPOINT with CMD', text: 'FROM alpine\nENTRYPOINT ["run"]\nCMD ["--x"]\n', lines: [] },

  { code: 'ExecEntrypointShellCmd', name: 'exec ENTRYPOINT, shell CMD', text: 'FROM alpine\nENTRYPOINT ["run"]\nCMD serve --port 1\n', lines: [3] },
  { code: 'ExecEntrypointShellCmd', name: 'inherited exec ENTRYPOINT', text: 'FROM scratch AS a\nENTRYPOINT ["run"]\nFROM a\nCMD serve\n', lines: [4] },
  { code: 'ExecEntrypointShellCmd', name: 'both exec', text: 'FROM alpine\nENTRYPOINT ["run"]\nCMD ["serve"]\n', lines: [] },
  { code: 'ExecEntrypointShellCmd', name: 'unknown ENTRYPOINT of an external base', text: 'FROM nginx\nCMD nginx -g "daemon off;"\n', lines: [] },

  { code: 'MultipleInstructionsDisallowed', name: 'two CMD', text: 'FROM alpine\nCMD ["a"]\nCMD ["b"]\n', lines: [2] },
  { code: 'MultipleInstructionsDisallowed', name: 'three ENTRYPOINT', text: 'FROM alpine\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]\n', lines: [2, 3] },
  { code: 'MultipleInstructionsDisallowed', name: 'two HEALTHCHECK', text: 'FROM alpine\nHEALTHCHECK NONE\nHEALTHCHECK CMD true\n', lines: [2] },
  { code: 'MultipleInstructionsDisallowed', name: 'one CMD per stage', text: 'FROM alpine AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n', lines: [] },

  { code: 'EntrypointResetsCmd', name: 'reset of a stage CMD', text: 'FROM scratch AS a\nCMD ["x"]\nFROM a\nENTRYPOINT ["e"]\n', lines: [4] },
  { code: 'EntrypointResetsCmd', name: 'CMD repeated', text: 'FROM scratch AS a\nCMD ["x"]\nFROM a\nENTRYPOINT ["e"]\nCMD ["x"]\n', lines: [] },
  { code: 'EntrypointResetsCmd', name: 'external base is not guessed', text: 'FROM alpine\nENTRYPOINT ["e"]\n', lines: [] },
  { code: 'EntrypointResetsCmd', name: 'base stage without CMD', text: 'FROM scratch AS a\nRUN x\nFROM a\nENTRYPOINT ["e"]\n', lines: [] },

  { code: 'CmdOptionWithoutEntrypoint', name: 'option first, scratch', text: 'FROM scratch\nCMD ["--help"]\n', lines: [2] },
  { code: 'CmdOptionWithoutEntrypoint', name: 'option first, external base', text: 'FROM nginx\nCMD ["-g", "daemon off;"]\n', lines: [] },
  { code: 'CmdOptionWithoutEntrypoint', name: 'option first with ENTRYPOINT', text: 'FROM scratch\nENTRYPOINT ["/app"]\nCMD ["--help"]\n', lines: [] },
  { code: 'CmdOptionWithoutEntrypoint', name: 'program first', text: 'FROM scratch\nCMD ["/app", "--help"]\n', lines: [] },

  { code: 'InvalidJsonExecForm', name: 'single quotes', text: "FROM alpine\nCMD ['a', 'b']\n", lines: [2] },
  { code: 'InvalidJsonExecForm', name: 'curly quotes', text: 'FROM alpine\nENTRYPOINT [\u201ca\u201d]\n', lines: [2] },
  { code: 'InvalidJsonExecForm', name: 'missing comma', text: 'FROM alpine\nCMD ["a" "b"]\n', lines: [2] },
  { code: 'InvalidJsonExecForm', name: 'valid JSON', text: 'FROM alpine\nCMD ["a", "b"]\n', lines: [] },
  { code: 'InvalidJsonExecForm', name: 'shell test builtin', text: 'FROM alpine\nCMD [ -f /x ] && run\n', lines: [] },

  { code: 'VariableInExecForm', name: '$VAR in exec CMD', text: 'FROM alpine\nCMD ["echo", "$HOME"]\n', lines: [2] },
  { code: 'VariableInExecForm', name: '${VAR} in exec ENTRYPOINT', text: 'FROM alpine\nENTRYPOINT ["/app", "--dir=${DIR}"]\n', lines: [2] },
  { code: 'VariableInExecForm', name: 'sh -c expands it', text: 'FROM alpine\nCMD ["sh", "-c", "echo $HOME"]\n', lines: [] },
  { code: 'VariableInExecForm', name: 'shell form expands it', text: 'FROM alpine\nCMD echo $HOME\n', lines: [] },
  { code: 'VariableInExecForm', name: 'a dollar that is no variable', text: 'FROM alpine\nCMD ["grep", "x$"]\n', lines: [] },

  { code: 'JSONArgsRecommended', name: 'shell CMD', text: 'FROM alpine\nCMD node server.js\n', lines: [2] },
  { code: 'JSONArgsRecommended', name: 'shell ENTRYPOINT', text: 'FROM alpine\nENTRYPOINT node server.js\n', lines: [2] },
  { code: 'JSONArgsRecommended', name: 'exec CMD', text: 'FROM alpine\nCMD ["node", "server.js"]\n', lines: [] },
  { code: 'JSONArgsRecommended', name: 'SHELL in effect', text: 'FROM alpine\nSHELL ["/bin/bash", "-c"]\nCMD node server.js\n', lines: [] },
  { code: 'JSONArgsRecommended', name: 'broken JSON is reported elsewhere', text: "FROM alpine\nCMD ['a']\n", lines: [] },

  { code: 'UnknownInstruction', name: 'misspelled LABEL', text: 'FROM alpine\nLABLE a=b\n', lines: [2] },
  { code: 'UnknownInstruction', name: 'misspelled VOLUME', text: 'FROM alpine\nVOLUMN /data\n', lines: [2] },
  { code: 'UnknownInstruction', name: 'lowercase known keyword', text: 'from alpine\nrun true\n', lines: [] },
  { code: 'UnknownInstruction', name: 'heredoc body', text: 'FROM alpine\nRUN <<EOF\necho hi\nEOF\n', lines: [] },
  { code: 'UnknownInstruction', name: 'heredoc with fd and dash', text: 'FROM alpine\nRUN 0<<-eot\n\tfoo bar\n\teot\n', lines: [] },

  { code: 'MaintainerDeprecated', name: 'MAINTAINER', text: 'FROM alpine\nMAINTAINER Jo <jo@example.com>\n', lines: [2] },
  { code: 'MaintainerDeprecated', name: 'LABEL', text: 'FROM alpine\nLABEL org.opencontainers.image.authors="jo"\n', lines: [] },

  { code: 'LegacyKeyValueFormat', name: 'ENV key value', text: 'FROM alpine\nENV A b c\n', lines: [2] },
  { code: 'LegacyKeyValueFormat', name: 'ENV key=value', text: 'FROM alpine\nENV A="b c" D=e\n', lines: [] },

  { code: 'DuplicateStageName', name: 'same name twice', text: 'FROM alpine AS a\nFROM alpine AS A\n', lines: [2] },
  { code: 'DuplicateStageName', name: 'distinct names', text: 'FROM alpine AS a\nFROM alpine AS b\n', lines: [] },
  { code: 'ReservedStageName', name: 'named scratch', text: 'FROM alpine AS scratch\n', lines: [1] },
  { code: 'ReservedStageName', name: 'ordinary name', text: 'FROM alpine AS build\n', lines: [] },
  { code: 'StageNameCasing', name: 'uppercase name', text: 'FROM alpine AS Build\n', lines: [1] },
  { code: 'StageNameCasing', name: 'lowercase name', text: 'FROM alpine AS build\n', lines: [] },

  { code: 'WorkdirRelativePath', name: 'relative first', text: 'FROM alpine\nWORKDIR app\n', lines: [2] },
  { code: 'WorkdirRelativePath', name: 'relative after absolute', text: 'FROM alpine\nWORKDIR /srv\nWORKDIR app\n', lines: [] },
  { code: 'WorkdirRelativePath', name: 'absolute set in base stage', text: 'FROM alpine AS a\nWORKDIR /srv\nFROM a\nWORKDIR app\n', lines: [] },
  { code: 'WorkdirRelativePath', name: 'variable', text: 'FROM alpine\nWORKDIR $HOME\n', lines: [] },

  { code: 'ExposeInvalidFormat', name: 'host mapping', text: 'FROM alpine\nEXPOSE 8080:80\n', lines: [2] },
  { code: 'ExposeInvalidFormat', name: 'port and protocol', text: 'FROM alpine\nEXPOSE 80/tcp 53/udp\n', lines: [] },
  { code: 'ExposeProtoCasing', name: 'uppercase protocol', text: 'FROM alpine\nEXPOSE 80/TCP\n', lines: [2] },
  { code: 'ExposeProtoCasing', name: 'lowercase protocol', text: 'FROM alpine\nEXPOSE 80/tcp\n', lines: [] },

  { code: 'SecretsUsedInArgOrEnv', name: 'ARG password', text: 'FROM alpine\nARG DB_PASSWORD\n', lines: [2] },
  { code: 'SecretsUsedInArgOrEnv', name: 'ENV token', text: 'FROM alpine\nENV GITHUB_TOKEN=x\n', lines: [2] },
  { code: 'SecretsUsedInArgOrEnv', name: 'allowed public key', text: 'FROM alpine\nENV PUBLIC_KEY=x\n', lines: [] },
  { code: 'SecretsUsedInArgOrEnv', name: 'a word containing key', text: 'FROM alpine\nENV MONKEY=x\n', lines: [] },

  { code: 'UndefinedArgInFrom', name: 'undeclared', text: 'FROM alpine:$VERSION\n', lines: [1] },
  { code: 'UndefinedArgInFrom', name: 'declared', text: 'ARG VERSION=3\nFROM alpine:$VERSION\n', lines: [] },
  { code: 'UndefinedArgInFrom', name: 'predefined', text: 'FROM --platform=$BUILDPLATFORM alpine\n', lines: [] },
  { code: 'UndefinedArgInFrom', name: 'with a default', text: 'FROM ${BASE:-alpine}\n', lines: [] },
  { code: 'ConsistentInstructionCasing', name: 'one lowercase among uppercase', text: 'FROM alpine\nrun true\nRUN false\n', lines: [2] },
  { code: 'ConsistentInstructionCasing', name: 'mixed case', text: 'FROM alpine\nRun true\n', lines: [2] },
  { code: 'ConsistentInstructionCasing', name: 'all lowercase', text: 'from alpine\nrun true\n', lines: [] },
  { code: 'FromAsCasing', name: 'FROM with as', text: 'FROM alpine as build\n', lines: [1] },
  { code: 'FromAsCasing', name: 'from with as', text: 'from alpine as build\n', lines: [] },
  { code: 'FromAsCasing', name: 'FROM with AS', text: 'FROM alpine AS build\n', lines: [] },
  { code: 'RedundantTargetPlatform', name: '$TARGETPLATFORM', text: 'FROM --platform=$TARGETPLATFORM alpine\n', lines: [1] },
  { code: 'RedundantTargetPlatform', name: '$BUILDPLATFORM', text: 'FROM --platform=$BUILDPLATFORM alpine\n', lines: [] },
  { code: 'FromPlatformFlagConstDisallowed', name: 'constant platform', text: 'FROM --platform=linux/amd64 alpine\n', lines: [1] },
  { code: 'FromPlatformFlagConstDisallowed', name: 'stage named for the platform', text: 'FROM --platform=linux/arm64 alpine AS build-arm64\n', lines: [] },
  { code: 'FromPlatformFlagConstDisallowed', name: 'variable platform', text: 'FROM --platform=$BUILDPLATFORM alpine\n', lines: [] },
  { code: 'NoEmptyContinuation', name: 'empty line inside RUN', text: 'FROM alpine\nRUN a \\\n\n  && b\n', lines: [3] },
  { code: 'NoEmptyContinuation', name: 'blank line in a heredoc opened on a continuation line', text: 'FROM alpine\nRUN --mount=type=cache,target=/c \\\n  <<EOT\nset -ex\n\nmake\nEOT\n', lines: [] },
  { code: 'NoEmptyContinuation', name: 'comment line inside RUN', text: 'FROM alpine\nRUN a \\\n# note\n  && b\n', lines: [] },
  { code: 'CopyFromSelf', name: 'own stage name', text: 'FROM alpine AS build\nCOPY --from=build /a /b\n', lines: [2] },
  { code: 'CopyFromSelf', name: 'own index', text: 'FROM alpine\nFROM alpine\nCOPY --from=1 /a /b\n', lines: [3] },
  { code: 'CopyFromSelf', name: 'earlier stage', text: 'FROM alpine AS build\nFROM alpine\nCOPY --from=build /a /b\nCOPY --from=0 /a /b\n', lines: [] },
  { code: 'CopyFromUnknownStage', name: 'typo of a stage', text: 'FROM alpine AS builder\nFROM alpine\nCOPY --from=buidler /a /b\n', lines: [3] },
  { code: 'CopyFromUnknownStage', name: 'an image', text: 'FROM alpine AS builder\nFROM alpine\nCOPY --from=nginx:latest /a /b\nCOPY --from=busybox /a /b\n', lines: [] },
  { code: 'AddLocalFile', name: 'local file', text: 'FROM alpine\nADD app.py /app/\n', lines: [2] },
  { code: 'AddLocalFile', name: 'archive', text: 'FROM alpine\nADD rootfs.tar.gz /\n', lines: [] },
  { code: 'AddLocalFile', name: 'URL', text: 'FROM alpine\nADD https://example.com/x /x\n', lines: [] },
  { code: 'AddLocalFile', name: 'checksum flag', text: 'FROM alpine\nADD --checksum=sha256:abc x /x\n', lines: [] },
  { code: 'RunCdOnly', name: 'RUN cd alone', text: 'FROM alpine\nRUN cd /app\n', lines: [2] },
  { code: 'RunCdOnly', name: 'cd then command', text: 'FROM alpine\nRUN cd /app && make\n', lines: [] },
  { code: 'AptGetUpdateAlone', name: 'update in its own RUN', text: 'FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n', lines: [2] },
  { code: 'AptGetUpdateAlone', name: 'update and install together', text: 'FROM debian\nRUN apt-get update && apt-get install -y curl\n', lines: [] },
  { code: 'AptGetUpdateAlone', name: 'update with no later install', text: 'FROM debian\nRUN apt-get update\n', lines: [] },
  { code: 'ExecFormNotStrings', name: 'a number in exec form', text: 'FROM alpine\nCMD ["sleep", 5]\n', lines: [2] },
  { code: 'ExecFormNotStrings', name: 'strings only', text: 'FROM alpine\nCMD ["sleep", "5"]\n', lines: [] },
  { code: 'ShellNotJson', name: 'shell form SHELL', text: 'FROM alpine\nSHELL /bin/bash -c\n', lines: [2] },
  { code: 'ShellNotJson', name: 'JSON SHELL', text: 'FROM alpine\nSHELL ["/bin/bash", "-c"]\n', lines: [] },
];
