import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { commandIds, settingIds, viewIds } from '../../client/src/constants';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string; title: string }[];
    views: Record<string, { id: string; name: string }[]>;
    configuration: { properties: Record<string, { scope?: string; markdownDescription?: string }> };
    languages: { id: string; filenames: string[]; filenamePatterns: string[] }[];
  };
  activationEvents: string[];
};
const nls = (file: string): Record<string, string> => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, string>;

describe('package.json agrees with client/src/constants.ts', () => {
  it('declares exactly the command ids the code registers', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), Object.values(commandIds).sort());
  });
  it('declares exactly the four view ids', () => {
    assert.deepEqual(Object.values(manifest.contributes.views).flat().map((v) => v.id).sort(), Object.values(viewIds).sort());
  });
  it('declares exactly the setting ids', () => {
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), Object.values(settingIds).sort());
  });
  it('makes every engine setting machine-scoped, so a workspace cannot redirect the engine', () => {
    for (const [key, property] of Object.entries(manifest.contributes.configuration.properties)) {
      if (key.startsWith('berthwise.engine.')) {
        assert.equal(property.scope, 'machine', key);
      }
    }
  });
  it('recognises Dockerfile and Containerfile names', () => {
    const language = manifest.contributes.languages.find((l) => l.id === 'dockerfile');
    assert.ok(language);
    assert.deepEqual(language.filenames.sort(), ['Containerfile', 'Dockerfile']);
    for (const pattern of ['*.Dockerfile', 'Dockerfile.*', 'Containerfile.*']) {
      assert.ok(language.filenamePatterns.includes(pattern), pattern);
    }
  });
  it('activates lazily (no "*" and no startup activation)', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(!manifest.activationEvents.includes('onStartupFinished'));
  });
});

describe('localisation files', () => {
  const en = nls('package.nls.json');
  const zh = nls('package.nls.zh-cn.json');
  it('translates every manifest string into Simplified Chinese', () => {
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });
  it('defines every %key% the manifest uses', () => {
    const used = [...readFileSync(join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    for (const key of used) {
      assert.ok(key !== undefined && key in en, `package.nls.json lacks ${key}`);
    }
  });
  it('has a zh-cn bundle for the client strings', () => {
    const bundle = nls('l10n/bundle.l10n.zh-cn.json');
    assert.ok(Object.keys(bundle).length > 0);
  });
});
