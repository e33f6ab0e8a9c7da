/**
 * Pure: OpenSSH known_hosts matching, so an SSH engine is trusted only when its host key is listed
 * (never silently accepted). Supports plain and hashed (`|1|salt|hash`) host names, `[host]:port`,
 * comma lists, `*`/`?` wildcards, `!` negation and the `@revoked` marker.
 */
import { createHash, createHmac } from 'node:crypto';

export type HostKeyVerdict = 'trusted' | 'unknown' | 'mismatch' | 'revoked';

interface KnownHostLine {
  readonly marker?: string;
  readonly patterns: string;
  readonly keyType: string;
  readonly keyBase64: string;
}

/** The name known_hosts uses for a host: `host` on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** Decides whether `key` (the raw SSH public-key blob the server sent) is trusted for host:port. */
export function verifyHostKey(knownHostsText: string, host: string, port: number, key: Buffer): HostKeyVerdict {
  const name = knownHostsName(host, port);
  const keyBase64 = key.toString('base64');
  const keyType = sshKeyType(key);
  let verdict: HostKeyVerdict = 'unknown';
  for (const line of parseKnownHosts(knownHostsText)) {
    if (line.marker === '@cert-authority' || !patternsMatch(line.patterns, name)) {
      continue;
    }
    if (line.marker === '@revoked') {
      if (line.keyBase64 === keyBase64) {
        return 'revoked';
      }
      continue;
    }
    if (line.keyBase64 === keyBase64) {
      verdict = 'trusted';
    } else if (verdict === 'unknown' && line.keyType === keyType) {
      // Same host, same key type, other key: the classic "host key changed" warning.
      verdict = 'mismatch';
    }
  }
  return verdict;
}

/** The SHA256 fingerprint OpenSSH prints (`SHA256:…`, unpadded base64). */
export function fingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named inside an SSH public-key blob (its first length-prefixed string). */
export function sshKeyType(key: Buffer): string {
  if (key.length < 4) {
    return '';
  }
  const length = key.readUInt32BE(0);
  return key.length >= 4 + length ? key.subarray(4, 4 + length).toString('latin1') : '';
}

function parseKnownHosts(text: string): KnownHostLine[] {
  const lines: KnownHostLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      continue;
    }
    const fields = trimmed.split(/\s+/);
    const marker = fields[0]?.startsWith('@') ? fields.shift() : undefined;
    const [patterns, keyType, keyBase64] = fields;
    if (patterns && keyType && keyBase64) {
      lines.push({ ...(marker ? { marker } : {}), patterns, keyType, keyBase64 });
    }
  }
  return lines;
}

function patternsMatch(patterns: string, name: string): boolean {
  if (patterns.startsWith('|1|')) {
    return hashedMatch(patterns, name);
  }
  let matched = false;
  for (const pattern of patterns.split(',')) {
    if (pattern.startsWith('!')) {
      if (wildcardMatch(pattern.slice(1), name)) {
        return false; // a negated match excludes the host whatever else matches
      }
    } else if (wildcardMatch(pattern, name)) {
      matched = true;
    }
  }
  return matched;
}

function hashedMatch(entry: string, name: string): boolean {
  const [, , salt, hash] = entry.split('|');
  if (!salt || !hash) {
    return false;
  }
  return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}

function wildcardMatch(pattern: string, name: string): boolean {
  const escaped = pattern.toLowerCase().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`).test(name.toLowerCase());
}
