// Issue 11 §2's growth table: the engine's time per MB at 64 KB to 4 MB for each shape of text.
// Linear work shows as a flat row; quadratic work as time per MB that doubles with the size.
// Each shape runs in a worker thread; a size that takes longer than the budget is stopped and
// the larger sizes of that shape are not tried.
import { Worker } from 'node:worker_threads';
import { GROWTH_SHAPES, KB, MB } from './documents.mjs';
import { printTable } from './measure.mjs';

export const GROWTH_SIZES = [64 * KB, 256 * KB, MB, 2 * MB, 4 * MB];
const label = (size) => (size >= MB ? `${size / MB} MB` : `${size / KB} KB`);

function runShape(root, shape, budgetMs) {
  return new Promise((resolve) => {
    const cells = new Map();
    const worker = new Worker(new URL('./growth-worker.mjs', import.meta.url), { workerData: { root, shape, sizes: GROWTH_SIZES } });
    let timer;
    const arm = (size) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        cells.set(size, { stopped: true });
        void worker.terminate();
      }, budgetMs);
    };
    arm(GROWTH_SIZES[0]);
    worker.on('message', ({ size, ms }) => {
      cells.set(size, { ms });
      const next = GROWTH_SIZES[GROWTH_SIZES.indexOf(size) + 1];
      if (next) arm(next);
    });
    worker.on('error', (e) => cells.set('error', { error: e.message }));
    worker.on('exit', () => {
      clearTimeout(timer);
      resolve(cells);
    });
  });
}

/** Print the table. */
export async function growthTable(root, { budgetMs }) {
  console.log(
    `\nGrowth (issue 11 §2): the engine's analysis time per MB of text (CPU time), whole text analysed, each size stopped after ${budgetMs / 1000} s`,
  );
  const rows = [['shape', ...GROWTH_SIZES.map(label), 'growth', 'what']];
  for (const [shape, { what }] of Object.entries(GROWTH_SHAPES)) {
    const cells = await runShape(root, shape, budgetMs);
    const perMb = GROWTH_SIZES.map((size) => {
      const c = cells.get(size);
      return c?.ms !== undefined ? c.ms / (size / MB) : undefined;
    });
    const shown = GROWTH_SIZES.map((size, i) => {
      const c = cells.get(size);
      if (c?.stopped) return `>${Math.round(budgetMs / (size / MB) / 1000)} s`;
      if (perMb[i] === undefined) return cells.has('error') ? 'error' : '-';
      return perMb[i] >= 1000 ? `${(perMb[i] / 1000).toFixed(1)} s` : `${perMb[i].toFixed(0)} ms`;
    });
    // From the smallest size to the largest measured: 1.0x is linear, 64x is quadratic.
    const last = perMb.findLastIndex((x) => x !== undefined);
    const growth = last > 0 && perMb[0] ? `${(perMb[last] / perMb[0]).toFixed(1)}x` : '-';
    rows.push([shape, ...shown, growth, what]);
    if (cells.has('error')) console.log(`  ${shape}: ${cells.get('error').error}`);
  }
  printTable(rows, [1, 2, 3, 4, 5, 6]);
  console.log(
    `growth: time per MB at the largest size measured over that at ${label(GROWTH_SIZES[0])} (1.0x: linear; quadratic doubles it with each doubling of the size); ">N s": stopped, over N s per MB`,
  );
}
