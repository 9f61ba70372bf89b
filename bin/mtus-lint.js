#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled from server/src/cli/ (npm ci builds it) into out/, and
// bundled into dist/cli.js, one file that starts in about two thirds of the CPU time. The
// bundle runs when it is at least as new as every compiled module in out/server/src, so a
// `tsc` (or `npm run watch`) without a bundle after it never runs old code.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const bundle = path.join(root, 'dist', 'cli.js');
const compiled = path.join(root, 'out', 'server', 'src');

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

function bundleIsCurrent() {
  try {
    return fs.statSync(bundle).mtimeMs >= newestJs(compiled);
  } catch {
    return false;
  }
}

let cli;
try {
  cli = require(process.env.MTUS_LINT_CLI_FROM === 'out' || !bundleIsCurrent() ? path.join(compiled, 'cli.js') : bundle);
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
