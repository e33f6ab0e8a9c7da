import { guarded } from '../../guard';
import type { Feature } from '../feature';
import { formatDocument } from './formatDocument';

export const formattingFeature: Feature = {
  name: 'formatting',
  capabilities: { documentFormattingProvider: true, documentRangeFormattingProvider: true },
  register: ({ connection, store, log }) => {
    connection.onDocumentFormatting(
      guarded('formatting', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? formatDocument(parsed, params.options) : null;
      }),
    );
    connection.onDocumentRangeFormatting(
      guarded('rangeFormatting', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? formatDocument(parsed, params.options, params.range) : null;
      }),
    );
  },
};
