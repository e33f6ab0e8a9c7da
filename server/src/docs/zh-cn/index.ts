import type { DocTable } from '../types';
import { chineseBuildInstructions } from './buildInstructions';
import { chineseChecksAndDirectives } from './checksAndDirectives';
import { chineseCopyFlags } from './copyFlags';
import { chineseRunFlags } from './runFlags';
import { chineseRuntimeInstructions } from './runtimeInstructions';

/** 简体中文文档条目。 */
export const chineseDocs: DocTable = {
  ...chineseBuildInstructions,
  ...chineseRuntimeInstructions,
  ...chineseCopyFlags,
  ...chineseRunFlags,
  ...chineseChecksAndDirectives,
};
