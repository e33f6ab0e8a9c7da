/** Links into the official Dockerfile reference, shared by every locale. */
const base = 'https://docs.docker.com/reference/dockerfile/';

/** The official reference URL for an anchor on the Dockerfile reference page. */
export function referenceLink(anchor: string): string {
  return `${base}#${anchor}`;
}
