/**
 * The wait of a stop, restart or stop-and-remove: the engine sends SIGTERM and may wait the whole
 * grace period before it kills. When that wait is noticeable a progress notification says so; the
 * user may close it (the engine carries on, and the command still reports how it ended).
 */
import * as vscode from 'vscode';
import type { Engine } from '../../engine/engine';
import type { TargetItem } from '../targets';

/** Quick stops finish before this, so they do not flash a notification. */
const noticeAfterMs = 500;

/** Runs `work`, showing a closable progress notification titled `title` while it lasts beyond a moment. */
export async function withStopNotice<T>(title: string, work: (report: (message: string) => void) => Promise<T>): Promise<T> {
  let report: (message: string) => void = () => undefined;
  let latest = '';
  const running = work((message) => {
    latest = message;
    report(message);
  });
  const settled = running.then(
    () => undefined,
    () => undefined,
  );
  const timer = setTimeout(() => {
    void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      report = (message) => progress.report({ message });
      report(latest);
      return new Promise<void>((resolve) => {
        void settled.then(resolve);
        token.onCancellationRequested(() => resolve());
      });
    });
  }, noticeAfterMs);
  try {
    return await running;
  } finally {
    clearTimeout(timer);
  }
}

/** What the notification says about one container: how long the engine may wait before it kills. */
export async function graceMessage(engine: Engine, target: TargetItem): Promise<{ grace: number | 'unlimited'; message: string }> {
  const grace = await engine.stopGracePeriod(target.id);
  const message =
    grace === 'unlimited'
      ? vscode.l10n.t('{0}: waiting for it to exit (it has no time limit)', target.label)
      : vscode.l10n.t('{0}: waiting up to {1} s for it to exit before the engine kills it', target.label, grace);
  return { grace, message };
}
