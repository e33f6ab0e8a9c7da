import type { DocEntry, DocLocale, DocTable } from './types';
import { englishDocs } from './en';
import { chineseDocs } from './zh-cn';

export type { DocEntry, DocLocale, DocTable } from './types';

const tables: Readonly<Record<DocLocale, DocTable>> = { en: englishDocs, 'zh-cn': chineseDocs };

/** Maps an LSP `initialize` locale (e.g. `zh-CN`, `zh-Hans`, `en-US`) to a documentation locale. */
export function toDocLocale(locale: string | undefined): DocLocale {
  const normalized = (locale ?? '').toLowerCase();
  return normalized.startsWith('zh') ? 'zh-cn' : 'en';
}

/** Looks up an entry in the given locale, falling back to English when the locale lacks it. */
export function lookupDoc(locale: DocLocale, key: string): DocEntry | undefined {
  return tables[locale][key] ?? tables.en[key];
}

/** Every key documented in English (the reference set the other locales must match). */
export function documentedKeys(): string[] {
  return Object.keys(tables.en);
}

/** The raw table of one locale, for completeness tests. */
export function docTable(locale: DocLocale): DocTable {
  return tables[locale];
}
