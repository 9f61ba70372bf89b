// The packaged extension (.vsix) the editor suites install, made again only when something it
// ships is newer. One definition of "up to date" for the extension-host runner, the browser
// runner and scripts/run-tests.mjs, which packages once before starting them side by side (two
// runners packaging at the same moment would write the same file).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** What goes into the .vsix, or into what it ships (the bundles are built from the sources). */
const INPUTS = [
  'dist',
  'package.json',
  'client/src',
  'server/src',
  'syntaxes',
  'snippets',
  'media',
  'examples',
  'docs/rules',
  'docs/images',
  'language-configuration.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  '.vscodeignore',
  'pdf-reader',
];

export function vsixPath() {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  return join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
}

/**
 * The command line's bundles and its launcher's code caches: in dist/ but not in the .vsix, and
 * dated at every build (scripts/bundle.mjs) or start (bin/mtus-lint.js).
 */
const NOT_SHIPPED = new Set(['cli.js', 'letter-worker.js', 'cli-code-cache'].map((f) => join(ROOT, 'dist', f)));

/** Newest modification time under `path` (a file or a folder, recursively). */
function newest(path) {
  if (!existsSync(path) || NOT_SHIPPED.has(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs; // a file removed from the folder changes the folder's own time
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

/** mtus-lint PDF reader's .vsix, which scripts/package.mjs makes beside mtus-lint's. */
export const companionPath = (vsix = vsixPath()) => vsix.replace(/mtus-lint-(\d[^/\\]*\.vsix)$/, 'mtus-lint-pdf-$1');

export function vsixIsCurrent() {
  const vsix = vsixPath();
  const sources = Math.max(...INPUTS.map((p) => newest(join(ROOT, p))));
  return [vsix, companionPath(vsix)].every((f) => existsSync(f) && statSync(f).mtimeMs > sources);
}

/**
 * The .vsix, packaged first (scripts/package.mjs, which bundles too) unless it is current.
 * Throws with the packager's output when packaging fails. `log` hears what was done.
 */
export function ensureVsix({ log = () => {}, timeoutMs = 300_000 } = {}) {
  const vsix = vsixPath();
  if (vsixIsCurrent()) {
    log(`${relative(ROOT, vsix)} is up to date`);
    return vsix;
  }
  log(`${existsSync(vsix) ? `${relative(ROOT, vsix)} is older than its sources` : `no ${relative(ROOT, vsix)}`}: packaging`);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'package.mjs')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.error || r.status !== 0 || !existsSync(vsix)) {
    throw new Error(`packaging the extension failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}):\n${output}`);
  }
  log(`packaged ${output.split('\n').findLast((l) => l.includes('.vsix: ')) ?? relative(ROOT, vsix)}`);
  return vsix;
}

// `node test/helpers/vsix.mjs`: make the .vsix if it is not current (scripts/run-tests.mjs
// runs it in a process of its own, so that the suites already running are not held up).
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    ensureVsix({ log: (m) => console.log(m) });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
