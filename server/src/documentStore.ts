import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';

/** A document version together with its lazily built syntax tree. */
export interface ParsedDocument {
  readonly uri: string;
  readonly version: number;
  readonly document: TextDocument;
  /** Parsed on first use and kept for this version only. */
  readonly dockerfile: Dockerfile;
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
 * Holds open documents under incremental sync and parses each version at most once,
 * however many requests ask for it.
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
    if (this.entries.delete(uri)) {
      this.emit({ kind: 'close', uri, version: undefined });
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
      entry.parsed = {
        uri,
        version: document.version,
        document,
        dockerfile: DockerfileParser.parse(document.getText()),
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
