/**
 * Identifiers that also appear in package.json. A unit test checks that both agree, so a rename
 * in one place cannot silently break menus, views or settings.
 */
export const viewIds = {
  engines: 'dockhand.engines',
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
  engineDoctor: 'dockhand.engine.doctor',
  pickEngine: 'dockhand.engine.pick',
  showEngine: 'dockhand.engine.show',
  // explorer commands (views, grouping, sorting)
  toggleComposeGrouping: 'dockhand.explorer.toggleComposeGrouping',
  chooseSortOrder: 'dockhand.explorer.chooseSortOrder',
  // object commands (exec, logs, prune, lifecycle, inspect)
  pruneContainers: 'dockhand.prune.containers',
  pruneImages: 'dockhand.prune.images',
  pruneVolumes: 'dockhand.prune.volumes',
  pruneNetworks: 'dockhand.prune.networks',
  pruneBuildCache: 'dockhand.prune.buildCache',
  pruneSystem: 'dockhand.prune.system',
  containerStart: 'dockhand.container.start',
  containerStop: 'dockhand.container.stop',
  containerRestart: 'dockhand.container.restart',
  containerPause: 'dockhand.container.pause',
  containerUnpause: 'dockhand.container.unpause',
  containerKill: 'dockhand.container.kill',
  containerRemove: 'dockhand.container.remove',
  containerRename: 'dockhand.container.rename',
  containerCopyId: 'dockhand.container.copyId',
  containerCopyName: 'dockhand.container.copyName',
  containerInspect: 'dockhand.container.inspect',
  containerShell: 'dockhand.container.shell',
  containerExecCommand: 'dockhand.container.execCommand',
  containerFollowLogs: 'dockhand.container.followLogs',
  containerLogsDocument: 'dockhand.container.logsDocument',
  imageRemove: 'dockhand.image.remove',
  imageTag: 'dockhand.image.tag',
  imageInspect: 'dockhand.image.inspect',
  volumeCreate: 'dockhand.volume.create',
  volumeRemove: 'dockhand.volume.remove',
  volumeInspect: 'dockhand.volume.inspect',
  networkCreate: 'dockhand.network.create',
  networkRemove: 'dockhand.network.remove',
  networkConnect: 'dockhand.network.connect',
  networkDisconnect: 'dockhand.network.disconnect',
  networkInspect: 'dockhand.network.inspect',
  inspectRefresh: 'dockhand.inspect.refresh',
  containerOpenPort: 'dockhand.container.openPort',
  imageRun: 'dockhand.image.run',
} as const;

export const settingIds = {
  engineHost: 'dockhand.engine.host',
  engineTimeoutMs: 'dockhand.engine.timeoutMs',
  engineHosts: 'dockhand.engine.hosts',
  engineSelected: 'dockhand.engine.selected',
  engineSshKnownHostsFile: 'dockhand.engine.sshKnownHostsFile',
  languageTrace: 'dockhand.language.trace.server',
  // explorer settings
  explorerGroupByCompose: 'dockhand.explorer.groupContainersByComposeProject',
  explorerSortBy: 'dockhand.explorer.sortBy',
  // object command settings
  pruneProtectionLabel: 'dockhand.prune.protectionLabel',
  logsTail: 'dockhand.logs.tail',
  logsSince: 'dockhand.logs.since',
  logsTimestamps: 'dockhand.logs.timestamps',
  // language server settings
  diagnostics: 'dockhand.diagnostics',
} as const;

/** Context key the welcome views read: `reachable`, `unreachable`, or unset while connecting. */
export const engineStateContextKey = 'dockhand.engine.state';

export const languageId = 'dockerfile';
