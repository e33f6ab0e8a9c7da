/**
 * Wraps the Berthwise log channel so every message is passed through `redactSecrets` first: one
 * place guards all writers (commands, explorer, engine session, terminals), present and future.
 * Generic over the channel type so it stays free of the VS Code API and is unit-tested in Node.
 */
import { redactSecrets } from './redact';

/** The channel methods that write text. */
const writers = new Set(['trace', 'debug', 'info', 'warn', 'error', 'append', 'appendLine', 'replace']);

function redactArgument(value: unknown): unknown {
  if (typeof value === 'string') {
    return redactSecrets(value);
  }
  if (value instanceof Error) {
    return redactSecrets(value.stack ?? value.message);
  }
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  // Objects would be formatted by the channel itself; format them here so they are redacted too.
  try {
    return redactSecrets(JSON.stringify(value) ?? '[unprintable value]');
  } catch {
    return '[unprintable value]';
  }
}

export function redactingLog<T extends object>(channel: T): T {
  return new Proxy(channel, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') {
        return value;
      }
      const method = value as (...args: unknown[]) => unknown;
      if (typeof property === 'string' && writers.has(property)) {
        return (...args: unknown[]) => method.apply(target, args.map(redactArgument));
      }
      return method.bind(target);
    },
  });
}
