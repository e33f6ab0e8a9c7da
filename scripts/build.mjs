// Bundles the extension and the language server with esbuild. Every bundle is self-contained:
// the .vsix ships no node_modules.
//
// Activation loads only dist/extension.js, so the heavy third-party libraries live in bundles of
// their own that are loaded on first use (see `lazyBundles`).
import * as esbuild from 'esbuild';
import { basename, join, resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir=<dir>` writes the bundles elsewhere (the activation bench measures a production copy).
const outdir = process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ssh2 and cpu-features carry optional native add-ons that dockerode loads lazily inside try/catch.
  external: ['vscode', 'cpu-features', './crypto/build/Release/sshcrypto.node'],
};

/**
 * Modules bundled on their own and loaded by a `require()` of the module in a loader function.
 * `heavy` names the packages that must therefore be absent from the activation bundle.
 */
const lazyBundles = [
  // dockerode (with docker-modem, grpc) and ssh2: required on the first engine call.
  { source: 'client/src/engine/transport/driver.ts', outfile: join(outdir, 'engineDriver.js'), heavy: ['dockerode', 'docker-modem', 'ssh2'] },
  // vscode-languageclient: required when the language client starts, after activate() returned.
  { source: 'client/src/language/vscode/clientLibrary.ts', outfile: join(outdir, 'languageClient.js'), heavy: ['vscode-languageclient', 'vscode-languageserver-protocol'] },
];

const withoutExtension = (path) => path.replace(/\.[cm]?[jt]s$/, '');

/**
 * In the activation bundle, `require('./driver')` (and the like) becomes `require('./engineDriver.js')`,
 * a sibling file in dist/. Any other way of importing a lazy module (a static import would inline it
 * and load it during activation) fails the build.
 */
const lazyLoads = {
  name: 'berthwise-lazy-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      const target = withoutExtension(resolve(args.resolveDir, args.path));
      const lazy = lazyBundles.find((bundle) => withoutExtension(resolve(bundle.source)) === target);
      if (!lazy) {
        return undefined;
      }
      if (args.kind !== 'require-call') {
        return { errors: [{ text: `${args.path} is loaded lazily as ${lazy.outfile}: reach it through its loader's require(), not an import` }] };
      }
      return { path: `./${basename(lazy.outfile)}`, external: true };
    });
  },
};

const activation = { ...common, entryPoints: ['client/src/extension.ts'], outfile: join(outdir, 'extension.js'), plugins: [lazyLoads], metafile: true };
const builds = [
  activation,
  ...lazyBundles.map((bundle) => ({ ...common, entryPoints: [bundle.source], outfile: bundle.outfile })),
  { ...common, entryPoints: ['server/src/server.ts'], outfile: join(outdir, 'server.js') },
];

/** The packages of `lazyBundles` that ended up in the activation bundle anyway. */
function heavyInActivation(metafile) {
  const heavy = lazyBundles.flatMap((bundle) => bundle.heavy);
  const output = Object.values(metafile.outputs).find((candidate) => candidate.entryPoint === activation.entryPoints[0]);
  const inputs = Object.keys(output?.inputs ?? {});
  return heavy.filter((name) => inputs.some((input) => input.includes(`node_modules/${name}/`)));
}

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('[berthwise] watching client/ and server/');
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  const misplaced = heavyInActivation(results[0].metafile);
  if (misplaced.length > 0) {
    console.error(`[berthwise] ${activation.outfile} must not contain ${misplaced.join(', ')}: activation would load it`);
    process.exit(1);
  }
}
