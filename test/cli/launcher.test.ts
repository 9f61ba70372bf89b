// The launcher, bin/mtus-lint.js, decides what runs: the bundle dist/cli.js when it was made
// after tsc last wrote out/, the compiled modules in out/ otherwise, and never code compiled
// from an older file. Here it runs in a scratch copy of the repository's layout whose "bundle"
// and "compiled" CLI each say which they are, so each case is set up by file times alone.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..'); // out/test/cli → the repository
const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-lint-launcher-'));
after(() => fs.rmSync(tree, { recursive: true, force: true }));

const file = (rel: string) => path.join(tree, rel);
const BUNDLE = file('dist/cli.js');
const BUILD_INFO = file('out/tsconfig.tsbuildinfo');
const CACHE = file('dist/cli-code-cache');

/** A CLI module whose `main` prints `says` and exits 0. */
const cliModule = (says: string) => `exports.main = async () => { process.stdout.write(${JSON.stringify(says)}); return 0; };\n`;

function write(rel: string, content: string, secondsAgo: number) {
  fs.mkdirSync(path.dirname(file(rel)), { recursive: true });
  fs.writeFileSync(file(rel), content);
  const when = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file(rel), when, when);
}

function launch(env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [file('bin/mtus-lint.js'), 'check'], { encoding: 'utf8', env: { ...process.env, MTUS_LINT_CLI_FROM: '', ...env } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

fs.mkdirSync(file('bin'));
fs.copyFileSync(path.join(ROOT, 'bin', 'mtus-lint.js'), file('bin/mtus-lint.js'));
write('out/server/src/cli.js', cliModule('compiled'), 60);
write('out/tsconfig.tsbuildinfo', '{}', 60);
write('dist/cli.js', cliModule('bundle 1'), 30);

test('the bundle runs when it was made after tsc, and its code cache is kept for the next start', () => {
  assert.equal(launch(), 'bundle 1');
  const caches = fs.readdirSync(CACHE);
  assert.equal(caches.length, 1, 'one code cache, for the command run');
  const made = fs.statSync(path.join(CACHE, caches[0])).mtimeMs;
  assert.equal(launch(), 'bundle 1');
  assert.deepEqual(fs.readdirSync(CACHE), caches);
  assert.equal(fs.statSync(path.join(CACHE, caches[0])).mtimeMs, made, 'the second start used the cache (a refused one is written again)');
});

test('a damaged code cache is not used (V8 would crash on it) but made again', () => {
  const [cache] = fs.readdirSync(CACHE);
  const bytes = fs.readFileSync(path.join(CACHE, cache));
  for (let i = 64; i < bytes.length; i += 97) bytes[i] ^= 0x55; // same length: V8's own check passes
  fs.writeFileSync(path.join(CACHE, cache), bytes);
  assert.equal(launch(), 'bundle 1');
  assert.notDeepEqual(fs.readFileSync(path.join(CACHE, cache)), bytes, 'written again');
  assert.equal(launch(), 'bundle 1');
});

test('a bundle rewritten to the same size and given its old time runs its new code, not the cached', () => {
  const before = fs.statSync(BUNDLE);
  fs.writeFileSync(BUNDLE, cliModule('bundle 2'));
  fs.utimesSync(BUNDLE, before.atime, before.mtime);
  assert.equal(fs.statSync(BUNDLE).size, before.size);
  assert.equal(launch(), 'bundle 2');
});

test('the code cache can be turned off', () => {
  fs.rmSync(CACHE, { recursive: true, force: true });
  assert.equal(launch({ MTUS_LINT_CODE_CACHE: 'off' }), 'bundle 2');
  assert.equal(fs.existsSync(CACHE), false);
});

test('after a tsc with no bundle after it, the compiled modules in out/ run', () => {
  const now = new Date();
  fs.utimesSync(BUILD_INFO, now, now);
  assert.equal(launch(), 'compiled');
  const ago = new Date(Date.now() - 60_000);
  fs.utimesSync(BUILD_INFO, ago, ago);
  assert.equal(launch(), 'bundle 2');
});

test('MTUS_LINT_CLI_FROM=out runs out/ whatever the times', () => {
  assert.equal(launch({ MTUS_LINT_CLI_FROM: 'out' }), 'compiled');
});

test('without tsc build information, a compiled module newer than the bundle runs out/', () => {
  fs.rmSync(BUILD_INFO);
  assert.equal(launch(), 'bundle 2');
  const now = new Date();
  fs.utimesSync(file('out/server/src/cli.js'), now, now);
  assert.equal(launch(), 'compiled');
});
