import { classifyTlsError } from './transport/tls';

/** Classified engine failures, each with a message that tells the user what to do. */
export type EngineErrorKind = 'unreachable' | 'permissionDenied' | 'notFound' | 'conflict' | 'timeout' | 'cancelled' | 'other';

export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

interface ErrorLike {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  json?: { message?: unknown } | null;
}

/** Turns whatever dockerode or the socket threw into an EngineError with an actionable message. */
export function classifyEngineError(error: unknown, target: string): EngineError {
  if (error instanceof EngineError) {
    return error;
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const engineMessage = typeof e.json?.message === 'string' ? e.json.message : typeof e.message === 'string' ? e.message : String(error);
  const tls = classifyTlsError(code, target);
  if (tls) {
    return new EngineError(tls.kind, tls.message, error);
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new EngineError(
      'permissionDenied',
      `Permission denied on ${target}. On Linux, add your user to the "docker" group (sudo usermod -aG docker $USER) and log in again, or point berthwise.engine.host at an engine you may use.`,
      error,
    );
  }
  if (code === 'ENOENT' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND' || code === 'EPIPE') {
    return new EngineError(
      'unreachable',
      `No Docker engine answers at ${target} (${code}). Start Docker, or set berthwise.engine.host / DOCKER_HOST to the engine you use.`,
      error,
    );
  }
  if (code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT') {
    return new EngineError('timeout', `The Docker engine at ${target} did not answer in time.`, error);
  }
  if (status === 404) {
    return new EngineError('notFound', `Not found: ${engineMessage}. It may have been removed meanwhile; refresh the view.`, error);
  }
  if (status === 409) {
    return new EngineError('conflict', `The engine refused: ${engineMessage}`, error);
  }
  return new EngineError('other', `Docker engine error: ${engineMessage}`, error);
}
