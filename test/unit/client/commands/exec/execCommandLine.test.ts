import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splitCommandLine } from '../../../../../client/src/commands/exec/commandLine';
import { probeShell } from '../../../../../client/src/engine/streams/shellProbe';

describe('splitCommandLine', () => {
  const cases: [string, string[] | undefined][] = [
    ['ls -la /', ['ls', '-la', '/']],
    ['  echo   "a b"  c ', ['echo', 'a b', 'c']],
    ["sh -c 'echo $HOME; rm -rf x'", ['sh', '-c', 'echo $HOME; rm -rf x']],
    ['printf "%s\\n" "x\\"y"', ['printf', '%s\\n', 'x"y']],
    ['a\\ b', ['a b']],
    ['""', ['']],
    ['echo $(whoami) `id` ; ls | wc', ['echo', '$(whoami)', '`id`', ';', 'ls', '|', 'wc']],
    ['echo "unterminated', undefined],
    ['', []],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.deepEqual(splitCommandLine(input), expected));
  }
});

describe('probeShell', () => {
  const cases: [string, Record<string, number | undefined>, string | undefined][] = [
    ['prefers bash', { bash: 0, ash: 0, sh: 0 }, 'bash'],
    ['falls back to ash (busybox)', { bash: 126, ash: 0, sh: 0 }, 'ash'],
    ['falls back to sh', { bash: 127, ash: 127, sh: 0 }, 'sh'],
    ['none when no candidate succeeds', { bash: 126, ash: 126, sh: undefined }, undefined],
  ];
  for (const [name, exitCodes, expected] of cases) {
    it(name, async () => {
      const tried: string[][] = [];
      const shell = await probeShell((cmd) => {
        tried.push([...cmd]);
        return Promise.resolve(exitCodes[cmd[0] ?? '']);
      });
      assert.equal(shell, expected);
      assert.ok(tried.every((cmd) => cmd.length === 3 && cmd[1] === '-c' && cmd[2] === 'exit 0'));
    });
  }
});
