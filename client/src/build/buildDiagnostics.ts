/**
 * The errors of the last failed build, on the Dockerfile line of the failing instruction. Their own
 * collection (source "Berthwise build"), so they never mix with the language server's. A diagnostic
 * goes away with the next build of that file or when its lines are edited.
 */
import * as vscode from 'vscode';

export class BuildDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('berthwise-build');
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeTextDocument((event) => this.dropEdited(event));
  }

  /** Forgets the build errors of a file (a new build starts). */
  clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
  }

  /** Marks lines `startLine`–`endLine` (zero-based) of `uri` with the build's message. */
  report(uri: vscode.Uri, startLine: number, endLine: number, message: string): vscode.Diagnostic {
    const diagnostic = new vscode.Diagnostic(new vscode.Range(startLine, 0, endLine, Number.MAX_SAFE_INTEGER), message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = vscode.l10n.t('Berthwise build');
    diagnostic.code = 'build-failed';
    this.collection.set(uri, [...(this.collection.get(uri) ?? []), diagnostic]);
    return diagnostic;
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  private dropEdited(event: vscode.TextDocumentChangeEvent): void {
    const current = this.collection.get(event.document.uri);
    if (!current || current.length === 0 || event.contentChanges.length === 0) {
      return;
    }
    const touched = (diagnostic: vscode.Diagnostic): boolean =>
      event.contentChanges.some((change) => change.range.start.line <= diagnostic.range.end.line && change.range.end.line >= diagnostic.range.start.line);
    const kept = current.filter((diagnostic) => !touched(diagnostic));
    if (kept.length !== current.length) {
      this.collection.set(event.document.uri, kept);
    }
  }

  dispose(): void {
    this.listener.dispose();
    this.collection.dispose();
  }
}
