/**
 * Collects `textDocument/publishDiagnostics` notifications of one LSP session and waits for the
 * ones a test expects (polling with a deadline, never a fixed sleep).
 */
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { LspSession } from './lspClient';

export interface Published {
  readonly uri: string;
  readonly version: number | undefined;
  readonly diagnostics: Diagnostic[];
}

export class DiagnosticsWatcher {
  readonly all: Published[] = [];

  constructor(session: LspSession) {
    session.connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
      this.all.push(params);
    });
  }

  /** Waits until a publication for `uri` satisfies `accept`, and returns it. */
  async waitFor(uri: string, accept: (published: Published) => boolean, timeoutMs = 5000): Promise<Published> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.all.find((published) => published.uri === uri && accept(published));
      if (found) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(`no matching diagnostics for ${uri}; got ${JSON.stringify(this.all.filter((p) => p.uri === uri).map((p) => p.version))}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Publications for `uri`, in arrival order. */
  of(uri: string): Published[] {
    return this.all.filter((published) => published.uri === uri);
  }
}

/** The codes of a publication, sorted, with their 0-based lines (`Code@line`). */
export function codesOf(published: Published): string[] {
  return published.diagnostics.map((diagnostic) => `${String(diagnostic.code)}@${diagnostic.range.start.line}`).sort();
}
