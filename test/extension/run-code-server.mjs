#!/usr/bin/env node
// Runs the extension-host test suite (test/extension/suite, compiled to out/) inside the real
// VS Code server, workbench and Node extension host of code-server, with the extension installed
// from the packaged .vsix, driven by Debian's Chromium through playwright-core.
//
// The workbench's `payload` query parameter loads the installed extension folder as the
// extension under development and calls the suite's run(); when it settles, the workbench
// calls window.codeAutomationExit(code), which this script exposes. Mocha's output arrives
// through the page console and is printed as it comes. Ends with "N passed, N failed";
// exits 0 only when every test passed.
//
//   node test/extension/run-code-server.mjs [--keep] [--timeout SECONDS]
//     --keep     keep the run folder (logs, user data, workspace copy) and print its path
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { InstallError, installCodeServer } from '../code-server/install.mjs';
import {
  HarnessError,
  QUIET_SETTINGS,
  REPO_ROOT as ROOT,
  installVsix,
  launchChromium,
  makeRunDir,
  processesMentioning,
  removeRunDir,
  startCodeServer,
} from '../helpers/code-server.mjs';
import { companionPath, ensureVsix } from '../helpers/vsix.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const keep = args.includes('--keep');
const timeoutArg = args.indexOf('--timeout');
const SUITE_TIMEOUT_MS = (timeoutArg >= 0 ? Number(args[timeoutArg + 1]) : 300) * 1000;
const SUITE_INDEX = join(ROOT, 'out', 'test', 'extension', 'suite', 'index');
const RESTRICTED_INDEX = join(ROOT, 'out', 'test', 'extension', 'suite', 'restricted-index');
const FIXTURE = join(HERE, 'fixtures', 'workspace');
const RESTRICTED_FIXTURE = join(HERE, 'fixtures', 'restricted');
/** Marks the suite's own console lines (see test/extension/suite/output.ts). */
const LINE_PREFIX = '\u2063mtus-test\u2063 ';

const t0 = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const log = (m) => console.log(`[code-server tests] ${m}`);
const timings = [];
async function step(name, fn) {
  const t = Date.now();
  const r = await fn();
  timings.push(`${name} ${secs(Date.now() - t)}`);
  return r;
}

/** Run a build step; its output is shown only when it fails (or its last line, when it works). */
function runOrFail(cmd, cmdArgs, what, timeoutMs) {
  const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (r.error || r.status !== 0) throw new HarnessError(`${what} failed (${r.error?.message ?? `exit ${r.status ?? r.signal}`}):\n${output}`);
  const last = output
    .split('\n')
    .filter((l) => l.trim() && !/^npm warn/i.test(l))
    .pop();
  if (last) log(`${what}: ${last.trim()}`);
}

