// Helpers for running the real VS Code (code-server: the VS Code server, web workbench and Node
// extension host) in tests, isolated from the machine and from each other:
//
//   const run = makeRunDir('mtus-lint-ui-');                      // everything goes in here
//   const ext = await installVsix({ vsix, runDir: run });         // → installed extension folder
//   const cs = await startCodeServer({ workspace, runDir: run }); // → cs.url, cs.port, cs.stop()
//   const chrome = await launchChromium({ runDir: run });         // → chrome.page, chrome.close()
//   ...
//   await chrome.close(); await cs.stop(); removeRunDir(run);
//
// code-server runs from test/code-server/node_modules (see test/code-server/install.mjs), with
// this node, on 127.0.0.1 only, with its own user-data, extensions, HOME, XDG_* and TMPDIR
// folders inside the run folder, no gallery, no telemetry and no update check. Processes are
// started in their own process group and killed by PID (run-processes.mjs).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, HarnessError, isolatedEnv, isRunning, killGroup, live, processesMentioning, run, stopGroup } from './run-processes.mjs';

export { installCodeServer, InstallError } from '../code-server/install.mjs';
export { freePort, HarnessError, isolatedEnv, makeRunDir, processesMentioning, removeRunDir } from './run-processes.mjs';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_ENTRY = join(REPO_ROOT, 'test', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.MTUS_LINT_CHROMIUM ?? '/usr/bin/chromium';

/** The flags the UI and extension-host tests launch Chromium with: headless, offline but for 127.0.0.1. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  // The workbench's code runs for a minute or two per window: V8's optimizing compilers cost
  // more CPU than they save it (about a tenth of a window's CPU, measured), and what the page
  // does is the same without them.
  '--js-flags=--no-opt,--no-maglev',
];

/**
 * User settings for every test window: built-in extensions' background work that no test looks
 * at, which each window's extension host would otherwise start (git looking for repositories,
 * the port finder listing every process's sockets, tips, the debugger's auto attach).
 */
export const QUIET_SETTINGS = {
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'remote.autoForwardPorts': false,
  'workbench.tips.enabled': false,
  'debug.javascript.autoAttachFilter': 'disabled',
};

function requireCodeServer() {
  if (!existsSync(CODE_SERVER_ENTRY)) {
    throw new HarnessError(`code-server is not installed (no ${CODE_SERVER_ENTRY}): run "node test/code-server/install.mjs"`);
  }
}

// ---------------------------------------------------------------------------------------------
// Extensions
// ---------------------------------------------------------------------------------------------

/**
 * Install a .vsix with code-server's own installer into `extensionsDir` (default
 * <runDir>/extensions) and return the installed extension's folder, e.g.
 * <runDir>/extensions/mtus-lint.mtus-lint-0.1.0.
 */
export async function installVsix({ vsix, runDir, extensionsDir = join(runDir, 'extensions'), userDataDir = join(runDir, 'user-data'), timeoutMs = 60_000 }) {
  requireCodeServer();
  if (!existsSync(vsix)) throw new HarnessError(`no such .vsix: ${vsix}`);
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(userDataDir, { recursive: true });
  const before = new Set(readdirSync(extensionsDir));
  const env = isolatedEnv(join(runDir, 'install'));
  const { code, output } = await run(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      '--install-extension',
      resolve(vsix),
      '--extensions-dir',
      extensionsDir,
      '--user-data-dir',
      userDataDir,
      '--disable-telemetry',
      '--force',
    ],
    { env, cwd: runDir, timeoutMs, what: `installing ${vsix}` },
  );
  if (code !== 0 || !/successfully installed/i.test(output)) {
    throw new HarnessError(`code-server could not install ${vsix} (exit ${code}):\n${output.trim()}`);
  }
  const added = readdirSync(extensionsDir).filter((d) => !before.has(d) && !d.startsWith('.') && existsSync(join(extensionsDir, d, 'package.json')));
  if (added.length !== 1)
    throw new HarnessError(`expected one new extension folder in ${extensionsDir} after installing ${vsix}, found: ${added.join(', ') || 'none'}`);
  return join(extensionsDir, added[0]);
}

// ---------------------------------------------------------------------------------------------
// code-server
// ---------------------------------------------------------------------------------------------

