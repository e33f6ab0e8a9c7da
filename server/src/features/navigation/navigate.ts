/**
 * Definition, references, highlights and rename for build-stage names, ARG/ENV variables and
 * here-document names, all read
 * from the per-version occurrence index (so each request is a lookup, not a scan).
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { ParsedDocument } from '../../documentStore';
import { getModel } from '../../semantics/model';
import { getOccurrences, type Occurrence, type OccurrenceIndex } from '../../syntax/occurrences';

function lookup(parsed: ParsedDocument, position: Position): { index: OccurrenceIndex; occurrence: Occurrence } | undefined {
  const index = getOccurrences(getModel(parsed));
  const occurrence = index.at(position);
  return occurrence ? { index, occurrence } : undefined;
}

function isUnresolved(occurrence: Occurrence): boolean {
  return occurrence.key.startsWith('u');
}

function isBefore(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Where the stage or variable under the cursor is declared (the nearest declaration before a use). */
export function provideDefinition(parsed: ParsedDocument, position: Position): Location[] | null {
  const found = lookup(parsed, position);
  if (!found) {
    return null;
  }
  const declarations = found.index.byKey(found.occurrence.key).filter((occurrence) => occurrence.isDeclaration);
  if (declarations.length === 0) {
    return null;
  }
  let target: Occurrence | undefined = declarations[0];
  if (!found.occurrence.isDeclaration) {
    const earlier = declarations.filter((declaration) => isBefore(declaration.range.start, found.occurrence.range.start));
    target = earlier[earlier.length - 1] ?? target;
  }
  return target ? [{ uri: parsed.uri, range: target.range }] : null;
}

/** Every use (and, if asked, declaration) of the symbol under the cursor. */
export function provideReferences(parsed: ParsedDocument, position: Position, includeDeclaration: boolean): Location[] | null {
  const found = lookup(parsed, position);
  if (!found) {
    return null;
  }
  return found.index
    .byKey(found.occurrence.key)
    .filter((occurrence) => includeDeclaration || !occurrence.isDeclaration)
    .map((occurrence) => ({ uri: parsed.uri, range: occurrence.range }));
}

/** Highlights of the symbol under the cursor: declarations as writes, uses as reads. */
export function provideDocumentHighlights(parsed: ParsedDocument, position: Position): DocumentHighlight[] | null {
  const found = lookup(parsed, position);
  if (!found) {
    return null;
  }
  return found.index.byKey(found.occurrence.key).map((occurrence) => ({
    range: occurrence.range,
    kind: occurrence.isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

/** The range and current name if the symbol under the cursor can be renamed (it must be declared here). */
export function prepareRename(parsed: ParsedDocument, position: Position): { range: Range; placeholder: string } | null {
  const found = lookup(parsed, position);
  if (!found || !found.occurrence.renamable || isUnresolved(found.occurrence)) {
    return null;
  }
  return { range: found.occurrence.range, placeholder: found.occurrence.name };
}

/** Why `newName` is not a valid name for the symbol under the cursor, or undefined if it is. */
export function invalidNewName(parsed: ParsedDocument, position: Position, newName: string): string | undefined {
  const found = lookup(parsed, position);
  if (!found) {
    return undefined;
  }
  if (found.occurrence.symbol === 'heredoc') {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(newName) ? undefined : `"${newName}" is not a valid here-document name (letters, digits or '_')`;
  }
  if (found.occurrence.symbol === 'stage') {
    return /^[A-Za-z][A-Za-z0-9_.-]*$/.test(newName) ? undefined : `"${newName}" is not a valid stage name (a letter, then letters, digits, '_', '.' or '-')`;
  }
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(newName) ? undefined : `"${newName}" is not a valid variable name (a letter or '_', then letters, digits or '_')`;
}

/** The edit renaming every occurrence of the symbol under the cursor (stage uses by index stay as they are). */
export function provideRename(parsed: ParsedDocument, position: Position, newName: string): WorkspaceEdit | null {
  if (!prepareRename(parsed, position)) {
    return null;
  }
  const found = lookup(parsed, position);
  if (!found) {
    return null;
  }
  const edits = found.index
    .byKey(found.occurrence.key)
    .filter((occurrence) => occurrence.renamable)
    .map((occurrence) => ({ range: occurrence.range, newText: newName }));
  return { changes: { [parsed.uri]: edits } };
}
