#!/usr/bin/env node
// Neovim as a second, independent LSP client: runs test/nvim/check.lua in a headless Neovim
// (0.7 or later) against the built server (bin/mtus-lint.js lsp --stdio), then checks from Node
// what Neovim wrote to disk. Needs "npm run build" first and nvim on PATH (or MTUS_NVIM_BIN).
//
// Everything happens in a fresh temp run folder: copies of the drafts, HOME, XDG_* and
// NVIM_LOG_FILE. Neovim gets a hard time limit and is killed (its process group, by its PID)
// if it overruns. Prints Neovim's check lines and this runner's, then "N passed, N failed";
// exits 0 only if every check passed. A missing Neovim is a failure, never a silent skip.
//
// Environment: MTUS_NVIM_BIN (default "nvim"), MTUS_NVIM_TIMEOUT_MS (default 60000),
// MTUS_NVIM_KEEP=1 keeps the run folder even when everything passed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runReadmeConfig } from './readme-config.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const NVIM = process.env.MTUS_NVIM_BIN || 'nvim';
const HARD_MS = Number(process.env.MTUS_NVIM_TIMEOUT_MS) || 60_000;
const NVIM_CHECKS = 6; // what check.lua plans; used only if it never printed its plan

// The drafts, copied into the run folder (Neovim edits and writes them).
const DRAFT = 'Acupuncture 2x4 for the low back\nMTUS Acupuncture Treatment Guidelines, 8 CCR 9792.24.1\n';
// Non-ASCII before a quantity: an edit placed by bytes instead of UTF-16 units would land wrong.
const DRAFT2 = [
  'REQUEST FOR AUTHORIZATION — Employee: José García — Diagnosis: cervical strain (S16.1XXA)',
  'Massage therapy — 2x4 for the neck, with the home exercise program',
  'Acupuncture 2x4 for the low back',
  'Thank you.',
  '',
].join('\n');
const FIXED = DRAFT.replace('2x4', '2x3');
const FIXED2 = DRAFT2.replaceAll('2x4', '2x3');

const lines = [];
let passed = 0;
let failed = 0;
const check = (ok, what, why) => {
  if (ok) passed++;
  else failed++;
  const line = ok ? `ok - ${what}` : `not ok - ${what}: ${why}`;
  lines.push(line);
  console.log(line);
};
const finish = () => {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
};

function loudFailure(message) {
  const bar = '!'.repeat(Math.min(78, message.length + 8));
  console.error(`\n${bar}\n!!! ${message}\n${bar}\n`);
  check(false, 'neovim LSP client check', message);
  finish();
}

