#!/usr/bin/env node
// Bundles the extension client and the language server into dist/ (one file each, no
// node_modules needed at run time) and copies the knowledge base beside them.
import { build as esbuildOnce } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';
import { nodeClientApart, zodEnglishOnly } from './bundle-plugins.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// esbuild prints its warnings and goes on, but each one it has given here was a bug (functions
// the browser build's stand-in for node:fs lacked, undefined had they been called): the build
// fails on any, after printing them all.
let warnings = 0;
async function esbuild(options) {
  const result = await esbuildOnce(options);
  warnings += result.warnings.length;
  return result;
}
const dist = join(root, 'dist');

// A file is written only when its content changed, so a build that changes nothing leaves dist/
// as it was and the .vsix made from it stays current (test/helpers/vsix.mjs compares times).
const produced = new Set();
function put(file, bytes) {
  produced.add(file);
  if (existsSync(file) && readFileSync(file).equals(bytes)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
}
async function build(options) {
  const { outputFiles } = await esbuild({ ...options, write: false });
  for (const f of outputFiles) put(f.path, Buffer.from(f.contents));
}
function copyFolder(from, to) {
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) copyFolder(join(from, e.name), join(to, e.name));
    else put(join(to, e.name), readFileSync(join(from, e.name)));
  }
}

// jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow: bundle its ES module build.
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: false,
  // NO_MINIFY=1 node scripts/bundle.mjs keeps names readable in a CPU profile of dist/server.js.
  minify: !process.env.NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};
await build({
  ...common,
  entryPoints: [join(root, 'client/src/extension.ts')],
  outfile: join(dist, 'extension.js'),
  external: ['vscode'],
  plugins: [nodeClientApart],
});
// The language client library, loaded by the client only when the server is first needed (client/src/node-client.ts).
await build({ ...common, entryPoints: [join(root, 'client/src/node-client.ts')], outfile: join(dist, 'node-client.js'), external: ['vscode'] });
// The language server ships compressed (below), like pdf.js: a third of the .vsix is its code.
const server = await esbuild({
  ...common,
  entryPoints: [join(root, 'server/src/server.ts')],
  outfile: join(dist, 'server.js'),
  plugins: [zodEnglishOnly],
  write: false,
});
// The command line (bin/mtus-lint.js runs it when it is newer than the compiled sources in
// out/): one file starts in about two thirds of the CPU time of out/'s two hundred modules,
// and every CI check and pre-commit hook starts it. Not in the .vsix (.vscodeignore). Its
// corpus miner's worker threads run dist/letter-worker.js. tinyglobby's ES module build asks
// for import.meta.url, which a CommonJS bundle gives as the bundle's own file URL.
const cliCommon = {
  ...common,
  plugins: [zodEnglishOnly],
  define: { 'import.meta.url': '__mtusLintBundleUrl' },
  banner: { js: "const __mtusLintBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await build({ ...cliCommon, entryPoints: [join(root, 'server/src/cli.ts')], outfile: join(dist, 'cli.js') });
await build({ ...cliCommon, entryPoints: [join(root, 'server/src/corpus/letter-worker.ts')], outfile: join(dist, 'letter-worker.js') });
// Dated now even when unchanged: the launcher runs the bundle only when it is newer than out/,
// which tsc has just written. (Neither ships, so the .vsix is not made again for this.)
for (const f of ['cli.js', 'letter-worker.js']) utimesSync(join(dist, f), new Date(), new Date());
// The launcher's V8 code caches were made from the bundle before (bin/mtus-lint.js): they go,
// their folder stays (a folder made or removed in dist/ would date it, and the .vsix would be
// made again: test/helpers/vsix.mjs).
const codeCache = join(dist, 'cli-code-cache');
mkdirSync(codeCache, { recursive: true });
for (const f of readdirSync(codeCache)) rmSync(join(codeCache, f), { force: true });
/** The last build's compressed file when it holds this very code (compressing takes seconds of CPU). */
function sameCompressed(file, code) {
  try {
    const previous = readFileSync(file);
    return brotliDecompressSync(previous).equals(code) ? previous : undefined;
  } catch {
    return undefined; // none yet, or unreadable: made anew
  }
}
/**
 * dist/NAME.js as a small loader that runs the code of dist/NAME.js.br, the bundle compressed with
 * Brotli (compressed-bundle-loader.cjs): in a .vsix, which is a zip, a bundle so compressed takes
 * about a sixth less room than zip's own compression leaves of it.
 */
function putCompressed(name, code) {
  const br = join(dist, `${name}.br`);
  put(
    br,
    sameCompressed(br, code) ??
      brotliCompressSync(code, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_LGWIN]: 24, [zlib.BROTLI_PARAM_SIZE_HINT]: code.length } }),
  );
  put(join(dist, name), readFileSync(join(root, 'scripts/compressed-bundle-loader.cjs')));
}
// The language server: 0.71 MB of code, 216 KB in a .vsix as is and 182 KB so, decompressed in
// about 3 to 6 ms when the server starts (issue 15: the .vsix under 1 MB, counted in bytes either way).
putCompressed('server.js', server.outputFiles[0].contents);
// pdf.js, loaded by the server only when it reads a PDF letter (server/src/corpus/pdf-modules.ts),
// from beside it here (the command line, the npm package, development) or from the companion
// extension mtus-lint PDF reader, whose .vsix holds these two files (scripts/package.mjs).
const pdf = await esbuild({ ...common, entryPoints: [join(root, 'server/src/corpus/pdf-modules.ts')], outfile: join(dist, 'pdf-modules.js'), write: false });
putCompressed('pdf-modules.js', pdf.outputFiles[0].contents);

