/** Shared by the hover unit tests: open a text, point at a token, read the Markdown hover. */
import * as assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Hover, Position } from 'vscode-languageserver';
import type { DocLocale } from '../../../../../server/src/docs';
import { DocumentStore } from '../../../../../server/src/documentStore';
import { provideHover } from '../../../../../server/src/features/hover/provideHover';

/** Hover at the `occurrence`-th match of `needle` on `line`, shifted by `offset` characters. */
export interface Spot {
  readonly line: number;
  readonly needle: string;
  readonly offset?: number;
  readonly occurrence?: number;
}

export function positionOf(text: string, spot: Spot): Position {
  const lineText = text.split('\n')[spot.line] ?? '';
  let index = -1;
  for (let seen = 0; seen <= (spot.occurrence ?? 0); seen += 1) {
    index = lineText.indexOf(spot.needle, index + 1);
  }
  assert.ok(index >= 0, `"${spot.needle}" not on line ${spot.line}: ${lineText}`);
  return { line: spot.line, character: index + (spot.offset ?? 0) };
}

export function hoverAt(text: string, spot: Spot, locale: DocLocale = 'en'): string | null {
  const store = new DocumentStore();
  store.open('file:///w/Dockerfile', 'dockerfile', 1, text);
  const parsed = store.getParsed('file:///w/Dockerfile');
  assert.ok(parsed);
  const hover: Hover | null = provideHover(parsed, positionOf(text, spot), { locale });
  if (!hover) {
    return null;
  }
  const contents = hover.contents;
  return typeof contents === 'object' && 'value' in contents ? contents.value : JSON.stringify(contents);
}

/** One test per row: the hover at `spot` matches the pattern, or there is none when it is null. */
export function hoverCases(text: string, cases: readonly (readonly [string, Spot, RegExp | null])[]): void {
  for (const [name, spot, expected] of cases) {
    it(name, () => {
      const value = hoverAt(text, spot);
      if (expected) {
        assert.match(value ?? '', expected);
      } else {
        assert.equal(value, null);
      }
    });
  }
}
