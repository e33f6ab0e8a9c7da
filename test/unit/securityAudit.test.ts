/**
 * Audits the bundles' own code (the sections esbuild marks with `// client/src/…` and
 * `// server/src/…`): no shell execution, no child_process at all, no eval or Function constructor.
 * Third-party sections are out of scope; our code is what we answer for.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..', '..');

/** Splits an esbuild (non-minified) bundle into its per-module sections. */
function ownSections(bundle: string): Map<string, string> {
  const sections = new Map<string, string>();
  const marker = /^\/\/ (\S+\.[cm]?[jt]s)$/gm;
  const matches = [...bundle.matchAll(marker)];
  matches.forEach((match, index) => {
    const path = match[1] ?? '';
    if (path.startsWith('client/src/') || path.startsWith('server/src/')) {
      const end = matches[index + 1]?.index ?? bundle.length;
      sections.set(path, bundle.slice(match.index, end));
    }
  });
  return sections;
}

const forbidden: [string, RegExp][] = [
  ['eval', /\beval\s*\(/],
  ['the Function constructor', /\bnew\s+Function\s*\(|\bFunction\s*\(\s*["'`]/],
  ['child_process', /child_process/],
  ['a shell option', /\bshell\s*:\s*(true|["'`])/],
];

/** Every bundle in dist/, so one the build adds (e.g. a lazily loaded one) is audited without a change here. */
const bundleNames = readdirSync(join(root, 'dist')).filter((name) => name.endsWith('.js')).sort();
/** The two entry bundles hold most of our code; a lazily loaded library bundle holds at least its entry module. */
const minimumSections = (bundleName: string): number => (bundleName === 'extension.js' || bundleName === 'server.js' ? 5 : 1);

describe('the bundles under audit', () => {
  it('include the extension, the lazily loaded libraries and the server', () => {
    for (const expected of ['extension.js', 'engineDriver.js', 'languageClient.js', 'server.js']) {
      assert.ok(bundleNames.includes(expected), `dist/${expected} is missing (found ${bundleNames.join(', ')})`);
    }
  });
});

for (const bundleName of bundleNames) {
  describe(`security audit of dist/${bundleName}`, () => {
    const sections = ownSections(readFileSync(join(root, 'dist', bundleName), 'utf8'));

    it('finds the project’s own modules in the bundle (the audit sees something)', () => {
      const minimum = minimumSections(bundleName);
      assert.ok(sections.size >= minimum, `only ${sections.size} own sections found (expected ${minimum}); is the bundle minified?`);
    });

    for (const [what, pattern] of forbidden) {
      it(`contains no ${what} in the project’s own code`, () => {
        const offenders = [...sections].filter(([, code]) => pattern.test(code)).map(([path]) => path);
        assert.deepEqual(offenders, []);
      });
    }
  });
}

describe('the audit itself', () => {
  it('recognises an offending section', () => {
    const sample = '// client/src/bad.ts\nconst x = eval("1");\n// node_modules/x/index.js\neval("ok here");\n';
    const sections = ownSections(sample);
    assert.deepEqual([...sections.keys()], ['client/src/bad.ts']);
    assert.ok(forbidden[0]?.[1].test(sections.get('client/src/bad.ts') ?? ''));
  });
});
