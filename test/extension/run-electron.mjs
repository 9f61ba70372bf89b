#!/usr/bin/env node
// Runs the extension-host test suite (test/extension/suite, compiled to out/) in desktop VS Code
// with @vscode/test-electron: the extension under development is this repository (its dist/
// build, so run "npm run build" first), on a fresh copy of the fixture workspace, with fresh
// user-data and extensions folders. Ends with "N passed, N failed"; exits 0 only when all passed.
//
// VS Code is downloaded from update.code.visualstudio.com into .vscode-test/ (gitignored). Where
// that cannot be reached, this says so and exits 1: use test/extension/run-code-server.mjs there.
//
//   node test/extension/run-electron.mjs
//   MTUS_LINT_VSCODE_VERSION=1.91.0 node test/extension/run-electron.mjs   (default: stable)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { REPO_ROOT as ROOT, isolatedEnv, makeRunDir, processesMentioning, removeRunDir } from '../helpers/code-server.mjs';

const VERSION = process.env.MTUS_LINT_VSCODE_VERSION || 'stable';
const SUITE_INDEX = join(ROOT, 'out', 'test', 'extension', 'suite', 'index');
const FIXTURE = join(ROOT, 'test', 'extension', 'fixtures', 'workspace');
const TIMEOUT_MS = Number(process.env.MTUS_LINT_TEST_TIMEOUT_S || 600) * 1000;
const log = (m) => console.log(`[electron tests] ${m}`);

function finish(passed, failed, reason) {
  if (reason) console.log(`\n[electron tests] FAILED: ${reason}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && !reason ? 0 : 1);
}

// Electron needs a display: without one, run again under xvfb-run (Debian package xvfb).
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && !process.env.MTUS_LINT_UNDER_XVFB) {
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).stdout.trim();
  if (!xvfb) finish(0, 1, 'no display (DISPLAY is unset) and no xvfb-run to provide one: apt-get install xvfb');
  const r = spawnSync(xvfb, ['-a', process.execPath, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, MTUS_LINT_UNDER_XVFB: '1' } });
  process.exit(r.status ?? 1);
}

if (!existsSync(`${SUITE_INDEX}.js`)) finish(0, 1, `no compiled suite at ${SUITE_INDEX}.js: run "npm run build" first`);
if (!existsSync(join(ROOT, 'dist', 'extension.js'))) finish(0, 1, 'no dist/extension.js: run "npm run build" first');

const t0 = Date.now();
let vscodeExecutablePath;
try {
  log(`downloading VS Code ${VERSION} (or using the copy in .vscode-test/)`);
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VERSION, cachePath: join(ROOT, '.vscode-test'), timeout: 30_000 });
} catch (e) {
  const why = String(e?.message ?? e).split('\n')[0];
  finish(
    0,
    1,
    `VS Code ${VERSION} could not be downloaded (${why}). @vscode/test-electron fetches it from ` +
      'update.code.visualstudio.com, which this machine cannot reach. Run "npm run test:electron" where it can, ' +
      'or run the same suite in code-server: "npm run test:extension".',
  );
}

const runDir = makeRunDir('mtus-lint-electron-test-');
const workspace = join(runDir, 'workspace');
cpSync(FIXTURE, workspace, { recursive: true });
// VS Code inherits this process's environment: HOME, XDG_* and TMPDIR inside the run folder, and
// nothing from an enclosing VS Code (VSCODE_*, ELECTRON_RUN_AS_NODE) or npm run.
const env = isolatedEnv(join(runDir, 'env'));
for (const k of Object.keys(process.env)) if (!(k in env)) delete process.env[k];
Object.assign(process.env, env);

// Tee VS Code's output (test-electron writes it to our stdout) to find the suite's summary line.
let summary;
const write = process.stdout.write.bind(process.stdout);
let pending = '';
process.stdout.write = (chunk, ...rest) => {
  pending += chunk.toString();
  const lines = pending.split('\n');
  pending = lines.pop();
  for (const line of lines) {
    const m = /^\s*(\d+) passed, (\d+) failed\s*$/.exec(line);
    if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
  }
  return write(chunk, ...rest);
};

let timer;
let reason;
try {
  await Promise.race([
    runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: SUITE_INDEX,
      launchArgs: [workspace, '--user-data-dir', join(runDir, 'user-data'), '--extensions-dir', join(runDir, 'extensions'), '--disable-telemetry'],
    }),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`the suite did not finish within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS))),
  ]);
} catch (e) {
  if (!summary) reason = e?.message ?? String(e);
} finally {
  clearTimeout(timer);
  process.stdout.write = write;
  for (const pid of processesMentioning(runDir)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
  removeRunDir(runDir);
}
log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
if (!summary && !reason) reason = 'VS Code exited without the suite\'s "N passed, N failed" line';
finish(summary?.passed ?? 0, Math.max(summary?.failed ?? 0, reason ? 1 : 0), reason);
