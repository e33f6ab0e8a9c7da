import { guarded } from '../../guard';
import type { Feature } from '../feature';
import { provideInlayHints } from './provideInlayHints';

/** Shows what the final image runs (`runs: …`) next to its decisive CMD/ENTRYPOINT. */
export const inlayHintsFeature: Feature = {
  name: 'inlayHints',
  capabilities: { inlayHintProvider: true },
  register: ({ connection, store, log, locale, images }) => {
    connection.languages.inlayHint.on(
      guarded('inlayHints', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? provideInlayHints(parsed, params.range, locale(), images.lookup) : [];
      }),
    );
    // A base image's configuration can turn an unknown command into a known one: ask the editor to
    // fetch the hints again (a client without refresh support just answers with an error).
    images.onLearned(() => void connection.languages.inlayHint.refresh().catch(() => undefined));
  },
};
