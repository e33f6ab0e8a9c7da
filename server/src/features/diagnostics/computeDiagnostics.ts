import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import type { DocLocale } from '../../docs';
import type { ImageConfigLookup } from '../../semantics/imageConfig';
import { analyzeDockerfile, type DockerfileModel } from '../../semantics/model';
import type { Finding, Rule, SeverityLevel } from './rule';
import { allRules } from './rules';
import type { SeverityOverrides } from './settings';
import { readFileCheckConfig, readInstructionCheckConfigs, type CheckConfig } from './checkDirectives';
import { readIgnoreComments } from './suppressions';
import type { Dockerfile } from 'dockerfile-ast';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** The `source` of every Berthwise diagnostic (code actions use it to recognise their own). */
export const diagnosticSource = 'berthwise';

export interface DiagnosticsOptions {
  readonly locale: DocLocale;
  readonly severities?: SeverityOverrides;
  readonly lookup?: ImageConfigLookup;
  readonly rules?: readonly Rule[];
  /** The text of the `.dockerignore` that applies to the build context, when there is one. */
  readonly dockerignore?: string;
}

/** A finding that survived configuration, with its rule and final severity. */
export interface ActiveFinding {
  readonly rule: Rule;
  readonly finding: Finding;
  readonly severity: Exclude<SeverityLevel, 'ignore'>;
}

const lspSeverity: Readonly<Record<Exclude<SeverityLevel, 'ignore'>, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Runs every rule and applies severities, `# check=` and ignore comments. Pure. */
export function computeFindings(
  parsed: { readonly document: TextDocument; readonly dockerfile: Dockerfile },
  options: Omit<DiagnosticsOptions, 'locale'>,
): ActiveFinding[] {
  const model: DockerfileModel = analyzeDockerfile(parsed, options.lookup);
  const check = readFileCheckConfig(parsed.dockerfile);
  const local = readInstructionCheckConfigs(model);
  const ignores = readIgnoreComments(parsed.dockerfile);
  // Only needed to match comments to multi-line instructions; skipped (it touches every instruction) when there are none.
  const startLines = ignores.size > 0 || local.size > 0 ? instructionStartLines(parsed.dockerfile) : new Map<number, number>();
  const active: ActiveFinding[] = [];
  for (const rule of options.rules ?? allRules) {
    const code = rule.code.toLowerCase();
    const configured = options.severities?.[rule.code];
    if (configured === 'ignore' || !enabledForFile(rule, code, check, configured !== undefined, local)) {
      continue;
    }
    const severity = configured ?? (rule.buildkit && check.error ? 'error' : rule.defaultSeverity);
    const names = [code, ...(rule.hadolint ?? []).map((id) => id.toLowerCase())];
    for (const finding of rule.check(model, options)) {
      const startLine = startLines.get(finding.range.start.line) ?? finding.range.start.line;
      const ignored = ignores.get(startLine);
      if (ignored && (ignored.has('*') || names.some((name) => ignored.has(name)))) {
        continue;
      }
      if (!enabledForInstruction(rule, code, check, configured !== undefined, local.get(startLine))) {
        continue;
      }
      active.push({ rule, finding, severity });
    }
  }
  return active;
}

/**
 * Whether a rule runs at all. BuildKit's experimental checks ignore `skip` and run only when named in
 * `experimental` (here also when a severity setting names them, or a comment above some instruction does).
 */
function enabledForFile(rule: Rule, code: string, check: CheckConfig, configured: boolean, local: ReadonlyMap<number, CheckConfig>): boolean {
  if (rule.experimental) {
    return configured || experimentalOn(check, code) || [...local.values()].some((config) => experimentalOn(config, code));
  }
  return !check.skip.has(code) && !(rule.buildkit && check.skipAll);
}

/** Whether a finding survives the `# check=` comment above its instruction (BuildKit's merged configuration). */
function enabledForInstruction(rule: Rule, code: string, check: CheckConfig, configured: boolean, local: CheckConfig | undefined): boolean {
  if (rule.experimental) {
    return configured || experimentalOn(check, code) || (local !== undefined && experimentalOn(local, code));
  }
  if (!local || rule.fileScoped) {
    return true;
  }
  return !local.skip.has(code) && !(rule.buildkit && local.skipAll);
}

function experimentalOn(config: CheckConfig, code: string): boolean {
  return config.experimentalAll || config.experimental.has(code);
}

/** The LSP diagnostics of a parsed Dockerfile. Pure. */
export function computeDiagnostics(
  parsed: { readonly document: TextDocument; readonly dockerfile: Dockerfile },
  options: DiagnosticsOptions,
): Diagnostic[] {
  return computeFindings(parsed, options).map(({ rule, finding, severity }) => toDiagnostic(rule, finding, severity, options.locale));
}

/** Converts one finding to an LSP diagnostic in the given locale. */
export function toDiagnostic(rule: Rule, finding: Finding, severity: Exclude<SeverityLevel, 'ignore'>, locale: DocLocale): Diagnostic {
  const { start, end } = finding.range;
  return {
    // A copy: the diagnostic is serialized later and must not share objects with the syntax tree.
    range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
    severity: lspSeverity[severity],
    code: rule.code,
    codeDescription: { href: rule.docUrl },
    source: diagnosticSource,
    message: finding.message[locale],
    ...(finding.unnecessary ? { tags: [DiagnosticTag.Unnecessary] } : {}),
  };
}

/** Maps every line of a multi-line instruction to the line it starts on (ignore comments sit above that). */
function instructionStartLines(dockerfile: Dockerfile): Map<number, number> {
  const lines = new Map<number, number>();
  for (const instruction of dockerfile.getInstructions()) {
    const range = instruction.getRange();
    for (let line = range.start.line; line <= range.end.line; line += 1) {
      lines.set(line, range.start.line);
    }
  }
  return lines;
}
