// Shipped in place of a bundle that ships compressed (scripts/bundle.mjs): dist/NAME.js is this
// file, and the bundle's code is dist/NAME.js.br. Required or run like the bundle itself, it reads
// and decompresses the code (Node's own Brotli: no dependency) and runs it as this module, so what
// required it gets the bundle's exports, and the code finds what lies beside it as it would.
// Two bundles are so shipped (issue 15: the .vsix under 1 MB):
// - the language server, dist/server.js: 216 KB in a .vsix as is, 182 KB so; decompressed in
//   about 3 to 6 ms when the server starts;
// - pdf.js, dist/pdf-modules.js: 1.5 MB of code that only a PDF letter needs, 460 KB as is and
//   350 KB so (it ships in the companion extension, mtus-lint PDF reader); decompressed when the
//   first PDF is read.
'use strict';
const fs = require('node:fs');
const vm = require('node:vm');
const zlib = require('node:zlib');

const code = zlib.brotliDecompressSync(fs.readFileSync(`${__filename}.br`)).toString('utf8');
vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: __filename }).call(
  module.exports,
  module.exports,
  require,
  module,
  __filename,
  __dirname,
);
