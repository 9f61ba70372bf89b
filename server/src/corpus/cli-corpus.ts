import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultKnowledge } from '../knowledge/load';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { buildCorpusWithStats, corpusGaps, type Gap } from './build-index';
import { defaultCorpusIndex, defaultCorpusIndexPath } from './load-index';
import type { CorpusIndex } from './types';
import { figuresOf, formatMeasurement, measureOutcomes, type ItemResult } from './measure';
import { speedLine } from './read-decisions';
import { buildCorpusToStream } from './stream-build';

export { formatIndex } from './stream-build';

// `mtus-lint corpus build|gaps`: the corpus miner on the command line.

export const CORPUS_USAGE = `  mtus-lint corpus build DIR_OR_FILE... --out FILE [--full] [--compact] [--jobs N]
      Index IMR Final Determination letters (.txt or .pdf; folders are searched) into a
      corpus index (JSON). --full keeps the rationale sentences that quote guidelines;
      --compact keeps derived data only (as the bundled index). --jobs: worker threads
      reading letters (default: one per core; the index is the same whatever the number).
      Progress and a summary go to standard error. Exit status: 0, or 1 when a letter could
      not be read (each is named).
  mtus-lint corpus gaps [DIR_OR_FILE...] [--top N] [--format text|json]
      The citations the corpus cites most that the knowledge base cannot resolve, with how
      many disputed items cite each. Letters, folders or index files (.json); by default
      ../shared/corpus/imr when it is there, else the bundled index.
  mtus-lint corpus measure [DIR_OR_FILE...] [--format text|json]
      Check every disputed item of the letters (by default ../shared/corpus/imr) as a
      request, alone and after the letter's clinical case summary, and print how often a
      warning agrees with the outcome "upheld" and how many overturned items draw one.`;

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether standard error is a terminal (progress then rewrites one line). */
  errIsTty?: boolean;
}

export class CorpusUsageError extends Error {}

interface BuildArgs {
  paths: string[];
  out?: string;
  full: boolean;
  compact: boolean;
  jobs: number;
}

interface GapsArgs {
  paths: string[];
  top: number;
  format: 'text' | 'json';
}

function parseArgs(args: string[], flags: string[], valued: string[]): { positional: string[]; values: Map<string, string>; flags: Set<string> } {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const set = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (valued.includes(name)) {
      const v = eq > 0 && a.startsWith('--') ? a.slice(eq + 1) : args[++i];
      if (v === undefined || v === '') throw new CorpusUsageError(`${name} needs a value`);
      values.set(name, v);
    } else if (flags.includes(a)) set.add(a);
    else if (a.startsWith('-') && a !== '-') throw new CorpusUsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  return { positional, values, flags: set };
}

/**
 * Parse a `corpus` command line. Usage errors are thrown here, before any work starts, so
 * the caller can report them synchronously; the returned function does the work.
 */
export function corpusCommand(args: string[], io: Io): () => Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'build') {
    const p = parseArgs(rest, ['--full', '--compact'], ['--out', '--jobs']);
    if (p.positional.length === 0) throw new CorpusUsageError('corpus build: name at least one folder or letter');
    if (!p.values.has('--out')) throw new CorpusUsageError('corpus build: --out FILE is required (use --out - for standard output)');
    if (p.flags.has('--full') && p.flags.has('--compact')) throw new CorpusUsageError('corpus build: --full and --compact cannot be used together');
    const jobs = Number(p.values.get('--jobs') ?? defaultJobs());
    if (!Number.isInteger(jobs) || jobs < 1) throw new CorpusUsageError(`--jobs must be a whole number of 1 or more, not "${p.values.get('--jobs')}"`);
    const a: BuildArgs = { paths: p.positional, out: p.values.get('--out'), full: p.flags.has('--full'), compact: p.flags.has('--compact'), jobs };
    return () => build(a, io);
  }
  if (sub === 'gaps') {
    const p = parseArgs(rest, [], ['--top', '--format']);
    const top = Number(p.values.get('--top') ?? 20);
    if (!Number.isInteger(top) || top < 1) throw new CorpusUsageError(`--top must be a whole number of 1 or more, not "${p.values.get('--top')}"`);
    const format = p.values.get('--format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new CorpusUsageError(`--format must be text or json, not "${format}"`);
    return () => gaps({ paths: p.positional, top, format }, io);
  }
  if (sub === 'measure') {
    const p = parseArgs(rest, [], ['--format']);
    const format = p.values.get('--format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new CorpusUsageError(`--format must be text or json, not "${format}"`);
    return () => measure(p.positional, format, io);
  }
  throw new CorpusUsageError(sub === undefined ? 'corpus: say build, gaps or measure' : `unknown corpus command "${sub}" (build, gaps or measure)`);
}

/** One worker thread per core the process may use. */
const defaultJobs = () => (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);

const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '-');