// The web extension (package.json "browser"): the client for VS Code's web worker extension
// host, and the server in a web worker of its own, given the knowledge base and corpus index by
// the web client (the extension's own dist/ files, not a second copy inside the worker's code),
// with Node's modules replaced by the small stand-ins in server/src/web/.
const web = join(root, 'server/src/web');
const browserCommon = { ...common, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'] };
await build({ ...browserCommon, entryPoints: [join(root, 'client/src/browser.ts')], outfile: join(dist, 'web', 'extension.js'), external: ['vscode'] });
await build({
  ...browserCommon,
  format: 'iife',
  entryPoints: [join(web, 'server.ts')],
  outfile: join(dist, 'web', 'server.js'),
  define: { __dirname: '"/mtus-lint"' },
  inject: [join(web, 'process.ts')],
  plugins: [zodEnglishOnly],
  alias: {
    ...common.alias,
    'node:fs': join(web, 'node-fs.ts'),
    'node:path': 'path-browserify',
    'node:os': join(web, 'node-misc.ts'),
    'node:url': join(web, 'node-misc.ts'),
    'node:crypto': join(web, 'node-misc.ts'),
    'node:module': join(web, 'node-misc.ts'),
    'pdfjs-dist/legacy/build/pdf.mjs': join(web, 'node-misc.ts'),
    'pdfjs-dist/legacy/build/pdf.worker.mjs': join(web, 'node-misc.ts'),
  },
});

// The server finds its knowledge base in ./knowledge beside it (see server/src/knowledge/load.ts).
copyFolder(join(root, 'server/src/knowledge/data'), join(dist, 'knowledge'));
// And the corpus index derived from the shared IMR letters (npm run corpus), when built.
const corpusIndex = join(root, 'server/src/corpus/data/default-index.json');
if (existsSync(corpusIndex)) {
  put(join(dist, 'corpus', 'default-index.json'), readFileSync(corpusIndex));
}
// What an earlier build left that this one did not make goes (the README is scripts/package.mjs's).
const packagedReadme = join(dist, 'README.md');
for (const e of readdirSync(dist, { withFileTypes: true, recursive: true })) {
  const file = join(e.parentPath ?? e.path, e.name);
  if (e.isFile() && !produced.has(file) && file !== packagedReadme) {
    rmSync(file);
    console.log(`removed ${relative(root, file)}, which this build no longer makes`);
  }
}
if (warnings) {
  console.error(`bundle: ${warnings} warning${warnings === 1 ? '' : 's'} from esbuild (above); each is likely a bug, so the build fails`);
  process.exit(1);
}
console.log(
  `bundled dist/extension.js, dist/node-client.js, dist/server.js(.br), dist/cli.js (and its letter-worker.js), dist/pdf-modules.js(.br), dist/web/ (the browser build), dist/knowledge/${existsSync(corpusIndex) ? ' and dist/corpus/' : ''}`,
);
