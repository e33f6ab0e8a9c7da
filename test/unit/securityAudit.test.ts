/**
 * Audits the bundles' own code (the sections esbuild marks with `// client/src/…` and
 * `// server/src/…`): no shell execution, no child_process at all, no eval or Function constructor.
 * Third-party sections are out of scope; our code is what we answer for.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

for (const bundleName of ['extension.js', 'server.js']) {
  describe(`security audit of dist/${bundleName}`, () => {
    const sections = ownSections(readFileSync(join(root, 'dist', bundleName), 'utf8'));

    it('finds the project’s own modules in the bundle (the audit sees something)', () => {
      assert.ok(sections.size >= 5, `only ${sections.size} own sections found; is the bundle minified?`);
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