/** Counts of an index: items, outcomes, citations and how many resolve. */
export function indexFigures(index: CorpusIndex) {
  const items = index.decisions.flatMap((d) => d.items);
  const citations = items.flatMap((i) => i.citations);
  return {
    letters: index.letters,
    items: items.length,
    upheld: items.filter((i) => i.outcome === 'upheld').length,
    overturned: items.filter((i) => i.outcome === 'overturned').length,
    citations: citations.length,
    resolved: citations.filter((c) => c.resolved.length > 0).length,
  };
}

async function build(a: BuildArgs, io: Io): Promise<number> {
  const folders = a.paths.some((p) => fs.existsSync(p) && fs.statSync(p).isDirectory());
  let lastLine = 0;
  const progress = (done: number, total: number, file: string) => {
    if (!folders) return;
    const line = `indexed ${done}/${total} ${file}`;
    if (io.errIsTty) io.err(`\r${line.padEnd(lastLine)}${done === total ? '\n' : ''}`);
    else if (done === total || done % 25 === 0) io.err(`${line}\n`);
    lastLine = line.length;
  };
  // The index goes to disk as it is built (a file written beside the target, then renamed into
  // place), so memory stays the same however many letters there are.
  const target = a.out === '-' ? undefined : path.resolve(a.out!);
  const partial = target ? `${target}.${process.pid}.partial` : undefined;
  let out: Writable;
  if (partial) {
    fs.mkdirSync(path.dirname(partial), { recursive: true });
    out = fs.createWriteStream(partial, { encoding: 'utf8' });
  } else {
    out = new Writable({
      write(chunk: Buffer | string, _enc, done) {
        io.out(chunk.toString());
        done();
      },
    });
  }
  let result;
  try {
    result = await buildCorpusToStream(a.paths, out, { kb: defaultKnowledge(), full: a.full, compact: a.compact, progress, jobs: a.jobs });
    out.end();
    await once(out, 'finish');
    if (partial) await once(out, 'close');
    if (partial && target) fs.renameSync(partial, target);
  } catch (e) {
    out.destroy();
    if (partial) fs.rmSync(partial, { force: true });
    throw e;
  }
  const { figures: f, stats, problems } = result;
  io.err(
    `${f.letters} letters indexed from ${stats.files} files (${stats.texts} text, ${stats.pdfs} PDF), ${f.items} disputed items, ${f.upheld + f.overturned} outcomes read (${f.upheld} upheld, ${f.overturned} overturned)\n` +
      `${f.citations} citations, ${f.resolved} resolved to the knowledge base (${pct(f.resolved, f.citations)})\n` +
      `${speedLine(stats)}\n`,
  );
  if (stats.duplicateCount) {
    const more = stats.duplicateCount > stats.duplicates.length ? ` and ${stats.duplicateCount - stats.duplicates.length} more` : '';
    io.err(`left out ${stats.duplicateCount} letters already indexed (the same case number, or the same text): ${stats.duplicates.join(', ')}${more}\n`);
  }
  if (target) io.err(`wrote ${a.out} (${Math.round(fs.statSync(target).size / 1024)} KB)\n`);
  if (problems.length) {
    io.err(`${problems.length} letter${problems.length === 1 ? '' : 's'} could not be read:\n`);
    for (const p of problems) io.err(`  ${p.source}: ${p.reason}\n`);
    return 1;
  }
  return 0;
}

function repoRoot(): string | undefined {
  for (let dir = __dirname, i = 0; i < 8; i++, dir = path.dirname(dir)) {
    const p = path.join(dir, 'package.json');
    try {
      if (JSON.parse(fs.readFileSync(p, 'utf8')).name === 'mtus-lint') return dir;
    } catch {
      // not here
    }
  }
  return undefined;
}

