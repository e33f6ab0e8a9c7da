/** Pure formatting and sorting helpers shared by the tree descriptors. */
import type { SortOrder, Translate } from './treeModel';

/** The translation used in plain Node: fills `{n}` placeholders, English text. */
export const formatOnly: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, index: string) => String(args[Number(index)] ?? whole));

/** `sha256:abcdef…` → `abcdef123456`. */
export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/** Bytes in the units `docker` prints (powers of 1000), e.g. `1.2 MB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A compact age such as `45s`, `3m`, `5h`, `2d`, `6w`, `1y` from seconds since the epoch. */
export function formatAge(createdSeconds: number, nowMs: number): string {
  if (createdSeconds <= 0) {
    return '?';
  }
  const seconds = Math.max(0, Math.floor(nowMs / 1000 - createdSeconds));
  const steps: [number, string][] = [
    [60, 's'],
    [60, 'm'],
    [24, 'h'],
    [7, 'd'],
    [52, 'w'],
  ];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (value < size) {
      return `${value}${unit}`;
    }
    value = Math.floor(value / size);
  }
  return `${Math.floor(value)}y`;
}

/** An ISO date-time (UTC, to the second) from seconds since the epoch. */
export function formatDate(seconds: number): string {
  return seconds > 0 ? new Date(seconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '?';
}

/** Built on first use: creating a collator loads locale data (about 5 ms), which activation must not pay. */
let collator: Intl.Collator | undefined;

/** Compares labels for display order (locale-aware, numbers by value: `web-2` before `web-10`). */
export function compareLabels(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { numeric: true });
  return collator.compare(a, b);
}

/** Sorts by the chosen order; `rank` gives the state order, ties fall back to the label. */
export function sortModels<T>(items: readonly T[], order: SortOrder, key: { label(item: T): string; created(item: T): number; rank?(item: T): number }): T[] {
  const byLabel = (a: T, b: T): number => compareLabels(key.label(a), key.label(b));
  return [...items].sort((a, b) => {
    if (order === 'created') {
      return key.created(b) - key.created(a) || byLabel(a, b);
    }
    if (order === 'state' && key.rank) {
      return key.rank(a) - key.rank(b) || byLabel(a, b);
    }
    return byLabel(a, b);
  });
}


/** Adds a value to the list under a key (building the cross-reference maps in one pass). */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}
