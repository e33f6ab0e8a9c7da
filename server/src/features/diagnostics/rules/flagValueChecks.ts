/** Pure checks of flag values, each mirroring the Go parser BuildKit uses for that flag. */

const durationUnits: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's `time.ParseDuration`, in milliseconds; undefined when Go rejects the text. */
export function parseGoDuration(text: string): number | undefined {
  const match = /^([-+]?)(.*)$/.exec(text);
  let rest = match?.[2] ?? '';
  const sign = match?.[1] === '-' ? -1 : 1;
  if (rest === '0') {
    return 0;
  }
  if (rest === '') {
    return undefined;
  }
  let total = 0;
  while (rest !== '') {
    const part = /^(\d*)(?:\.(\d*))?([a-zµμ]+)/.exec(rest);
    const unit = part?.[3];
    if (!part || (part[1] === '' && (part[2] ?? '') === '') || unit === undefined || durationUnits[unit] === undefined) {
      return undefined;
    }
    total += Number(`${part[1] || '0'}.${part[2] ?? ''}0`) * durationUnits[unit];
    rest = rest.slice(part[0].length);
  }
  return sign * total;
}

/** A HEALTHCHECK duration: Go syntax, and zero or at least 1 ms. */
export function durationProblem(text: string): 'syntax' | 'tooShort' | undefined {
  const milliseconds = parseGoDuration(text);
  if (milliseconds === undefined) {
    return 'syntax';
  }
  return milliseconds !== 0 && milliseconds < 1 ? 'tooShort' : undefined;
}

/** `--retries`: a base-10 integer (Go ParseInt, 32 bits) that is not negative. */
export function isValidRetries(text: string): boolean {
  if (!/^[-+]?\d+$/.test(text)) {
    return false;
  }
  const value = Number(text);
  return value >= 0 && value <= 2 ** 31 - 1;
}

/** `--chmod`: octal digits, or (Dockerfile 1.14+) a symbolic mode such as `u+x,go-w`. */
export function isValidChmod(text: string): boolean {
  return /^[0-7]+$/.test(text) || /^[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+(?:,[ugoa]*(?:[-+=](?:[rwxXst]*|[ugo]))+)*$/.test(text);
}

/** `--checksum`: an OCI digest (`sha256:` + 64 hex …), or a git commit for git sources. */
export function isValidChecksum(text: string): boolean {
  const digest = /^(sha256|sha384|sha512):([0-9a-f]+)$/.exec(text);
  if (digest) {
    const lengths: Readonly<Record<string, number>> = { sha256: 64, sha384: 96, sha512: 128 };
    return digest[2]?.length === lengths[digest[1] ?? ''];
  }
  return /^[0-9a-f]{7,64}$/.test(text);
}

/** `FROM --platform`: `os[/arch[/variant]]`, each part plain (an OS version in parentheses allowed). */
export function isValidPlatform(text: string): boolean {
  const parts = text.split('/');
  return parts.length <= 3 && parts.every((part, index) => /^[A-Za-z0-9_.-]+$/.test(index === 0 ? part.replace(/\([^()]*\)$/, '') : part));
}

/** Go's `strconv.ParseBool`. */
export function isGoBool(text: string): boolean {
  return ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text);
}
