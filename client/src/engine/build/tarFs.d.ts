/** The part of tar-fs (which ships no types) that the build context uses. */
declare module 'tar-fs' {
  import type { Readable } from 'node:stream';

  export interface PackHeader {
    name: string;
    type: string;
    mode?: number;
    uid?: number;
    gid?: number;
    uname?: string;
    gname?: string;
    [key: string]: unknown;
  }

  export interface PackOptions {
    /** Called with each absolute path before it is read; true leaves it (and, for a folder, all below) out. */
    ignore?: (name: string) => boolean;
    map?: (header: PackHeader) => PackHeader;
    umask?: number;
    dereference?: boolean;
  }

  export function pack(directory: string, options?: PackOptions): Readable;
}
