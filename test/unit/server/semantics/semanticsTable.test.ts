import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DockerfileParser } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runWithArguments } from '../../../../server/src/semantics/effectiveCommand';
import { analyzeDockerfile, type DockerfileModel } from '../../../../server/src/semantics/model';
import type { ImageConfigLookup } from '../../../../server/src/semantics/imageConfig';

/** Parses text into the model, as the server does. */
export function modelOf(text: string, lookup?: ImageConfigLookup): DockerfileModel {
  const document = TextDocument.create('file:///t/Dockerfile', 'dockerfile', 1, text);
  return analyzeDockerfile({ document, dockerfile: DockerfileParser.parse(text) }, lookup);
}

function finalArgv(text: string, lookup?: ImageConfigLookup): readonly string[] | null | 'unknown' {
  const model = modelOf(text, lookup);
  const last = model.commands.at(-1);
  assert.ok(last);
  return last.argv;
}

// Rows and columns of the CMD/ENTRYPOINT interaction table in Docker's Dockerfile reference
// (explained in docs/architecture.md, "The effective command").
const rows = [
  { name: 'No CMD', line: '' },
  { name: 'CMD ["exec_cmd", "p1_cmd"]', line: 'CMD ["exec_cmd", "p1_cmd"]' },
  { name: 'CMD ["p1_cmd", "p2_cmd"]', line: 'CMD ["p1_cmd", "p2_cmd"]' },
  { name: 'CMD exec_cmd p1_cmd', line: 'CMD exec_cmd p1_cmd' },
];
const columns = [
  { name: 'No ENTRYPOINT', line: '' },
  { name: 'ENTRYPOINT exec_entry p1_entry', line: 'ENTRYPOINT exec_entry p1_entry' },
  { name: 'ENTRYPOINT ["exec_entry", "p1_entry"]', line: 'ENTRYPOINT ["exec_entry", "p1_entry"]' },
];
const sh = ['/bin/sh', '-c'];
// The argv the engine stores and runs. Where the reference table shows a shell-form ENTRYPOINT
// "ignoring" CMD, the engine still appends the CMD words: the shell receives them as $0, $1…
const table: (readonly string[] | null)[][] = [
  [null, [...sh, 'exec_entry p1_entry'], ['exec_entry', 'p1_entry']],
  [['exec_cmd', 'p1_cmd'], [...sh, 'exec_entry p1_entry', 'exec_cmd', 'p1_cmd'], ['exec_entry', 'p1_entry', 'exec_cmd', 'p1_cmd']],
  [['p1_cmd', 'p2_cmd'], [...sh, 'exec_entry p1_entry', 'p1_cmd', 'p2_cmd'], ['exec_entry', 'p1_entry', 'p1_cmd', 'p2_cmd']],
  [[...sh, 'exec_cmd p1_cmd'], [...sh, 'exec_entry p1_entry', ...sh, 'exec_cmd p1_cmd'], ['exec_entry', 'p1_entry', ...sh, 'exec_cmd p1_cmd']],
];

describe('effective command: every cell of the CMD/ENTRYPOINT table', () => {
  rows.forEach((row, r) => {
    columns.forEach((column, c) => {
      const expected = table[r]?.[c];
      it(`${row.name} × ${column.name} → ${expected ? expected.join(' ') : 'no command'}`, () => {
        for (const order of [[row.line, column.line], [column.line, row.line]]) {
          const text = ['FROM scratch', ...order.filter(Boolean), ''].join('\n');
          assert.deepEqual(finalArgv(text), expected);
        }
      });
    });
  });
});

