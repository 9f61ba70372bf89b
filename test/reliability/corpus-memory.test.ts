// Issue 11, section 4: the corpus miner's memory is flat in the number of letters. Made-up
// letters are written at run time (never real ones) and `corpus build --full` indexes them in a
// process of its own, which reports the heap still in use after a full collection as it goes.
// The in-memory build (which the server and `corpus gaps` still use, for a handful of letters)
// is measured beside it for contrast.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { writeSyntheticLetters } from '../helpers/synthetic-letters';
import { repoRoot } from '../helpers/repo';
import { budgetScale } from './documents';
import { tally } from './tally';

const ROOT = repoRoot();
const CHILD = path.join(ROOT, 'out', 'test', 'helpers', 'corpus-heap-child.js');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-reliability-memory-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface Run {
  letters: number;
  samples: { letters: number; heapMb: number }[];
  peakRssMb: number;
}

/**
 * KB of heap kept per letter once the index's running figures are full: the least-squares slope of
 * the heap over the letters read, over the second half of the build. The aggregates keep a capped
 * number of examples for each guideline and outcome, which fill during the first thousand or two
 * letters and then stay as they are; from there on, a build that keeps nothing per letter but its
 * duplicate key is flat. One sample moves by a few hundred KB with what the collector left at that
 * moment, so the slope is taken over eight of them, not from two.
 */
function perLetterKb(samples: { letters: number; heapMb: number }[], from: number): number {
  const s = samples.filter((p) => p.letters >= from);
  const mx = s.reduce((a, p) => a + p.letters, 0) / s.length;
  const my = s.reduce((a, p) => a + p.heapMb, 0) / s.length;
  const sxy = s.reduce((a, p) => a + (p.letters - mx) * (p.heapMb - my), 0);
  const sxx = s.reduce((a, p) => a + (p.letters - mx) ** 2, 0);
  return (sxy / sxx) * 1024;
}

function build(mode: 'streamed' | 'parallel' | 'memory', dir: string, every: number): Run {
  const r = spawnSync(process.execPath, ['--expose-gc', CHILD, mode, dir, path.join(tmp, `${mode}.json`), String(every), path.join(tmp, 'warm-up')], {
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (r.status !== 0 || !r.stdout) throw new Error(`the ${mode} build ended with status ${r.status}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as Run;
}

describe('the corpus miner at scale', () => {
  const letters = budgetScale() > 1 ? 16_000 : 3_200;
  const every = letters / 16;

  test(`corpus build --full over ${letters.toLocaleString('en-US')} made-up letters holds the same memory throughout`, () => {
    const dir = path.join(tmp, 'letters');
    writeSyntheticLetters(dir, 0, letters);
    // Other made-up letters read first: code compiled on first use then is not memory per letter.
    writeSyntheticLetters(path.join(tmp, 'warm-up'), letters, letters + 100);
    const streamed = build('streamed', dir, every);
    // The contrast grows by the same amount with every letter from the first (about 8 KB), so a
    // quarter of the letters, sampled as often, show it as well.
    const quarter = path.join(tmp, 'quarter');
    writeSyntheticLetters(quarter, 0, letters / 4);
    const inMemory = build('memory', quarter, every / 4);
    tally('corpus', letters + letters / 4, 0);
    const rows = streamed.samples.map(
      (s, i) =>
        `#   ${String(s.letters).padStart(6)} letters: streamed ${s.heapMb.toFixed(1)} MB` +
        (inMemory.samples[i] ? `; ${String(inMemory.samples[i].letters).padStart(6)} letters in memory ${inMemory.samples[i].heapMb.toFixed(1)} MB` : ''),
    );
    process.stderr.write(
      `# heap in use after a full collection:\n${rows.join('\n')}\n# peak resident memory: streamed ${streamed.peakRssMb.toFixed(0)} MB, in memory ${inMemory.peakRssMb.toFixed(0)} MB\n`,
    );
    assert.equal(streamed.letters, letters, 'every made-up letter indexed once');
    const heaps = streamed.samples.map((s) => s.heapMb);
    const growthKb = perLetterKb(streamed.samples, letters / 2);
    // What stays per letter: its file name in the list of files and a duplicate check, a few hundred bytes.
    assert.ok(growthKb < 0.5, `the streamed build keeps ${growthKb.toFixed(2)} KB a letter (${heaps.map((h) => h.toFixed(1)).join(', ')} MB)`);
    // Read by worker threads, this thread holds only the few decisions read ahead of the one it writes.
    const parallelSamples = build('parallel', dir, every).samples;
    const parallel = parallelSamples.map((s) => s.heapMb);
    const parallelKb = perLetterKb(parallelSamples, letters / 2);
    assert.ok(
      parallelKb < 0.5,
      `read by worker threads, the build keeps ${parallelKb.toFixed(2)} KB a letter (${parallel.map((h) => h.toFixed(1)).join(', ')} MB)`,
    );
    // The contrast shows the measurement can see growth: the in-memory build keeps every decision.
    const mem = inMemory.samples.map((s) => s.heapMb);
    const memKb = perLetterKb(inMemory.samples, letters / 8);
    assert.ok(memKb > 10 * Math.max(growthKb, 0.1), `in memory ${memKb.toFixed(2)} KB a letter (${mem.map((h) => h.toFixed(1)).join(', ')} MB)`);
  });
});
