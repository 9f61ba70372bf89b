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
 * The Node server leaves pdf.js out (server/src/corpus/pdf-modules.ts) and requires
 * ./pdf-modules.js beside it, its own bundle, only when a PDF letter is read.
 */
export const pdfModulesApart = {
  name: 'pdf-modules-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/pdf-modules$/ }, (args) =>
      /[\\/]corpus$/.test(args.resolveDir) ? { path: './pdf-modules.js', external: true } : undefined,
    );
  },
};
