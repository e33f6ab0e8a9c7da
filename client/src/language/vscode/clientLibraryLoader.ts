import type * as ClientLibrary from './clientLibrary';

let library: typeof ClientLibrary | undefined;

/**
 * vscode-languageclient, loaded when the language client starts (after activate() returned). In
 * the bundle this `require` is rewritten to the separate `dist/languageClient.js` (scripts/build.mjs);
 * compiled by tsc it loads `./clientLibrary` as usual.
 */
export function languageClientLibrary(): typeof ClientLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point (see above)
  library ??= require('./clientLibrary') as typeof ClientLibrary;
  return library;
}
