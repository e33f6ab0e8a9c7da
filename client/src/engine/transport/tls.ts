/**
 * Pure: what a failed TLS handshake with a `tcp://` engine means, in words that say which file to
 * check. Node reports these as error codes on the socket error; errors.ts asks here first.
 */
/** The kind and message errors.ts turns into an EngineError (two of its kinds; no import, so no cycle). */
export interface TlsProblem {
  readonly kind: 'unreachable' | 'permissionDenied';
  readonly message: string;
}

/** Codes for "the server's certificate is not trusted by our ca.pem". */
const untrustedServer = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
]);

/** Codes for "the server does not accept our client certificate". */
const rejectedClient = new Set(['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE']);

/** What a TLS failure means, or undefined when `code` is not a TLS problem. */
export function classifyTlsError(code: string, target: string): TlsProblem | undefined {
  if (untrustedServer.has(code)) {
    return { kind: 'unreachable', message: `The TLS certificate of ${target} is not signed by the CA Berthwise trusts (${code}). Check ca.pem in DOCKER_CERT_PATH or the context's TLS folder.` };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return { kind: 'unreachable', message: `The TLS certificate of ${target} is not issued for that host name or address (${code}).` };
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return { kind: 'unreachable', message: `The TLS certificate of ${target} is not valid now (${code}); check the certificate dates and the clock.` };
  }
  if (rejectedClient.has(code)) {
    return { kind: 'permissionDenied', message: `${target} refused Berthwise's client certificate (${code}). Check cert.pem and key.pem in DOCKER_CERT_PATH: they must be signed by the CA the engine trusts.` };
  }
  if (code === 'EPROTO' || code.startsWith('ERR_SSL_')) {
    return { kind: 'unreachable', message: `The TLS handshake with ${target} failed (${code}). Does the engine speak TLS on that port, and does DOCKER_TLS_VERIFY match?` };
  }
  return undefined;
}
