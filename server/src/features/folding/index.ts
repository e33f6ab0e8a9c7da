import { guarded } from '../../guard';
import type { Feature } from '../feature';
import { provideFoldingRanges } from './provideFoldingRanges';

export const foldingFeature: Feature = {
  name: 'foldingRange',
  capabilities: { foldingRangeProvider: true },
  register: ({ connection, store, log }) => {
    connection.onFoldingRanges(
      guarded('foldingRange', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? provideFoldingRanges(parsed) : null;
      }),
    );
  },
};
