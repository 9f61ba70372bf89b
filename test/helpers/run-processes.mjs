// The test harness's run folders and processes (code-server.mjs starts code-server and Chromium
// with them): a fresh folder per run, an environment that keeps a process out of the user's
// files, and processes in their own process group, killed by PID (the whole group) on stop, on a
// hard timeout, and when this process exits.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class HarnessError extends Error {}

/** A fresh folder under the system temp folder for one run. */
export function makeRunDir(prefix = 'mtus-lint-code-server-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeRunDir(dir) {
  if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

export const live = new Set(); // process-group leaders still running, killed if this process exits early

export function killGroup(pid, signal = 'SIGKILL') {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {}
  }
}

process.on('exit', () => {
  for (const pid of live) killGroup(pid);
});
// Stopped from outside (Ctrl+C, or scripts/run-tests.mjs at a suite's time limit): exit, so the
// handler above kills code-server and Chromium, which have process groups of their own.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1));

export const isRunning = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Processes (other than those listed) whose command line mentions `needle`: stragglers of a run. */
export function processesMentioning(needle) {
  const out = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(needle)) out.push(Number(name));
    } catch {}
  }
  return out;
}

/** Kill a process group gently, then for sure: SIGTERM, up to `graceMs`, then SIGKILL. */
export async function stopGroup(child, graceMs = 3000) {
  const pid = child.pid;
  if (!pid) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
  killGroup(pid, 'SIGTERM');
  let timer;
  await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, graceMs)))]);
  clearTimeout(timer);
  killGroup(pid, 'SIGKILL'); // the rest of the group (extension host, language server) too
  live.delete(pid);
}

/**
 * Environment for a process that must not touch the user's files: HOME, XDG_*, TMPDIR inside
 * `dir`; no gallery; nothing inherited from an enclosing VS Code, Electron or npm run.
 */
export function isolatedEnv(dir, extra = {}) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_|npm_|NODE_OPTIONS$|CODE_SERVER_|PASSWORD$|HASHED_PASSWORD$)/i.test(k)) continue;
    env[k] = v;
  }
  const home = join(dir, 'home');
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_RUNTIME_DIR: join(dir, 'run'), // short: VS Code puts IPC sockets here (at most 107 characters)
    TMPDIR: join(dir, 'tmp'),
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  });
  for (const d of [env.HOME, env.XDG_CONFIG_HOME, env.XDG_DATA_HOME, env.XDG_CACHE_HOME, env.XDG_RUNTIME_DIR, env.TMPDIR])
    mkdirSync(d, { recursive: true, mode: 0o700 });
  return env;
}

/** Run a command to completion with a hard timeout; resolves to { code, output }. */
export function run(cmd, args, { env, cwd, timeoutMs, what }) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    live.add(child.pid);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      killGroup(child.pid);
      reject(new HarnessError(`${what} timed out after ${timeoutMs / 1000} s:\n${output.trim()}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new HarnessError(`${what} could not start: ${e.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      live.delete(child.pid);
      killGroup(child.pid); // anything it left behind in its group
      resolveRun({ code: code ?? signal, output });
    });
  });
}
