#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled from server/src/cli/ (npm ci builds it) into out/, and
// bundled into dist/cli.js, one file that starts in about two thirds of the CPU time. The
// bundle runs when it was made after tsc last wrote out/ (scripts/bundle.mjs runs after tsc
// and dates dist/cli.js then; tsc rewrites out/tsconfig.tsbuildinfo whenever it emits), so a
// `tsc` (or `npm run watch`) without a bundle after it never runs old code.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli.js');
const compiled = path.join(root, 'out', 'server', 'src');
// Every CI check and pre-commit hook starts the command, so the check that the bundle is
// current is one stat of what tsc writes last, not a walk over the two hundred modules.
const buildInfo = path.join(root, 'out', 'tsconfig.tsbuildinfo');

/** Newest modification time of the .js files under `dir` (0 when there is none). */
function newestJs(dir) {
  let newest = 0;
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestJs(p));
    else if (e.name.endsWith('.js')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** The bundle's stat when it is at least as new as the compiled sources, else undefined. */
function currentBundle() {
  let made;
  try {
    made = fs.statSync(bundle);
  } catch {
    return undefined;
  }
  let compiledAt;
  try {
    compiledAt = fs.statSync(buildInfo).mtimeMs;
  } catch {
    compiledAt = newestJs(compiled); // out/ made some other way: compare with each module
  }
  return made.mtimeMs >= compiledAt ? made : undefined;
}

/**
 * require(file), with V8's compiled code kept in dist/cli-code-cache/ (gitignored with dist/,
 * emptied by each bundle) and reused by the next start: about a tenth of a check's CPU time
 * is compiling the bundle. A cache is used only for the very file it was made from (its
 * inode, size, modification and change times are in the name; any write changes the change
 * time), by the same node with the same flags (V8 refuses it otherwise, and the launcher then
 * compiles as usual and writes a new one). One cache per command, made when the process
 * exits, so it holds the functions that command ran. Each starts with a CRC-32 of the rest:
 * V8 checks a cache's length but not its bytes, and a damaged one would crash node itself.
 * MTUS_LINT_CODE_CACHE=off turns it off (and node before 20.15, without zlib.crc32, runs without).
 */
function requireCached(file, stat) {
  const { crc32 } = require('node:zlib');
  if (process.env.MTUS_LINT_CODE_CACHE === 'off' || !crc32) return require(file);
  const vm = require('node:vm');
  const Module = require('node:module');
  const command = /^(check|lsp|corpus|formulary)$/.test(process.argv[2] ?? '') ? process.argv[2] : 'other';
  const runtime = [process.version, process.arch, ...process.execArgv].join(' ');
  let flags = 0;
  for (let i = 0; i < runtime.length; i++) flags = (Math.imul(flags, 31) + runtime.charCodeAt(i)) >>> 0;
  const id = [command, flags.toString(36), stat.ino, stat.size, stat.mtimeMs, stat.ctimeMs].join('-');
  const cacheFile = path.join(path.dirname(file), 'cli-code-cache', `${id}.bin`);
  let cachedData;
  try {
    const stored = fs.readFileSync(cacheFile);
    if (stored.length > 4 && stored.readUInt32LE(0) === crc32(stored.subarray(4))) cachedData = stored.subarray(4);
  } catch {}
  // The module wrapper node itself uses, its first line taken back so positions stay true.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {\n${fs.readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(wrapped, { filename: file, lineOffset: -1, cachedData });
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  if (!cachedData || script.cachedDataRejected) {
    process.once('exit', () => {
      try {
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        const partial = `${cacheFile}.${process.pid}`; // renamed whole: a concurrent start never reads half
        const data = script.createCachedData();
        const check = Buffer.alloc(4);
        check.writeUInt32LE(crc32(data));
        fs.writeFileSync(partial, Buffer.concat([check, data]));
        fs.renameSync(partial, cacheFile);
      } catch {} // a read-only install runs without one
    });
  }
  return mod.exports;
}

let cli;
try {
  const made = process.env.MTUS_LINT_CLI_FROM === 'out' ? undefined : currentBundle();
  cli = made ? requireCached(bundle, made) : require(path.join(compiled, 'cli.js'));
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('mtus-lint: not built yet; run "npm ci" (or "npm run build") in the mtus-lint folder first.\n');
    process.exit(2);
  }
  throw e;
}
// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (e) => {
  if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
// The exit status is set, not forced, so output still being written reaches its pipe.
// (undefined: the language server is running and exits on its own.)
cli.main(process.argv.slice(2)).then((status) => {
  if (status !== undefined) process.exitCode = status;
});
