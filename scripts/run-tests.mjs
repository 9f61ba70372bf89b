#!/usr/bin/env node
// Runs every test suite, keeps each suite's own summary visible, and ends with one line
// "N passed, N failed" over all of them. node:test suites are counted from a TAP copy of
// their report; the editor suites (real VS Code in code-server, a browser, Neovim) are
// runners of their own that end with that same line.
//
// Suites run side by side, two at a time by default (--jobs N, or MTUS_LINT_TEST_JOBS): the
// editor suites spend much of their time waiting on a browser and an extension host, so a
// second suite beside them uses the other core. Each suite's output is printed in one piece
// when it ends. A suite still running after its time limit (MTUS_LINT_SUITE_TIMEOUT_S, default
// 900 s) is killed with everything it started, named with the test files still running, and
// counted as failed: a hang can slow the run down but never stop it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// In the order they are started: the longest first, so the short ones fill in at the end (the
// reliability tier third, so the two editor suites run in different lanes and end about together).
const SUITES = {
  extension: {
    runner: 'test/extension/run-code-server.mjs',
    editor: true,
    what: 'extension-host suite in real VS Code (code-server), installed from the .vsix; then Restricted Mode in an untrusted workspace',
  },
  // The command line as a user runs it: each test starts the real mtus-lint command. Two files at
  // a time (node:test runs one on 2 cores): much of a file's time is waiting on the commands it starts.
  cli: { dir: 'out/test/cli', concurrency: 2, what: 'the mtus-lint command: check, --fix, SARIF, inputs, corpus and formulary commands' },
  // Fuzz, fault cases, memory bounds and the fix invariants; MTUS_LINT_FUZZ_SCALE (npm run fuzz) tries more.
  reliability: { dir: 'out/test/reliability', what: 'fuzzed and mutated documents, fix invariants, server fault cases, memory bounds' },
  ui: { runner: 'test/ui/run.mjs', editor: true, what: 'a person in the browser: squiggle, Problems, hover, Ctrl+. fix, save, inline total, edition' },
  // Its packaging test unpacks the editor suites' .vsix files (made once, before it starts).
  protocol: { dir: 'out/test/protocol', vsix: true, concurrency: 2, what: 'the real language server over stdio' },
  // In-process only, all files in one process (a few seconds): nothing here starts a process.
  unit: { dir: 'out/test/unit', oneProcess: true, what: 'engine, rules, fixes, knowledge, settings, grammar, catalogue, boundaries' },
  nvim: { runner: 'test/nvim/run.mjs', what: 'Neovim as a second LSP client (diagnostics, hover, fixes, outline, completion)' },
};

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const wanted = argv.filter((a, i) => !a.startsWith('-') && argv[i - 1] !== '--jobs');
// --fuzz: the reliability tier at its large budget (npm run fuzz), on any shell.
const fuzz = argv.includes('--fuzz');
if (fuzz) process.env.MTUS_LINT_FUZZ_SCALE ??= '40';
const names = wanted.length ? wanted : Object.keys(SUITES);
for (const name of names) {
  if (!SUITES[name]) {
    console.error(`unknown suite "${name}" (known: ${Object.keys(SUITES).join(', ')})`);
    process.exit(2);
  }
}
const jobs = Math.max(1, Number(option('--jobs') ?? process.env.MTUS_LINT_TEST_JOBS ?? Math.min(2, availableParallelism())) || 1);
const limitMs = Number(process.env.MTUS_LINT_SUITE_TIMEOUT_S ?? (fuzz ? 3600 : 900)) * 1000;
const scratch = mkdtempSync(join(tmpdir(), 'mtus-lint-tests-'));
const started = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * The compiled test files of a tier whose source still exists: a test moved or deleted leaves
 * its old .js in out/ (tsc does not remove it), which must not run again.
 */
function compiledTests(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || !e.name.endsWith('.test.js')) continue;
    const file = join(e.parentPath ?? e.path, e.name);
    if (existsSync(join(root, relative(join(root, 'out'), file)).replace(/\.js$/, '.ts'))) out.push(file);
  }
  return out.sort();
}

/** The command that runs a suite, and how to read its counts when it ends. */
function command(name, suite) {
  if (suite.runner) return { args: [join(root, suite.runner)], counts: runnerCounts };
  const dir = join(root, suite.dir);
  if (!existsSync(dir)) return { missing: `no compiled tests in ${suite.dir}: run "npm run build" first` };
  const tap = join(scratch, `${name}.tap`);
  let files = compiledTests(dir);
  if (suite.oneProcess) {
    // node:test starts a process per file, and each loads the knowledge base again (about a
    // second each); in-process tests share one process instead, loaded by one file.
    const loader = join(scratch, `${name}.cjs`);
    writeFileSync(loader, files.map((f) => `require(${JSON.stringify(f)});`).join('\n'));
    files = [loader];
  }
  const args = [
    '--test',
    ...(suite.concurrency ? [`--test-concurrency=${suite.concurrency}`] : []),
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ];
  return { args, counts: () => tapCounts(tap) };
}

function tapCounts(tap) {
  const out = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(out)?.[1] ?? 0);
  if (!out.includes('# pass ')) {
    // Killed before its summary: count the results it did report.
    return { pass: (out.match(/^\s*ok \d+/gm) ?? []).length, fail: (out.match(/^\s*not ok \d+/gm) ?? []).length, skipped: 0, summary: false };
  }
  return { pass: count('pass'), fail: count('fail'), skipped: count('skipped') + count('todo'), summary: true };
}

function runnerCounts(output) {
  const m = [...output.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/gm)].pop();
  return m ? { pass: Number(m[1]), fail: Number(m[2]), skipped: Number(m[3] ?? 0), summary: true } : { pass: 0, fail: 0, skipped: 0, summary: false };
}

