import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseEventAction } from '../../../../../client/src/engine/streams/logs';
import { BoundedTextBuffer, encodeFrame, LineSplitter, splitTimestamp, StreamDemuxer, timestampKey } from '../../../../../client/src/engine/streams/streams';

// Recorded from `GET /containers/{id}/logs?stdout=1&stderr=1` of a non-TTY busybox container
// running `echo out; echo err >&2; echo done`.
// The engine may deliver stderr after later stdout: the streams are separate pipes.
const recorded = Buffer.from('01000000000000046f75740a0100000000000005646f6e650a02000000000000046572720a', 'hex');

describe('StreamDemuxer', () => {
  it('splits a recorded multiplexed stream into stdout and stderr frames', () => {
    const frames = new StreamDemuxer().push(recorded);
    assert.deepEqual(
      frames.map((f) => [f.stream, f.data.toString()]),
      [
        ['stdout', 'out\n'],
        ['stdout', 'done\n'],
        ['stderr', 'err\n'],
      ],
    );
  });

  for (const cut of [1, 3, 8, 9, 12, 20]) {
    it(`reassembles frames cut at byte ${cut} (and byte by byte)`, () => {
      const demuxer = new StreamDemuxer();
      const frames = [...demuxer.push(recorded.subarray(0, cut)), ...demuxer.push(recorded.subarray(cut))];
      assert.equal(frames.map((f) => f.data.toString()).join(''), 'out\ndone\nerr\n');
      const single = new StreamDemuxer();
      const bytewise = [...recorded].flatMap((byte) => single.push(Buffer.from([byte])));
      assert.equal(bytewise.length, 3);
      assert.equal(single.pendingBytes, 0);
    });
  }

  it('round-trips frames it encodes, including an empty payload', () => {
    const data = Buffer.concat([encodeFrame('stderr', 'x'), encodeFrame('stdout', ''), encodeFrame('stdout', 'é')]);
    assert.deepEqual(new StreamDemuxer().push(data).map((f) => [f.stream, f.data.toString()]), [
      ['stderr', 'x'],
      ['stdout', ''],
      ['stdout', 'é'],
    ]);
  });
});

describe('LineSplitter', () => {
  it('joins partial lines across chunks, strips CR and keeps the unfinished tail', () => {
    const splitter = new LineSplitter();
    assert.deepEqual(splitter.push('a\r\nb'), ['a']);
    assert.deepEqual(splitter.push('c\nd'), ['bc']);
    assert.equal(splitter.flush(), 'd');
    assert.equal(splitter.flush(), undefined);
  });
  it('cuts a line longer than the limit so memory stays bounded', () => {
    const splitter = new LineSplitter(4);
    assert.deepEqual(splitter.push('abcdefghij'), ['abcd', 'efgh']);
  });
});

describe('log timestamps', () => {
  it('splits the engine timestamp prefix off a line', () => {
    assert.deepEqual(splitTimestamp('2026-11-23T09:30:01.123456789Z hello world'), { timestamp: '2026-11-23T09:30:01.123456789Z', text: 'hello world' });
    assert.deepEqual(splitTimestamp('no stamp'), { timestamp: undefined, text: 'no stamp' });
  });
  it('orders timestamps with trimmed fractions correctly', () => {
    const a = timestampKey('2026-11-23T09:30:01.5Z');
    const b = timestampKey('2026-11-23T09:30:01.123456789Z');
    assert.ok(a !== undefined && b !== undefined && a > b);
    assert.ok((timestampKey('2026-11-23T09:30:01Z') ?? '') < (b ?? ''));
  });
});

describe('BoundedTextBuffer', () => {
  it('keeps at most its capacity and counts what it dropped', () => {
    const buffer = new BoundedTextBuffer(10);
    for (let i = 0; i < 1000; i += 1) {
      buffer.push('0123456789');
      assert.ok(buffer.size <= 10);
    }
    buffer.push('abc');
    const taken = buffer.take();
    assert.equal(taken.text, '3456789abc');
    assert.equal(taken.dropped, 10_000 + 3 - 10);
    assert.equal(buffer.size, 0);
  });
});

describe('parseEventAction', () => {
  const cases: [string, string | undefined][] = [
    ['{"status":"start","id":"x","Type":"container","Action":"start"}', 'start'],
    ['{"Type":"container","Action":"die"}', 'die'],
    ['{"Type":"container","Action":"exec_start: sh"}', undefined],
    ['not json', undefined],
  ];
  for (const [line, expected] of cases) {
    it(`${line} → ${String(expected)}`, () => assert.equal(parseEventAction(line), expected));
  }
});
