import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The `.dockerignore` files that apply to Dockerfiles on disk, read once and kept until a watched
 * `.dockerignore` changes. The build context is the Dockerfile's folder (`docker build .` next to it)
 * unless the `berthwise.buildContexts` setting names another; BuildKit prefers `<Dockerfile name>.dockerignore`
 * next to the Dockerfile over the context's `.dockerignore`.
 */
export class DockerignoreFiles {
  /** File text by path; null when the file does not exist (or cannot be read). */
  private readonly texts = new Map<string, string | null>();
  /** Context folders of Dockerfiles not built from their own folder, by Dockerfile path. */
  private contexts = new Map<string, string>();

  /** Takes the client's `berthwise.buildContexts` (absolute paths); anything but string pairs is dropped. */
  setContexts(raw: unknown): void {
    const contexts = typeof raw === 'object' && raw !== null ? (raw as { contexts?: unknown }).contexts : undefined;
    this.contexts = new Map(
      typeof contexts === 'object' && contexts !== null
        ? Object.entries(contexts).filter((entry): entry is [string, string] => isAbsolute(entry[0]) && typeof entry[1] === 'string' && isAbsolute(entry[1]))
        : [],
    );
  }

  /** The `.dockerignore` text for the Dockerfile at `uri`, or undefined (not on disk, or none exists). */
  textFor(uri: string): string | undefined {
    const path = filePath(uri);
    if (path === undefined) {
      return undefined;
    }
    const context = this.contexts.get(path) ?? dirname(path);
    for (const candidate of [join(dirname(path), `${basename(path)}.dockerignore`), join(context, '.dockerignore')]) {
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
