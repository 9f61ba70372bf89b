#!/usr/bin/env node
// Speed and memory of the engine: a 5 KB draft and a 1 MB document, each against a single
// regex scan of the same text. Prints figures and ratios; exits 1 if a target is missed.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const { analyze } = require('../out/server/src/engine/index.js');
const { defaultKnowledge } = require('../out/server/src/knowledge/load.js');

const DRAFT = `REQUEST FOR AUTHORIZATION (DWC Form RFA)
Patient: [Patient name]   Claim: XX-000000   Date of injury: 06/04/2014
Diagnosis: lumbosacral sprain (S33.5XXA), cervical strain (S16.1XXA)

Requested treatment
1. Acupuncture 2x4 for the low back, MTUS Acupuncture Treatment Guidelines, 8 CCR 9792.24.1.
2. Chiropractic manipulation twice a week for six weeks, cervical spine.
3. Massage therapy x 8 as an adjunct to the home exercise program, MTUS Chronic Pain Medical Treatment Guidelines, page 60.
4. Physical therapy 3 times per week for 4 weeks for the lumbar spine (12 sessions).
5. 6 additional acupuncture sessions for the neck.

History: The patient completed 12 acupuncture sessions. Pain decreased from 8/10 to 5/10.
She remains on modified duty. Medication use is unchanged (Norco 10/325 twice daily).
Per MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment, the
frequency should fade toward a self-directed home program.
`;

function toSize(seed, bytes) {
  let out = '';
  while (out.length < bytes) out += seed + '\n';
  return out.slice(0, bytes);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn, runs) {
  for (let i = 0; i < Math.min(3, runs); i++) fn();
  const xs = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const SCAN = /\b\d+\s*x\s*\d+\b/gi;
const scan = (text) => {
  let n = 0;
  const re = new RegExp(SCAN.source, SCAN.flags);
  while (re.exec(text)) n++;
  return n;
};

const kb = defaultKnowledge();
const draft = toSize(DRAFT, 5 * 1024);
const big = toSize(DRAFT, 1024 * 1024);
const results = [];
let missed = 0;

for (const [name, text, runs, targetMs] of [
  ['5 KB draft', draft, 200, 2],
  ['1 MB document', big, 7, 100],
]) {
  const engineMs = time(() => analyze(text, kb, { maxLength: 2_000_000 }), runs);
  const scanMs = time(() => scan(text), runs);
  const ratio = engineMs / scanMs;
  const findings = analyze(text, kb).findings.length;
  const ok = engineMs < targetMs && (name !== '1 MB document' || ratio <= 20);
  if (!ok) missed++;
  results.push({ name, engineMs, scanMs, ratio, findings, targetMs, ok });
}

global.gc?.();
const before = process.memoryUsage().heapUsed;
const keep = analyze(big, kb);
const after = process.memoryUsage().heapUsed;

console.log('mtus-lint engine benchmark (median of repeated runs, warm)');
console.log(`node ${process.version}, ${process.arch}`);
for (const r of results) {
  console.log(
    `${r.name.padEnd(14)} analyze ${r.engineMs.toFixed(3).padStart(8)} ms   regex scan ${r.scanMs.toFixed(3).padStart(7)} ms   ratio ${r.ratio.toFixed(1).padStart(5)}x   findings ${String(r.findings).padStart(5)}   target < ${r.targetMs} ms${r.name.startsWith('1 MB') ? ' and ≤ 20x' : ''}: ${r.ok ? 'met' : 'MISSED'}`,
  );
}
console.log(`1 MB document: heap grew ${((after - before) / 1024 / 1024).toFixed(1)} MB holding its analysis (${keep.items.length} items); peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
process.exit(missed ? 1 : 0);
