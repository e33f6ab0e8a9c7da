import type { DocEntry, DocLocale } from './types';

const headings: Readonly<Record<DocLocale, { gotchas: string; reference: string }>> = {
  en: { gotchas: 'Watch out', reference: 'Reference' },
  'zh-cn': { gotchas: '注意', reference: '参考文档' },
};

/** Renders a documentation entry as Markdown for hover and completion details. */
export function renderDocMarkdown(entry: DocEntry, locale: DocLocale): string {
  const parts: string[] = [`**${entry.title}**`];
  if (entry.forms && entry.forms.length > 0) {
    parts.push(['```dockerfile', ...entry.forms, '```'].join('\n'));
  }
  parts.push(entry.summary);
  if (entry.details && entry.details.length > 0) {
    parts.push(entry.details.map((line) => `- ${line}`).join('\n'));
  }
  if (entry.gotchas && entry.gotchas.length > 0) {
    parts.push(`*${headings[locale].gotchas}:*\n` + entry.gotchas.map((line) => `- ${line}`).join('\n'));
  }
  if (entry.reference) {
    parts.push(`[${headings[locale].reference}](${entry.reference})`);
  }
  return parts.join('\n\n');
}
