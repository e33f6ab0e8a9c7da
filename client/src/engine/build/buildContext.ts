/**
 * The build context: a folder sent to the engine as a tar stream, filtered by its `.dockerignore`
 * with Docker's pattern rules (Go filepath.Match globs plus `**`, `!` exceptions, last match wins),
 * implemented by @balena/dockerignore (the matcher dockerode itself uses).
 */
import { lstatSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { engineDriver } from '../transport/driverLoader';

/** The context folder and the Dockerfile's path inside it (forward slashes). */
export interface BuildContextSource {
  readonly directory: string;
  readonly dockerfile: string;
}

/** The patterns of `<directory>/.dockerignore`; none when the file does not exist. */
export async function readDockerignore(directory: string): Promise<string[]> {
  try {
    return (await readFile(join(directory, '.dockerignore'), 'utf8')).split(/\r?\n/);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
}

/**
 * Decides per path (relative, forward slashes) whether it stays out of the context. The Dockerfile
 * and `.dockerignore` are always sent, as the docker CLI does. A directory that is excluded is still
 * walked when some `!` exception could bring back a file below it.
 */
export function contextFilter(patterns: readonly string[], dockerfile: string): (path: string, isDirectory: () => boolean) => boolean {
  const matcher = engineDriver().dockerignore({ ignorecase: false }).add([...patterns]);
  const hasExceptions = patterns.some((line) => line.trim().startsWith('!'));
  const alwaysSent = new Set([dockerfile, '.dockerignore']);
  return (path, isDirectory) => {
    if (path === '' || alwaysSent.has(path)) {
      return false;
    }
    if (!matcher.ignores(path)) {
      return false;
    }
    return !(hasExceptions && isDirectory());
  };
}

/** Streams the context folder as a tar, leaving out what `.dockerignore` excludes. */
export async function packBuildContext(source: BuildContextSource): Promise<Readable> {
  const excluded = contextFilter(await readDockerignore(source.directory), source.dockerfile);
  const toContextPath = (absolute: string): string => relative(source.directory, absolute).split(sep).join('/');
  // tar-fs asks before it has looked at the entry; only an exception pattern makes the type matter.
  const isDirectory = (absolute: string): boolean => lstatSync(absolute, { throwIfNoEntry: false })?.isDirectory() ?? false;
  return engineDriver().packTar(source.directory, {
    ignore: (name: string) => excluded(toContextPath(name), () => isDirectory(name)),
    // Modes as they are on disk (no umask) and owner root, as the docker CLI sends them.
    umask: 0,
    map: (header) => ({ ...header, uid: 0, gid: 0, uname: '', gname: '' }),
  });
}
