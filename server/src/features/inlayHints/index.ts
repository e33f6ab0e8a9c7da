import { guarded } from '../../guard';
import type { Feature } from '../feature';
import { provideInlayHints } from './provideInlayHints';

/** Shows what the final image runs (`runs: …`) next to its decisive CMD/ENTRYPOINT. */
export const inlayHintsFeature: Feature = {
  name: 'inlayHints',
  capabilities: { inlayHintProvider: true },
  register: ({ connection, store, log, locale }) => {
    connection.languages.inlayHint.on(
      guarded('inlayHints', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? provideInlayHints(parsed, params.range, locale()) : [];
      }),
    );
  },
};
