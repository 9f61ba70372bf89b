import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { defaultKnowledge } from '../knowledge/load';
import type { EntryForm } from './index-entry';
import { deliver, emptyStats, readDecisions, SeenLetters, type LetterResult, type OnDecision, type ReadOptions, type ReadStats } from './read-decisions';
import type { CorpusIndex } from './types';

// `corpus build` on every core: worker threads (letter-worker.ts) read and parse letters while
// this thread takes their decisions in the order of the files, exactly as one thread would, so
// duplicates, counts and the index written are the same byte for byte. Only a few letters ahead
// of the one being written are in flight, so memory stays flat in the number of letters.

const WORKER = path.join(__dirname, 'letter-worker.js');
/** Letters sent to a worker before its first answer comes back, so it never waits for the next. */
const PER_WORKER = 2;
/** How far ahead of the letter being written the workers may read. */
const AHEAD_PER_WORKER = 8;

export interface ParallelOptions extends ReadOptions {
  /** Worker threads at most; 1 reads in this thread. */
  jobs: number;
  /**
   * Letters each worker must have at least, a PDF counting as PDF_WEIGHT text letters: starting
   * a worker (loading the knowledge base, warming the parser) costs about what a few hundred
   * text letters do, so few letters take fewer workers, or none.
   */
  minLettersPerWorker?: number;
  /** How the index holds each decision: workers then write its text (index-entry.ts). */
  entryForm?: EntryForm;
}

const MIN_LETTERS_PER_WORKER = 400;
/** A PDF takes about ten times as long to read as a text letter. */
const PDF_WEIGHT = 8;

/**
 * readDecisions (read-decisions.ts) with `jobs` worker threads. Workers use the bundled
 * knowledge base, so another one (or a build without the worker's file) reads in this thread.
 */
export async function readDecisionsInParallel(
  files: string[],
  problems: CorpusIndex['problems'],
  options: ParallelOptions,
  onDecision: OnDecision,
): Promise<ReadStats> {
  const work = files.reduce((n, f) => n + (/\.pdf$/i.test(f) ? PDF_WEIGHT : 1), 0);
  const jobs = Math.min(options.jobs, files.length, Math.floor(work / (options.minLettersPerWorker ?? MIN_LETTERS_PER_WORKER)));
  if (jobs <= 1 || options.kb !== defaultKnowledge() || !fs.existsSync(WORKER)) return readDecisions(files, problems, options, onDecision);
  const started = process.hrtime.bigint();
  const stats = { ...emptyStats(files.length), workers: jobs };
  const seen = new SeenLetters();
  const results = new Map<number, LetterResult>();
  const inFlight = new Map<Worker, number>();
  let sent = 0;
  let written = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const workers = Array.from({ length: jobs }, () => new Worker(WORKER, { workerData: { entry: options.entryForm } }));
  const feed = (w: Worker) => {
    while ((inFlight.get(w) ?? 0) < PER_WORKER && sent < files.length && sent < written + AHEAD_PER_WORKER * jobs) {
      w.postMessage({ id: sent, file: files[sent] });
      inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
      sent++;
    }
  };
  for (const w of workers) {
    w.on('message', ({ id, result }: { id: number; result: LetterResult }) => {
      results.set(id, result);
      inFlight.set(w, (inFlight.get(w) ?? 1) - 1);
      feed(w);
      wake?.();
    });
    w.on('error', (e) => {
      failure ??= e;
      wake?.();
    });
    w.on('exit', (code) => {
      if (written < files.length) failure ??= new Error(`a worker thread of corpus build stopped (exit code ${code})`);
      wake?.();
    });
    feed(w);
  }
  try {
    for (let i = 0; i < files.length; i++) {
      while (!results.has(i)) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const r = results.get(i)!;
      results.delete(i);
      written = i + 1;
      workers.forEach(feed);
      await deliver(stats, seen, problems, files[i], r, onDecision);
      options.progress?.(i + 1, files.length, path.basename(files[i]));
    }
  } finally {
    written = files.length;
    await Promise.all(workers.map((w) => w.terminate()));
  }
  stats.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return stats;
}