/** The suite is compiled from test/extension/suite/*.ts; compile again if any source is newer. */
function ensureSuiteCompiled() {
  const compiled = `${SUITE_INDEX}.js`;
  const sources = readdirSync(join(HERE, 'suite')).map((f) => statSync(join(HERE, 'suite', f)).mtimeMs);
  if (existsSync(compiled) && statSync(compiled).mtimeMs >= Math.max(...sources)) return;
  log('compiling the TypeScript (tsc -p .)');
  runOrFail(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', ROOT], 'tsc -p .', 180_000);
  if (!existsSync(compiled)) throw new HarnessError(`tsc did not produce ${relative(ROOT, compiled)}`);
}

// Two passes in one code-server and one browser, each in a window (and so an extension host)
// of its own: the suite in a trusted workspace, then the Restricted Mode test in one VS Code
// does not trust (its settings name a knowledge file that must not be read). Workspace trust
// is the user setting security.workspace.trust.enabled, written before each window opens (not
// code-server's --disable-workspace-trust, which would hold for the whole server): a window
// reads the user settings when it opens, and trust cannot change inside a running one.
const PASSES = [
  { name: 'trusted workspace', suite: 'main', trust: false, fixture: FIXTURE, entry: SUITE_INDEX },
  { name: 'Restricted Mode', suite: 'restricted', trust: true, fixture: RESTRICTED_FIXTURE, entry: RESTRICTED_INDEX },
];

let runDir;
let codeServer;
let browser;
let exitCode = 0;
const totals = { passed: 0, failed: 0 };
let reason;

async function main() {
  log(`node ${process.version}; run folders go under ${tmpdir()}`);
  await step('code-server install', () => installCodeServer({ log }));
  await step('compile', () => ensureSuiteCompiled());
  const vsix = await step('package', () => ensureVsix({ log }));
  runDir = makeRunDir('mtus-lint-ext-test-');
  const extFolder = await step('install .vsix', () => installVsix({ vsix, runDir }));
  log(`installed ${relative(ROOT, vsix)} as ${extFolder}`);
  // The client must hand the companion's pdf.js to the server (suite/activation.test.ts).
  log(`and ${await step('install the PDF reader .vsix', () => installVsix({ vsix: companionPath(vsix), runDir }))}`);
  codeServer = await step('start code-server', () => startCodeServer({ runDir, log, workspaceTrust: true, env: { MTUS_LINT_TEST_LINE_PREFIX: LINE_PREFIX } }));
  // A smaller window than the UI suite's, which takes pictures: this suite reads the editor
  // through the API, and the browser's drawing is most of its CPU.
  browser = await step('start chromium', () => launchChromium({ runDir, viewport: { width: 1024, height: 640 } }));
  for (const pass of PASSES) {
    log(`--- pass: ${pass.name} ---`);
    await runPass(pass, extFolder);
    if (reason) return;
  }
}

/** The user settings the next window opens with. */
function userSettings(settings) {
  mkdirSync(join(runDir, 'user-data', 'User'), { recursive: true });
  writeFileSync(join(runDir, 'user-data', 'User', 'settings.json'), JSON.stringify(settings));
}

async function runPass(pass, extFolder) {
  const workspace = join(runDir, `workspace-${pass.suite}`);
  cpSync(pass.fixture, workspace, { recursive: true });
  // No welcome page drawn behind the suite (the walkthrough is checked through the API), no
  // minimap redrawn at every edit, no blinking cursor or animation repainted while the suite
  // waits: nothing here looks at them (the browser's drawing is most of this suite's CPU).
  userSettings({
    ...QUIET_SETTINGS,
    'workbench.startupEditor': 'none',
    'editor.minimap.enabled': false,
    'editor.cursorBlinking': 'solid',
    'workbench.reduceMotion': 'on',
    'security.workspace.trust.enabled': pass.trust,
  });
  // A window of its own; the previous one is closed, and its extension host with it.
  const previous = browser.context.pages();
  const page = await browser.context.newPage();
  for (const p of previous) await p.close();
  try {
    await runWindow(pass, extFolder, workspace, page);
  } finally {
    await page.close().catch(() => {});
  }
}

async function runWindow(pass, extFolder, workspace, page) {
  let settle;
  const exited = new Promise((resolve) => (settle = resolve));
  let summary;
  let sawSummary;
  const summarySeen = new Promise((resolve) => (sawSummary = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => {
    settle({ code: Number(code) });
  });
  page.on('console', (msg) => {
    const text = msg.text();
    if (process.env.MTUS_LINT_DEBUG_CONSOLE) console.log(`[console.${msg.type()}] ${JSON.stringify(text).slice(0, 400)}`);
    // Mocha's output comes from the extension host through the workbench's console, each line
    // marked with LINE_PREFIX by the suite (test/extension/suite/output.ts).
    if (text.includes(LINE_PREFIX)) {
      for (const raw of text.split('\n')) {
        const at = raw.indexOf(LINE_PREFIX);
        if (at < 0) continue;
        const line = raw.slice(at + LINE_PREFIX.length);
        const m = /^(\d+) passed, (\d+) failed$/.exec(line.trim());
        // Each pass's own count is folded into the one total line printed at the end.
        if (m) {
          summary = { passed: Number(m[1]), failed: Number(m[2]) };
          console.log(`(${pass.name}: ${line.trim()})`);
          sawSummary();
        } else console.log(line);
      }
    } else if (msg.type() === 'error' && !isNoise(text) && !/extension-host tests? failed/.test(text)) {
      console.log(`[workbench console] ${text.replace(/^%c\s*(ERR|WARN|INFO)\s+color:\s*#\w+\s*/, '')}`);
    }
  });
  page.on('pageerror', (e) => console.log(`[page exception] ${e.message}`));
  page.on('crash', () => settle({ error: 'the page crashed' }));

  const authority = `127.0.0.1:${codeServer.port}`;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${extFolder}`],
    ['extensionTestsPath', `vscode-remote://${authority}${pass.entry}`],
  ];
  const url = `${codeServer.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  log(`opening the workbench with the suite: ${url}`);
  await step(`open workbench (${pass.suite})`, () => page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 }));

  let timer;
  const result = await step(`suite (${pass.suite})`, () =>
    Promise.race([exited, new Promise((resolve) => (timer = setTimeout(() => resolve({ timeout: true }), SUITE_TIMEOUT_MS)))]),
  );
  clearTimeout(timer);
  if (result.timeout) {
    reason = `${pass.name}: the suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s (no codeAutomationExit)`;
    dumpLogs();
    return;
  }
  if (result.error) {
    reason = `${pass.name}: ${result.error}`;
    dumpLogs();
    return;
  }
  if (result.code !== 0) exitCode = result.code;
  // The summary line travels through the workbench's log forwarding, the exit code through the
  // extension host protocol: give the line a moment to arrive if the exit overtook it.
  if (!summary) await Promise.race([summarySeen, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
  clearTimeout(timer);
  if (!summary) reason = `${pass.name}: the suite exited with ${result.code} without its "N passed, N failed" line`;
  else {
    totals.passed += summary.passed;
    totals.failed += summary.failed;
  }
  if (!summary || (result.code !== 0 && summary.failed === 0)) dumpLogs(); // broke outside the tests
}

/** Console chatter of the web workbench that is not about the tests. */
function isNoise(text) {
  // (The trust prompt of the Restricted Mode pass is expected: the test workbench refuses dialogs.)
  return /Failed to load resource|favicon|manifest\.json|net::ERR_NAME_NOT_RESOLVED|vsda|marketplace|gallery|Ignoring fetching additional builtin extensions|webview|ServiceWorker|Long running operations|refused to show dialog in tests\. Contents: Do you trust the authors/i.test(
    text,
  );
}

/** On failure: the end of code-server's output and of the extension host's log, before the run folder goes. */
function dumpLogs() {
  if (codeServer) {
    const out = codeServer.output().trim().split('\n').slice(-25).join('\n');
    if (out) console.log(`--- code-server output (last lines) ---\n${out}`);
  }
  if (!runDir) return;
  const logs = join(runDir, 'user-data', 'logs');
  const found = [];
  const walk = (d) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (/exthost|remoteagent|mtus/i.test(e.name) && e.name.endsWith('.log')) found.push(join(d, e.name));
    }
  };
  walk(logs);
  for (const f of found) {
    const tail = readFileSync(f, 'utf8').trim().split('\n').slice(-20).join('\n');
    if (tail) console.log(`--- ${relative(runDir, f)} (last lines) ---\n${tail}`);
  }
}

async function cleanup() {
  const t = Date.now();
  if (browser) await browser.close().catch((e) => log(`closing chromium: ${e.message}`));
  if (codeServer) await codeServer.stop().catch((e) => log(`stopping code-server: ${e.message}`));
  if (runDir) {
    const stragglers = processesMentioning(runDir);
    for (const pid of stragglers) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
    if (stragglers.length) log(`killed ${stragglers.length} leftover process(es): ${stragglers.join(', ')}`);
    if (keep) log(`run folder kept: ${runDir}`);
    else removeRunDir(runDir);
  }
  browser = undefined;
  codeServer = undefined;
  runDir = undefined;
  timings.push(`cleanup ${secs(Date.now() - t)}`);
}

let failure;
try {
  await main();
} catch (e) {
  failure = e;
  reason = e instanceof HarnessError || e instanceof InstallError ? e.message : (e?.stack ?? String(e));
  if (browser) dumpLogs(); // it broke while the workbench was running
} finally {
  await cleanup();
}

const total = secs(Date.now() - t0);
console.log(`\n[code-server tests] ${timings.join(', ')}; total ${total}`);
if (reason) console.log(`\n[code-server tests] FAILED: ${reason}`);
const passed = totals.passed;
let failed = totals.failed;
// A run that broke before or outside the suite counts as one failure, so it is never 0 failed.
if ((reason || failure || exitCode !== 0) && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && exitCode === 0 && !reason ? 0 : 1);
