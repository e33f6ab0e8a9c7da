/** Every literal string the client passes to vscode.l10n.t has a zh-cn translation. */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(__dirname, '..', '..', '..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(directory, entry.name)) : entry.name.endsWith('.ts') ? [join(directory, entry.name)] : [],
  );
}

/** The first argument of each `l10n.t('…')` / `l10n.t("…")`, unescaped as JavaScript would. */
function literalMessages(text: string): string[] {
  return [...text.matchAll(/l10n\.t\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g)].map((match) => {
    const literal = match[1] ?? "''";
    return literal.startsWith('"') ? (JSON.parse(literal) as string) : (JSON.parse(`"${literal.slice(1, -1).replace(/\\'/g, "'").replace(/"/g, '\\"')}"`) as string);
  });
}

describe('client strings are translated', () => {
  it('has a zh-cn entry for every l10n.t message in client/src', () => {
    const bundle = JSON.parse(readFileSync(join(root, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const missing = sourceFiles(join(root, 'client', 'src')).flatMap((file) => literalMessages(readFileSync(file, 'utf8')).filter((message) => !(message in bundle)).map((message) => `${file.slice(root.length + 1)}: ${message}`));
    assert.deepEqual(missing, []);
  });
});
