/** Pure validation of names the user types (no `vscode`: tested in plain Node). */

const objectName = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Why a container, volume or network name is invalid, or undefined when it is fine. */
export function objectNameProblem(name: string): string | undefined {
  if (name.trim() === '') {
    return 'empty';
  }
  return objectName.test(name) ? undefined : 'characters';
}

export interface ImageReference {
  readonly repository: string;
  readonly tag: string;
}

const repositoryPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const tagPattern = /^[\w][\w.-]{0,127}$/;

/** `repo/name:tag` → its parts (tag `latest` when omitted); undefined when Docker would reject it. */
export function parseImageReference(text: string): ImageReference | undefined {
  const trimmed = text.trim();
  const lastSlash = trimmed.lastIndexOf('/');
  const colon = trimmed.lastIndexOf(':');
  const hasTag = colon > lastSlash;
  const repository = hasTag ? trimmed.slice(0, colon) : trimmed;
  const tag = hasTag ? trimmed.slice(colon + 1) : 'latest';
  // A registry host may carry upper case, e.g. `Registry.local:5000/app`; the path may not.
  const firstSlash = repository.indexOf('/');
  const normalisedHost = firstSlash > 0 && /[.:]/.test(repository.slice(0, firstSlash)) ? repository.slice(0, firstSlash).toLowerCase() + repository.slice(firstSlash) : repository;
  return repositoryPattern.test(normalisedHost) && tagPattern.test(tag) ? { repository, tag } : undefined;
}
