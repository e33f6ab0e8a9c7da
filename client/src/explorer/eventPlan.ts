/**
 * Pure: what one engine event means for the explorer's copy of the objects — fetch one object
 * again, drop one, re-list a kind, or nothing. Kept apart from the controller so every rule is a
 * table-driven unit test.
 */
import type { EngineEvent, EngineObjectKind } from '../engine/types';

export type EventEffect =
  | {
      readonly type: 'fetch';
      readonly kind: EngineObjectKind;
      readonly id: string;
      /** How many stale lookups came before this one. */
      readonly attempt?: number;
    }
  | { readonly type: 'remove'; readonly kind: EngineObjectKind; readonly id: string }
  | { readonly type: 'relist'; readonly kind: EngineObjectKind }
  | { readonly type: 'none' };

/** Container actions that change nothing the explorer shows (exec, attach, copies, …). */
const quietContainerActions = new Set(['exec_create', 'exec_start', 'exec_die', 'exec_detach', 'attach', 'detach', 'resize', 'top', 'archive-path', 'extract-to-dir', 'export', 'copy']);
const removalActions = new Set(['destroy', 'delete', 'remove', 'prune']);
/** What a container event says about the container's state once the engine has recorded it. */
export type ExpectedState = 'notRunning' | 'paused' | 'notPaused';

/**
 * Container actions that announce a state. Docker 20.10 logs `die`, `pause` and `unpause` before it
 * saves the new state where the list API reads it (and sends more events, such as the `none`
 * network's `disconnect`, in between), so a lookup made at once can still read the old one: the
 * controller then looks again (see RefreshController.lookAgain).
 */
const announcedStates: ReadonlyMap<string, ExpectedState> = new Map([
  ['die', 'notRunning'],
  ['stop', 'notRunning'],
  ['pause', 'paused'],
  ['unpause', 'notPaused'],
]);
/** Container actions after which no earlier announcement holds (the container runs again or is new). */
const restartingActions = new Set(['create', 'start', 'restart']);

/**
 * What an event says about its container's state: the state a lookup must read from now on, `moved
 * on` when an earlier announcement no longer holds, or undefined when it says nothing of it (most
 * events, including the network events that name a container).
 */
export function announcementOf(event: EngineEvent): ExpectedState | 'movedOn' | undefined {
  if (event.kind !== 'container') {
    return undefined;
  }
  return announcedStates.get(event.action) ?? (restartingActions.has(event.action) ? 'movedOn' : undefined);
}

/** Whether a container state (`running`, `paused`, `exited`…) is the one an event announced. */
export function meetsExpectation(state: string, expect: ExpectedState): boolean {
  switch (expect) {
    case 'notRunning':
      return state !== 'running';
    case 'paused':
      return state === 'paused';
    case 'notPaused':
      return state !== 'paused';
  }
}

/** Maps an event to the one effect it has on the explorer's copy of the objects. */
export function effectOf(event: EngineEvent): EventEffect {
  switch (event.kind) {
    case 'container':
      if (quietContainerActions.has(event.action)) {
        return { type: 'none' };
      }
      if (event.action === 'commit') {
        // A commit makes a new image but the engine emits no image event for it.
        return { type: 'relist', kind: 'image' };
      }
      if (removalActions.has(event.action)) {
        return { type: 'remove', kind: 'container', id: event.id };
      }
      return { type: 'fetch', kind: 'container', id: event.id };
    case 'image':
      if (event.action === 'prune') {
        return { type: 'relist', kind: 'image' };
      }
      // untag may leave the image in place (other tags), so look it up rather than dropping it.
      return event.action === 'delete' ? { type: 'remove', kind: 'image', id: event.id } : { type: 'fetch', kind: 'image', id: event.id };
    case 'volume':
      if (event.action === 'mount' || event.action === 'unmount') {
        return { type: 'none' }; // which containers use a volume comes from the containers' mounts
      }
      if (event.action === 'prune') {
        return { type: 'relist', kind: 'volume' };
      }
      return removalActions.has(event.action) ? { type: 'remove', kind: 'volume', id: event.id } : { type: 'fetch', kind: 'volume', id: event.id };
    case 'network': {
      if (event.action === 'connect' || event.action === 'disconnect') {
        // The connected containers come from each container's networks: refresh that container.
        const container = event.attributes['container'];
        return container ? { type: 'fetch', kind: 'container', id: container } : { type: 'none' };
      }
      if (event.action === 'prune') {
        return { type: 'relist', kind: 'network' };
      }
      return removalActions.has(event.action) ? { type: 'remove', kind: 'network', id: event.id } : { type: 'fetch', kind: 'network', id: event.id };
    }
  }
}

/**
 * Every effect of one event: its own (effectOf) and, for the last event of a classic (non-BuildKit)
 * build step, a re-list of the images. Measured on Docker 20.10: a `DOCKER_BUILDKIT=0` build
 * commits each step from a helper container and sends no image event for the images it makes; the
 * helper's create/start/die/destroy and, with `-t`, one `tag` for the final image are all that
 * arrive. A multi-stage build leaves its earlier stages' results as dangling images nobody hears
 * of. The helper containers are created from an image id (`image` = `sha256:…`), which a
 * container made by a person from a name is not; their `destroy` follows the commit of their step.
 */
export function effectsOf(event: EngineEvent): EventEffect[] {
  const own = effectOf(event);
  const buildStepEnded = event.kind === 'container' && event.action === 'destroy' && (event.attributes['image'] ?? '').startsWith('sha256:');
  return buildStepEnded ? [own, { type: 'relist', kind: 'image' }] : [own];
}

/** A stable key so several events for one object inside a burst cost one engine call. */
export function effectKey(effect: EventEffect): string {
  switch (effect.type) {
    case 'fetch':
    case 'remove':
      return `${effect.kind}:${effect.id}`;
    case 'relist':
      return `${effect.kind}:*`;
    case 'none':
      return '';
  }
}
