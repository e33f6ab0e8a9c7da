/**
 * Custom requests and notifications between the Dockhand client and server, declared once here.
 * Plain method names and payload types, so the server needs nothing from `vscode`.
 */

/** Client → server: how many parses the document store has done (lets tests prove the parse cache works). */
export const parseCountRequest = 'dockhand/parseCount';

export interface ParseCountResult {
  readonly parses: number;
}