// --- Preconditions: Neovim present and new enough, server built. ------------------------------
const probe = spawnSync(NVIM, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
if (probe.error) {
  const missing = probe.error.code === 'ENOENT';
  if (missing) console.error(`${NVIM} is not on PATH (set MTUS_NVIM_BIN to use another Neovim)${process.env.CI ? '; CI needs it too' : ''}`);
  loudFailure(missing ? 'neovim not installed: apt-get install neovim' : `could not run ${NVIM} --version: ${probe.error.message}`);
}
const version = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(probe.stdout ?? '');
if (!version) loudFailure(`${NVIM} --version printed no "NVIM vX.Y.Z" line: ${JSON.stringify((probe.stdout ?? '').slice(0, 200))}`);
const [, major, minor] = version.map(Number);
if (major === 0 && minor < 7) loudFailure(`neovim ${version[0]} is too old (0.7 or later has the LSP client these checks use): apt-get install neovim`);
if (!existsSync(join(root, 'out', 'server', 'src', 'cli.js'))) loudFailure('the server is not built: run "npm run build" first');

// --- Run folder. -------------------------------------------------------------------------------
const run = mkdtempSync(join(tmpdir(), 'mtus-lint-nvim-'));
const dir = (name) => {
  const d = join(run, name);
  mkdirSync(d, { recursive: true });
  return d;
};
const work = dir('work');
const draft = join(work, 'acupuncture.rfa');
const draft2 = join(work, 'two-items.rfa');
writeFileSync(draft, DRAFT);
writeFileSync(draft2, DRAFT2);
const resultsFile = join(run, 'results.txt');
const cache = dir('cache');
const nvimLog = join(run, 'nvim.log');

const env = {
  PATH: process.env.PATH ?? '/usr/bin:/bin',
  LANG: 'C.UTF-8',
  LC_ALL: 'C.UTF-8',
  TERM: 'dumb',
  HOME: dir('home'),
  XDG_CONFIG_HOME: dir('config'),
  XDG_DATA_HOME: dir('data'),
  XDG_STATE_HOME: dir('state'),
  XDG_CACHE_HOME: cache,
  XDG_RUNTIME_DIR: dir('runtime'),
  TMPDIR: dir('tmp'),
  NVIM_LOG_FILE: nvimLog,
  MTUS_NVIM_NODE: process.execPath,
  MTUS_NVIM_REPO: root,
  MTUS_NVIM_DRAFT: draft,
  MTUS_NVIM_DRAFT2: draft2,
  MTUS_NVIM_RESULTS: resultsFile,
  MTUS_NVIM_WAIT_MS: String(Math.max(1000, Math.floor(HARD_MS / 8))),
};

console.log(`=== neovim ${version[0].slice(6)}: a second LSP client (${run}) ===`);
const started = Date.now();
const child = spawn(NVIM, ['--headless', '--clean', '-c', `luafile ${join(here, 'check.lua')}`], {
  cwd: work,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true, // its own process group, so a timeout kills Neovim and the server it started
});
let stdout = '';
let stderr = '';
child.stdout.on('data', (b) => (stdout += b));
child.stderr.on('data', (b) => (stderr += b));

let timedOut = false;
const killGroup = () => {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
};
const timer = setTimeout(() => {
  timedOut = true;
  killGroup();
}, HARD_MS);
const exit = await new Promise((resolve) => {
  child.on('error', (e) => resolve({ code: null, signal: null, error: e }));
  child.on('exit', (code, signal) => resolve({ code, signal }));
});
clearTimeout(timer);
const seconds = ((Date.now() - started) / 1000).toFixed(2);

// --- Neovim's own check lines. -----------------------------------------------------------------
const reportedLines = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8').split('\n') : [];
const plan = Number(/^1\.\.(\d+)$/m.exec(reportedLines.join('\n'))?.[1] ?? NVIM_CHECKS);
let nvimReported = 0;
let serverPid;
for (const line of reportedLines) {
  if (/^ok - /.test(line)) {
    passed++;
    nvimReported++;
    console.log(line);
  } else if (/^not ok - /.test(line)) {
    failed++;
    nvimReported++;
    console.log(line);
  } else if (line.startsWith('# server pid ')) {
    serverPid = Number(line.slice('# server pid '.length)) || undefined;
  } else if (line.startsWith('#')) {
    console.log(line);
  }
}
for (let i = nvimReported; i < plan; i++) check(false, `neovim check ${i + 1} of ${plan}`, 'never reported');

// --- This runner's checks. ---------------------------------------------------------------------
const how = exit.error
  ? `could not start: ${exit.error.message}`
  : timedOut
    ? `killed after the hard limit of ${HARD_MS} ms`
    : `status ${exit.code}${exit.signal ? `, signal ${exit.signal}` : ''}`;
check(!timedOut && !exit.error && exit.code === 0, `neovim exited with status 0 (${seconds} s)`, how);

const firstDifference = (a, b) => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `differs at character ${i}: expected ${JSON.stringify(a.slice(Math.max(0, i - 20), i + 40))}, on disk ${JSON.stringify(b.slice(Math.max(0, i - 20), i + 40))}`;
};
for (const [file, expected, what] of [
  [draft, FIXED, 'quick fix on disk: "2x4" became "2x3", nothing else changed'],
  [draft2, FIXED2, 'fix-all on disk: both "2x4" became "2x3" (after non-ASCII text), nothing else changed'],
]) {
  const text = readFileSync(file, 'utf8');
  check(text === expected, what, firstDifference(expected, text));
}

// The server should leave with the editor (shutdown/exit, or at worst Neovim's own kill).
const alive = (pid) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); // a zombie has exited
  } catch {
    return true;
  }
};
if (serverPid) {
  const until = Date.now() + 3000;
  while (alive(serverPid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  const still = alive(serverPid);
  if (still) {
    try {
      process.kill(serverPid, 'SIGKILL');
    } catch {
      /* gone meanwhile */
    }
  }
  check(!still, 'the language server exited with Neovim', `pid ${serverPid} still running 3 s later (killed now)`);
} else {
  check(false, 'the language server exited with Neovim', 'check.lua never reported the server pid');
}
killGroup(); // nothing should be left in Neovim's group; make sure of it

// --- The README's Neovim configuration, exactly as written. -----------------------------------
const readme = await runReadmeConfig({ root, nvim: NVIM, runDir: run, env, timeoutMs: HARD_MS });
for (const line of readme.lines) {
  if (/^ok - /.test(line)) passed++;
  else if (/^not ok - /.test(line)) failed++;
  console.log(line.replace(/^(not )?ok - /, (m) => `${m}README: `));
}
if (readme.serverPid) {
  const until = Date.now() + 3000;
  while (alive(readme.serverPid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  const still = alive(readme.serverPid);
  if (still) {
    try {
      process.kill(readme.serverPid, 'SIGKILL');
    } catch {}
  }
  check(!still, 'README: the language server exited with Neovim', `pid ${readme.serverPid} still running 3 s later (killed now)`);
}

if (failed > 0 || process.env.MTUS_NVIM_KEEP) {
  const tail = (s, n = 30) => s.trimEnd().split('\n').slice(-n).join('\n');
  const lspLog = join(cache, 'nvim', 'lsp.log');
  if (!reportedLines.length && stdout.trim()) console.log(`\n--- neovim stdout (last lines) ---\n${tail(stdout)}`);
  if (stderr.trim()) console.log(`\n--- neovim stderr (last lines) ---\n${tail(stderr)}`);
  if (existsSync(lspLog)) console.log(`\n--- ${lspLog} (last lines) ---\n${tail(readFileSync(lspLog, 'utf8'))}`);
  if (existsSync(nvimLog)) console.log(`\n--- ${nvimLog} (last lines) ---\n${tail(readFileSync(nvimLog, 'utf8'))}`);
  console.log(`\nrun folder kept: ${run}`);
} else {
  rmSync(run, { recursive: true, force: true });
}
finish();
