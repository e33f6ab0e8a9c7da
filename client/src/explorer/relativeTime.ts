/**
 * Pure: relative times that stay true. The engine's container `Status` ("Up 2 minutes", "Exited
 * (137) Less than a second ago") is relative to the moment of the list call; shown as is, it
 * freezes. Read once, it gives an absolute time (observed at minus the duration it names), from
 * which the text is rendered again at any later moment, in the engine's own words.
 */

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

/** A duration in the words `docker ps` uses (go-units' HumanDuration). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / second);
  if (seconds < 1) {
    return 'Less than a second';
  }
  if (seconds === 1) {
    return '1 second';
  }
  if (seconds < 60) {
    return `${seconds} seconds`;
  }
  const minutes = Math.floor(ms / minute);
  if (minutes === 1) {
    return 'About a minute';
  }
  if (minutes < 60) {
    return `${minutes} minutes`;
  }
  const hours = Math.round(ms / hour);
  if (hours === 1) {
    return 'About an hour';
  }
  if (hours < 48) {
    return `${hours} hours`;
  }
  if (hours < 24 * 7 * 2) {
    return `${Math.floor(hours / 24)} days`;
  }
  if (hours < 24 * 30 * 2) {
    return `${Math.floor(hours / 24 / 7)} weeks`;
  }
  if (hours < 24 * 365 * 2) {
    return `${Math.floor(hours / 24 / 30)} months`;
  }
  return `${Math.floor(ms / hour / 24 / 365)} years`;
}

const durationPattern = /(Less than a second|About a minute|About an hour|(\d+) (second|minute|hour|day|week|month|year)s?)/;

/** The shortest duration a HumanDuration phrase stands for (so a rendered time is never ahead of the truth). */
function shortestDuration(match: RegExpExecArray): number {
  switch (match[1]) {
    case 'Less than a second':
      return 0;
    case 'About a minute':
      return minute;
    case 'About an hour':
      return hour; // rounded to one hour, but at least 60 minutes (below that it says minutes)
  }
  const count = Number(match[2]);
  switch (match[3]) {
    case 'second':
      return count * second;
    case 'minute':
      return count * minute;
    case 'hour':
      return count * hour - hour / 2; // hours are rounded
    case 'day':
      return count * day - hour / 2;
    case 'week':
      return count * 7 * day - hour / 2;
    case 'month':
      return count * 30 * day - hour / 2;
    default:
      return count * 365 * day;
  }
}

/** A status text split around its duration, and the absolute time that duration counts from. */
export interface StatusAnchor {
  readonly before: string;
  readonly after: string;
  /** Milliseconds since the epoch: when the container started (Up …) or stopped (Exited … ago). */
  readonly sinceMs: number;
}

/** Reads the engine's status text observed at `observedAtMs`; undefined when it names no duration ("Created", "Dead"). */
export function anchorStatus(status: string, observedAtMs: number): StatusAnchor | undefined {
  const match = durationPattern.exec(status);
  if (!match) {
    return undefined;
  }
  return { before: status.slice(0, match.index), after: status.slice(match.index + match[0].length), sinceMs: observedAtMs - shortestDuration(match) };
}

/** The status text as the engine would write it at `nowMs`. */
export function renderStatus(anchor: StatusAnchor, nowMs: number): string {
  return `${anchor.before}${humanDuration(Math.max(0, nowMs - anchor.sinceMs))}${anchor.after}`;
}

/**
 * How long until a relative text of this age may read differently: every second in the first
 * minute, every minute in the first hour, then every half hour (hours are rounded, so they turn
 * at the half hour; days, weeks and years turn at whole hours). Both `humanDuration` and the
 * compact ages (`formatAge`) change only at these moments.
 */
export function nextTextChangeIn(ageMs: number): number {
  const age = Math.max(0, ageMs);
  const step = age < minute ? second : age < hour ? minute : hour / 2;
  return step - (age % step);
}
