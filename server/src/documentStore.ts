import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { documentClosed } from './memoryRelease';

/** A document version together with its lazily built syntax tree. */
export interface ParsedDocument {
  readonly uri: string;
  readonly version: number;
  readonly document: TextDocument;
  /** Parsed on first use and kept for this version only. */
  readonly dockerfile: Dockerfile;
  /** Set when the text was not analysed (then `dockerfile` is empty): a line longer than `maxAnalysedLineLength`. */
  readonly skippedReason?: 'oversizedLine';
}

/** Longest line (in UTF-16 units) the server analyses; no real Dockerfile comes near it. */
export const maxAnalysedLineLength = 64 * 1024;

/** Whether any line is longer than maxAnalysedLineLength (a linear scan without splitting the text). */
export function hasOversizedLine(text: string): boolean {
  if (text.length <= maxAnalysedLineLength) {
    return false;
  }
  let lineStart = 0;
  for (;;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    if (lineEnd - lineStart > maxAnalysedLineLength) {
      return true;
    }
    if (newline === -1) {
      return false;
    }
    lineStart = newline + 1;
  }
}

/** What happened to a document; `version` is the new one (undefined on close). */
export interface DocumentEvent {
  readonly kind: 'open' | 'change' | 'close';
  readonly uri: string;
  readonly version: number | undefined;
}

interface Entry {
  document: TextDocument;
  parsed: ParsedDocument | undefined;
}

/**
 * Holds open documents under incremental sync and parses each version at most once, however many
 * requests ask for it. Every version gets a full parse through dockerfile-ast's public
 * `DockerfileParser.parse`: nothing of an older tree is reused, so an edited document has exactly the
 * tree (and answers) of a fresh open of the same text.
 */
export class DocumentStore {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners: ((event: DocumentEvent) => void)[] = [];
  private parseCount = 0;

  /** Subscribes to opens, changes and closes (e.g. to schedule diagnostics). */
  onDidChange(listener: (event: DocumentEvent) => void): void {
    this.listeners.push(listener);
  }

  private emit(event: DocumentEvent): void {
    for (const listener of this.listeners) {
      listener(event);
    }
  }

  /** Records a newly opened document. */
  open(uri: string, languageId: string, version: number, text: string): void {
    this.entries.set(uri, { document: TextDocument.create(uri, languageId, version, text), parsed: undefined });
    this.emit({ kind: 'open', uri, version });
  }

  /**
   * Applies incremental (or full) changes. A version that is not newer than the stored one
   * is ignored, so a late or replayed notification never rolls the text back.
   */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): boolean {
    const entry = this.entries.get(uri);
    if (!entry || version <= entry.document.version) {
      return false;
    }
    entry.document = TextDocument.update(entry.document, [...changes], version);
    entry.parsed = undefined;
    this.emit({ kind: 'change', uri, version });
    return true;
  }

  /** Forgets a closed document. */
  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (entry) {
      this.entries.delete(uri);
      this.emit({ kind: 'close', uri, version: undefined });
      // Its tree and model are garbage now; a large one is collected soon rather than at the next allocation.
      documentClosed(entry.document.lineCount, () => [...this.entries.values()].map((open) => open.document.lineCount));
    }
  }

  /** The current text of a document, if open. */
  getDocument(uri: string): TextDocument | undefined {
    return this.entries.get(uri)?.document;
  }

  /** The parsed current version of a document, parsing it now if this version was never parsed. */
  getParsed(uri: string): ParsedDocument | undefined {
    const entry = this.entries.get(uri);
    if (!entry) {
      return undefined;
    }
    if (!entry.parsed || entry.parsed.version !== entry.document.version) {
      this.parseCount += 1;
      const document = entry.document;
      const text = document.getText();
      const oversized = hasOversizedLine(text);
      // The parser needs about a second per megabyte of a single line; rather than stall every
      // request, such a document gets an empty tree and features say nothing about it.
      const dockerfile: Dockerfile = DockerfileParser.parse(oversized ? '' : text);
      entry.parsed = {
        uri,
        version: document.version,
        document,
        dockerfile,
        ...(oversized ? { skippedReason: 'oversizedLine' as const } : {}),
      };
    }
    return entry.parsed;
  }

  /** How many parses ran since start (exposed for tests that prove the cache works). */
  get parses(): number {
    return this.parseCount;
  }

  /** URIs of all open documents. */
  uris(): string[] {
    return [...this.entries.keys()];
  }
}
