import { extractDiagnosticsSettings, readSeverityOverrides, type SeverityOverrides } from './settings';

/** Asks the client for `berthwise.diagnostics` as it applies to one document (null when it has no answer). */
export type PullSettings = (uri: string) => Promise<unknown>;

/**
 * Where a document's severity overrides come from. `berthwise.diagnostics` is resource-scoped, so
 * a client that answers `workspace/configuration` is asked per document (with the document as
 * scope: each workspace folder's value applies to its own Dockerfiles), once per document until the
 * settings change. Settings a client pushes with `workspace/didChangeConfiguration` apply to every
 * document; without either, `initializationOptions.diagnostics` does.
 */
export class SeveritySource {
  private pushed: SeverityOverrides | undefined;
  private readonly pulled = new Map<string, Promise<SeverityOverrides | undefined>>();

  constructor(
    private readonly pull: PullSettings,
    private readonly initializationOptions: () => unknown,
  ) {}

  /** The overrides for the document at `uri`. */
  async severitiesFor(uri: string): Promise<SeverityOverrides> {
    if (this.pushed) {
      return this.pushed;
    }
    let answer = this.pulled.get(uri);
    if (!answer) {
      answer = this.pull(uri).then((raw) => (raw === null || raw === undefined ? undefined : readSeverityOverrides(raw)));
      this.pulled.set(uri, answer);
    }
    const pulled = await answer;
    if (pulled) {
      return pulled;
    }
    return readSeverityOverrides(extractDiagnosticsSettings(this.initializationOptions()));
  }

  /** A `workspace/didChangeConfiguration` payload: pushed settings win; otherwise every document is asked again. */
  changed(payload: unknown): void {
    const pushed = extractDiagnosticsSettings(payload);
    this.pushed = pushed === undefined ? undefined : readSeverityOverrides(pushed);
    this.pulled.clear();
  }

  /** Forgets a closed document's answer. */
  forget(uri: string): void {
    this.pulled.delete(uri);
  }
}
