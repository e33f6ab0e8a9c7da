/**
 * Identifiers that also appear in package.json. A unit test checks that both agree, so a rename
 * in one place cannot silently break menus, views or settings.
 */
export const viewIds = {
  engines: 'berthwise.engines',
  containers: 'berthwise.containers',
  images: 'berthwise.images',
  volumes: 'berthwise.volumes',
  networks: 'berthwise.networks',
} as const;

export const commandIds = {
  refreshExplorer: 'berthwise.explorer.refresh',
  showEngineLog: 'berthwise.engine.showLog',
  openEngineSettings: 'berthwise.engine.openSettings',
  restartLanguageServer: 'berthwise.language.restartServer',
  engineDoctor: 'berthwise.engine.doctor',
  pickEngine: 'berthwise.engine.pick',
  showEngine: 'berthwise.engine.show',
  // explorer commands (views, grouping, sorting)
  toggleComposeGrouping: 'berthwise.explorer.toggleComposeGrouping',
  chooseSortOrder: 'berthwise.explorer.chooseSortOrder',
  // object commands (exec, logs, prune, lifecycle, inspect)
  pruneContainers: 'berthwise.prune.containers',
  pruneImages: 'berthwise.prune.images',
  pruneVolumes: 'berthwise.prune.volumes',
  pruneNetworks: 'berthwise.prune.networks',
  pruneBuildCache: 'berthwise.prune.buildCache',
  pruneSystem: 'berthwise.prune.system',
  containerStart: 'berthwise.container.start',
  containerStop: 'berthwise.container.stop',
  containerRestart: 'berthwise.container.restart',
  containerPause: 'berthwise.container.pause',
  containerUnpause: 'berthwise.container.unpause',
  containerKill: 'berthwise.container.kill',
  containerRemove: 'berthwise.container.remove',
  containerRename: 'berthwise.container.rename',
  containerCopyId: 'berthwise.container.copyId',
  containerCopyName: 'berthwise.container.copyName',
  containerInspect: 'berthwise.container.inspect',
  containerShell: 'berthwise.container.shell',
  containerExecCommand: 'berthwise.container.execCommand',
  containerFollowLogs: 'berthwise.container.followLogs',
  containerLogsDocument: 'berthwise.container.logsDocument',
  imageRemove: 'berthwise.image.remove',
  imageTag: 'berthwise.image.tag',
  imageInspect: 'berthwise.image.inspect',
  volumeCreate: 'berthwise.volume.create',
  volumeRemove: 'berthwise.volume.remove',
  volumeInspect: 'berthwise.volume.inspect',
  networkCreate: 'berthwise.network.create',
  networkRemove: 'berthwise.network.remove',
  networkConnect: 'berthwise.network.connect',
  networkDisconnect: 'berthwise.network.disconnect',
  networkInspect: 'berthwise.network.inspect',
  inspectRefresh: 'berthwise.inspect.refresh',
  logsRefresh: 'berthwise.logs.refresh',
  containerOpenPort: 'berthwise.container.openPort',
  imageRun: 'berthwise.image.run',
  imageBuild: 'berthwise.image.build',
} as const;

export const settingIds = {
  engineHost: 'berthwise.engine.host',
  engineTimeoutMs: 'berthwise.engine.timeoutMs',
  engineHosts: 'berthwise.engine.hosts',
  engineSelected: 'berthwise.engine.selected',
  engineSshKnownHostsFile: 'berthwise.engine.sshKnownHostsFile',
  languageTrace: 'berthwise.language.trace.server',
  // explorer settings
  explorerGroupByCompose: 'berthwise.explorer.groupContainersByComposeProject',
  explorerSortBy: 'berthwise.explorer.sortBy',
  // object command settings
  pruneProtectionLabel: 'berthwise.prune.protectionLabel',
  logsTail: 'berthwise.logs.tail',
  logsSince: 'berthwise.logs.since',
  logsTimestamps: 'berthwise.logs.timestamps',
  // language server settings
  diagnostics: 'berthwise.diagnostics',
  buildContexts: 'berthwise.buildContexts',
} as const;

/** Context key the welcome views read: `reachable`, `unreachable`, or unset while connecting. */
export const engineStateContextKey = 'berthwise.engine.state';

export const languageId = 'dockerfile';
