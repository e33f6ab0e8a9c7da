import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { logDocumentText, logLines } from '../../../../../client/src/commands/logs/logDocumentText';
import { encodeFrame } from '../../../../../client/src/engine/streams/streams';
import { formatOnly } from '../../../../../client/src/explorer/format';

const numbered = (count: number): string[] => Array.from({ length: count }, (_, index) => `line ${index + 1}`);

describe('logs document text: the first line says what was left out', () => {
  const cases: readonly [string, { lines: string[]; tail: number | 'all'; droppedBytes: number }, string][] = [
    ['everything fits', { lines: numbered(2), tail: 500, droppedBytes: 0 }, '[all 2 lines of output]\nline 1\nline 2\n'],
    ['the tail leaves lines out', { lines: numbered(5), tail: 2, droppedBytes: 0 }, '[3 earlier lines left out: the newest 2 of 5 lines follow (berthwise.logs.tail)]\nline 4\nline 5\n'],
    ['tail all keeps every line', { lines: numbered(3), tail: 'all', droppedBytes: 0 }, '[all 3 lines of output]\nline 1\nline 2\nline 3\n'],
    ['the byte bound cut older output', { lines: numbered(3), tail: 2, droppedBytes: 2_500_000 }, '[2.5 MB of older output not read and 1 earlier lines left out: the newest 2 lines follow (berthwise.logs.tail)]\nline 2\nline 3\n'],
    ['no output', { lines: [], tail: 500, droppedBytes: 0 }, '[no output yet: the container has not written anything]\n'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(logDocumentText({ ...input, tailSetting: 'berthwise.logs.tail' }, formatOnly), expected));
  }
});

describe('logs document lines', () => {
  it('demultiplexes and marks stderr', () => {
    const data = Buffer.concat([encodeFrame('stdout', Buffer.from('out 1\n')), encodeFrame('stderr', Buffer.from('err 1\n')), encodeFrame('stdout', Buffer.from('out 2\n'))]);
    assert.deepEqual(logLines(data, false), ['out 1', '[stderr] err 1', 'out 2']);
  });
  it('splits TTY output on CRLF and LF', () => {
    assert.deepEqual(logLines(Buffer.from('a\r\nb\nc\r\n'), true), ['a', 'b', 'c']);
  });
});
