/**
 * Pure: the engine doctor. Pings every candidate in parallel under one short deadline (the probe
 * is injected) and turns the answers into findings and a Markdown report. A slow engine costs the
 * deadline, never more, and never delays the others.
 */
import { describeEndpoint, type EngineEndpoint } from './connection';
import type { EngineCandidate } from './engines';
import { EngineError, type EngineErrorKind } from '../errors';
import type { EngineVersion } from '../types';

export type DoctorStatus = 'reachable' | 'unreachable' | 'invalid' | 'missing';

export interface DoctorFinding {
  readonly candidate: EngineCandidate;
  readonly status: DoctorStatus;
  readonly version?: EngineVersion;
  /** The classified failure, for `unreachable`. */
  readonly errorKind?: EngineErrorKind;
  /** Why it is not reachable (the classified error's message, or why the entry is invalid/missing). */
  readonly detail?: string;
  readonly elapsedMs: number;
}

/** Asks one endpoint for its version; rejects with an EngineError when it cannot. */
export type EngineProbe = (endpoint: EngineEndpoint, signal: AbortSignal) => Promise<EngineVersion>;

/** Pings every candidate at once; each answer or failure arrives within `deadlineMs`. */
export async function diagnoseEngines(candidates: readonly EngineCandidate[], probe: EngineProbe, deadlineMs: number, now: () => number = Date.now): Promise<DoctorFinding[]> {
  return Promise.all(candidates.map((candidate) => diagnoseOne(candidate, probe, deadlineMs, now)));
}

async function diagnoseOne(candidate: EngineCandidate, probe: EngineProbe, deadlineMs: number, now: () => number): Promise<DoctorFinding> {
  if (!candidate.endpoint || candidate.invalid !== undefined) {
    return { candidate, status: 'invalid', detail: candidate.invalid ?? 'no endpoint', elapsedMs: 0 };
  }
  if (candidate.missing) {
    return { candidate, status: 'missing', detail: `${describeEndpoint(candidate.endpoint)} does not exist`, elapsedMs: 0 };
  }
  const started = now();
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timedOut = false;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new EngineError('timeout', `No answer within ${deadlineMs} ms.`));
      controller.abort(); // frees whatever the probe holds open
    }, deadlineMs);
  });
  try {
    const version = await Promise.race([probe(candidate.endpoint, controller.signal), deadline]);
    return { candidate, status: 'reachable', version, elapsedMs: now() - started };
  } catch (error) {
    const classified = timedOut
      ? new EngineError('timeout', `No answer within ${deadlineMs} ms.`, error)
      : error instanceof EngineError
        ? error
        : new EngineError('other', error instanceof Error ? error.message : String(error), error);
    return { candidate, status: 'unreachable', errorKind: classified.kind, detail: classified.message, elapsedMs: now() - started };
  } finally {
    clearTimeout(timer);
  }
}

/** Translates a message template with `{0}`-style arguments (vscode.l10n.t in the extension). */
export type Translate = (message: string, ...args: string[]) => string;

/** The doctor's findings as a Markdown document, reachable engines first. */
export function formatDoctorReport(findings: readonly DoctorFinding[], t: Translate): string {
  const order: Record<DoctorStatus, number> = { reachable: 0, unreachable: 1, invalid: 2, missing: 3 };
  const sorted = [...findings].sort((a, b) => order[a.status] - order[b.status]);
  const reachable = findings.filter((finding) => finding.status === 'reachable').length;
  const lines = [`# ${t('Berthwise engine doctor')}`, '', t('{0} of {1} engines answered.', String(reachable), String(findings.length)), ''];
  lines.push(`| ${t('Engine')} | ${t('Endpoint')} | ${t('Found in')} | ${t('Status')} | ${t('Details')} |`, '|---|---|---|---|---|');
  for (const finding of sorted) {
    const { candidate } = finding;
    const endpoint = candidate.endpoint ? describeEndpoint(candidate.endpoint) : '—';
    const name = `${candidate.name}${candidate.isDefault ? ` (${t('default')})` : ''}${candidate.remote ? ` ${t('[remote]')}` : ''}`;
    lines.push(`| ${cell(name)} | ${cell(endpoint)} | ${cell(sourceLabel(candidate, t))} | ${cell(statusLabel(finding, t))} | ${cell(details(finding, t))} |`);
  }
  return `${lines.join('\n')}\n`;
}

/** A one-line summary of a finding for a quick pick's detail. */
export function summarizeFinding(finding: DoctorFinding, t: Translate): string {
  return `${statusLabel(finding, t)} — ${details(finding, t)}`;
}

function statusLabel(finding: DoctorFinding, t: Translate): string {
  switch (finding.status) {
    case 'reachable':
      return t('reachable');
    case 'unreachable':
      return finding.errorKind ? t('not reachable ({0})', finding.errorKind) : t('not reachable');
    case 'invalid':
      return t('invalid');
    case 'missing':
      return t('no socket');
  }
}

function details(finding: DoctorFinding, t: Translate): string {
  if (finding.status === 'reachable' && finding.version) {
    const v = finding.version;
    return t('Docker {0} (API {1}, {2}/{3}) in {4} ms', v.version, v.apiVersion, v.os, v.arch, String(Math.round(finding.elapsedMs)));
  }
  return finding.detail ?? '';
}

function sourceLabel(candidate: EngineCandidate, t: Translate): string {
  switch (candidate.source) {
    case 'setting':
      return t('berthwise.engine.host setting');
    case 'dockerHost':
      return t('DOCKER_HOST');
    case 'context':
      return t('Docker context');
    case 'configuredHost':
      return t('berthwise.engine.hosts setting');
    case 'socket':
      return t('well-known socket');
  }
}

/** Keeps a value inside one Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
