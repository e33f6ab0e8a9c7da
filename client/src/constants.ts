/**
 * Identifiers that also appear in package.json. A unit test checks that both agree, so a rename
 * in one place cannot silently break menus, views or settings.
 */
export const viewIds = {
  containers: 'dockhand.containers',
  images: 'dockhand.images',
  volumes: 'dockhand.volumes',
  networks: 'dockhand.networks',
} as const;

export const commandIds = {
  refreshExplorer: 'dockhand.explorer.refresh',
  showEngineLog: 'dockhand.engine.showLog',
  openEngineSettings: 'dockhand.engine.openSettings',
  restartLanguageServer: 'dockhand.language.restartServer',
  // explorer commands (views, grouping, sorting)
  // object commands (exec, logs, prune, lifecycle, inspect)
} as const;

export const settingIds = {
  engineHost: 'dockhand.engine.host',
  engineTimeoutMs: 'dockhand.engine.timeoutMs',
  languageTrace: 'dockhand.language.trace.server',
  // explorer settings
  // object command settings
  // language server settings
} as const;

/** Context key the welcome views read: `reachable`, `unreachable`, or unset while connecting. */
export const engineStateContextKey = 'dockhand.engine.state';

export const languageId = 'dockerfile';
