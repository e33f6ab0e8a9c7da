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

describe('marketplace metadata', () => {
  const meta = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    icon?: string;
    galleryBanner?: { color?: string; theme?: string };
    categories?: string[];
    keywords?: string[];
    repository?: { url?: string };
    license?: string;
    engines?: { vscode?: string };
  };
  /** The categories the Visual Studio Marketplace accepts. */
  const marketplaceCategories = ['Azure', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization', 'AI', 'Chat'];

  it('has a 128×128 PNG icon', () => {
    assert.ok(meta.icon, 'package.json names an icon');
    const png = readFileSync(join(root, meta.icon));
    // The PNG signature, then the IHDR chunk: width and height as big-endian 32-bit numbers.
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
    assert.equal(png.subarray(12, 16).toString('latin1'), 'IHDR');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
  it('has a gallery banner, categories, keywords, repository, licence and engines.vscode', () => {
    assert.match(meta.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(meta.galleryBanner?.theme ?? ''), 'galleryBanner.theme is dark or light');
    assert.ok((meta.categories ?? []).length > 0, 'categories');
    assert.deepEqual((meta.categories ?? []).filter((category) => !marketplaceCategories.includes(category)), []);
    assert.ok((meta.keywords ?? []).length > 0 && (meta.keywords ?? []).length <= 30, 'between 1 and 30 keywords');
    assert.match(meta.repository?.url ?? '', /^https:\/\//);
    assert.equal(meta.license, 'MIT');
    assert.ok(readFileSync(join(root, 'LICENSE'), 'utf8').includes('MIT'), 'the LICENSE file is the MIT licence');
    assert.match(meta.engines?.vscode ?? '', /^\^\d+\.\d+\.\d+$/);
  });
  it('packages the icon (the .vscodeignore lets resources/ in)', () => {
    const ignore = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!resources/**'), '.vscodeignore keeps resources/');
    assert.ok(!ignore.some((line) => line.startsWith('!test')), '.vscodeignore keeps test/ (and its corpus) out');
  });
});
