import { buildContextsNotification } from '../../protocol';
import type { FeatureContext, Feature } from '../feature';
import { computeDiagnostics } from './computeDiagnostics';
import { DockerignoreFiles, isDockerignoreUri } from './dockerignoreFiles';
import { PerDocumentDebouncer } from './scheduler';
import { SeveritySource, type PullSettings } from './severitySource';

/** Publishes diagnostics for every open Dockerfile, debounced per document and never for an old version. */
export const diagnosticsFeature: Feature = {
  name: 'diagnostics',
  capabilities: {},
  register: (context) => {
    const { connection, store, log, images } = context;
    const debouncer = new PerDocumentDebouncer();
    const severities = new SeveritySource(pullSettings(context), context.initializationOptions);
    const ignoreFiles = new DockerignoreFiles();

    const publish = async (uri: string, version: number): Promise<void> => {
      if (!isCurrent(uri, version)) {
        return; // a newer version arrived after scheduling: its own run will publish
      }
      const overrides = await severities.severitiesFor(uri);
      const parsed = store.getParsed(uri);
      if (!parsed || parsed.version !== version) {
        return;
      }
      try {
        const dockerignore = ignoreFiles.textFor(uri);
        const options = { locale: context.locale(), severities: overrides, lookup: images.lookup };
        const diagnostics = computeDiagnostics(parsed, dockerignore === undefined ? options : { ...options, dockerignore });
        if (store.getDocument(uri)?.version === version) {
          void connection.sendDiagnostics({ uri, version, diagnostics });
        }
      } catch (error) {
        log.error(`[diagnostics] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    };
    const isCurrent = (uri: string, version: number): boolean => store.getDocument(uri)?.version === version;
    const schedule = (uri: string, cause: 'edit' | 'other' = 'other'): void => {
      const document = store.getDocument(uri);
      if (document) {
        const version = document.version;
        debouncer.schedule(uri, document.lineCount, cause, () => void publish(uri, version));
      }
    };

    images.onLearned(() => store.uris().forEach((uri) => schedule(uri)));
    store.onDidChange((event) => {
      if (event.kind === 'close') {
        debouncer.forget(event.uri);
        severities.forget(event.uri);
        void connection.sendDiagnostics({ uri: event.uri, diagnostics: [] });
      } else {
        schedule(event.uri, event.kind === 'change' ? 'edit' : 'other');
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
    connection.onDidChangeConfiguration(({ settings }) => {
      severities.changed(settings);
      store.uris().forEach((uri) => schedule(uri));
    });
  },
};

/** Asks the client for `berthwise.diagnostics` as it applies to one document (its workspace folder's value). */
function pullSettings(context: FeatureContext): PullSettings {
  return async (uri) => {
    if (!context.canPullConfiguration()) {
      return null; // a client that cannot be asked: initializationOptions or pushed settings apply
    }
    try {
      const [section] = (await context.connection.workspace.getConfiguration([{ scopeUri: uri, section: 'berthwise.diagnostics' }])) as unknown[];
      return section ?? null;
    } catch (error) {
      context.log.error(`[diagnostics] configuration: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  };
}
