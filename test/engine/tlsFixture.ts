/**
 * Certificates for the TLS engine test, generated with openssl: a CA, a server certificate for the
 * IP 127.0.0.1, a client certificate, and a second, unrelated CA for the "wrong CA" case. Each client
 * folder holds ca.pem/cert.pem/key.pem, as DOCKER_CERT_PATH expects.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsMaterial {
  readonly root: string;
  /** For dockerd: --tlscacert, --tlscert, --tlskey. */
  readonly server: { readonly ca: string; readonly cert: string; readonly key: string };
  /** DOCKER_CERT_PATH trusting the right CA. */
  readonly clientDir: string;
  /** DOCKER_CERT_PATH whose ca.pem is another CA (same client certificate). */
  readonly wrongCaDir: string;
  /** DOCKER_CERT_PATH whose client certificate is signed by another CA (right ca.pem). */
  readonly foreignClientDir: string;
  dispose(): void;
}

const openssl = (args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' });
const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function makeCa(dir: string, name: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.pem`);
  const key = join(dir, `${name}-key.pem`);
  openssl(['req', '-x509', ...ecKey, '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${name}`]);
  return { cert, key };
}

function makeSigned(dir: string, name: string, ca: { cert: string; key: string }, extensions: string): { cert: string; key: string } {
  const key = join(dir, `${name}-key.pem`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}-cert.pem`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, extensions);
  openssl(['req', '-new', ...ecKey, '-keyout', key, '-out', csr, '-subj', `/CN=${name}`]);
  openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext]);
  return { cert, key };
}

function clientFolder(dir: string, ca: string, client: { cert: string; key: string }): string {
  mkdirSync(dir);
  copyFileSync(ca, join(dir, 'ca.pem'));
  copyFileSync(client.cert, join(dir, 'cert.pem'));
  copyFileSync(client.key, join(dir, 'key.pem'));
  return dir;
}

/** Generates everything under a fresh temp directory. */
export function createTlsMaterial(): TlsMaterial {
  const root = mkdtempSync(join(tmpdir(), 'dh-tls-'));
  const ca = makeCa(root, 'ca');
  const otherCa = makeCa(root, 'other-ca');
  const server = makeSigned(root, 'server', ca, 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  const client = makeSigned(root, 'client', ca, 'extendedKeyUsage=clientAuth\n');
  const foreign = makeSigned(root, 'foreign', otherCa, 'extendedKeyUsage=clientAuth\n');
  return {
    root,
    server: { ca: ca.cert, cert: server.cert, key: server.key },
    clientDir: clientFolder(join(root, 'client'), ca.cert, client),
    wrongCaDir: clientFolder(join(root, 'wrong-ca'), otherCa.cert, client),
    foreignClientDir: clientFolder(join(root, 'foreign-client'), ca.cert, foreign),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}
