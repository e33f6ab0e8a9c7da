import { guarded } from '../../guard';
import { buildOutlineRequest, type BuildOutlineParams, type BuildOutlineResult } from '../../protocol';
import type { Feature } from '../feature';
import { provideBuildOutline } from './provideBuildOutline';

/** Answers `berthwise/buildOutline`: what the client's Build Image command needs from the model. */
export const buildOutlineFeature: Feature = {
  name: 'buildOutline',
  capabilities: {},
  register: ({ connection, store, log, images }) => {
    connection.onRequest(
      buildOutlineRequest,
      guarded('buildOutline', log, (params: BuildOutlineParams): BuildOutlineResult | null => {
        const parsed = store.getParsed(params.uri);
        return parsed ? provideBuildOutline(parsed, images.lookup) : null;
      }),
    );
  },
};
