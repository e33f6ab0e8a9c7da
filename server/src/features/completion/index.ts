import { guarded } from '../../guard';
import { localImagesRequest, type LocalImagesResult } from '../../protocol';
import type { Feature } from '../feature';
import { LocalImageNames } from './localImages';
import { provideCompletion } from './provideCompletion';

/** Characters after which the editor asks for completion without an explicit request. */
const triggerCharacters = [' ', '-', '=', '$', '{', ',', '#'];

export const completionFeature: Feature = {
  name: 'completion',
  capabilities: { completionProvider: { triggerCharacters, resolveProvider: false } },
  register: ({ connection, store, log, locale }) => {
    const localImages = new LocalImageNames(() => connection.sendRequest<LocalImagesResult | null>(localImagesRequest));
    connection.onCompletion(
      guarded('completion', log, (params) => {
        const parsed = store.getParsed(params.textDocument.uri);
        return parsed ? provideCompletion(parsed, params.position, locale(), localImages.current()) : null;
      }),
    );
  },
};
