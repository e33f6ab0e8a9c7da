/**
 * Pure: the text of a logs document from a finished log read (no `vscode`). The read is bounded
 * in bytes (the newest part of a huge log), the document in lines (the `berthwise.logs.tail`
 * setting): the first line always says what was left out, so a document never silently starts
 * mid-log.
 */
import type { Translate } from '../../explorer/descriptors';
import { LineSplitter, splitTimestamp, StreamDemuxer } from '../../engine/streams/streams';

/** Raw log bytes → lines, stderr lines marked (a document has no colours). */
export function logLines(data: Buffer, tty: boolean): string[] {
  if (tty) {
    const text = data.toString('utf8').replace(/\r\n/g, '\n');
    const lines = text.split('\n');
    if (lines.at(-1) === '') {
      lines.pop();
    }
    return lines;
  }
  const splitters = { stdout: new LineSplitter(), stderr: new LineSplitter() };
  const lines: string[] = [];
  for (const frame of new StreamDemuxer().push(data)) {
    if (frame.stream === 'stdin') {
      continue;
    }
    for (const line of splitters[frame.stream].push(frame.data.toString('utf8'))) {
      const { timestamp, text } = splitTimestamp(line);
      lines.push(frame.stream === 'stderr' ? `${timestamp ? `${timestamp} ` : ''}[stderr] ${text}` : line);
    }
  }
  return lines;
}

export interface LogDocumentInput {
  readonly lines: readonly string[];
  /** The newest lines to show, or everything. */
  readonly tail: number | 'all';
  /** Bytes of older output the bounded read did not keep (their lines were not counted). */
  readonly droppedBytes: number;
  /** The setting that bounds the lines, named in the note so the user knows where to change it. */
  readonly tailSetting: string;
}

/** The document: a first line saying what is shown and what was left out, then the kept lines. */
export function logDocumentText({ lines, tail, droppedBytes, tailSetting }: LogDocumentInput, t: Translate): string {
  const kept = tail === 'all' || lines.length <= tail ? lines : lines.slice(lines.length - tail);
  const leftOut = lines.length - kept.length;
  const megabytes = (droppedBytes / 1e6).toFixed(1);
  let note: string;
  if (droppedBytes > 0) {
    note = t('[{0} MB of older output not read and {1} earlier lines left out: the newest {2} lines follow ({3})]', megabytes, leftOut, kept.length, tailSetting);
  } else if (leftOut > 0) {
    note = t('[{0} earlier lines left out: the newest {1} of {2} lines follow ({3})]', leftOut, kept.length, lines.length, tailSetting);
  } else if (kept.length === 0) {
    note = t('[no output yet: the container has not written anything]');
  } else {
    note = t('[all {0} lines of output]', kept.length);
  }
  return `${note}\n${kept.join('\n')}${kept.length > 0 ? '\n' : ''}`;
}
