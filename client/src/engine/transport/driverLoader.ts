import type * as Driver from './driver';

let driver: typeof Driver | undefined;

/**
 * dockerode and ssh2, loaded on first use: the first engine call happens once a view is visible,
 * long after activation. In the bundle this `require` is rewritten to the separate
 * `dist/engineDriver.js` (scripts/build.mjs); compiled by tsc it loads `./driver` as usual.
 */
export function engineDriver(): typeof Driver {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load is the point (see above)
  driver ??= require('./driver') as typeof Driver;
  return driver;
}
