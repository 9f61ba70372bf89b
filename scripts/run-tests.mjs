#!/usr/bin/env node
// Runs every test suite with node's test runner, keeps each suite's own summary visible,
// and ends with one line "N passed, N failed" over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SUITES = {
  unit: { dir: 'out/test/unit', what: 'engine, rules, fixes, knowledge, CLI, grammar' },
  protocol: { dir: 'out/test/protocol', what: 'the real language server over stdio' },
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(SUITES);
const totals = { pass: 0, fail: 0, skipped: 0 };
const scratch = mkdtempSync(join(tmpdir(), 'mtus-lint-tests-'));
let broken = false;

for (const name of names) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`unknown suite "${name}" (known: ${Object.keys(SUITES).join(', ')})`);
    process.exit(2);
  }
  const dir = join(root, suite.dir);
  console.log(`\n=== ${name}: ${suite.what} ===`);
  if (!existsSync(dir)) {
    console.error(`no compiled tests in ${suite.dir}: run "npm run build" first`);
    broken = true;
    continue;
  }
  const tap = join(scratch, `${name}.tap`);
  const r = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, dir],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: process.env },
  );
  const out = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(out)?.[1] ?? 0);
  const s = { pass: count('pass'), fail: count('fail'), skipped: count('skipped') + count('todo') };
  if (!out || (r.status !== 0 && s.fail === 0)) {
    console.error(`suite ${name} ended with status ${r.status} before reporting; counted as one failure`);
    s.fail += 1;
  }
  console.log(`--- ${name}: ${s.pass} passed, ${s.fail} failed, ${s.skipped} skipped`);
  totals.pass += s.pass;
  totals.fail += s.fail;
  totals.skipped += s.skipped;
}
rmSync(scratch, { recursive: true, force: true });
if (broken) totals.fail += 1;
console.log(`\n${totals.pass} passed, ${totals.fail} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.fail ? 1 : 0);
