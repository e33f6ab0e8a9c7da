import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

/** Where guarded handlers report the errors they swallow. */
export interface ErrorLog {
  error(message: string): void;
}

/**
 * Wraps a request handler so that a bug in one feature answers that one request with an error
 * instead of taking the whole server down, and a cancelled request answers as cancelled.
 */
export function guarded<P, R>(
  name: string,
  log: ErrorLog,
  handler: (params: P, token: CancellationToken) => R,
): (params: P, token: CancellationToken) => R | ResponseError<void> {
  return (params, token) => {
    if (token.isCancellationRequested) {
      return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    }
    try {
      return handler(params, token);
    } catch (error) {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      log.error(`[${name}] ${detail}`);
      return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
