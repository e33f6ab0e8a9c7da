import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { toImageConfigResult } from '../../../../client/src/language/imageConfigAnswer';
import { allRules } from '../../../../server/src/features/diagnostics/rules';

describe('imageConfig answer from an image inspect', () => {
  const cases: [string, unknown, { cmd: string[] | null; entrypoint: string[] | null; shell: string[] | null; env: string[] | null }][] = [
    ['busybox-like', { Config: { Cmd: ['/bin/sh'], Entrypoint: null, Env: ['PATH=/bin'] } }, { cmd: ['/bin/sh'], entrypoint: null, shell: null, env: ['PATH=/bin'] }],
    ['entrypoint and shell', { Config: { Cmd: ['-p', '80'], Entrypoint: ['httpd'], Shell: ['/bin/ash', '-c'] } }, { cmd: ['-p', '80'], entrypoint: ['httpd'], shell: ['/bin/ash', '-c'], env: null }],
    ['non-string items are not trusted', { Config: { Cmd: ['a', 1] } }, { cmd: null, entrypoint: null, shell: null, env: null }],
    ['no Config at all', {}, { cmd: null, entrypoint: null, shell: null, env: null }],
    ['not an object', 'nonsense', { cmd: null, entrypoint: null, shell: null, env: null }],
  ];
  for (const [label, inspect, expected] of cases) {
    it(label, () => assert.deepEqual(toImageConfigResult(inspect), expected));
  }
});

describe('the berthwise.diagnostics setting', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'package.json'), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, { properties?: Record<string, { default?: string }> }> } };
  };
  const listed = manifest.contributes.configuration.properties['berthwise.diagnostics']?.properties ?? {};
  it('lists every rule code with its default severity', () => {
    for (const rule of allRules) {
      assert.equal(listed[rule.code]?.default, rule.defaultSeverity, rule.code);
    }
  });
  it('lists no code that no rule has', () => {
    const codes = new Set(allRules.map((rule) => rule.code));
    assert.deepEqual(Object.keys(listed).filter((code) => !codes.has(code)), []);
  });
});