function httpStatus(url, timeoutMs = 2000) {
  return new Promise((resolveStatus) => {
    const req = request(url, { timeout: timeoutMs }, (res) => {
      res.resume();
      resolveStatus(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolveStatus(0));
    req.end();
  });
}

/**
 * Start code-server on `workspace` and wait until it answers HTTP. Resolves to
 * { url, port, pid, userDataDir, extensionsDir, output(), stop() }.
 * `url` is http://127.0.0.1:PORT (no trailing slash); open `${url}/?folder=${workspace}`.
 */
export async function startCodeServer({
  workspace,
  runDir,
  port,
  extensionsDir = join(runDir, 'extensions'),
  userDataDir = join(runDir, 'user-data'),
  extraArgs = [],
  /** Leave VS Code's workspace trust on (the workspace then opens in Restricted Mode). */
  workspaceTrust = false,
  env: extraEnv = {},
  timeoutMs = 60_000,
  log = () => {},
}) {
  requireCodeServer();
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(userDataDir, { recursive: true });
  port ??= await freePort();
  const env = isolatedEnv(join(runDir, 'cs'), extraEnv);
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    ...extraArgs,
    ...(workspace ? [workspace] : []),
  ];
  const started = Date.now();
  const child = spawn(process.execPath, args, { env, cwd: runDir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  live.add(child.pid);
  let output = '';
  const onData = (d) => {
    output += d;
    if (output.length > 1_000_000) output = output.slice(-500_000);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exit;
  const exited = new Promise((r) => child.once('exit', (code, signal) => r((exit = { code, signal }))));
  const spawnError = new Promise((r) => child.once('error', (e) => r(e)));

  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(child);
  const deadline = started + timeoutMs;
  for (;;) {
    const status = await httpStatus(`${url}/healthz`);
    if (status === 200) break;
    const e = await Promise.race([spawnError, exited.then(() => 'exited'), new Promise((r) => setTimeout(() => r(undefined), 100))]);
    if (e instanceof Error) {
      await stop();
      throw new HarnessError(`code-server could not start: ${e.message}`);
    }
    if (e === 'exited' || exit) {
      await stop();
      throw new HarnessError(
        `code-server exited (code ${exit?.code}, signal ${exit?.signal}) before answering on ${url}:\n${output.trim().split('\n').slice(-30).join('\n')}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new HarnessError(`code-server did not answer on ${url} within ${timeoutMs / 1000} s:\n${output.trim().split('\n').slice(-30).join('\n')}`);
    }
  }
  log(`code-server ${codeServerVersion()} listening on ${url} (pid ${child.pid}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return { url, port, pid: child.pid, userDataDir, extensionsDir, output: () => output, stop };
}

export function codeServerVersion() {
  try {
    return JSON.parse(readFileSync(join(dirname(dirname(dirname(CODE_SERVER_ENTRY))), 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

// ---------------------------------------------------------------------------------------------
// Chromium
// ---------------------------------------------------------------------------------------------

/**
 * Launch Debian's Chromium through playwright-core with a fresh profile inside the run folder.
 * Resolves to { context, page, pids, close() }; close() closes the browser and then kills
 * whatever is left of it by PID.
 */
export async function launchChromium({ runDir, headless = true, timeoutMs = 30_000, args = [], viewport = { width: 1400, height: 900 } }) {
  if (!existsSync(CHROMIUM)) throw new HarnessError(`Chromium not found at ${CHROMIUM}: apt-get install chromium (or set MTUS_LINT_CHROMIUM)`);
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    throw new HarnessError(`playwright-core is not installed (npm ci): ${e.message}`);
  }
  const profile = join(runDir, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  const env = isolatedEnv(join(runDir, 'chromium'));
  // Playwright makes its own scratch folders in os.tmpdir() while launching: keep them in the run folder.
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = env.TMPDIR;
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless,
      args: [...CHROMIUM_ARGS, ...args],
      env,
      timeout: timeoutMs,
      viewport,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
  } catch (e) {
    throw new HarnessError(`Chromium (${CHROMIUM}) could not start: ${e.message.split('\n').slice(0, 6).join('\n')}`);
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  const pids = chromiumPids(profile);
  for (const pid of pids) live.add(pid);
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    let timer;
    await Promise.race([context.close().catch(() => {}), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
    clearTimeout(timer);
    for (const pid of new Set([...pids, ...processesMentioning(profile)])) {
      killGroup(pid);
      live.delete(pid);
    }
  };
  return { context, page, pids, close };
}

/** The browser's PID from the profile's SingletonLock ("host-PID"), plus anything naming the profile. */
function chromiumPids(profile) {
  const pids = new Set(processesMentioning(profile));
  try {
    const m = /-(\d+)$/.exec(readlinkSync(join(profile, 'SingletonLock')));
    if (m && isRunning(Number(m[1]))) pids.add(Number(m[1]));
  } catch {}
  return [...pids];
}
