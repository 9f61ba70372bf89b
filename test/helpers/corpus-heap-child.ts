// Run as its own process with --expose-gc (by test/reliability/corpus-memory.test.ts): build the
// index of a folder of letters, streamed to a file (read in this thread or by worker threads) or in memory, and print the heap still in use
// after a full collection every `every` letters, then the process's peak resident memory.
import * as fs from 'node:fs';
import { buildCorpus } from '../../server/src/corpus/build-index';
import { buildCorpusToStream } from '../../server/src/corpus/stream-build';
import { defaultKnowledge } from '../../server/src/knowledge/load';

const [mode, dir, out, every, warmUp] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
if (mode && dir && out && gc) {
  const samples: { letters: number; heapMb: number }[] = [];
  const progress = (done: number) => {
    if (done % Number(every) !== 0) return;
    gc();
    samples.push({ letters: done, heapMb: process.memoryUsage().heapUsed / 1024 / 1024 });
  };
  const kb = defaultKnowledge();
  // A build over other letters first (thrown away): what the first letters compile stays compiled.
  const warm = warmUp ? buildCorpusToStream([warmUp], fs.createWriteStream(`${out}.warm`), { kb, full: true, compact: false }) : Promise.resolve();
  const work = warm.then(() =>
    mode === 'streamed' || mode === 'parallel'
      ? (async () => {
          const stream = fs.createWriteStream(out);
          // parallel: two worker threads read the letters; this thread still writes the index.
          const jobs = mode === 'parallel' ? { jobs: 2, minLettersPerWorker: 1 } : {};
          const r = await buildCorpusToStream([dir], stream, { kb, full: true, compact: false, progress, ...jobs });
          stream.end();
          return r.figures.letters;
        })()
      : buildCorpus([dir], { kb, full: true, progress }).then((ix) => ix.letters),
  );
  void work.then((letters) => {
    process.stdout.write(JSON.stringify({ letters, samples, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  });
}
