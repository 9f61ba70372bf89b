#!/usr/bin/env node
// Builds the .vsix: bundle, then @vscode/vsce with .vscodeignore deciding what ships.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagedReadme } from './packaged-readme.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// --out FILE: where to write it (the benchmark packages into a scratch folder); --bundled: dist/
// was just built, do not bundle again.
const args = process.argv.slice(2);
const outArg = args.indexOf('--out');
const out = outArg >= 0 ? args[outArg + 1] : join(root, `${pkg.name}-${pkg.version}.vsix`);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');

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
// The bundle holds every dependency, so vsce need not (and must not) collect node_modules.
execFileSync(
  process.execPath,
  [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--readme-path', README, '-o', out],
  { cwd: root, stdio: 'inherit' },
);
console.log(`\n${out.startsWith(root) ? out.slice(root.length + 1) : out}: ${(statSync(out).size / 1024).toFixed(0)} KB, ${files.length} files`);
