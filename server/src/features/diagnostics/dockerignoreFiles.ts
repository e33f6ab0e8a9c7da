import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `.dockerignore` files that apply to Dockerfiles on disk, read once and kept until a watched
 * `.dockerignore` changes. The build context is taken to be the Dockerfile's folder (`docker build .`
 * next to it); there BuildKit prefers `<Dockerfile name>.dockerignore` over `.dockerignore`.
 */
export class DockerignoreFiles {
  /** File text by path; null when the file does not exist (or cannot be read). */
  private readonly texts = new Map<string, string | null>();

  /** The `.dockerignore` text for the Dockerfile at `uri`, or undefined (not on disk, or none exists). */
  textFor(uri: string): string | undefined {
    const path = filePath(uri);
    if (path === undefined) {
      return undefined;
    }
    for (const candidate of [join(dirname(path), `${basename(path)}.dockerignore`), join(dirname(path), '.dockerignore')]) {
      const text = this.read(candidate);
      if (text !== null) {
        return text;
      }
    }
    return undefined;
  }

  /** Forgets every file read (call when a `.dockerignore` was created, changed or deleted). */
  forget(): void {
    this.texts.clear();
  }

  private read(path: string): string | null {
    let text = this.texts.get(path);
    if (text === undefined) {
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        text = null;
      }
      this.texts.set(path, text);
    }
    return text;
  }
}

/** True for a URI the client reports when a `.dockerignore` (or `<name>.dockerignore`) changes. */
export function isDockerignoreUri(uri: string): boolean {
  return uri.endsWith('.dockerignore');
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) {
    return undefined;
  }
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
