import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyEngineError } from '../../../../../client/src/engine/errors';
import { classifyTlsError } from '../../../../../client/src/engine/transport/tls';

describe('classifyTlsError', () => {
  const cases: [string, string | undefined, RegExp | undefined][] = [
    ['SELF_SIGNED_CERT_IN_CHAIN', 'unreachable', /not signed by the CA/],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unreachable', /ca\.pem/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'unreachable', /host name or address/],
    ['CERT_HAS_EXPIRED', 'unreachable', /dates/],
    ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'permissionDenied', /client certificate/],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'unreachable', /TLS handshake/],
    ['EPROTO', 'unreachable', /TLS handshake/],
    ['ECONNREFUSED', undefined, undefined],
    ['', undefined, undefined],
  ];
  for (const [code, kind, message] of cases) {
    it(`${code || '(no code)'} → ${kind ?? 'not TLS'}`, () => {
      const problem = classifyTlsError(code, 'tcp://h:2376 (TLS)');
      assert.equal(problem?.kind, kind);
      if (message) {
        assert.match(problem?.message ?? '', message);
      }
    });
  }
  it('is what classifyEngineError uses for socket errors with TLS codes', () => {
    const error = classifyEngineError(Object.assign(new Error('self-signed certificate in certificate chain'), { code: 'SELF_SIGNED_CERT_IN_CHAIN' }), 'tcp://h:2376 (TLS)');
    assert.equal(error.kind, 'unreachable');
    assert.match(error.message, /tcp:\/\/h:2376 \(TLS\) is not signed by the CA/);
  });
});
