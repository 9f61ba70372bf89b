#!/usr/bin/env node
// Builds the two .vsix files: bundle, then @vscode/vsce. mtus-lint itself, with .vscodeignore
// deciding what ships, and without pdf.js; and its companion, mtus-lint PDF reader, which holds
// pdf.js (issue 15: the .vsix under 1 MB, and only folders of PDF letters need pdf.js).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagedReadme } from './packaged-readme.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// --out FILE: where to write mtus-lint's (the benchmark packages into a scratch folder);
// --pdf-out FILE: the PDF reader's, else beside the other; --bundled: dist/ was just built, do
// not bundle again.
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = option('--out') ?? join(root, `${pkg.name}-${pkg.version}.vsix`);
const companion = JSON.parse(readFileSync(join(root, 'pdf-reader', 'package.json'), 'utf8'));
const pdfOut = option('--pdf-out') ?? join(dirname(out), `${companion.name}-${pkg.version}.vsix`);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

mkdirSync(dirname(out), { recursive: true });
mkdirSync(dirname(pdfOut), { recursive: true });
if (!args.includes('--bundled')) execFileSync(process.execPath, [join(root, 'scripts/bundle.mjs')], { stdio: 'inherit' });
// The extension page's README, with its images inside it (see packaged-readme.mjs).
const README = 'dist/README.md';
writeFileSync(join(root, README), packagedReadme(root));
const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies', '--readme-path', README], { cwd: root, encoding: 'utf8' }).trim().split('\n');
// What package.json points the editor at must ship: the snippets, the walkthrough's pages and
// images, and the example it opens (.vscodeignore lists them).
const c = pkg.contributes ?? {};
const referenced = [
  ...(c.snippets ?? []).map((s) => s.path),
  ...(c.walkthroughs ?? []).flatMap((w) => w.steps.flatMap((s) => [s.media?.markdown, s.media?.image].filter(Boolean))),
  'examples/knee-and-back.rfa',
  pkg.icon,
].map((p) => p.replace(/^\.\//, ''));
const missing = referenced.filter((p) => !files.includes(p));
if (missing.length) throw new Error(`the .vsix would lack ${missing.join(', ')}: add them to .vscodeignore`);
if (files.some((f) => f.startsWith('dist/pdf-modules'))) throw new Error('pdf.js would ship in mtus-lint: it belongs in mtus-lint PDF reader (.vscodeignore)');
// The bundle holds every dependency, so vsce need not (and must not) collect node_modules.
execFileSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--readme-path', README, '-o', out],
  { cwd: root, stdio: 'inherit' },
);

// The companion: its package.json (mtus-lint's version, so the two go together) and README from
// pdf-reader/, the license and icon, and pdf.js with its loader in dist/, where the server looks
// (client/src/pdf-reader.ts passes the path). It has no code of its own to run.
const stage = mkdtempSync(join(tmpdir(), 'mtus-lint-pdf-reader-'));
try {
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify({ ...companion, version: pkg.version }, null, 2)}\n`);
  cpSync(join(root, 'pdf-reader', 'README.md'), join(stage, 'README.md'));
  cpSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
  cpSync(join(root, pkg.icon), join(stage, companion.icon));
  // Everything staged ships; the file tells vsce so (it warns without one).
  writeFileSync(join(stage, '.vscodeignore'), '.vscodeignore\n');
  mkdirSync(join(stage, 'dist'));
  for (const f of ['pdf-modules.js', 'pdf-modules.js.br']) cpSync(join(root, 'dist', f), join(stage, 'dist', f));
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '-o', pdfOut], { cwd: stage, stdio: 'inherit' });
} finally {
  rmSync(stage, { recursive: true, force: true });
}

const shown = (file) => (file.startsWith(root) ? file.slice(root.length + 1) : file);
console.log(`\n${shown(out)}: ${(statSync(out).size / 1024).toFixed(0)} KB, ${files.length} files`);
console.log(`${shown(pdfOut)}: ${(statSync(pdfOut).size / 1024).toFixed(0)} KB (pdf.js, for PDF letters)`);
