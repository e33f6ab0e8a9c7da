/** No secrets in the Berthwise log: the redaction every log message passes through. */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isSecretName, redactSecrets } from '../../../../client/src/log/redact';
import { redactingLog } from '../../../../client/src/log/redactingLog';

describe('redactSecrets', () => {
  const table: [string, string, string][] = [
    ['an env assignment in an exec command line', 'exec sh -c POSTGRES_PASSWORD=hunter2 psql', 'exec sh -c POSTGRES_PASSWORD=*** psql'],
    ['several secret variables at once', 'env API_TOKEN=abc123 AWS_SECRET_ACCESS_KEY=xyz HOME=/root', 'env API_TOKEN=*** AWS_SECRET_ACCESS_KEY=*** HOME=/root'],
    ['a camelCase name', 'dbPassword=s3cr3t', 'dbPassword=***'],
    ['a quoted value with spaces', 'MYSQL_ROOT_PASSWORD="two words"', 'MYSQL_ROOT_PASSWORD=***'],
    ['a --flag=value', 'mysql --password=hunter2 -u root', 'mysql --password=*** -u root'],
    ['a --flag value', 'login --password hunter2 --username bob', 'login --password *** --username bob'],
    ['an Env array in an engine message', 'Docker engine error: bad config {"Env":["DB_PASSWORD=pw1","PATH=/bin"]}', 'Docker engine error: bad config {"Env":["DB_PASSWORD=***","PATH=/bin"]}'],
    ['a registry auth field in JSON', '{"auth":"dXNlcjpwYXNz","serveraddress":"registry.example.test"}', '{"auth":"***","serveraddress":"registry.example.test"}'],
    ['an identitytoken field', '{"identitytoken": "eyJhbGciOi"}', '{"identitytoken": "***"}'],
    ['an X-Registry-Auth header', 'X-Registry-Auth: eyJ1c2VybmFtZSI6ImJvYiJ9', 'X-Registry-Auth: ***'],
    ['a bearer token', 'Authorization: Bearer abc.def.ghi', 'Authorization: Bearer ***'],
    ['credentials in an engine URL', 'Using the Docker engine at tcp://bob:hunter2@10.0.0.5:2376, the setting.', 'Using the Docker engine at tcp://bob:***@10.0.0.5:2376, the setting.'],
    ['a token in a query string', 'GET https://registry.example.test/v2/?token=abc&x=1', 'GET https://registry.example.test/v2/?token=***&x=1'],
    ['a TLS private key', 'bad key.pem: -----BEGIN RSA PRIVATE KEY-----\nMIIEow\nAAAA\n-----END RSA PRIVATE KEY----- end', 'bad key.pem: [private key redacted] end'],
    ['an unterminated private key', 'read: -----BEGIN PRIVATE KEY-----\nMIIEow', 'read: [private key redacted]'],
  ];
  for (const [label, input, expected] of table) {
    it(label, () => assert.equal(redactSecrets(input), expected));
  }

  const untouched = [
    'No Docker engine answers at unix:///var/run/docker.sock (ENOENT). Start Docker, or set berthwise.engine.host / DOCKER_HOST to the engine you use.',
    'SSH login to ssh://root@127.0.0.1:2222 was refused: no key from SSH_AUTH_SOCK or ~/.ssh (id_ed25519, id_ecdsa, id_rsa) was accepted.',
    'SSH_AUTH_SOCK=/run/user/0/agent.sock',
    'LABEL org.opencontainers.image.authors=alice',
    'prune: removed volumes berthwise-demo-data (berthwise-demo-data)',
    'The TLS certificate of tcp://127.0.0.1:2376 (TLS) is not signed by the CA Berthwise trusts (SELF_SIGNED_CERT_IN_CHAIN).',
    'exec ls -la /etc --color=never',
    'Engine "remote" (ssh://deploy@build.example.test) is reachable.',
  ];
  for (const text of untouched) {
    it(`leaves alone: ${text.slice(0, 50)}`, () => assert.equal(redactSecrets(text), text));
  }
});

describe('isSecretName', () => {
  const cases: [string, boolean][] = [
    ['PASSWORD', true],
    ['PGPASSWORD', true],
    ['identitytoken', true],
    ['PG_PASSWORD', true],
    ['GITHUB_TOKEN', true],
    ['NPM_AUTH_TOKEN', true],
    ['clientSecret', true],
    ['--password', true],
    ['AUTHOR', false],
    ['SSH_AUTH_SOCK', false],
    ['PASSPORT_OFFICE', false],
    ['DB_PASS', true],
    ['PATH', false],
  ];
  for (const [name, secret] of cases) {
    it(`${name} → ${String(secret)}`, () => assert.equal(isSecretName(name), secret));
  }
});

describe('redactingLog', () => {
  interface Channel {
    readonly name: string;
    lines: string[];
    info(message: string, ...args: unknown[]): void;
    error(error: string | Error, ...args: unknown[]): void;
    appendLine(value: string): void;
    show(): string;
  }
  const recording = (): Channel => ({
    name: 'Berthwise',
    lines: [],
    info(message, ...args) {
      this.lines.push([message, ...args.map(String)].join(' '));
    },
    error(error, ...args) {
      this.lines.push([String(error), ...args.map(String)].join(' '));
    },
    appendLine(value) {
      this.lines.push(value);
    },
    show() {
      return `shown ${this.name}`;
    },
  });

  it('redacts every writer and its extra arguments, errors and objects included', () => {
    const inner = recording();
    const log = redactingLog(inner);
    log.info('exec env DB_PASSWORD=pw1 sh', 'API_KEY=k2', { auth: 'dXNlcg==' });
    log.error(new Error('engine said {"password":"pw3"}'));
    log.appendLine('tcp://u:pw4@host:2376');
    const text = inner.lines.join('\n');
    for (const secret of ['pw1', 'k2', 'dXNlcg==', 'pw3', 'pw4']) {
      assert.equal(text.includes(secret), false, `${secret} leaked: ${text}`);
    }
    assert.match(text, /DB_PASSWORD=\*\*\*/);
  });

  it('passes everything else through to the channel', () => {
    const log = redactingLog(recording());
    assert.equal(log.name, 'Berthwise');
    assert.equal(log.show(), 'shown Berthwise');
  });
});
