#!/usr/bin/env node
// `npm run bench:drafts`: the engine's keystroke in long documents of every kind a user writes.
// Each development draft (../shared/drafts) and each bundled example is repeated to 1 MB, checked
// once, then edited in its middle a character at a time (typed and taken back), each edit analysed
// with the memo of the version before, as the language server does. Prints each document's median
// time a keystroke (the wall clock, collections included), then the median over all of them and
// how many are under issue 15's 20 ms. For information: `npm run bench` holds the targets.
// Each document is timed in a process of its own: timed one after another in one process, each
// inherited the heap the ones before left, and a figure moved by a third from one run to the next.
// Options: --ms N (time per document, default 1500).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fill, MB } from './bench/documents.mjs';
import { printTable } from './bench/measure.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const budgetMs = Number(option('--ms') ?? 1500);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The median keystroke of one document repeated to 1 MB, in this process. */
function timeOne(file) {
  const { analyze, AnalysisMemo } = require('../out/server/src/engine/index.js');
  const { kindFromPath } = require('../out/server/src/cli/check.js');
  const { defaultKnowledge } = require('../out/server/src/knowledge/load.js');
  const kb = defaultKnowledge();
  const text = fill(readFileSync(file, 'utf8'), MB);
  const kind = kindFromPath(file);
  const middle = text.indexOf(' ', text.length >> 1) + 1;
  const versions = [text.slice(0, middle) + 'x' + text.slice(middle), text];
  const memo = new AnalysisMemo();
  analyze(text, kb, { kind }, memo);
  const times = [];
  const start = performance.now();
  for (let i = 0; performance.now() - start < budgetMs || i < 6; i++) {
    const t = performance.now();
    analyze(versions[i % 2], kb, { kind }, memo);
    // The first few keystrokes warm the code: not counted.
    if (i >= 4) times.push(performance.now() - t);
  }
  return median(times);
}

const one = option('--one');
if (one) {
  console.log(timeOne(one));
} else {
  const drafts = join(root, '..', 'shared', 'drafts');
  const files = [
    ...(existsSync(drafts)
      ? readdirSync(drafts)
          .filter((f) => /\.(rfa|appeal|txt)$/.test(f))
          .sort()
          .map((f) => join(drafts, f))
      : []),
    ...['knee-and-back.rfa', 'acupuncture-appeal.appeal'].map((f) => join(root, 'examples', f)),
  ];
  if (!existsSync(drafts)) console.log(`note: ${drafts} is absent: only the bundled examples are timed`);
  const rows = files.map((file) => {
    const ms = Number(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--one', file, '--ms', String(budgetMs)], { encoding: 'utf8' }).trim());
    return [file.slice(file.lastIndexOf('/') + 1), ms];
  });
  rows.sort((a, b) => b[1] - a[1]);
  printTable([['document, repeated to 1 MB', 'keystroke (median)'], ...rows.map(([f, ms]) => [f, `${ms.toFixed(1)} ms`])], [1]);
  const all = rows.map(([, ms]) => ms);
  console.log(`${rows.length} documents: median ${median(all).toFixed(1)} ms a keystroke; ${all.filter((ms) => ms < 20).length} under 20 ms`);
}
