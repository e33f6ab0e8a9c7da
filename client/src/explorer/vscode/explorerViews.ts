import * as vscode from 'vscode';
import { viewIds } from '../../constants';
import type { EngineObjectKind } from '../../engine/types';
import type { EngineSession } from '../../engines/vscode/engineSession';
import { engineViewDescription } from '../../engines/vscode/engineLabel';
import { readExplorerSettings, type SettingsWatcher } from '../../settings';
import { containerDescriptor, imageDescriptor, networkDescriptor, volumeDescriptor, type ResourceDescriptor, type TreeItemModel, type ViewOptions } from '../descriptors';
import { ContainerFacts } from '../containerFacts';
import { ExplorerState } from '../explorerState';
import { RefreshController } from '../refreshController';
import { RelativeTimeTicker, type TimedView } from '../relativeTimeTicker';
import { ResourceTreeProvider } from './resourceTreeProvider';

/** The explorer as the rest of the extension sees it. */
export interface Explorer extends vscode.Disposable {
  /** Re-lists every visible kind (Refresh / Retry). */
  refresh(): Promise<void>;
  /** The current top-level items of a view, for the integration tests. */
  items(kind: EngineObjectKind): TreeItemModel[];
  readonly controller: RefreshController;
  /** Re-lists, then selects the object in its view (e.g. a freshly built image); false when it is not shown. */
  reveal(kind: EngineObjectKind, id: string): Promise<boolean>;
}

function readViewOptions(): ViewOptions {
  return {
    ...readExplorerSettings(),
    now: Date.now(),
    t: (message, ...args) => vscode.l10n.t(message, ...args),
  };
}

/**
 * Builds the four views, one shared copy of the engine objects and the refresh controller, and
 * connects view visibility to the controller so hidden views cost no engine work.
 */
export function createExplorer(session: EngineSession, settings: SettingsWatcher, log: vscode.LogOutputChannel): Explorer {
  const state = new ExplorerState();
  const disposables: vscode.Disposable[] = [];
  const providers = new Map<EngineObjectKind, ResourceTreeProvider>();
  const views: vscode.TreeView<TreeItemModel>[] = [];
  const timedViews: TimedView[] = [];
  // Relative times re-render from stored times while a view is visible: never an engine call.
  const ticker = new RelativeTimeTicker(() => timedViews);
  const containerFacts = new ContainerFacts(state);
  const viewsByKind = new Map<EngineObjectKind, vscode.TreeView<TreeItemModel>>();
  const controller = new RefreshController({
    engine: () => session.engine,
    state,
    // Containers feed the other views (image in use, volume users, network members): a container
    // change re-renders one of them only when what it shows of the containers changed.
    onDidChange: (kinds) => {
      for (const [kind, provider] of providers) {
        // Always compared, so the facts remembered are those of the last render.
        const shownContainersChanged = kinds.has('container') && containerFacts.changed(kind);
        if (kinds.has(kind) || shownContainersChanged) {
          provider.refresh();
        }
      }
    },
    onFailure: (kind, error) => providers.get(kind)?.setFailure(error),
    onReachability: (reachable, detail) => {
      if (!reachable && detail.error) {
        log.warn(detail.error.message);
      }
      session.reportState(reachable ? 'reachable' : 'unreachable', { ...(detail.version ? { version: detail.version } : {}), ...(detail.error ? { error: detail.error.message } : {}) });
    },
    log: (level, message) => (level === 'warn' ? log.warn(message) : log.info(message)),
  });

  const register = (viewId: string, descriptor: ResourceDescriptor): void => {
    // The provider reports failures through the view's message line; `view` exists before any
    // failure can be reported, since loading starts only once the view is visible.
    const provider = new ResourceTreeProvider(
      descriptor,
      state,
      readViewOptions,
      (message) => {
        view.message = message;
      },
      () => ticker.schedule(),
    );
    const view: vscode.TreeView<TreeItemModel> = vscode.window.createTreeView(viewId, { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true });
    providers.set(descriptor.kind, provider);
    containerFacts.track(descriptor);
    views.push(view);
    viewsByKind.set(descriptor.kind, view);
    timedViews.push({
      get visible() {
        return view.visible;
      },
      get nextTextChangeAt() {
        return provider.nextTextChangeAt;
      },
      rerender: () => provider.refresh(),
    });
    disposables.push(
      view,
      provider,
      view.onDidChangeVisibility((event) => {
        controller.setVisible(descriptor.kind, event.visible);
        ticker.schedule();
      }),
    );
    if (view.visible) {
      controller.setVisible(descriptor.kind, true);
    }
  };
  register(viewIds.containers, containerDescriptor);
  register(viewIds.images, imageDescriptor);
  register(viewIds.volumes, volumeDescriptor);
  register(viewIds.networks, networkDescriptor);

  disposables.push(
    session.onDidChangeEngine(() => controller.restart()),
    // Name a selected or remote engine in every view's title bar.
    session.onDidChangeStatus((status) => views.forEach((view) => (view.description = engineViewDescription(status)))),
    settings.onDidChange((change) => {
      if (change.affects('explorer')) {
        providers.forEach((provider) => provider.refresh());
      }
    }),
  );

  return {
    controller,
    refresh: () => controller.refresh(),
    items: (kind) => providers.get(kind)?.getChildren() ?? [],
    reveal: async (kind, id) => {
      await controller.refresh();
      const item = providers.get(kind)?.findObject(id);
      const view = viewsByKind.get(kind);
      if (!item || !view) {
        return false;
      }
      await view.reveal(item, { select: true, focus: false, expand: false });
      return true;
    },
    dispose: () => {
      ticker.dispose();
      controller.dispose();
      for (const disposable of disposables) {
        disposable.dispose();
      }
    },
  };
}
