/** Pure: the few ANSI sequences the terminals use (no `vscode`). */

export const ansi = {
  red: (text: string): string => `\x1b[31m${text}\x1b[0m`,
  dim: (text: string): string => `\x1b[2m${text}\x1b[0m`,
  yellow: (text: string): string => `\x1b[33m${text}\x1b[0m`,
  cyan: (text: string): string => `\x1b[36m${text}\x1b[0m`,
};

/** Terminal lines need CRLF: a bare LF would only move down, not back to column 0. */
export function toTerminalNewlines(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}
