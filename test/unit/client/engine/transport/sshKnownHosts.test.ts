import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fingerprint, knownHostsName, sshKeyType, verifyHostKey } from '../../../../../client/src/engine/transport/sshKnownHosts';

/** An SSH ed25519 public-key blob: string "ssh-ed25519", string <32 raw bytes>. */
function ed25519Blob(): Buffer {
  const raw = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  const withLength = (data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length, 0);
    return Buffer.concat([length, data]);
  };
  return Buffer.concat([withLength(Buffer.from('ssh-ed25519')), withLength(raw)]);
}

const key = ed25519Blob();
const other = ed25519Blob();
const line = (hosts: string, blob: Buffer, marker = ''): string => `${marker ? `${marker} ` : ''}${hosts} ${sshKeyType(blob)} ${blob.toString('base64')} comment`;

describe('knownHostsName', () => {
  it('uses the bare host on port 22 and [host]:port otherwise', () => {
    assert.equal(knownHostsName('h.example.test', 22), 'h.example.test');
    assert.equal(knownHostsName('127.0.0.1', 2222), '[127.0.0.1]:2222');
  });
});

describe('verifyHostKey', () => {
  const cases: [string, string, number, 'trusted' | 'unknown' | 'mismatch' | 'revoked'][] = [
    ['empty file', '', 22, 'unknown'],
    ['plain entry', line('h.example.test', key), 22, 'trusted'],
    ['entry for another port', line('h.example.test', key), 2222, 'unknown'],
    ['bracketed port entry', line('[h.example.test]:2222', key), 2222, 'trusted'],
    ['comma list', line('other.test,h.example.test', key), 22, 'trusted'],
    ['wildcard', line('*.example.test', key), 22, 'trusted'],
    ['negated wildcard', line('*.example.test,!h.example.test', key), 22, 'unknown'],
    ['changed key', line('h.example.test', other), 22, 'mismatch'],
    ['changed key but the right one listed later', `${line('h.example.test', other)}\n${line('h.example.test', key)}`, 22, 'trusted'],
    ['revoked', `${line('h.example.test', key)}\n${line('*', key, '@revoked')}`, 22, 'revoked'],
    ['cert authority lines are not host keys', line('h.example.test', key, '@cert-authority'), 22, 'unknown'],
    ['comments and blanks', `# hello\n\n${line('H.EXAMPLE.TEST', key)}`, 22, 'trusted'],
  ];
  for (const [title, text, port, expected] of cases) {
    it(`${title} → ${expected}`, () => assert.equal(verifyHostKey(text, 'h.example.test', port, key), expected));
  }
});

describe('verifyHostKey with hashed names (ssh-keygen -H)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dh-kh-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  it('matches the entries OpenSSH hashed, and only for their host and port', () => {
    const file = join(dir, 'known_hosts');
    writeFileSync(file, `${line('[127.0.0.1]:2222', key)}\n${line('h.example.test', other)}\n`);
    execFileSync('ssh-keygen', ['-H', '-f', file], { stdio: 'ignore' });
    const hashed = readFileSync(file, 'utf8');
    assert.ok(hashed.startsWith('|1|'), 'ssh-keygen hashed the names');
    assert.equal(verifyHostKey(hashed, '127.0.0.1', 2222, key), 'trusted');
    assert.equal(verifyHostKey(hashed, '127.0.0.1', 22, key), 'unknown');
    assert.equal(verifyHostKey(hashed, 'h.example.test', 22, key), 'mismatch');
  });
});

describe('fingerprint', () => {
  it('matches ssh-keygen -lf', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dh-fp-'));
    try {
      const file = join(dir, 'k.pub');
      writeFileSync(file, `${sshKeyType(key)} ${key.toString('base64')}\n`);
      const printed = execFileSync('ssh-keygen', ['-lf', file], { encoding: 'utf8' });
      assert.equal(printed.split(' ')[1], fingerprint(key));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('reads the key type from a blob and tolerates garbage', () => {
    assert.equal(sshKeyType(key), 'ssh-ed25519');
    assert.equal(sshKeyType(randomBytes(2)), '');
  });
});
