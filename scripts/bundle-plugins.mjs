// esbuild plugins that keep the shipped bundles small (issue 15: the .vsix under 1 MB, and a
// server that starts without compiling code it does not run).
import { dirname, resolve } from 'node:path';

/**
 * zod exports every one of its 40-odd translations of its error messages (z.locales), so a
 * bundle holds them all, about a third of zod's size. mtus-lint words its own messages and
 * uses zod's English only: the bundle gets an index of locales that holds English alone.
 */
export const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? { path: resolve(dirname(args.importer), args.path.replace(/index\.js$/, 'en.js')), namespace: 'zod-english' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
    }));
  },
};

/**
 * A module required at run time from its own file beside the bundle (`./name.js`) instead of
 * bundled: `name` as required (`./name`), by a module in a folder ending with `folder`. The
 * desktop client leaves out the language client library (client/src/node-client.ts), loaded
 * only when the server is first needed. (The server's pdf.js is required by a path it is given
 * or finds, never by name: server/src/corpus/pdf-reader-location.ts.)
 */
export function loadedApart(name, folder) {
  const own = new RegExp(`[\\\\/]${folder.replace('/', '[\\\\/]')}$`);
  return {
    name: `${name}-apart`,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^\\./${name}$`) }, (args) => (own.test(args.resolveDir) ? { path: `./${name}.js`, external: true } : undefined));
    },
  };
}
export const nodeClientApart = loadedApart('node-client', 'client/src');
