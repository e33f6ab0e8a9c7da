/** The bounded log snapshot: at most maxBytes of the newest output, still valid frames. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedLogSnapshot } from '../../../../../client/src/engine/streams/logSnapshot';
import { encodeFrame, StreamDemuxer } from '../../../../../client/src/engine/streams/streams';

const payloadOf = (data: Buffer): string =>
  new StreamDemuxer()
    .push(data)
    .map((frame) => `${frame.stream}:${frame.data.toString('utf8')}`)
    .join('|');

describe('BoundedLogSnapshot', () => {
  it('keeps everything under the bound', () => {
    const snapshot = new BoundedLogSnapshot(false, 100);
    snapshot.push(Buffer.concat([encodeFrame('stdout', 'a\n'), encodeFrame('stderr', 'b\n')]));
    assert.deepEqual({ text: payloadOf(snapshot.result().data), dropped: snapshot.result().droppedBytes }, { text: 'stdout:a\n|stderr:b\n', dropped: 0 });
  });

  it('drops whole old frames first, fed in arbitrary cuts', () => {
    const snapshot = new BoundedLogSnapshot(false, 10);
    const stream = Buffer.concat(['0123456789', 'abcdef', 'XYZ'].map((text, i) => encodeFrame(i === 1 ? 'stderr' : 'stdout', text)));
    for (let at = 0; at < stream.length; at += 3) {
      snapshot.push(stream.subarray(at, at + 3));
    }
    const { data, droppedBytes } = snapshot.result();
    assert.equal(payloadOf(data), 'stderr:abcdef|stdout:XYZ');
    assert.equal(droppedBytes, 10);
  });

  it('keeps only the end of one frame larger than the bound', () => {
    const snapshot = new BoundedLogSnapshot(false, 4);
    snapshot.push(encodeFrame('stdout', 'abcdefgh'));
    assert.equal(payloadOf(snapshot.result().data), 'stdout:efgh');
    assert.equal(snapshot.result().droppedBytes, 4);
  });

  it('TTY output is cut inside a chunk', () => {
    const snapshot = new BoundedLogSnapshot(true, 5);
    snapshot.push(Buffer.from('abc'));
    snapshot.push(Buffer.from('defg'));
    assert.deepEqual({ text: snapshot.result().data.toString(), dropped: snapshot.result().droppedBytes }, { text: 'cdefg', dropped: 2 });
  });
});
