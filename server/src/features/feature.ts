import type { Connection, ServerCapabilities } from 'vscode-languageserver';
import type { DocLocale } from '../docs';
import type { DocumentStore } from '../documentStore';
import type { ErrorLog } from '../guard';
import type { ImageConfigCache } from './imageConfigs';

/** What every feature receives when the server wires it up. */
export interface FeatureContext {
  readonly connection: Connection;
  readonly store: DocumentStore;
  readonly log: ErrorLog;
  /** The documentation locale chosen from `initialize` (read at request time: it is set late). */
  readonly locale: () => DocLocale;
  /** The client's `initializationOptions` from `initialize` (read at request time: it is set late). */
  readonly initializationOptions: () => unknown;
  /** Whether the client answers `workspace/configuration` (read at request time: it is set late). */
  readonly canPullConfiguration: () => boolean;
  /** The client's answers about external base images (asked lazily; trusted workspaces only answer). */
  readonly images: ImageConfigCache;
}

/**
 * One language feature: the capabilities it announces and the handlers it registers.
 * Handlers must go through `guarded()` and delegate to pure functions in the feature's folder.
 */
export interface Feature {
  readonly name: string;
  readonly capabilities: ServerCapabilities;
  register(context: FeatureContext): void;
}