/** Test files (or runners) still running under the process group `pgid`: what a hung suite was doing. */
function stillRunning(pgid) {
  const found = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== pgid) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const file = cmd.find((a) => /\.test\.js$|[\\/]run[\w-]*\.mjs$/.test(a));
      if (file) found.push(relative(root, file));
    } catch {}
  }
  return [...new Set(found)];
}

const killGroup = (pid, signal = 'SIGKILL') => {
  try {
    process.kill(-pid, signal);
  } catch {}
};
const live = new Set();
process.on('exit', () => live.forEach(killGroup));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

/** Run one suite in its own process group; resolves to its counts and its whole output. */
function runSuite(name) {
  const suite = SUITES[name];
  const t = Date.now();
  const cmd = command(name, suite);
  const done = (s, output, note = '') => {
    const head = `\n=== ${name}: ${suite.what} ===\n`;
    const foot = `--- ${name}: ${s.pass} passed, ${s.fail} failed, ${s.skipped} skipped (${secs(Date.now() - t)})`;
    return { ...s, text: `${head}${output}${note ? `${note}\n` : ''}${foot}` };
  };
  if (cmd.missing) return Promise.resolve(done({ pass: 0, fail: 1, skipped: 0 }, '', cmd.missing));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, cmd.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env, detached: true });
    live.add(child.pid);
    let output = '';
    const collect = (d) => (output += d);
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let hung;
    // SIGTERM first: an editor runner then stops its code-server and browser (process groups
    // of their own), which a SIGKILL to its group would leave running.
    let kill;
    const timer = setTimeout(() => {
      hung = stillRunning(child.pid);
      killGroup(child.pid, 'SIGTERM');
      kill = setTimeout(() => killGroup(child.pid), 10_000);
    }, limitMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(kill);
      live.delete(child.pid);
      killGroup(child.pid); // anything it left running
      const s = cmd.counts(output);
      let note = '';
      if (hung) {
        note = `!!! suite ${name} did not finish within ${secs(limitMs)} and was stopped; still running: ${hung.join(', ') || 'no test file (the suite process itself)'}; counted as one failure`;
        s.fail += 1;
      } else if (!s.summary || (code !== 0 && s.fail === 0)) {
        note = `!!! suite ${name} ended with ${signal ?? `status ${code}`} ${s.summary ? 'but reported no failure' : 'before reporting its summary'}; counted as one failure`;
        s.fail += 1;
      }
      resolve(done(s, output, note));
    });
  });
}

// What the editor suites share is made once, before the first of them starts and while the
// other suites run, each in a process of its own: the .vsix (which the protocol suite's
// packaging test unpacks too), and code-server's install (two runners installing it at the
// same moment would both write test/code-server/node_modules). Resolves to undefined when
// it worked, or to why not.
function helper(script, what) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, script)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => {
      for (const line of output.trim().split('\n')) if (code === 0 && line) console.log(`[run-tests] ${line}`);
      resolve(code === 0 ? undefined : `${what} failed (status ${code}):\n${output.trim()}`);
    });
  });
}
let vsixReady;
let codeServerReady;
/** What a suite needs made first: the .vsix (editor suites and protocol), code-server (editor suites). */
const prepare = (suite) => {
  const needs = [];
  if (suite.editor || suite.vsix) needs.push((vsixReady ??= helper('test/helpers/vsix.mjs', 'making the .vsix')));
  if (suite.editor) needs.push((codeServerReady ??= helper('test/code-server/install.mjs', 'installing code-server')));
  return Promise.all(needs).then((problems) => problems.filter(Boolean).join('\n') || undefined);
};

/**
 * The lines of a failed suite's output that name what failed, so the end of the run says it
 * (a CI log is often read from its tail). Each runner marks a failure its own way: node:test's
 * spec reporter with "✖", TAP and the browser and Neovim runners with "not ok", mocha in the
 * extension host with "N) ", and this runner with "!!!".
 */
function failureLines(text) {
  const marks = /^\s*(?:✖ (?!failing tests:)|not ok\b|\d+\) \S|!!! )/;
  const seen = new Set();
  for (const line of text.split('\n')) if (marks.test(line)) seen.add(line.trim().slice(0, 300));
  return [...seen];
}

const totals = { pass: 0, fail: 0, skipped: 0 };
const failures = [];
const queue = [...names];
console.log(`running ${names.join(', ')}, ${jobs} at a time`);
async function lane() {
  for (let name = queue.shift(); name; name = queue.shift()) {
    let s;
    const problem = await prepare(SUITES[name]);
    if (problem) s = { pass: 0, fail: 1, skipped: 0, text: `\n=== ${name} ===\n${problem}\n--- ${name}: 0 passed, 1 failed, 0 skipped (0.0 s)` };
    else s = await runSuite(name);
    console.log(s.text);
    totals.pass += s.pass;
    totals.fail += s.fail;
    totals.skipped += s.skipped;
    if (s.fail)
      failures.push(
        ...failureLines(s.text)
          .slice(0, 30)
          .map((line) => `  [${name}] ${line}`),
      );
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, names.length) }, lane));
rmSync(scratch, { recursive: true, force: true });
console.log(`\nall suites took ${secs(Date.now() - started)}`);
if (failures.length) console.log(`what failed:\n${failures.join('\n')}`);
console.log(`${totals.pass} passed, ${totals.fail} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
// Not process.exit() at once: that can cut off what is still being written to a pipe. Should
// anything still hold the event loop open, the run ends ten seconds later all the same.
process.exitCode = totals.fail ? 1 : 0;
setTimeout(() => process.exit(), 10_000).unref();
