import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Knowledge } from '../knowledge/knowledge';
import { normalizeLetterText, parseLetter } from './parse-letter';
import { letterText, readAhead, readLetterBytes, readLetterBytesSync } from './read-letter';
import type { QuoteCandidate } from './quote-picker';
import type { CorpusIndex, Decision } from './types';

// Letters into decisions, one at a time: each is read, parsed, handed on and let go, so a
// caller that keeps only aggregates builds an index of any size in the same memory.

export interface ReadOptions {
  kb: Knowledge;
  /** Called after each letter: how many are done, of how many, and the file's name. */
  progress?: (done: number, total: number, file: string) => void;
  /**
   * Read each file in this thread, waiting on the disk: for the command line, which has nothing
   * else to do meanwhile. (The language server reads asynchronously, a few files ahead.)
   */
  waitOnDisk?: boolean;
}

/** Takes each new decision, with what a worker thread made of it already. */
export type OnDecision = (d: Decision, found?: Pick<LetterResult, 'quotes' | 'entry'>) => void | Promise<void>;

/** Where a letter's bytes come from: read now, read ahead, or read waiting on the disk. */
export type LetterBytes = (file: string) => Buffer | Promise<Buffer>;

export interface ReadStats {
  /** Letter files found (a letter kept both as .txt and .pdf counts once). */
  files: number;
  texts: number;
  pdfs: number;
  /** How many letters were left out as already indexed, by case number or (without one) by text. */
  duplicateCount: number;
  /** The first few of them, by file name. */
  duplicates: string[];
  seconds: number;
  /** Worker threads that read the letters (0: this thread). */
  workers: number;
  /** Time spent reading and parsing, per kind of letter (in one thread: one core's time). */
  time: { text: { letters: number; seconds: number }; pdf: { letters: number; seconds: number } };
  /** The CPU time of the thread that writes the index, start to end, where the system gives it (stream-build.ts). */
  writerSeconds?: number;
}

const DUPLICATES_NAMED = 20;

/**
 * The key a letter is recognised by when it comes again: its case number, else a hash of its
 * text (whitespace folded, so the same letter extracted twice counts once).
 */
export function letterKey(d: Decision, text: string): string {
  if (d.caseNumber) return `case:${d.caseNumber}`;
  return `text:${createHash('sha256').update(normalizeLetterText(text).replace(/\s+/g, ' ').trim()).digest('base64').slice(0, 22)}`;
}

/** Which letters were seen, by their keys (letterKey): about 50 bytes a letter. */
export class SeenLetters {
  private readonly keys = new Set<string>();

  /** True the first time a key is offered; false for a letter already seen. */
  firstKey(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }

  /** True the first time a decision is offered; false for a letter already seen. */
  first(d: Decision, text: string): boolean {
    return this.firstKey(letterKey(d, text));
  }
}

/** One letter read and parsed: its decision and key, or why it could not be read; and how long it took. */
export interface LetterResult {
  decision?: Decision;
  key?: string;
  /** The sentences that could quote a citation, when a worker thread found them (quote-picker.ts). */
  quotes?: QuoteCandidate[];
  /** The decision's text in the index, when a worker thread wrote it (index-entry.ts). */
  entry?: string;
  error?: string;
  ms: number;
}

/** Read and parse one letter; the same work whether it runs here or in a worker thread (parallel-read.ts). */
export async function readOneLetter(file: string, kb: Knowledge, bytes: LetterBytes = readLetterBytes): Promise<LetterResult> {
  const started = performance.now();
  try {
    const text = await letterText(file, await bytes(file));
    const decision = parseLetter(text, path.basename(file), { kb });
    return { decision, key: letterKey(decision, text), ms: performance.now() - started };
  } catch (e) {
    return { error: (e as Error).message || String(e), ms: performance.now() - started };
  }
}

/** "180.2 text letters/s": letters read per second of one core's time. */
const perCore = (t: { letters: number; seconds: number }, kind: string) =>
  t.letters && t.seconds > 0 ? `${(t.letters / t.seconds).toFixed(1)} ${kind} letters/s` : `no ${kind} letters`;

