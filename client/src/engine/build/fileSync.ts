/**
 * The sending side of fsutil's DiffCopy, which a BuildKit engine calls on the session to read a
 * local folder: every entry's Stat in walk order (a folder before its contents, names in byte
 * order), an empty Stat to end the list, then the content of each file the engine asks for
 * (PACKET_REQ by entry number) as DATA packets closed by an empty one, and FIN to finish. The
 * engine keeps the files of the previous transfer (per session shared key), so an unchanged file
 * is not asked for again. Patterns come from the engine (the .dockerignore lines, or the one file it
 * wants) and follow Docker's rules.
 */
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { engineDriver } from '../transport/driverLoader';
import { packetType, type SyncPacket, type SyncStat } from './sessionMessages';

/** What the engine asked for: the folder's patterns from the call's metadata. */
export interface SyncRequest {
  readonly root: string;
  readonly includePatterns: readonly string[];
  readonly excludePatterns: readonly string[];
}

/** The side of a duplex gRPC call the sender needs. */
export interface PacketStream {
  write(packet: SyncPacket): boolean;
  once(event: 'drain', listener: () => void): unknown;
  on(event: 'data', listener: (packet: SyncPacket) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  end(): void;
}

const chunkSize = 256 * 1024;
const parallelFiles = 4;

// Go's os.FileMode type bits, which fsutil puts in Stat.mode.
const goModeDir = 0x80000000;
const goModeSymlink = 1 << 27;
const goModeNamedPipe = 1 << 25;
const goModeSocket = 1 << 24;
const goModeDevice = 1 << 26;
const goModeCharDevice = 1 << 21;
const goModeSetuid = 1 << 23;
const goModeSetgid = 1 << 22;
const goModeSticky = 1 << 20;

/** A Unix st_mode as Go's os.FileMode (what fsutil sends). */
export function goFileMode(unixMode: number): number {
  const format = unixMode & 0o170000;
  const typeBits =
    format === 0o040000 ? goModeDir : format === 0o120000 ? goModeSymlink : format === 0o010000 ? goModeNamedPipe : format === 0o140000 ? goModeSocket : format === 0o060000 ? goModeDevice : format === 0o020000 ? goModeDevice | goModeCharDevice : 0;
  const special = (unixMode & 0o4000 ? goModeSetuid : 0) | (unixMode & 0o2000 ? goModeSetgid : 0) | (unixMode & 0o1000 ? goModeSticky : 0);
  return (typeBits | special | (unixMode & 0o777)) >>> 0;
}

type Matcher = (path: string) => boolean;

function patternMatcher(patterns: readonly string[]): Matcher | undefined {
  const lines = patterns.filter((line) => line.trim() !== '');
  if (lines.length === 0) {
    return undefined;
  }
  const matcher = engineDriver().dockerignore({ ignorecase: false }).add(lines);
  return (path) => matcher.ignores(path);
}

interface Entry {
  readonly stat: SyncStat;
  readonly absolute: string;
}

/**
 * Whether a folder can hold something the include patterns name: a pattern naming a path below it,
 * or one with a wildcard before its last slash. Lets a request for one file skip the whole tree.
 */
export function folderMayHoldIncludes(folder: string, includePatterns: readonly string[]): boolean {
  return includePatterns.some((pattern) => {
    const clean = pattern.replace(/^\.?\/+/, '');
    const lastSlash = clean.lastIndexOf('/');
    return /[*?[\\]/.test(clean.slice(0, Math.max(0, lastSlash))) || clean.startsWith(`${folder}/`);
  });
}

/** The entries to send, in fsutil's walk order, with the engine's include and exclude patterns applied. */
export async function listEntries(request: SyncRequest): Promise<Entry[]> {
  const excluded = patternMatcher(request.excludePatterns);
  const hasExceptions = request.excludePatterns.some((line) => line.trim().startsWith('!'));
  const includes = request.includePatterns.filter((line) => line.trim() !== '');
  const included = patternMatcher(includes);
  const entries: Entry[] = [];
  const walk = async (relative: string): Promise<void> => {
    const names = (await readdir(join(request.root, relative))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    // Stat a folder's entries side by side (most of a walk is waiting for lstat), then go in order.
    const infos = await Promise.all(names.map((name) => lstat(join(request.root, relative, name))));
    for (const [index, name] of names.entries()) {
      const info = infos[index];
      if (!info) {
        continue;
      }
      const path = relative === '' ? name : `${relative}/${name}`;
      const absolute = join(request.root, path);
      const isDirectory = info.isDirectory();
      if (excluded?.(path) && !(isDirectory && hasExceptions)) {
        continue;
      }
      if (included && !included(path) && !(isDirectory && folderMayHoldIncludes(path, includes))) {
        continue;
      }
      const stat: SyncStat = {
        path,
        mode: goFileMode(info.mode),
        uid: info.uid,
        gid: info.gid,
        size: info.isFile() ? info.size : 0,
        // Whole milliseconds in nanoseconds: the same file always gives the same number.
        modTime: Math.floor(info.mtimeMs) * 1e6,
        linkname: info.isSymbolicLink() ? await readlink(absolute) : '',
      };
      const at = entries.length;
      entries.push({ stat, absolute });
      if (isDirectory) {
        await walk(path);
        // An excluded folder walked only for its exceptions, or one walked only for the includes,
        // is sent only when something below it is.
        const keptBelow = entries.length > at + 1;
        if (!keptBelow && (excluded?.(path) || (included && !included(path)))) {
          entries.splice(at, 1);
        }
      }
    }
  };
  await walk('');
  return entries;
}

/** Serves one DiffCopy call to its end. */
export async function sendFolder(stream: PacketStream, request: SyncRequest): Promise<void> {
  const write = async (packet: SyncPacket): Promise<void> => {
    if (!stream.write(packet)) {
      await new Promise<void>((resolve) => stream.once('drain', resolve));
    }
  };
  const entries = await listEntries(request);
  const finished = new Promise<void>((resolve, reject) => {
    // Up to `parallelFiles` requested files travel at once (as fsutil's own sender does); their
    // DATA packets interleave, each carrying its file's id.
    const waiting: number[] = [];
    let active = 0;
    let finRequested = false;
    const fail = (error: unknown): void => reject(error instanceof Error ? error : new Error(String(error)));
    const pump = (): void => {
      while (active < parallelFiles && waiting.length > 0) {
        const id = waiting.shift() ?? 0;
        active++;
        sendFile(write, entries[id], id).then(() => {
          active--;
          pump();
        }, fail);
      }
      if (finRequested && active === 0 && waiting.length === 0) {
        finRequested = false;
        write({ type: packetType.fin }).then(() => {
          stream.end();
          resolve();
        }, fail);
      }
    };
    stream.on('data', (packet) => {
      if (packet.type === packetType.req) {
        waiting.push(packet.ID ?? 0);
        pump();
      } else if (packet.type === packetType.fin) {
        finRequested = true;
        pump();
      } else if (packet.type === packetType.err) {
        reject(new Error(`The engine could not read the build context: ${Buffer.from(packet.data ?? []).toString('utf8')}`));
      }
    });
    stream.on('error', reject);
    stream.on('end', resolve);
  });
  // Written in one go while the stream takes them, so HTTP/2 packs many small Stat messages per write.
  for (const entry of entries) {
    if (!stream.write({ type: packetType.stat, stat: entry.stat })) {
      await new Promise<void>((resolve) => stream.once('drain', resolve));
    }
  }
  await write({ type: packetType.stat });
  await finished;
}

async function sendFile(write: (packet: SyncPacket) => Promise<void>, entry: Entry | undefined, id: number): Promise<void> {
  if (!entry) {
    throw new Error(`The engine asked for file #${id}, which was not offered.`);
  }
  const reader = createReadStream(entry.absolute, { highWaterMark: chunkSize });
  for await (const chunk of reader as AsyncIterable<Buffer>) {
    await write({ type: packetType.data, ID: id, data: chunk });
  }
  await write({ type: packetType.data, ID: id });
}
