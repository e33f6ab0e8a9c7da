import { guarded } from '../../guard';
import type { Feature } from '../feature';
import { provideDocumentSymbols } from './provideDocumentSymbols';

export const symbolsFeature: Feature = {
  name: 'documentSymbol',
  capabilities: { documentSymbolProvider: { label: 'Dockerfile' } },
  register: ({ connection, store, log }) => {
    connection.onDocumentSymbol(
      guarded('documentSymbol', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? provideDocumentSymbols(parsed) : null;
      }),
    );
  },
};
