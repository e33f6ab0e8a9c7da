import type { DocTable } from '../types';
import { englishBuildInstructions } from './buildInstructions';
import { englishChecksAndDirectives } from './checksAndDirectives';
import { englishCopyFlags } from './copyFlags';
import { englishRunFlags } from './runFlags';
import { englishRuntimeInstructions } from './runtimeInstructions';

/** English documentation entries. */
export const englishDocs: DocTable = {
  ...englishBuildInstructions,
  ...englishRuntimeInstructions,
  ...englishCopyFlags,
  ...englishRunFlags,
  ...englishChecksAndDirectives,
};
