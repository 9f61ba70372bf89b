import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { Knowledge } from '../knowledge/knowledge';
import { compactAggregates, compactDecision, letterFiles, withoutGuidelineSentences } from './build-index';
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
  const scratchDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'mtus-lint-corpus-'));
  const scratchFile = path.join(scratchDir, 'decisions.jsonl');
  try {
    const scratch = fs.createWriteStream(scratchFile, { encoding: 'utf8' });
    const toScratch = new GatheredWriter(scratch);
    const aggregates = new IndexAggregates(options.kb);
    const figures: StreamFigures = { letters: 0, items: 0, upheld: 0, overturned: 0, citations: 0, resolved: 0 };
    const { files, problems } = letterFiles(paths);
    const stats = await readDecisionsInParallel(
      files,
      problems,
      { kb: options.kb, progress: options.progress, jobs: options.jobs ?? 1, minLettersPerWorker: options.minLettersPerWorker, waitOnDisk: true },
      async (d) => {
        aggregates.add(d);
        count(figures, d);
        const kept = options.compact ? compactDecision(d) : options.full ? d : withoutGuidelineSentences(d);
        await toScratch.write(`${JSON.stringify(kept)}\n`);
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
      return { figures, stats, problems };
    }
    // The index around one stand-in decision; the real ones are copied from disk in its place.
    const shell = format(indexWith([SENTINEL as unknown as Decision]));
    const at = shell.indexOf(JSON.stringify(SENTINEL));
    const lineStart = shell.lastIndexOf('\n', at) + 1;
    const lineEnd = shell.indexOf('\n', at);
    const toOut = new GatheredWriter(out);
    await toOut.write(shell.slice(0, lineStart));
    let first = true;
    const lines = readline.createInterface({ input: fs.createReadStream(scratchFile, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      // JSON.stringify(index, null, 1) indents an element of "decisions" by two spaces.
      const text = options.compact ? line : `  ${JSON.stringify(JSON.parse(line), null, 1).replace(/\n/g, '\n  ')}`;
      await toOut.write(`${first ? '' : ',\n'}${text}`);
      first = false;
    }
    await toOut.write(shell.slice(lineEnd));
    await toOut.flush();
    return { figures, stats, problems };
  } finally {
    await fs.promises.rm(scratchDir, { recursive: true, force: true });
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
