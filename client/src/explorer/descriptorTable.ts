/** Pure: the descriptor of each resource kind, for code that handles every kind alike. */
import { containerDescriptor } from './containersDescriptor';
import { imageDescriptor } from './imagesDescriptor';
import { networkDescriptor } from './networksDescriptor';
import type { ResourceDescriptor, ResourceKind } from './treeModel';
import { volumeDescriptor } from './volumesDescriptor';

export const descriptors: { readonly [K in ResourceKind]: ResourceDescriptor<K> } = {
  container: containerDescriptor,
  image: imageDescriptor,
  volume: volumeDescriptor,
  network: networkDescriptor,
};
