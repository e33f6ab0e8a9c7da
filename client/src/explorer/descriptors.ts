/**
 * Pure: the explorer's descriptors in one import for their users (views, commands, tests, bench):
 * the shared shapes (treeModel.ts), the formatting helpers and one descriptor per resource kind.
 * The descriptors themselves import treeModel.ts, never this file, so nothing imports in a circle.
 */
export type { ResourceDescriptor, ResourceKind, SortOrder, Translate, TreeItemModel, ViewOptions } from './treeModel';
export { appendTo, formatOnly, shortId, formatBytes, formatAge, formatDate, sortModels } from './format';
export { containerDescriptor } from './containersDescriptor';
export { imageDescriptor } from './imagesDescriptor';
export { volumeDescriptor } from './volumesDescriptor';
export { networkDescriptor } from './networksDescriptor';
export { descriptors } from './descriptorTable';
