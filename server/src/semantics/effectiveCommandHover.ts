import type { Position } from 'vscode-languageserver';
import type { DocLocale } from '../docs';
import type { ParsedDocument } from '../documentStore';

/**
 * Markdown describing what `docker run` executes for the stage that holds the CMD/ENTRYPOINT/SHELL
 * instruction at `position`, or null when the position is elsewhere. Hover appends it after the
 * instruction's documentation.
 */
export function effectiveCommandHover(_parsed: ParsedDocument, _position: Position, _locale: DocLocale): string | null {
  return null;
}