/** What `corpus build` says of its speed: letters a second, per core by kind, and the writing thread's time a letter. */
export function speedLine(stats: ReadStats): string {
  const speed = stats.seconds > 0 ? (stats.files / stats.seconds).toFixed(1) : '-';
  // With worker threads reading, this thread keeps the aggregates and writes the index; on many
  // cores it sets the pace, so the time it takes a letter is said too (the README's projection).
  const writer =
    stats.workers && stats.writerSeconds !== undefined && stats.files
      ? `; the thread writing the index: ${((1000 * stats.writerSeconds) / stats.files).toFixed(2)} ms a letter`
      : '';
  const how = stats.workers ? `${stats.workers} worker threads` : 'one thread';
  return `${speed} letters/second (${stats.seconds.toFixed(2)} s, ${how}); per core: ${perCore(stats.time.text, 'text')}, ${perCore(stats.time.pdf, 'PDF')}${writer}`;
}

/** Counts what each letter took, by kind, for the letters per second per core `corpus build` prints. */
export function addTime(stats: ReadStats, file: string, ms: number): void {
  const kind = /\.pdf$/i.test(file) ? stats.time.pdf : stats.time.text;
  kind.letters++;
  kind.seconds += ms / 1000;
}

/**
 * Files whose reading is begun before their turn: reading a letter's file is a few round trips to
 * Node's I/O threads, which without it leave this thread idle about a third of the time. A few
 * letters' bytes at most are held, so memory stays flat in the number of letters.
 */
const READ_AHEAD = 4;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export const emptyStats = (files: number): ReadStats => ({
  files,
  texts: 0,
  pdfs: 0,
  duplicateCount: 0,
  duplicates: [],
  seconds: 0,
  workers: 0,
  time: { text: { letters: 0, seconds: 0 }, pdf: { letters: 0, seconds: 0 } },
});

/** Count a letter read, and hand its decision on unless it is a duplicate or could not be read. */
export async function deliver(
  stats: ReadStats,
  seen: SeenLetters,
  problems: CorpusIndex['problems'],
  file: string,
  r: LetterResult,
  onDecision: OnDecision,
): Promise<void> {
  const name = path.basename(file);
  if (/\.pdf$/i.test(name)) stats.pdfs++;
  else stats.texts++;
  addTime(stats, file, r.ms);
  if (r.error !== undefined || !r.decision || r.key === undefined) {
    problems.push({ source: name, reason: r.error ?? 'not read' });
    return;
  }
  if (!seen.firstKey(r.key)) {
    stats.duplicateCount++;
    if (stats.duplicates.length < DUPLICATES_NAMED) stats.duplicates.push(name);
    return;
  }
  await onDecision(r.decision, r);
}

/** Read and parse each file, handing each new decision to `onDecision`; unreadable ones go to `problems`. */
export async function readDecisions(files: string[], problems: CorpusIndex['problems'], options: ReadOptions, onDecision: OnDecision): Promise<ReadStats> {
  const started = process.hrtime.bigint();
  const seen = new SeenLetters();
  const stats = emptyStats(files.length);
  const ahead: Promise<Buffer>[] = []; // the bytes of files[i], files[i + 1], ...
  const readNext = () => ahead.shift()!;
  for (let i = 0; i < files.length; i++) {
    const name = path.basename(files[i]);
    while (!options.waitOnDisk && ahead.length < READ_AHEAD && i + ahead.length < files.length) ahead.push(readAhead(files[i + ahead.length]));
    const r = await readOneLetter(files[i], options.kb, options.waitOnDisk ? readLetterBytesSync : readNext);
    await deliver(stats, seen, problems, files[i], r, onDecision);
    options.progress?.(i + 1, files.length, name);
    // Let a language server answer its editor between letters.
    if (i + 1 < files.length) await nextTurn();
  }
  stats.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return stats;
}
