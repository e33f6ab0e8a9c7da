/**
 * Dockerfiles whose final image's ENTRYPOINT and CMD the engine decides. Every one starts `FROM
 * scratch` and holds metadata instructions only, so neither builder needs an image or a network.
 * The model follows BuildKit, Docker's default builder; where the classic builder stores something
 * else, the case says what.
 */
export interface EngineCase {
  readonly name: string;
  readonly dockerfile: string;
  /** What the classic builder stores where it differs from BuildKit (and from the model). */
  readonly classic?: { readonly entrypoint: readonly string[]; readonly cmd: readonly string[] };
  /** BuildKit refuses the build with this message (the classic builder builds it). */
  readonly buildkitRefuses?: RegExp;
}

/** The lines of a Dockerfile, joined (and ended) with newlines. */
function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

// The CMD/ENTRYPOINT table of the Dockerfile reference: every row against every column, in both orders.
const cmdRows = [
  { name: 'no CMD', line: undefined },
  { name: 'exec CMD', line: 'CMD ["exec_cmd", "p1_cmd"]' },
  { name: 'exec CMD of parameters', line: 'CMD ["p1_cmd", "p2_cmd"]' },
  { name: 'shell CMD', line: 'CMD exec_cmd p1_cmd' },
];
const entrypointColumns = [
  { name: 'no ENTRYPOINT', line: undefined },
  { name: 'shell ENTRYPOINT', line: 'ENTRYPOINT exec_entry p1_entry' },
  { name: 'exec ENTRYPOINT', line: 'ENTRYPOINT ["exec_entry", "p1_entry"]' },
];

function tableCases(): EngineCase[] {
  const cases: EngineCase[] = [];
  for (const row of cmdRows) {
    for (const column of entrypointColumns) {
      const both = row.line !== undefined && column.line !== undefined;
      const orders = both ? [[row.line, column.line], [column.line, row.line]] : [[row.line ?? column.line]];
      for (const order of orders) {
        const instructions = order.filter((line): line is string => line !== undefined);
        // The classic builder refuses a Dockerfile that is only FROM scratch ("no image was generated").
        const body = instructions.length > 0 ? instructions : ['LABEL cell=empty'];
        const suffix = both ? (order[0] === row.line ? ' (CMD first)' : ' (ENTRYPOINT first)') : '';
        cases.push({ name: `table: ${row.name} × ${column.name}${suffix}`, dockerfile: lines('FROM scratch', ...body) });
      }
    }
  }
  return cases;
}

const shellCases: EngineCase[] = [
  { name: 'SHELL before a shell CMD', dockerfile: lines('FROM scratch', 'SHELL ["/bin/bash", "-lc"]', 'CMD run it') },
  { name: 'SHELL after a shell CMD does not change it', dockerfile: lines('FROM scratch', 'CMD run it', 'SHELL ["/bin/bash", "-lc"]') },
  {
    name: 'SHELL between a shell ENTRYPOINT and a shell CMD',
    dockerfile: lines('FROM scratch', 'ENTRYPOINT run it', 'SHELL ["pwsh", "-Command"]', 'CMD more'),
  },
  { name: 'SHELL inherited from a base stage', dockerfile: lines('FROM scratch AS base', 'SHELL ["pwsh", "-c"]', 'FROM base', 'CMD Get-Date') },
  {
    name: 'SHELL of a base stage replaced in the child',
    dockerfile: lines('FROM scratch AS base', 'SHELL ["pwsh", "-c"]', 'FROM base', 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]', 'CMD x'),
  },
];

const inheritanceCases: EngineCase[] = [
  { name: 'final stage inherits CMD and has none of its own', dockerfile: lines('FROM scratch AS base', 'CMD ["serve"]', 'FROM base', 'LABEL role=app') },
  {
    name: 'final stage inherits ENTRYPOINT and CMD',
    dockerfile: lines('FROM scratch AS base', 'ENTRYPOINT ["/app"]', 'CMD ["--port", "80"]', 'FROM base'),
  },
  {
    name: 'chain of three stages, the last with nothing of its own',
    dockerfile: lines('FROM scratch AS a', 'ENTRYPOINT ["/app"]', 'FROM a AS b', 'CMD ["--verbose"]', 'FROM b AS c', 'LABEL tier=3'),
  },
  {
    name: 'final stage inherits a shell ENTRYPOINT and its CMD',
    dockerfile: lines('FROM scratch AS base', 'ENTRYPOINT exec /app "$@"', 'CMD serve --port 80', 'FROM base'),
  },
  { name: 'child CMD after an inherited ENTRYPOINT', dockerfile: lines('FROM scratch AS base', 'ENTRYPOINT ["/app"]', 'CMD ["--old"]', 'FROM base', 'CMD ["--new"]') },
  { name: 'child ENTRYPOINT clears the inherited CMD', dockerfile: lines('FROM scratch AS base', 'CMD ["--old"]', 'FROM base', 'ENTRYPOINT ["/app"]') },
  { name: 'child ENTRYPOINT [] clears ENTRYPOINT and CMD', dockerfile: lines('FROM scratch AS base', 'ENTRYPOINT ["/app"]', 'CMD ["c"]', 'FROM base', 'ENTRYPOINT []') },
  { name: 'child CMD [] leaves the inherited ENTRYPOINT alone', dockerfile: lines('FROM scratch AS base', 'ENTRYPOINT ["/app"]', 'CMD ["c"]', 'FROM base', 'CMD []') },
  { name: 'a global ARG names the base stage', dockerfile: lines('ARG BASE=base', 'FROM scratch AS base', 'CMD ["a"]', 'FROM ${BASE}') },
  // BuildKit finds a stage only by its lowercase name, so `FROM BASE` names an image, and no valid one.
  { name: 'stage names compare without case (classic builder only)', dockerfile: lines('FROM scratch AS Base', 'CMD ["a"]', 'FROM BASE'), buildkitRefuses: /must be lowercase/ },
  { name: 'an earlier stage does not leak into a scratch final stage', dockerfile: lines('FROM scratch AS tools', 'CMD ["tool"]', 'FROM scratch', 'LABEL empty=yes') },
];

