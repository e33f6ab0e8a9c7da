/** Pure: the Images view — grouped by repository, with tags, size and age; dangling and in-use marked. */
import type { ImageSummary } from '../engine/types';
import type { ResourceDescriptor, TreeItemModel, ViewOptions } from './treeModel';
import { appendTo, compareLabels, formatAge, formatBytes, formatDate, shortId, sortModels } from './format';

/** `registry:5000/team/app:1.2` → `registry:5000/team/app` and `1.2` (the colon after the last slash). */
export function splitReference(reference: string): { repository: string; tag: string } {
  const colon = reference.lastIndexOf(':');
  return colon > reference.lastIndexOf('/') ? { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) } : { repository: reference, tag: 'latest' };
}

/** One image as it shows under one repository (label = the full reference, id = the image id). */
export function imageToModel(image: ImageSummary, repository: string | undefined, usedBy: readonly string[], options: ViewOptions): TreeItemModel {
  const { t } = options;
  const tags = repository === undefined ? [] : image.repoTags.filter((tag) => splitReference(tag).repository === repository);
  const label = repository === undefined ? `<none> ${shortId(image.id)}` : tags.join(', ');
  const marks = [usedBy.length > 0 ? t('in use') : undefined, repository === undefined ? t('dangling') : undefined].filter(Boolean);
  if (image.created > 0) {
    options.onRelativeTime?.(options.now - image.created * 1000);
  }
  return {
    id: image.id,
    treeId: `image:${repository ?? '<none>'}:${image.id}`,
    label,
    description: [formatBytes(image.size), formatAge(image.created, options.now), ...marks].join(' · '),
    tooltip: [
      label,
      t('ID: {0}', shortId(image.id)),
      image.repoTags.length > 0 ? t('Tags: {0}', image.repoTags.join(', ')) : t('Tags: none (dangling)'),
      t('Size: {0}', formatBytes(image.size)),
      t('Created: {0}', formatDate(image.created)),
      usedBy.length > 0 ? t('Used by: {0}', usedBy.join(', ')) : t('Used by no container'),
    ].join('\n'),
    contextValue: repository === undefined ? 'image.dangling' : 'image.tagged',
    icon: usedBy.length > 0 ? 'package' : 'file-binary',
    ...(usedBy.length > 0 ? { iconColor: 'charts.green' } : {}),
  };
}

export const imageDescriptor: ResourceDescriptor<'image'> = {
  kind: 'image',
  list: (engine, signal) => engine.listImages({ signal }),
  find: (engine, id, signal) => engine.findImage(id, { signal }),
  // Image events may name the bare hex id while the lists use `sha256:<hex>`.
  keysOf: (id) => [id, `sha256:${id}`],
  failureTitle: (t) => t('Could not list the images'),
  // "In use" and "used by" come from each container's image and name.
  containerFacts: (container) => `${container.imageId}\n${container.name}`,
  buildTree: (snapshot, options) => {
    const usedBy = new Map<string, string[]>();
    for (const container of snapshot.all('container')) {
      appendTo(usedBy, container.imageId, container.name);
    }
    const byRepository = new Map<string, ImageSummary[]>();
    const dangling: ImageSummary[] = [];
    for (const image of snapshot.all('image')) {
      if (image.repoTags.length === 0) {
        dangling.push(image);
      }
      for (const repository of new Set(image.repoTags.map((tag) => splitReference(tag).repository))) {
        appendTo(byRepository, repository, image);
      }
    }
    const sortImages = (images: readonly ImageSummary[]): ImageSummary[] =>
      sortModels(images, options.sortBy, { label: (i) => i.repoTags.join(','), created: (i) => i.created, rank: (i) => (usedBy.has(i.id) ? 0 : 1) });
    const group = (repository: string | undefined, images: readonly ImageSummary[]): TreeItemModel => {
      const size = images.reduce((sum, image) => sum + image.size, 0);
      return {
        id: `repository:${repository ?? '<none>'}`,
        label: repository ?? options.t('<none> (dangling)'),
        description: images.length === 1 ? options.t('1 image · {0}', formatBytes(size)) : options.t('{0} images · {1}', images.length, formatBytes(size)),
        tooltip: repository ?? options.t('Images without a tag'),
        contextValue: repository === undefined ? 'imageRepository.dangling' : 'imageRepository',
        icon: repository === undefined ? 'warning' : 'repo',
        children: sortImages(images).map((image) => imageToModel(image, repository, usedBy.get(image.id) ?? [], options)),
        expanded: byRepository.size + (dangling.length > 0 ? 1 : 0) <= 20,
      };
    };
    const repositories = [...byRepository.entries()].sort(([a], [b]) => compareLabels(a, b)).map(([repository, images]) => group(repository, images));
    return dangling.length > 0 ? [...repositories, group(undefined, dangling)] : repositories;
  },
};
