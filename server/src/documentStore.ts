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
  private parseCount = 0;

  /** Records a newly opened document. */
  open(uri: string, languageId: string, version: number, text: string): void {
    this.entries.set(uri, { document: TextDocument.create(uri, languageId, version, text), parsed: undefined });
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
    return true;
  }

  /** Forgets a closed document. */
  close(uri: string): void {
    this.entries.delete(uri);
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
