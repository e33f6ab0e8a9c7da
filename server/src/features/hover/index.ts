import { guarded } from '../../guard';
import type { Feature } from '../feature';
import { provideHover } from './provideHover';

export const hoverFeature: Feature = {
  name: 'hover',
  capabilities: { hoverProvider: true },
  register: ({ connection, store, log, locale, images }) => {
    connection.onHover(
      guarded('hover', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? provideHover(parsed, params.position, { locale: locale(), lookup: images.lookup }) : null;
      }),
    );
  },
};
