/** Pure: which references an image removal deletes (no `vscode`). */

/**
 * The tags shown on the clicked item when they belong to the image (the Images view lists an image
 * once per repository, labelled with that repository's tags), else all its tags; an untagged image
 * is removed by id. Removing exactly what the user saw keeps the image's other repositories.
 */
export function referencesToRemove(imageId: string, label: string, imageTags: readonly string[]): string[] {
  if (imageTags.length === 0) {
    return [imageId];
  }
  const shown = label.split(',').map((part) => part.trim()).filter((tag) => imageTags.includes(tag));
  return shown.length > 0 ? shown : [...imageTags];
}