const emptyCases: EngineCase[] = [
  { name: 'CMD []', dockerfile: lines('FROM scratch', 'CMD []') },
  { name: 'ENTRYPOINT []', dockerfile: lines('FROM scratch', 'ENTRYPOINT []') },
  { name: 'ENTRYPOINT [] with an exec CMD', dockerfile: lines('FROM scratch', 'ENTRYPOINT []', 'CMD ["c"]') },
  { name: 'exec ENTRYPOINT with CMD []', dockerfile: lines('FROM scratch', 'ENTRYPOINT ["e"]', 'CMD []') },
  { name: 'ENTRYPOINT without arguments', dockerfile: lines('FROM scratch', 'CMD ["c"]', 'ENTRYPOINT'), classic: { entrypoint: [], cmd: ['c'] } },
  { name: 'CMD without arguments', dockerfile: lines('FROM scratch', 'CMD'), classic: { entrypoint: [], cmd: ['/bin/sh', '-c'] } },
  { name: 'CMD without arguments after a SHELL', dockerfile: lines('FROM scratch', 'SHELL ["/bin/bash", "-c"]', 'CMD'), classic: { entrypoint: [], cmd: ['/bin/bash', '-c'] } },
];

const formCases: EngineCase[] = [
  { name: 'JSON escapes in exec form', dockerfile: lines('FROM scratch', 'CMD ["a\\tb", "\\u00e9", "c\\\\d", "\\"q\\"", "\\/"]') },
  { name: 'exec form ending in a backslash', dockerfile: lines('FROM scratch', 'CMD ["dir", "C:\\\\"]') },
  { name: 'a shell test in brackets is shell form', dockerfile: lines('FROM scratch', 'CMD [ -f /ready ] && serve') },
  { name: 'single quotes are shell form', dockerfile: lines('FROM scratch', "CMD ['a', 'b']") },
  { name: 'a missing comma is shell form', dockerfile: lines('FROM scratch', 'CMD ["a" "b"]') },
  { name: 'bare words in brackets are shell form', dockerfile: lines('FROM scratch', 'CMD [a, b]') },
  { name: 'a trailing comma is shell form', dockerfile: lines('FROM scratch', 'ENTRYPOINT ["a",]') },
  { name: 'a bad JSON escape is shell form', dockerfile: lines('FROM scratch', 'CMD ["C:\\dir"]') },
  { name: 'shell form keeps backslashes and quotes verbatim', dockerfile: lines('FROM scratch', 'CMD echo "a\\"b" \'c\\d\' e\\\\f') },
  { name: 'shell form ending in an escaped backslash (last line)', dockerfile: lines('FROM scratch', 'CMD dir C:\\\\') },
  { name: 'shell form ending in an escaped backslash, then another instruction', dockerfile: lines('FROM scratch', 'CMD dir C:\\\\', 'LABEL a=b') },
  { name: 'shell form ending in three backslashes (last line)', dockerfile: lines('FROM scratch', 'CMD dir C:\\\\\\') },
  { name: 'shell form keeps inner spaces and tabs, trims the ends', dockerfile: lines('FROM scratch', 'CMD   echo  a\tb   ') },
  { name: 'lowercase keywords', dockerfile: lines('from scratch', 'entrypoint ["e"]', 'cmd c') },
  { name: 'a shell ENTRYPOINT that reads its parameters', dockerfile: lines('FROM scratch', 'ENTRYPOINT exec /app "$@"', 'CMD ["--port", "80"]') },
];

const continuationCases: EngineCase[] = [
  { name: 'exec form over lines with a comment inside', dockerfile: lines('FROM scratch', 'CMD ["a", \\', '# the second word', '  "b"]') },
  { name: 'shell form over lines keeps the whitespace around the break', dockerfile: lines('FROM scratch', 'CMD echo one \\', '  # note', '    two') },
  { name: 'a line holding only the escape continues', dockerfile: lines('FROM scratch', 'CMD a \\', '\\', ' b') },
  { name: 'continued ENTRYPOINT and CMD', dockerfile: lines('FROM scratch', 'ENTRYPOINT ["/app", \\', '  "--flag"]', 'CMD run \\', '  fast') },
];

const backtickCases: EngineCase[] = [
  { name: 'backtick escape: backslashes are plain text', dockerfile: lines('# escape=`', 'FROM scratch', 'CMD dir C:\\') },
  { name: 'backtick escape: continuation with a backtick', dockerfile: lines('# escape=`', 'FROM scratch', 'CMD dir C:\\ `', '  /s') },
  { name: 'backtick escape: exec form still reads JSON escapes', dockerfile: lines('# escape=`', 'FROM scratch', 'ENTRYPOINT ["cmd", "/S", "/C"]', 'CMD ["dir", "C:\\\\"]') },
  { name: 'backtick escape: SHELL for PowerShell', dockerfile: lines('# escape=`', 'FROM scratch', 'SHELL ["powershell", "-Command"]', 'CMD Get-ChildItem C:\\ `', '  -Recurse') },
];

export const engineCases: readonly EngineCase[] = [
  ...tableCases(),
  ...shellCases,
  ...inheritanceCases,
  ...emptyCases,
  ...formCases,
  ...continuationCases,
  ...backtickCases,
];
