#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled from server/src/cli/ (npm ci builds it).
let cli;
try {
  cli = require('../out/server/src/cli.js');
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
