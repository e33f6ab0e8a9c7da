/**
 * The one table of everything the hover documentation must cover. Tests derive the required key
 * list from here, and hover uses the same spelling to turn syntax into a key.
 */

/** Every instruction keyword Docker's parser accepts, in alphabetical order (completion lists them so). */
export const instructionKeywords = [
  'ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL',
  'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
] as const;

/** The flags each instruction accepts (without the leading `--`). */
export const instructionFlags: Readonly<Record<string, readonly string[]>> = {
  FROM: ['platform'],
  COPY: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  // ADD has no --from and no --parents: those are COPY-only in the reference.
  ADD: ['chown', 'chmod', 'link', 'exclude', 'checksum', 'keep-git-dir', 'unpack'],
  RUN: ['mount', 'network', 'security'],
  HEALTHCHECK: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
};

/** The `type=` values of `RUN --mount`. */
export const mountTypes = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;

/** Parser directives (`# name=value` at the very top). */
export const parserDirectives = ['syntax', 'escape', 'check'] as const;

/** Key of an instruction's flag entry, e.g. `COPY --from`. */
export function flagKey(keyword: string, flag: string): string {
  return `${keyword.toUpperCase()} --${flag}`;
}

/** Key of a mount type entry, e.g. `RUN --mount type=cache`. */
export function mountTypeKey(type: string): string {
  return `RUN --mount type=${type}`;
}

/** Key of a parser directive entry, e.g. `# syntax`. */
export function directiveKey(name: string): string {
  return `# ${name.toLowerCase()}`;
}

/** Key of `HEALTHCHECK NONE`. */
export const healthcheckNoneKey = 'HEALTHCHECK NONE';

/** Every key the documentation of each locale must hold. */
export function requiredDocKeys(): string[] {
  const flags = Object.entries(instructionFlags).flatMap(([keyword, names]) => names.map((name) => flagKey(keyword, name)));
  return [
    ...instructionKeywords,
    ...flags,
    ...mountTypes.map(mountTypeKey),
    healthcheckNoneKey,
    ...parserDirectives.map(directiveKey),
  ];
}
