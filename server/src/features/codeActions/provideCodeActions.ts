import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { ParsedDocument } from '../../documentStore';
import { computeFindings, diagnosticSource, type ActiveFinding } from '../diagnostics/computeDiagnostics';
import { isBefore } from '../../util/ranges';

export interface CodeActionOptions {
  readonly locale: DocLocale;
}

/**
 * Quick fixes for the Berthwise diagnostics the client sends in the request context (so a rule the
 * user switched off never offers a fix). Pure.
 */
export function provideCodeActions(parsed: ParsedDocument, params: CodeActionParams, options: CodeActionOptions): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) {
    return [];
  }
  const ours = params.context.diagnostics.filter((diagnostic) => diagnostic.source === diagnosticSource);
  if (ours.length === 0) {
    return [];
  }
  const actions: CodeAction[] = [];
  for (const active of computeFindings(parsed, {})) {
    const fix = active.finding.fix;
    const diagnostic = fix && overlaps(active.finding.range, params.range) ? matchingDiagnostic(ours, active) : undefined;
    if (!fix || !diagnostic) {
      continue;
    }
    actions.push({
      title: fix.title[options.locale],
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [parsed.uri]: [...fix.edits] } },
    });
  }
  return actions;
}

function matchingDiagnostic(diagnostics: readonly Diagnostic[], active: ActiveFinding): Diagnostic | undefined {
  const range = active.finding.range;
  return diagnostics.find(
    (diagnostic) =>
      diagnostic.code === active.rule.code &&
      diagnostic.range.start.line === range.start.line &&
      diagnostic.range.start.character === range.start.character,
  );
}

function overlaps(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  return !isBefore(a.end, b.start) && !isBefore(b.end, a.start);
}
