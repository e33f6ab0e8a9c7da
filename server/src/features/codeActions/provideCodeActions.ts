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
 * user switched off never offers a fix). Two rules can propose the same edit for one instruction
 * (a shell-form ENTRYPOINT is both "JSON arguments recommended" and "ignores CMD"): the menu shows
 * that fix once, for both diagnostics. Pure.
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
  const actions = new Map<string, CodeAction & { diagnostics: Diagnostic[] }>();
  for (const active of computeFindings(parsed, {})) {
    const fix = active.finding.fix;
    const diagnostic = fix && overlaps(active.finding.range, params.range) ? matchingDiagnostic(ours, active) : undefined;
    if (!fix || !diagnostic) {
      continue;
    }
    const title = fix.title[options.locale];
    const key = `${title}\n${JSON.stringify(fix.edits)}`;
    const same = actions.get(key);
    if (same) {
      same.diagnostics.push(diagnostic);
      continue;
    }
    actions.set(key, {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [parsed.uri]: [...fix.edits] } },
    });
  }
  return [...actions.values()];
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