async function measure(paths: string[], format: 'text' | 'json', io: Io): Promise<number> {
  const dirs = paths.length ? paths : [sharedCorpusDir()].filter((d): d is string => Boolean(d));
  if (!dirs.length) {
    io.err('mtus-lint: corpus measure: name a folder of letters (../shared/corpus/imr is not here)\n');
    return 2;
  }
  const files = dirs.flatMap((d) =>
    fs.statSync(d).isDirectory()
      ? fs
          .readdirSync(d)
          .filter((f) => f.endsWith('.txt'))
          .sort()
          .map((f) => path.join(d, f))
      : [d],
  );
  const letters = files.map((f) => ({ file: path.basename(f), text: fs.readFileSync(f, 'utf8') }));
  const kb = defaultKnowledge();
  const byMode = { title: measureOutcomes(letters, kb, 'title'), case: measureOutcomes(letters, kb, 'case') };
  if (format === 'json')
    io.out(`${JSON.stringify({ letters: letters.length, title: figuresByGroup(byMode.title), case: figuresByGroup(byMode.case) }, null, 2)}\n`);
  else io.out(`${letters.length} letters (.txt)\n\n${formatMeasurement(byMode)}`);
  return 0;
}

function figuresByGroup(results: ItemResult[]) {
  const groups = ['therapy', 'medication', 'other'] as const;
  return Object.fromEntries([...groups.map((g) => [g, figuresOf(results.filter((r) => r.group === g))]), ['all', figuresOf(results)]]);
}

/** The shared corpus beside the clone, when it is there. */
export function sharedCorpusDir(): string | undefined {
  const root = repoRoot();
  const dir = root ? path.resolve(root, '..', 'shared', 'corpus', 'imr') : undefined;
  return dir && fs.existsSync(dir) ? dir : undefined;
}

async function gaps(a: GapsArgs, io: Io): Promise<number> {
  let index: CorpusIndex;
  let from: string;
  const jsonFiles = a.paths.filter((p) => /\.json$/i.test(p));
  const letters = a.paths.filter((p) => !/\.json$/i.test(p));
  const parts: CorpusIndex[] = [];
  let problems: CorpusIndex['problems'] = [];
  for (const j of jsonFiles) {
    try {
      const ix = JSON.parse(fs.readFileSync(j, 'utf8')) as CorpusIndex;
      if (ix.version !== 1 || !Array.isArray(ix.decisions)) throw new Error('not a corpus index (version 1)');
      parts.push(ix);
    } catch (e) {
      io.err(`mtus-lint: cannot read the index ${j}: ${(e as Error).message}\n`);
      return 2;
    }
  }
  if (letters.length) {
    const built = await buildCorpusWithStats(letters);
    parts.push(built.index);
    problems = built.index.problems;
  }
  if (a.paths.length) {
    index = parts.length === 1 ? parts[0] : { ...parts[0], decisions: parts.flatMap((p) => p.decisions) };
    from = a.paths.join(', ');
  } else {
    const shared = sharedCorpusDir();
    if (shared) {
      const built = await buildCorpusWithStats([shared]);
      index = built.index;
      problems = built.index.problems;
      from = shared;
    } else {
      const bundled = defaultCorpusIndex();
      if (!bundled) {
        io.err('mtus-lint: no corpus to look at: ../shared/corpus/imr is not there and no bundled index was found; name a folder of letters\n');
        return 2;
      }
      index = bundled;
      from = `the bundled index (${defaultCorpusIndexPath()})`;
    }
  }
  const list = corpusGaps(index, defaultKnowledge());
  const items = index.decisions.reduce((n, d) => n + d.items.length, 0);
  if (a.format === 'json') {
    io.out(`${JSON.stringify({ letters: index.decisions.length, items, gaps: list.slice(0, a.top), problems }, null, 2)}\n`);
  } else io.out(formatGaps(list.slice(0, a.top), list.length, index.decisions.length, items, from));
  for (const p of problems) io.err(`mtus-lint: could not read ${p.source}: ${p.reason}\n`);
  return 0;
}

function formatGaps(list: Gap[], total: number, letters: number, items: number, from: string): string {
  const lines = [`Citations the knowledge base does not resolve, most cited first (${letters} letters, ${items} disputed items, from ${from}):`, ''];
  if (list.length === 0) lines.push('  none: every citation resolves');
  else {
    lines.push(`${'items'.padStart(5)}  ${'IMR'.padStart(3)}  ${'upheld'.padStart(6)}  citation`);
    for (const g of list) {
      const note = g.guideline ? '' : '  [guideline not recognised]';
      lines.push(`${String(g.items).padStart(5)}  ${String(g.byMaximus).padStart(3)}  ${String(g.upheld).padStart(6)}  ${g.citation}${note}`);
    }
    lines.push('', `items: disputed items citing it; IMR: of those, cited by the IMR reviewer (MAXIMUS); ${list.length} of ${total} shown.`);
  }
  return `${lines.join('\n')}\n`;
}
