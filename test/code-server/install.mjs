#!/usr/bin/env node
// Installs code-server (pinned in ./package.json and ./package-lock.json) into ./node_modules,
// for the extension-host tests (test/extension/run-code-server.mjs).
//
// The recipe (see ../shared/reference/real-editor-testing.md):
// - `npm ci --unsafe-perm` (code-server's postinstall refuses to run as root without it);
// - `npm_config_yes=true` (node-pty's build runs npx);
// - Debian `libkrb5-dev` (the kerberos native module includes gssapi/gssapi.h);
// - a "cached download" for @vscode/ripgrep, which otherwise fetches rg from GitHub: a tarball
//   holding Debian's /usr/bin/rg, in $TMPDIR/vscode-ripgrep-cache-<version>/, with TMPDIR set
//   for the install.
//
// Idempotent: a marker written after a successful install records the lockfile it came from;
// a second run with the same lockfile and an intact install does nothing. Nothing is cached
// outside this folder: npm's cache, node-gyp's, HOME, XDG_* and TMPDIR all point into ./.work,
// which is removed after a successful install. Hard timeout; on any failure it says what is
// missing and exits 1.
//
//   node test/code-server/install.mjs            install if needed
//   node test/code-server/install.mjs --force    reinstall
//   node test/code-server/install.mjs --timeout SECONDS   (default 900)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_DIR = dirname(fileURLToPath(import.meta.url));
export const CODE_SERVER_VERSION = JSON.parse(readFileSync(join(CODE_SERVER_DIR, 'package.json'), 'utf8')).dependencies['code-server'];
export const CODE_SERVER_PACKAGE = join(CODE_SERVER_DIR, 'node_modules', 'code-server');
/** code-server's entry point, run with this node: `node ENTRY [options] [folder]`. */
export const CODE_SERVER_ENTRY = join(CODE_SERVER_PACKAGE, 'out', 'node', 'entry.js');

const MARKER = join(CODE_SERVER_DIR, 'node_modules', '.mtus-lint-install.json');
const WORK = join(CODE_SERVER_DIR, '.work');
const RIPGREP_PACKAGE_VERSION = '1.15.11'; // @vscode/ripgrep in code-server 4.100.3's lib/vscode
const RIPGREP_RELEASE = 'v13.0.0-10';
const DEFAULT_TIMEOUT_MS = 15 * 60_000;

export class InstallError extends Error {}

const rel = (p) => relative(process.cwd(), p) || '.';
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function lockHash() {
  return createHash('sha256')
    .update(readFileSync(join(CODE_SERVER_DIR, 'package-lock.json')))
    .digest('hex');
}

/** Whether a complete install from the current lockfile is present. */
export function isInstalled() {
  if (!existsSync(MARKER) || !existsSync(CODE_SERVER_ENTRY)) return false;
  try {
    const m = JSON.parse(readFileSync(MARKER, 'utf8'));
    const pkg = JSON.parse(readFileSync(join(CODE_SERVER_PACKAGE, 'package.json'), 'utf8'));
    return (
      m.lockHash === lockHash() &&
      pkg.version === CODE_SERVER_VERSION &&
      existsSync(join(CODE_SERVER_PACKAGE, 'lib', 'vscode', 'node_modules')) &&
      existsSync(join(CODE_SERVER_PACKAGE, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'))
    );
  } catch {
    return false;
  }
}

const which = (cmd) => {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  }
  return undefined;
};

/** Everything the install needs from the machine, each missing piece with how to get it. */
function missingPrerequisites() {
  const missing = [];
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) missing.push(`node 20 is required by code-server ${CODE_SERVER_VERSION} (this is node ${process.versions.node}): run with node 20`);
  if (process.platform !== 'linux') missing.push(`this installer supports Linux only (this is ${process.platform})`);
  if (!['x64', 'arm64'].includes(process.arch)) missing.push(`this installer supports x64 and arm64 only (this is ${process.arch})`);
  const krb = ['/usr/include/gssapi/gssapi.h', '/usr/include/x86_64-linux-gnu/gssapi/gssapi.h', '/usr/include/aarch64-linux-gnu/gssapi/gssapi.h'];
  if (!krb.some(existsSync) && !which('krb5-config')) {
    missing.push('libkrb5-dev not installed (the kerberos native module needs gssapi/gssapi.h): apt-get install libkrb5-dev');
  }
  if (!rgBinary()) missing.push('ripgrep not installed (its rg stands in for the GitHub download of @vscode/ripgrep): apt-get install ripgrep');
  for (const [cmd, why, pkg] of [
    ['make', 'native modules are compiled by node-gyp', 'build-essential'],
    ['g++', 'native modules are compiled by node-gyp', 'build-essential'],
    ['python3', 'node-gyp runs on python3', 'python3'],
    ['tar', 'the ripgrep tarball is made with tar', 'tar'],
  ]) {
    if (!which(cmd)) missing.push(`${cmd} not found (${why}): apt-get install ${pkg}`);
  }
  if (!which('npm')) missing.push('npm not found on PATH');
  return missing;
}

