import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { Knowledge } from '../knowledge/knowledge';
import { compactAggregates, letterFiles } from './build-index';
import { indexEntry } from './index-entry';
import { IndexAggregates } from './index-aggregates';
import { readDecisionsInParallel } from './parallel-read';
import type { ReadStats } from './read-decisions';
import type { CorpusIndex, Decision } from './types';

// `corpus build` for any number of letters: each decision is written to a scratch file on disk
// as soon as it is read, only the aggregates stay in memory, and the index is then written out
// in the same layout as before (counts first, decisions, then the statistics). Memory holds the
// aggregates, the list of file names and about 50 bytes a letter to recognise duplicates.

export interface StreamBuildOptions {
  kb: Knowledge;
  /** Keep the rationale sentences that quote guidelines. */
  full: boolean;
  /** Derived data only, one decision a line (the bundled index's form). */
  compact: boolean;
  progress?: (done: number, total: number, file: string) => void;
  /** Worker threads reading letters at most (parallel-read.ts); 1, the default, reads in this thread. */
  jobs?: number;
  /** Letters each worker must have at least (parallel-read.ts). */
  minLettersPerWorker?: number;
}

/** The counts `corpus build` prints, gathered as decisions pass. */
export interface StreamFigures {
  letters: number;
  items: number;
  upheld: number;
  overturned: number;
  citations: number;
  resolved: number;
}

export interface StreamBuildResult {
  figures: StreamFigures;
  stats: ReadStats;
  problems: CorpusIndex['problems'];
}

// Stands for the decisions in the index written around them; never a case or file name.
const SENTINEL = '\u0000mtus-lint decisions\u0000';

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Writes gathered into pieces of about 64 KB: a write to a file is a hand-off to one of Node's I/O
 * threads, which costs this thread about a tenth of a millisecond on a virtual machine, more
 * than making a decision's JSON; one a decision was a sixth of the thread's work in a build.
 */
class GatheredWriter {
  private pending: string[] = [];
  private length = 0;

  constructor(private readonly out: Writable) {}

  async write(chunk: string): Promise<void> {
    this.pending.push(chunk);
    this.length += chunk.length;
    if (this.length >= 65_536) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.pending.length) return;
    const text = this.pending.join('');
    this.pending = [];
    this.length = 0;
    await write(this.out, text);
  }
}

/** Build the index of the letters under `paths` and write it to `out` (a file, or standard output). */
export async function buildCorpusToStream(paths: string[], out: Writable, options: StreamBuildOptions): Promise<StreamBuildResult> {
  // This thread's CPU time over the whole build, for speedLine.
  const cpuAtStart = threadCpuSeconds();
  const withWriterTime = (stats: ReadStats): ReadStats => {
    const now = threadCpuSeconds();
    return { ...stats, writerSeconds: now !== undefined && cpuAtStart !== undefined ? now - cpuAtStart : undefined };
  };
  const scratchDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'mtus-lint-corpus-'));
  const scratchFile = path.join(scratchDir, 'decisions.part');
  try {
    // The decisions as the index holds them, each after the separator the index puts between them.
    const scratch = fs.createWriteStream(scratchFile, { encoding: 'utf8' });
    const toScratch = new GatheredWriter(scratch);
    const aggregates = new IndexAggregates(options.kb);
    const figures: StreamFigures = { letters: 0, items: 0, upheld: 0, overturned: 0, citations: 0, resolved: 0 };
    const { files, problems } = letterFiles(paths);
    const entryForm = { compact: options.compact, full: options.full };
    const stats = await readDecisionsInParallel(
      files,
      problems,
      { kb: options.kb, progress: options.progress, jobs: options.jobs ?? 1, minLettersPerWorker: options.minLettersPerWorker, waitOnDisk: true, entryForm },
      async (d, found) => {
        aggregates.add(d, found?.quotes);
        count(figures, d);
        const entry = found?.entry ?? indexEntry(d, entryForm);
        await toScratch.write(figures.letters === 1 ? entry : `,\n${entry}`);
      },
    );
    await toScratch.flush();
    scratch.end();
    await once(scratch, 'close');

    const summary = aggregates.result();
    const rest = options.compact ? compactAggregates(summary) : summary;
    const indexWith = (decisions: Decision[]): CorpusIndex => ({
      version: 1,
      knowledgeVersion: summary.knowledgeVersion,
      letters: summary.letters,
      items: summary.items,
      decisions,
      citations: rest.citations,
      treatments: summary.treatments,
      quotes: rest.quotes,
      problems,
    });
    const format = (index: CorpusIndex) => (options.compact ? formatIndex(index) : `${JSON.stringify(index, null, 1)}\n`);
    if (figures.letters === 0) {
      await write(out, format(indexWith([])));
      return { figures, stats: withWriterTime(stats), problems };
    }
    // The index around one stand-in decision; the real ones are copied from disk in its place.
    const shell = format(indexWith([SENTINEL as unknown as Decision]));
    const at = shell.indexOf(JSON.stringify(SENTINEL));
    const lineStart = shell.lastIndexOf('\n', at) + 1;
    const lineEnd = shell.indexOf('\n', at);
    await write(out, shell.slice(0, lineStart));
    // Read as text, not bytes: a piece of bytes may end inside a character, and a writer that
    // turns each piece into text on its own (standard output, here) would break it in two.
    for await (const chunk of fs.createReadStream(scratchFile, { encoding: 'utf8' })) await write(out, chunk as string);
    await write(out, shell.slice(lineEnd));
    return { figures, stats: withWriterTime(stats), problems };
  } finally {
    await fs.promises.rm(scratchDir, { recursive: true, force: true });
  }
}

/**
 * The CPU time of the calling thread alone, where the system tells it (Linux: /proc/thread-self,
 * in ticks of 1/100 s, whatever the kernel's own tick); undefined elsewhere. Node 20 gives only
 * the whole process's, which would count the worker threads too, and the event loop's active
 * time counts waiting for a core the workers hold.
 */
function threadCpuSeconds(): number | undefined {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of the line (utime, stime), counted from the state, which is field 3.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function count(f: StreamFigures, d: Decision): void {
  f.letters++;
  for (const item of d.items) {
    f.items++;
    f[item.outcome]++;
    f.citations += item.citations.length;
    f.resolved += item.citations.filter((c) => c.resolved.length > 0).length;
  }
}

/**
 * The index as JSON that diffs well and stays small: one decision, citation statistic,
 * treatment or quotation per line.
 */
export function formatIndex(index: CorpusIndex): string {
  const lines: string[] = ['{'];
  const entries = Object.entries(index) as [keyof CorpusIndex, unknown][];
  entries.forEach(([key, value], n) => {
    const comma = n + 1 < entries.length ? ',' : '';
    if (Array.isArray(value) && value.length) {
      lines.push(`${JSON.stringify(key)}: [`);
      value.forEach((v, i) => lines.push(`${JSON.stringify(v)}${i + 1 < value.length ? ',' : ''}`));
      lines.push(`]${comma}`);
    } else if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length) {
      const kv = Object.entries(value);
      lines.push(`${JSON.stringify(key)}: {`);
      kv.forEach(([k, v], i) => lines.push(`${JSON.stringify(k)}: ${JSON.stringify(v)}${i + 1 < kv.length ? ',' : ''}`));
      lines.push(`}${comma}`);
    } else lines.push(`${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
