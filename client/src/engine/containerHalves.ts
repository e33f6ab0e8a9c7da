/**
 * Lists all containers in two halves that the engine builds side by side.
 *
 * The engine spends nearly all of a container list building and encoding one entry per container
 * (for 1,000 containers, Docker 20.10 needs about 55 ms; parsing the answer takes Node 2.5 ms), and
 * it serves each request on its own thread. Asking for two halves at once lets it use two cores:
 * for the same 1,000 containers, 52 ms instead of 62 ms (p50 of 40 interleaved rounds).
 *
 * The halves are cut by the `name` filter, which Docker and Podman both read as a regular expression:
 * names whose last character is in a class, and names whose last character is not. Every name ends
 * in exactly one of the two, so every container is in one half (one with several names may be in
 * both, and is kept once). An engine that read the filter any other way would answer with holes, so
 * the first answers are checked: a third request, for the single newest container, is cheap for the
 * engine, and that container must be in one of the halves. If it is not, the whole list is asked for
 * in one request after all; after two such misses the engine is asked in one request from then on.
 * Once a check has passed, the engine reads the filter as a pattern, and later lists skip the check
 * (it cost 4–10 ms of the engine's time per list).
 *
 * Over SSH the halves are not worth it: every request shares the one connection, and three requests
 * made the containers view of 200 containers 30 ms instead of 23 ms.
 */

/** A raw `GET /containers/json` entry (only the fields this module reads are typed). */
export interface RawContainer {
  readonly Id: string;
  readonly Created?: number;
}

/** One `GET /containers/json?all=1` request, optionally filtered and limited. */
export type ListRequest<T extends RawContainer> = (query: { readonly filters?: string; readonly limit?: number }) => Promise<T[]>;

/** The two complementary name patterns (anchored at the end, so together they cover every name). */
export const nameHalves = ['[0-4a-m]$', '[^0-4a-m]$'] as const;

/** After this many answers with holes, an engine is asked in one request. */
const maxMisses = 2;

export class ContainerLister {
  private misses = 0;
  private verified = false;

  /** `split`: whether the engine's transport carries requests side by side (false over SSH). */
  constructor(private readonly split = true) {}

  /** Whether this engine is (still) asked in halves. */
  get splitting(): boolean {
    return this.split && this.misses < maxMisses;
  }

  async listAll<T extends RawContainer>(list: ListRequest<T>): Promise<T[]> {
    if (!this.splitting) {
      return list({});
    }
    const halves = nameHalves.map((pattern) => list({ filters: JSON.stringify({ name: [pattern] }) }));
    if (this.verified) {
      return mergeHalves(await Promise.all(halves));
    }
    const [newest, ...answers] = await Promise.all([list({ limit: 1 }), ...halves]);
    const merged = mergeHalves(answers);
    if (!coversNewest(merged, newest)) {
      this.misses += 1;
      return list({});
    }
    // With no container at all there was nothing to check: the next list checks again.
    this.verified = newest.length > 0;
    return merged;
  }
}

/** One list from the halves: each container once, newest first as the engine orders a whole list. */
export function mergeHalves<T extends RawContainer>(halves: readonly (readonly T[])[]): T[] {
  const byId = new Map<string, T>();
  for (const half of halves) {
    for (const container of half) {
      byId.set(container.Id, container);
    }
  }
  return [...byId.values()].sort((a, b) => (b.Created ?? 0) - (a.Created ?? 0) || (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0));
}

/**
 * Whether the newest container (the answer to `limit=1`) is among `merged`. With no containers at
 * all there is nothing to check (one created meanwhile may be in a half already).
 */
export function coversNewest(merged: readonly RawContainer[], newest: readonly RawContainer[]): boolean {
  const first = newest[0];
  return first === undefined || merged.some((container) => container.Id === first.Id);
}