function rgBinary() {
  if (existsSync('/usr/bin/rg')) return '/usr/bin/rg';
  return which('rg');
}

/** The tarball @vscode/ripgrep's postinstall takes as an earlier download: `rg` at its root. */
function seedRipgrepCache(tmp) {
  const target = process.arch === 'arm64' ? 'aarch64-unknown-linux-musl' : 'x86_64-unknown-linux-musl';
  const cache = join(tmp, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  mkdirSync(cache, { recursive: true });
  const tarball = join(cache, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  const rg = rgBinary();
  const r = spawnSync('tar', ['czhf', tarball, '--owner=0', '--group=0', '-C', dirname(rg), '--transform', 's,.*,rg,', rg.split('/').pop()], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new InstallError(`could not build the ripgrep tarball from ${rg}: ${r.stderr || r.error}`);
  return tarball;
}

/** node's headers beside this node (e.g. /usr/include/node), so node-gyp never downloads them. */
function nodeDir() {
  if (process.env.npm_config_nodedir) return process.env.npm_config_nodedir;
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

/** Known failure signatures in npm's output, turned into what to do. */
function diagnose(log) {
  const hints = [];
  if (/gssapi\/gssapi\.h: No such file/.test(log)) hints.push('libkrb5-dev not installed: apt-get install libkrb5-dev');
  if (/requires node v20/.test(log)) hints.push('code-server needs node 20');
  if (/Please pass --unsafe-perm/.test(log)) hints.push('npm did not pass --unsafe-perm to the postinstall');
  if (/Downloading ripgrep failed|api\.github\.com/.test(log))
    hints.push('@vscode/ripgrep tried to download rg from GitHub: the cached tarball was not used (TMPDIR?)');
  // (node-pre-gyp's GitHub downloads fail here by design and fall back to a build: only npm's own errors count.)
  if (/^npm error (code )?(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT)|^npm error network/m.test(log))
    hints.push('npm could not reach its registry (this install needs the npm registry and nothing else)');
  if (/gyp ERR!.*(nodejs\.org|headers)/i.test(log)) hints.push("node-gyp wanted node's headers: install them beside node or set npm_config_nodedir");
  if (/npm error.*(ENOSPC)/.test(log)) hints.push('disk full');
  return hints;
}

/**
 * Install code-server unless a complete install from the current lockfile is there.
 * Resolves to { entry, version, installed: boolean, ms }; throws InstallError with the reason.
 */
export async function installCodeServer({ force = false, timeoutMs = DEFAULT_TIMEOUT_MS, log = console.log } = {}) {
  const t0 = Date.now();
  if (!force && isInstalled()) {
    const ms = Date.now() - t0;
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${rel(join(CODE_SERVER_DIR, 'node_modules'))} (checked in ${seconds(ms)})`);
    return { entry: CODE_SERVER_ENTRY, version: CODE_SERVER_VERSION, installed: false, ms };
  }
  const missing = missingPrerequisites();
  if (missing.length) throw new InstallError(`cannot install code-server ${CODE_SERVER_VERSION}:\n  - ${missing.join('\n  - ')}`);

  rmSync(WORK, { recursive: true, force: true });
  const tmp = join(WORK, 'tmp');
  const home = join(WORK, 'home');
  for (const d of [tmp, home, join(WORK, 'npm-cache'), join(WORK, 'node-gyp')]) mkdirSync(d, { recursive: true });
  seedRipgrepCache(tmp);
  rmSync(MARKER, { force: true });

  const env = { ...process.env };
  for (const k of Object.keys(env)) if (/^npm_/i.test(k)) delete env[k]; // nothing from an outer `npm run`
  // The user's npmrc still applies (registry, proxy, CA), though HOME points into .work.
  const userconfig = process.env.npm_config_userconfig ?? join(homedir(), '.npmrc');
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    TMPDIR: tmp,
    npm_config_userconfig: userconfig,
    npm_config_cache: join(WORK, 'npm-cache'),
    npm_config_devdir: join(WORK, 'node-gyp'),
    npm_config_yes: 'true',
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_progress: 'false',
  });
  const nodedir = nodeDir();
  if (nodedir) env.npm_config_nodedir = nodedir;

  const logFile = join(WORK, 'install.log');
  log(`installing code-server ${CODE_SERVER_VERSION} into ${rel(join(CODE_SERVER_DIR, 'node_modules'))} (npm ci; about a minute; log: ${rel(logFile)})`);
  const out = createWriteStream(logFile);
  let text = '';
  const child = spawn('npm', ['ci', '--unsafe-perm', '--no-audit', '--no-fund', '--foreground-scripts'], {
    cwd: CODE_SERVER_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a timeout kills every build it started
  });
  const collect = (chunk) => {
    out.write(chunk);
    text += chunk.toString();
    if (text.length > 4_000_000) text = text.slice(-2_000_000);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {}
  }, timeoutMs);
  const code = await new Promise((resolve) => {
    child.on('error', (e) => {
      collect(`\n${e.stack ?? e}\n`);
      resolve(-1);
    });
    child.on('close', (c, signal) => resolve(c ?? signal));
  });
  clearTimeout(timer);
  await new Promise((r) => out.end(r));
  const ms = Date.now() - t0;

  if (timedOut || code !== 0 || !existsSync(CODE_SERVER_ENTRY)) {
    const tail = text.trim().split('\n').slice(-40).join('\n');
    const hints = diagnose(text);
    if (timedOut) hints.push(`the install was still running after ${seconds(timeoutMs)} (a slow registry or build?); the last step is in the log below`);
    const why = timedOut ? `timed out after ${seconds(timeoutMs)}` : code !== 0 ? `npm ci exited with ${code}` : `no ${rel(CODE_SERVER_ENTRY)} after npm ci`;
    throw new InstallError(
      `installing code-server ${CODE_SERVER_VERSION} failed: ${why} (after ${seconds(ms)}).\n` +
        (hints.length ? `Likely cause:\n  - ${hints.join('\n  - ')}\n` : '') +
        `Last lines of ${rel(logFile)}:\n${tail}`,
    );
  }
  writeFileSync(
    MARKER,
    JSON.stringify({ version: CODE_SERVER_VERSION, lockHash: lockHash(), node: process.version, installedAt: new Date().toISOString() }, null, 2),
  );
  if (!isInstalled())
    throw new InstallError(
      `code-server ${CODE_SERVER_VERSION} installed, but the install is incomplete (no ripgrep binary or lib/vscode/node_modules); see ${rel(logFile)}`,
    );
  rmSync(WORK, { recursive: true, force: true });
  log(`installed code-server ${CODE_SERVER_VERSION} in ${seconds(ms)}`);
  return { entry: CODE_SERVER_ENTRY, version: CODE_SERVER_VERSION, installed: true, ms };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t = process.argv.indexOf('--timeout');
  const timeoutMs = t >= 0 ? Number(process.argv[t + 1]) * 1000 : DEFAULT_TIMEOUT_MS;
  if (!(timeoutMs > 0)) {
    console.error('error: --timeout needs a number of seconds');
    process.exit(2);
  }
  installCodeServer({ force: process.argv.includes('--force'), timeoutMs }).then(
    () => process.exit(0),
    (e) => {
      console.error(e instanceof InstallError ? `error: ${e.message}` : e);
      process.exit(1);
    },
  );
}
