/**
 * What the explorer knows ahead of the engine's list. Docker logs some container events (die, pause,
 * unpause) before it saves the state they announce, so a lookup made at once can read the old state.
 * This keeps the state each container's last announcing event promised, checks every lookup against
 * it, and makes a lookup again when the engine answered too early. The refresh controller owns one.
 */
import type { EngineEvent } from '../engine/types';
import { announcementOf, effectKey, meetsExpectation, type EventEffect, type ExpectedState } from './eventPlan';

type FetchEffect = Extract<EventEffect, { type: 'fetch' }>;

/** One announced state; compared by identity, so a newer announcement supersedes an older one's retries. */
export interface Expectation {
  readonly state: ExpectedState;
}

export interface AnnouncedStatesOptions {
  /** Resolves when the engine has answered an inspect of the object (whatever the answer). */
  readonly inspect: (effect: FetchEffect, signal: AbortSignal) => Promise<void>;
  /** Plans the lookup again (the controller batches it with other events). */
  readonly plan: (effect: FetchEffect) => void;
  readonly log: (message: string) => void;
}

/** A lookup waiting to be made again; `fired` settles when it was planned or cancelled. */
interface Retry {
  /** The object it looks up (effectKey). */
  readonly key: string;
  readonly fired: Promise<void>;
  readonly cancel: () => void;
}

/** How many times a lookup is made again before the explorer stops waiting for the announced state. */
const maxAttempts = 5;

export class AnnouncedStates {
  /**
   * Kept per object, not per event: later events for the container (the `none` network's
   * `disconnect` follows `die`) replace its pending lookup, and that lookup must still be checked.
   */
  private readonly expectations = new Map<string, Expectation>();
  private readonly retries = new Set<Retry>();

  constructor(private readonly options: AnnouncedStatesOptions) {}

  /** Records what an event announces, and forgets the objects its effects remove. */
  note(event: EngineEvent, effects: readonly EventEffect[]): void {
    const announcement = announcementOf(event);
    if (announcement !== undefined) {
      const key = effectKey({ type: 'fetch', kind: 'container', id: event.id });
      if (announcement === 'movedOn') {
        this.expectations.delete(key);
      } else {
        this.expectations.set(key, { state: announcement });
      }
    }
    for (const effect of effects) {
      if (effect.type === 'remove') {
        this.expectations.delete(effectKey(effect));
      }
    }
  }

  /** What a lookup about to be made must read (taken before the call, so a newer event is not confused with it). */
  expectationFor(effect: FetchEffect): Expectation | undefined {
    return this.expectations.get(effectKey(effect));
  }

  /**
   * Checks a lookup's answer against the expectation taken before it: the engine has caught up, or
   * the lookup is made again. `isCurrent` says whether the controller's connection is still the one
   * the lookup was made on.
   */
  checkAnswer(effect: FetchEffect, state: string, expectation: Expectation, signal: AbortSignal, isCurrent: () => boolean): void {
    const key = effectKey(effect);
    if (!meetsExpectation(state, expectation.state)) {
      this.lookAgain(effect, expectation, signal, isCurrent);
    } else if (this.expectations.get(key) === expectation) {
      this.expectations.delete(key);
    }
  }

  /** Settles when every retry waiting now was planned or cancelled (for `settled()`). */
  retriesPlanned(): Promise<void> {
    return Promise.all([...this.retries].map((retry) => retry.fired)).then(() => undefined);
  }

  get retrying(): boolean {
    return this.retries.size > 0;
  }

  /** Forgets everything (the connection stopped). */
  clear(): void {
    for (const retry of [...this.retries]) {
      retry.cancel();
    }
    this.expectations.clear();
  }

  /**
   * Plans the same lookup again once the engine has saved the state its event announced. The first
   * time it waits for an inspect of the object: Docker answers an inspect only under the container's
   * lock, which it holds from before the event until the new state is saved where the list reads it,
   * so the next lookup reads the saved state however long the engine's cleanup took. Engines without
   * that lock get a few short timed retries after it.
   */
  private lookAgain(effect: FetchEffect, expectation: Expectation, signal: AbortSignal, isCurrent: () => boolean): void {
    const key = effectKey(effect);
    if ([...this.retries].some((retry) => retry.key === key)) {
      return; // one is on its way already
    }
    const attempt = (effect.attempt ?? 0) + 1;
    if (attempt > maxAttempts) {
      this.expectations.delete(key);
      this.options.log(`The engine still lists ${effect.kind} ${effect.id} in its old state after an event announced a new one; the next event or list corrects it.`);
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancel: () => void = () => undefined;
    const cancelled = new Promise<void>((resolve) => (cancel = resolve));
    const ready =
      attempt === 1
        ? this.options.inspect(effect, signal).catch(() => undefined) // gone or failing: the lookup itself finds out and says so
        : new Promise<void>((resolve) => (timer = setTimeout(resolve, 50 * 2 ** (attempt - 2))));
    const retry: Retry = {
      key,
      fired: Promise.race([ready, cancelled]).then(() => {
        clearTimeout(timer);
        if (!this.retries.delete(retry)) {
          return; // cancelled when the connection stopped
        }
        // A newer announcement (or a lookup that read this one) supersedes this retry.
        if (isCurrent() && this.expectations.get(key) === expectation) {
          this.options.plan({ ...effect, attempt });
        }
      }),
      cancel: () => {
        this.retries.delete(retry);
        cancel();
      },
    };
    this.retries.add(retry);
  }
}
