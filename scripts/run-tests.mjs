#!/usr/bin/env node
// Runs every test suite, keeps each suite's own summary visible, and ends with one line
// "N passed, N failed" over all of them. node:test suites are counted from a TAP copy of
// their report; the editor suites (real VS Code in code-server, a browser, Neovim) are
// runners of their own that end with that same line.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SUITES = {
  // In-process only, all files in one process (a few seconds): nothing here starts a process.
  unit: { dir: 'out/test/unit', oneProcess: true, what: 'engine, rules, fixes, knowledge, settings, grammar, catalogue, boundaries' },
  // The command line as a user runs it: each test starts the real mtus-lint command.
  cli: { dir: 'out/test/cli', what: 'the mtus-lint command: check, --fix, SARIF, inputs, corpus and formulary commands' },
  protocol: { dir: 'out/test/protocol', what: 'the real language server over stdio' },
  // Fuzz, fault cases, memory bounds and the fix invariants; MTUS_LINT_FUZZ_SCALE (npm run fuzz) tries more.
  reliability: { dir: 'out/test/reliability', what: 'fuzzed and mutated documents, fix invariants, server fault cases, memory bounds' },
  extension: {
    runner: 'test/extension/run-code-server.mjs',
    what: 'extension-host suite in real VS Code (code-server), installed from the .vsix; then Restricted Mode in an untrusted workspace',
  },
  ui: { runner: 'test/ui/run.mjs', what: 'a person in the browser: squiggle, Problems, hover, Ctrl+. fix, save, inline total, edition' },
  nvim: { runner: 'test/nvim/run.mjs', what: 'Neovim as a second LSP client (diagnostics, hover, fixes, outline, completion)' },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
// --fuzz: the reliability tier at its large budget (npm run fuzz), on any shell.
if (process.argv.includes('--fuzz')) process.env.MTUS_LINT_FUZZ_SCALE ??= '40';
const names = wanted.length ? wanted : Object.keys(SUITES);
const totals = { pass: 0, fail: 0, skipped: 0 };
const scratch = mkdtempSync(join(tmpdir(), 'mtus-lint-tests-'));
const started = Date.now();

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

function nodeTestSuite(name, suite) {
  const dir = join(root, suite.dir);
  if (!existsSync(dir)) {
    console.error(`no compiled tests in ${suite.dir}: run "npm run build" first`);
    return { pass: 0, fail: 1, skipped: 0 };
  }
  const tap = join(scratch, `${name}.tap`);
  let files = compiledTests(dir);
  if (suite.oneProcess) {
    // node:test starts a process per file, and each loads the knowledge base again (about a
    // second each); in-process tests share one process instead, loaded by one file.
    const loader = join(scratch, `${name}.cjs`);
    writeFileSync(loader, files.map((f) => `require(${JSON.stringify(f)});`).join('\n'));
    files = [loader];
  }
  const r = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: process.env },
  );
  const out = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(out)?.[1] ?? 0);
  const s = { pass: count('pass'), fail: count('fail'), skipped: count('skipped') + count('todo') };
  if (!out || (r.status !== 0 && s.fail === 0)) {
    console.error(`suite ${name} ended with status ${r.status} before reporting; counted as one failure`);
    s.fail += 1;
  }
  return s;
}

function runnerSuite(name, suite) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, suite.runner)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let last = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      last = (last + d).slice(-4096);
    });
    child.on('close', (code) => {
      const m = [...last.matchAll(/^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?\s*$/gm)].pop();
      const s = m ? { pass: Number(m[1]), fail: Number(m[2]), skipped: Number(m[3] ?? 0) } : { pass: 0, fail: 0, skipped: 0 };
      if (!m || (code !== 0 && s.fail === 0)) {
        console.error(`suite ${name} exited with status ${code} ${m ? 'but reported no failure' : 'without a summary'}; counted as one failure`);
        s.fail += 1;
      }
      resolve(s);
    });
  });
}

for (const name of names) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`unknown suite "${name}" (known: ${Object.keys(SUITES).join(', ')})`);
    process.exit(2);
  }
  console.log(`\n=== ${name}: ${suite.what} ===`);
  const t = Date.now();
  const s = suite.runner ? await runnerSuite(name, suite) : nodeTestSuite(name, suite);
  console.log(`--- ${name}: ${s.pass} passed, ${s.fail} failed, ${s.skipped} skipped (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  totals.pass += s.pass;
  totals.fail += s.fail;
  totals.skipped += s.skipped;
}
rmSync(scratch, { recursive: true, force: true });
console.log(`\nall suites took ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`${totals.pass} passed, ${totals.fail} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.fail ? 1 : 0);
