#!/usr/bin/env node
// Engine speed and memory. Cases: a 5 KB draft; a 1 MB document made of real IMR letters
// (../shared/corpus, or the bundled examples where it is absent); and, for information, a
// worst case of 1 MB packed with requested items. Each is compared with single regex scans
// of the same text. Prints figures and ratios; exits 1 if a target is missed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { analyze, completionsAt, inlayHints, outline } = require('../out/server/src/engine/index.js');
const { defaultKnowledge } = require('../out/server/src/knowledge/load.js');
const kb = defaultKnowledge();

const MB = 1024 * 1024;
const fill = (seed, size) => {
  let out = '';
  while (out.length < size) out += `${seed}\n`;
  return out.slice(0, size);
};
const examples = ['knee-and-back.rfa', 'acupuncture-appeal.appeal'].map((f) => readFileSync(join(root, 'examples', f), 'utf8'));
const corpus = join(root, '..', 'shared', 'corpus', 'imr');
const letters = existsSync(corpus)
  ? readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(corpus, f), 'utf8')).join('\n')
  : undefined;

const CASES = [
  { name: '5 KB draft', text: fill(examples[0], 5 * 1024), runs: 300, targetMs: 2 },
  {
    name: '1 MB document',
    note: letters ? '142 real IMR letters, repeated to 1 MB' : 'the examples repeated to 1 MB (corpus absent)',
    text: fill(letters ?? examples.join('\n'), MB),
    runs: 15,
    targetMs: 100,
    targetRatio: 20,
  },
  { name: '1 MB worst case', note: 'the example request lines repeated: thousands of items', text: fill(examples[0].split('\n').filter((l) => /\d/.test(l)).join('\n'), MB), runs: 7 },
];

function timeMs(fn, runs) {
  for (let i = 0; i < 3; i++) fn();
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}

const scanWith = (re) => (text) => {
  const r = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let n = 0;
  while (r.exec(text)) n++;
  return n;
};
// Two baselines: the first pass any check of these drafts needs (find the treatments named),
// and the cheapest plausible one (find "2x4"-like numbers).
const treatmentScan = scanWith(kb.treatmentPattern);
const numberScan = scanWith(/\b\d+\s*x\s*\d+\b/i);

console.log(`mtus-lint engine benchmark: median of warm runs; node ${process.version} ${process.arch}`);
let missed = 0;
for (const c of CASES) {
  const ms = timeMs(() => analyze(c.text, kb), c.runs);
  const tScan = timeMs(() => treatmentScan(c.text), c.runs);
  const nScan = timeMs(() => numberScan(c.text), c.runs);
  const a = analyze(c.text, kb);
  const ratio = ms / tScan;
  const checks = [];
  if (c.targetMs !== undefined) checks.push(ms < c.targetMs ? `< ${c.targetMs} ms: met` : `< ${c.targetMs} ms: MISSED`);
  if (c.targetRatio !== undefined) checks.push(ratio <= c.targetRatio ? `≤ ${c.targetRatio}x scan: met` : `≤ ${c.targetRatio}x scan: MISSED`);
  if (checks.some((x) => x.endsWith('MISSED'))) missed++;
  console.log(`\n${c.name}${c.note ? ` (${c.note})` : ''}: ${c.text.length.toLocaleString('en-US')} characters, ${a.items.length} items, ${a.findings.length} findings`);
  console.log(`  analyze            ${ms.toFixed(2).padStart(8)} ms${checks.length ? `   target ${checks.join(', ')}` : '   (no target)'}`);
  console.log(`  treatment-name scan ${tScan.toFixed(2).padStart(7)} ms   ratio ${ratio.toFixed(1)}x`);
  console.log(`  "2x4" number scan   ${nScan.toFixed(2).padStart(7)} ms   ratio ${(ms / nScan).toFixed(1)}x`);
}

// The writing aids run while typing, on the analysis already made: each must answer within a
// keystroke (target 5 ms) even on the 1 MB document.
{
  const text = CASES[1].text;
  const a = analyze(text, kb);
  const at = text.indexOf('Acupuncture', text.length / 2) + 'Acupuncture'.length;
  const screen = { start: Math.max(0, at - 3000), end: at + 3000 };
  const aids = [
    ['completion after a treatment', () => completionsAt(text, at, kb, a), 200],
    ['inlay hints for a screenful', () => inlayHints(a, kb, screen), 200],
    ['outline of the whole document', () => outline(a, text, kb), 15],
  ];
  console.log('\nwriting aids on the 1 MB document (from its analysis):');
  for (const [name, fn, runs] of aids) {
    const ms = timeMs(fn, runs);
    const target = name.startsWith('outline') ? 100 : 5;
    if (ms >= target) missed++;
    console.log(`  ${name.padEnd(30)} ${ms.toFixed(2).padStart(8)} ms   target < ${target} ms: ${ms < target ? 'met' : 'MISSED'}`);
  }
}

global.gc?.();
const before = process.memoryUsage().heapUsed;
const held = analyze(CASES[1].text, kb);
const grown = process.memoryUsage().heapUsed - before;
console.log(`\nmemory: the 1 MB document's analysis holds ${(grown / MB).toFixed(1)} MB of heap (${held.citations.length} citations); peak RSS ${(process.memoryUsage().rss / MB).toFixed(0)} MB`);
process.exit(missed ? 1 : 0);
