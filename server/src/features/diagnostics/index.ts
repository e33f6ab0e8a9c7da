import type { Connection } from 'vscode-languageserver';
import { buildContextsNotification } from '../../protocol';
import type { FeatureContext, Feature } from '../feature';
import { computeDiagnostics } from './computeDiagnostics';
import { DockerignoreFiles, isDockerignoreUri } from './dockerignoreFiles';
import { PerDocumentDebouncer } from './scheduler';
import { extractDiagnosticsSettings, readSeverityOverrides, type SeverityOverrides } from './settings';

/** Publishes diagnostics for every open Dockerfile, debounced per document and never for an old version. */
export const diagnosticsFeature: Feature = {
  name: 'diagnostics',
  capabilities: {},
  register: (context) => {
    const { connection, store, log, images } = context;
    const debouncer = new PerDocumentDebouncer();
    const ignoreFiles = new DockerignoreFiles();
    let overrides: SeverityOverrides | undefined;
    const severities = (): SeverityOverrides =>
      (overrides ??= readSeverityOverrides(extractDiagnosticsSettings(context.initializationOptions())));

    const publish = (uri: string, version: number): void => {
      const parsed = store.getParsed(uri);
      // A newer version arrived after scheduling: its own run will publish.
      if (!parsed || parsed.version !== version) {
        return;
      }
      try {
        const dockerignore = ignoreFiles.textFor(uri);
        const options = { locale: context.locale(), severities: severities(), lookup: images.lookup };
        const diagnostics = computeDiagnostics(parsed, dockerignore === undefined ? options : { ...options, dockerignore });
        if (store.getDocument(uri)?.version === version) {
          void connection.sendDiagnostics({ uri, version, diagnostics });
        }
      } catch (error) {
        log.error(`[diagnostics] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    };
    const schedule = (uri: string): void => {
      const document = store.getDocument(uri);
      if (document) {
        const version = document.version;
        debouncer.schedule(uri, document.lineCount, () => publish(uri, version));
      }
    };

    images.onLearned(() => store.uris().forEach((uri) => schedule(uri)));
    store.onDidChange((event) => {
      if (event.kind === 'close') {
        debouncer.forget(event.uri);
        void connection.sendDiagnostics({ uri: event.uri, diagnostics: [] });
      } else {
        schedule(event.uri);
      }
    });
    connection.onNotification(buildContextsNotification, (params: unknown) => {
      ignoreFiles.setContexts(params);
      ignoreFiles.forget();
      store.uris().forEach((uri) => schedule(uri));
    });
    // The client watches `.dockerignore` files (CopyIgnoredFile reads them).
    connection.onDidChangeWatchedFiles(({ changes }) => {
      if (changes.some((change) => isDockerignoreUri(change.uri))) {
        ignoreFiles.forget();
        store.uris().forEach((uri) => schedule(uri));
      }
    });
    connection.onDidChangeConfiguration(async ({ settings }) => {
      overrides = readSeverityOverrides(extractDiagnosticsSettings(settings) ?? (await pullSettings(connection, context)));
      store.uris().forEach((uri) => schedule(uri));
    });
  },
};

/** Asks the client for `berthwise.diagnostics` when a configuration change carries no settings (pull model). */
async function pullSettings(connection: Connection, context: FeatureContext): Promise<unknown> {
  try {
    const [section] = (await connection.workspace.getConfiguration([{ section: 'berthwise.diagnostics' }])) as unknown[];
    return section ?? undefined;
  } catch (error) {
    context.log.error(`[diagnostics] configuration: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
