#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled from server/src/cli.ts (npm ci builds it).
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
const status = cli.main(process.argv.slice(2));
if (status >= 0) process.exitCode = status;
