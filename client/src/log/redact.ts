/**
 * Pure: removes secrets from text before it reaches the Berthwise log. Engine messages, exec
 * command lines and engine URLs can carry them: `POSTGRES_PASSWORD=…` in a command, a registry
 * `auth` field in an engine error, credentials in a URL, a TLS private key in a parse error.
 * Names are kept so the log stays useful; only values are replaced.
 */
export const redactedMark = '***';

/** Words that mark a name as secret wherever they appear in it (`PGPASSWORD`, `identitytoken`). */
const secretWord = /password|passwd|passphrase|secret|token|credential|apikey|api_key|access_key|private_key/;
/** Short words that count only as a whole segment, so `authors` is not `auth` and `passport` not `pass`. */
const secretSegment = /(?:^|_)(?:pass|pwd|auth)(?:_|$)/;

/** Whether a variable, flag or field name holds a secret: `DB_PASSWORD`, `apiToken`, `--password`, `"auth"`. */
export function isSecretName(name: string): boolean {
  const snake = name
    .replace(/^-+/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_');
  // SSH_AUTH_SOCK and friends name a socket path, not a secret.
  return (secretWord.test(snake) || secretSegment.test(snake)) && !/_sock$/.test(snake);
}

const privateKeyBlock = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g;
const urlCredentials = /\b([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+):[^\s/@]+@/gi;
const authHeader = /\b(Authorization|Proxy-Authorization|X-Registry-Auth|X-Registry-Config)(\s*[:=]\s*)(?:(Basic|Bearer|Token)\s+)?[^\s"',;]+/gi;
/** `"name": "value"` in JSON (engine error bodies, inspect fragments). */
const jsonField = /"([A-Za-z0-9_.-]+)"(\s*:\s*)"((?:[^"\\]|\\.)*)"/g;
/** `NAME=value` and `--name=value` on command lines and in messages. */
const assignment = /(^|[\s"'(\[{,;&?])(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)=("[^"]*"|'[^']*'|[^\s"'&]+)/g;
/** `--name value`: a secret flag followed by its value. */
const flagValue = /(^|[\s"'(\[{,;&])(--[A-Za-z][A-Za-z0-9_-]*)(\s+)("[^"]*"|'[^']*'|[^\s"'-][^\s"']*)/g;

export function redactSecrets(text: string): string {
  return text
    .replace(privateKeyBlock, '[private key redacted]')
    .replace(urlCredentials, `$1:${redactedMark}@`)
    .replace(authHeader, (_match, header: string, separator: string, scheme: string | undefined) => `${header}${separator}${scheme ? `${scheme} ` : ''}${redactedMark}`)
    .replace(jsonField, (match, name: string, separator: string) => (isSecretName(name) ? `"${name}"${separator}"${redactedMark}"` : match))
    .replace(assignment, (match, before: string, name: string, value: string) => (isSecretName(name) && value !== redactedMark ? `${before}${name}=${redactedMark}` : match))
    .replace(flagValue, (match, before: string, name: string, space: string) => (isSecretName(name) ? `${before}${name}${space}${redactedMark}` : match));
}
