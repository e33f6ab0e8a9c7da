/**
 * No import cycles among the client's and the server's modules, type-only imports included: a
 * runtime cycle makes load order decide which module sees the other half-initialised, and a type
 * cycle means two modules that cannot be understood (or moved) one without the other. The check
 * reads the sources as text, and fails on a cycle it is shown (last test).
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const repoRoot = resolve(__dirname, '..', '..', '..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative module an `import`/`export … from` names. */
const importPattern = /^(?:import|export)\s[^'";]*?from\s*'(\.[^']+)'|^import\s+'(\.[^']+)'/gm;

export function relativeImports(text: string): string[] {
  return [...text.matchAll(importPattern)].map((match) => match[1] ?? match[2] ?? '');
}

function resolveModule(from: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => known.has(candidate));
}

/** The cycles in a graph of modules, each as the path that closes it. */
export function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(next)), next]);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  [...graph.keys()].sort().forEach((node) => state.has(node) || visit(node));
  return cycles;
}

function graphOf(folders: readonly string[]): Map<string, string[]> {
  const files = folders.flatMap((folder) => sourceFiles(join(repoRoot, folder)));
  const known = new Set(files);
  return new Map(files.map((file) => [file, relativeImports(readFileSync(file, 'utf8')).flatMap((specifier) => resolveModule(file, specifier, known) ?? [])]));
}

describe('import cycles', () => {
  for (const folder of ['client/src', 'server/src']) {
    it(`none in ${folder}`, () => {
      const cycles = findCycles(graphOf([folder])).map((cycle) => cycle.map((file) => relative(repoRoot, file)).join(' → '));
      assert.deepEqual(cycles, []);
    });
  }

  it('reads every kind of import, and finds a cycle it is shown', () => {
    assert.deepEqual(relativeImports("import type { A } from './a';\nimport {\n  b,\n} from './b';\nexport { e } from './e';\nimport './f';\nimport x from 'node:fs';\n"), ['./a', './b', './e', './f']);
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(findCycles(graph), [['a', 'b', 'c', 'a']]);
  });
});