const cases: { name: string; text: string; lookup?: ImageConfigLookup; argv: readonly string[] | null | 'unknown' }[] = [
  { name: 'external base with nothing set is unknown', text: 'FROM alpine\nRUN x\n', argv: 'unknown' },
  { name: 'external base with own CMD is still unknown (ENTRYPOINT may be inherited)', text: 'FROM alpine\nCMD ["a"]\n', argv: 'unknown' },
  { name: 'external base with own exec ENTRYPOINT and CMD is known', text: 'FROM alpine\nENTRYPOINT ["e"]\nCMD ["c"]\n', argv: ['e', 'c'] },
  { name: 'ENTRYPOINT resets an inherited CMD', text: 'FROM alpine\nENTRYPOINT ["e"]\n', argv: ['e'] },
  { name: 'shell-form ENTRYPOINT decides alone even over an unknown base', text: 'FROM alpine\nENTRYPOINT run it\n', argv: [...sh, 'run it'] },
  { name: 'last CMD wins', text: 'FROM scratch\nCMD ["a"]\nCMD ["b"]\n', argv: ['b'] },
  { name: 'last ENTRYPOINT wins', text: 'FROM scratch\nENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n', argv: ['b'] },
  { name: 'CMD is inherited from a base stage', text: 'FROM scratch AS base\nCMD ["a"]\nFROM base\nRUN x\n', argv: ['a'] },
  { name: 'stage names match case-insensitively', text: 'FROM scratch AS Base\nCMD ["a"]\nFROM BASE\n', argv: ['a'] },
  { name: 'ENTRYPOINT is inherited and gets the new CMD', text: 'FROM scratch AS base\nENTRYPOINT ["e"]\nFROM base\nCMD ["c"]\n', argv: ['e', 'c'] },
  { name: 'ENTRYPOINT in the child resets the inherited CMD', text: 'FROM scratch AS base\nCMD ["c"]\nFROM base\nENTRYPOINT ["e"]\n', argv: ['e'] },
  { name: 'SHELL replaces /bin/sh -c', text: 'FROM scratch\nSHELL ["bash", "-lc"]\nCMD run it\n', argv: ['bash', '-lc', 'run it'] },
  { name: 'SHELL after CMD does not change it', text: 'FROM scratch\nCMD run it\nSHELL ["bash", "-lc"]\n', argv: [...sh, 'run it'] },
  { name: 'SHELL is inherited from a base stage', text: 'FROM scratch AS b\nSHELL ["pwsh", "-c"]\nFROM b\nCMD x\n', argv: ['pwsh', '-c', 'x'] },
  { name: 'single quotes are shell form', text: "FROM scratch\nCMD ['a', 'b']\n", argv: [...sh, "['a', 'b']"] },
  { name: 'curly quotes are shell form', text: 'FROM scratch\nCMD [\u201ca\u201d]\n', argv: [...sh, '[\u201ca\u201d]'] },
  { name: 'missing comma is shell form', text: 'FROM scratch\nCMD ["a" "b"]\n', argv: [...sh, '["a" "b"]'] },
  { name: 'continuation lines and comments are joined', text: 'FROM scratch\nCMD ["a", \\\n# note\n  "b"]\n', argv: ['a', 'b'] },
  { name: 'empty exec CMD is no command', text: 'FROM scratch\nCMD []\n', argv: null },
  { name: 'shell form ends at an escaped backslash at a line end, where Docker ends it', text: 'FROM scratch\nCMD dir C:\\\\\nLABEL a=b\n', argv: [...sh, 'dir C:\\\\'] },
  { name: 'shell form keeps an escaped backslash at the end of the last line', text: 'FROM scratch\nCMD dir C:\\\\\n', argv: [...sh, 'dir C:\\\\'] },
  { name: 'shell form keeps three backslashes at the end of the last line', text: 'FROM scratch\nCMD a\\\\\\\n', argv: [...sh, 'a\\\\\\'] },
  { name: 'one backslash at the end of a line continues it', text: 'FROM scratch\nCMD a \\\n  b\n', argv: [...sh, 'a   b'] },
  { name: 'a line of only the escape continues', text: 'FROM scratch\nCMD a \\\n\\\n b\n', argv: [...sh, 'a  b'] },
  { name: 'shell ENTRYPOINT keeps the CMD words after its text', text: 'FROM scratch\nENTRYPOINT run "$@"\nCMD ["a", "b"]\n', argv: [...sh, 'run "$@"', 'a', 'b'] },
  { name: 'global ARG default picks a stage', text: 'ARG B=base\nFROM scratch AS base\nCMD ["a"]\nFROM ${B}\n', argv: ['a'] },
  {
    name: 'a client answer makes an external base known',
    text: 'FROM busybox\nRUN x\n',
    lookup: (image) => (image === 'busybox' ? { cmd: ['sh'], entrypoint: null, shell: null } : undefined),
    argv: ['sh'],
  },
  {
    name: 'a client answer of null (image absent) keeps it unknown',
    text: 'FROM busybox\nRUN x\n',
    lookup: () => null,
    argv: 'unknown',
  },
];

describe('effective command: inheritance, SHELL, forms', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      assert.deepEqual(finalArgv(testCase.text, testCase.lookup), testCase.argv);
    });
  }
});

describe('docker run IMAGE ARGS', () => {
  const runCases = [
    { text: 'FROM scratch\nCMD ["a"]\n', args: ['x'], argv: ['x'] },
    { text: 'FROM scratch\nENTRYPOINT ["e"]\nCMD ["a"]\n', args: ['x', 'y'], argv: ['e', 'x', 'y'] },
    { text: 'FROM scratch\nENTRYPOINT e\nCMD ["a"]\n', args: ['x'], argv: [...sh, 'e', 'x'] },
    { text: 'FROM scratch\nENTRYPOINT ["e"]\n', args: [], argv: ['e'] },
  ];
  for (const runCase of runCases) {
    it(`${JSON.stringify(runCase.text)} with ${JSON.stringify(runCase.args)}`, () => {
      const command = modelOf(runCase.text).commands.at(-1);
      assert.ok(command);
      assert.deepEqual(runWithArguments(command, runCase.args), runCase.argv);
    });
  }
});
