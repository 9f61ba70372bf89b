// One shape of the growth table, in a worker thread so a size that runs too long can be stopped:
// the engine's analysis of the shape at each size, smallest first, one message per size.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { GROWTH_SHAPES } from './documents.mjs';
import { cpuMinMs } from './measure.mjs';

const require = createRequire(import.meta.url);
const { root, shape, sizes } = workerData;
const { analyze } = require(join(root, 'out/server/src/engine/index.js'));
const { defaultKnowledge } = require(join(root, 'out/server/src/knowledge/load.js'));
const kb = defaultKnowledge();
const make = GROWTH_SHAPES[shape].make;
// Nothing is cut: the whole text is analysed whatever its size.
const check = (text) => analyze(text, kb, { maxLength: text.length });

// Warm the code on the smallest size of the same shape first, so the first column times the
// analysis and not the compiling of it.
for (let i = 0; i < 2; i++) check(make(sizes[0]));
for (const size of sizes) {
  const text = make(size);
  // CPU time, not the wall clock, so other work on the machine counts less (the process's: this
  // thread's and the garbage collector's; the main thread only waits). Small sizes are quick and
  // noisy: the least of a few.
  const runs = size <= 256 * 1024 ? 5 : size <= 1024 * 1024 ? 2 : 1;
  const ms = cpuMinMs(() => check(text), runs, 0);
  parentPort.postMessage({ size, ms });
}
