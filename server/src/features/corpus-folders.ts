import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFile } from '../bounded-read';
import type { CorpusIndex } from '../corpus/types';
import { mergeIndexes } from '../corpus/load-index';

// The user's own folders of IMR letters (setting mtusLint.corpus.paths): indexed in the
// background one letter at a time, so checking never waits for it; cached by file size and
// time so a restart does not read them again; re-indexed when a folder changes.

export interface Progress {
  begin(title: string, total: number): void;
  report(done: number, total: number): void;
  done(message: string): void;
}

export interface CorpusFoldersOptions {
  /** Builds the index of one letter file (text or PDF). */
  buildOne: (file: string) => Promise<CorpusIndex>;
  cacheDir: string;
  progress: () => Progress;
  /** Called with the merged user index (undefined when there is none) after each change. */
  onIndex: (index: CorpusIndex | undefined) => void;
  warn: (message: string) => void;
  /** How long to wait after a file changes before indexing again. */
  settleMs?: number;
  /** Whether PDF letters can be read now (pdf-reader-location.ts); they can when not given. */
  canReadPdf?: () => boolean;
  /** After each pass over a folder holding PDF letters that could not be read for want of a reader. */
  onPdfsUnread?: (folder: string, count: number) => void;
}

const LETTER = /\.(?:txt|pdf)$/i;
const MAX_DEPTH = 4;

interface Letter {
  file: string;
  size: number;
  mtimeMs: number;
}

/** What one pass over the folders could not use, gathered so each kind is said once. */
interface PassProblems {
  missing: string[];
  notFolders: string[];
  unreadable: { dir: string; code: string }[];
  /** PDF letters left unread for want of a PDF reader, by folder. */
  pdfsUnread: { dir: string; count: number }[];
}

const noProblems = (): PassProblems => ({ missing: [], notFolders: [], unreadable: [], pdfsUnread: [] });

/**
 * The letters under `dir`, to a depth of 4. A subfolder that cannot be listed is noted and
 * skipped; the walk goes on. Only regular files are letters: a FIFO or device named .txt is not.
 */
async function listLetters(dir: string, unreadable: PassProblems['unreadable']): Promise<Letter[]> {
  const out: Letter[] = [];
  const walk = async (d: string, depth: number): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(d, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ dir: d, code: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
      return;
    }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH && !e.name.startsWith('.')) await walk(p, depth + 1);
      } else if ((e.isFile() || e.isSymbolicLink()) && LETTER.test(e.name)) {
        try {
          const st = await fs.promises.stat(p);
          if (st.isFile()) out.push({ file: p, size: st.size, mtimeMs: st.mtimeMs });
        } catch {
          // Gone since it was listed, or a broken link: not a letter to read.
        }
      }
    }
  };
  await walk(dir, 0);
  out.sort((a, b) => a.file.localeCompare(b.file));
  // A letter saved both as text and as PDF is read once, from the text.
  const texts = new Set(out.filter((x) => /\.txt$/i.test(x.file)).map((x) => x.file.slice(0, -4)));
  return out.filter((x) => !(/\.pdf$/i.test(x.file) && texts.has(x.file.slice(0, -4))));
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const yieldToEvents = () => new Promise<void>((r) => setImmediate(r));
/** A cached index is derived data, a small fraction of the letters it came from. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

export class CorpusFolders {
  private byFolder = new Map<string, CorpusIndex>();
  private watchers = new Map<string, fs.FSWatcher>();
  private generation = 0;
  private timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly opts: CorpusFoldersOptions) {}

  /** Index these folders (absolute paths); stops work on folders no longer named. */
  update(folders: string[]): void {
    const wanted = new Set(folders.map((f) => path.resolve(f)));
    for (const [dir, w] of this.watchers) {
      if (!wanted.has(dir)) {
        w.close();
        this.watchers.delete(dir);
      }
    }
    for (const dir of this.byFolder.keys()) if (!wanted.has(dir)) this.byFolder.delete(dir);
    const gen = ++this.generation;
    this.run(this.indexAll([...wanted], gen));
  }

  dispose(): void {
    this.generation++;
    for (const w of this.watchers.values()) w.close();
    for (const t of this.timers.values()) clearTimeout(t);
    this.watchers.clear();
  }

  /** Background work never ends in an unhandled rejection: a failure is said, and the rest stays. */
  private run(work: Promise<void>): void {
    work.catch((e: unknown) => this.opts.warn(`indexing the corpus folders stopped: ${(e as Error)?.message ?? String(e)}`));
  }

  private publish(): void {
    this.opts.onIndex(mergeIndexes([...this.byFolder.values()]));
  }

  private async indexAll(folders: string[], gen: number): Promise<void> {
    const problems = noProblems();
    for (const dir of folders) {
      if (gen !== this.generation) return;
      const isFolder = await this.indexFolder(dir, gen, problems);
      if (isFolder && gen === this.generation) this.watch(dir);
    }
    if (gen !== this.generation) return;
    this.report(problems);
    this.publish();
  }

  /** One message per kind of problem, however many folders share it. */
  private report(p: PassProblems): void {
    if (p.missing.length) {
      this.opts.warn(
        `${plural(p.missing.length, 'corpus folder does', 'corpus folders do')} not exist (mtusLint.corpus.paths); the first: "${p.missing[0]}". ${p.missing.length === 1 ? 'It is' : 'They are'} skipped.`,
      );
    }
    if (p.notFolders.length) {
      this.opts.warn(
        `${plural(p.notFolders.length, 'entry', 'entries')} of mtusLint.corpus.paths ${p.notFolders.length === 1 ? 'is' : 'are'} not a folder; the first: "${p.notFolders[0]}". ${p.notFolders.length === 1 ? 'It is' : 'They are'} skipped.`,
      );
    }
    if (p.unreadable.length) {
      const shown = p.unreadable
        .slice(0, 3)
        .map((u) => `"${u.dir}" (${u.code})`)
        .join(', ');
      const more = p.unreadable.length > 3 ? ` and ${(p.unreadable.length - 3).toLocaleString('en-US')} more` : '';
      this.opts.warn(
        `${plural(p.unreadable.length, 'folder', 'folders')} of IMR letters could not be read and ${p.unreadable.length === 1 ? 'was' : 'were'} skipped: ${shown}${more}. The letters in the other folders are indexed.`,
      );
    }
    for (const u of p.pdfsUnread) this.opts.onPdfsUnread?.(u.dir, u.count);
  }

  private watch(dir: string): void {
    if (this.watchers.has(dir)) return;
    try {
      const w = fs.watch(dir, { recursive: true }, (_event, name) => {
        if (name && !LETTER.test(String(name))) return;
        clearTimeout(this.timers.get(dir));
        this.timers.set(
          dir,
          setTimeout(() => {
            const gen = this.generation;
            const problems = noProblems();
            this.run(
              this.indexFolder(dir, gen, problems).then(() => {
                if (gen !== this.generation) return;
                this.report(problems);
                this.publish();
              }),
            );
          }, this.opts.settleMs ?? 1000),
        );
      });
      w.on('error', () => w.close());
      this.watchers.set(dir, w);
    } catch {
      // A folder that cannot be watched is still indexed; changes are picked up on restart.
    }
  }

  private cacheFile(dir: string): string {
    return path.join(this.opts.cacheDir, `corpus-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}.json`);
  }

  /** Index one folder; false when it is not a folder at all. */
  private async indexFolder(dir: string, gen: number, problems: PassProblems): Promise<boolean> {
    let st: fs.Stats;
    try {
      st = await fs.promises.stat(dir);
    } catch {
      problems.missing.push(dir);
      this.byFolder.delete(dir);
      return false;
    }
    if (!st.isDirectory()) {
      problems.notFolders.push(dir);
      this.byFolder.delete(dir);
      return false;
    }
    const listed = await listLetters(dir, problems.unreadable);
    if (gen !== this.generation) return true;
    // Without a PDF reader the PDF letters are counted and said (report), not read; the index
    // cached without them is marked so, and is not used once a reader is there to read them.
    const pdfReader = this.opts.canReadPdf?.() ?? true;
    const letters = pdfReader ? listed : listed.filter((l) => !/\.pdf$/i.test(l.file));
    const pdfsUnread = listed.length - letters.length;
    if (pdfsUnread) problems.pdfsUnread.push({ dir, count: pdfsUnread });
    const fingerprint = createHash('sha256')
      .update(JSON.stringify(letters.map((l) => [path.relative(dir, l.file), l.size, l.mtimeMs])))
      .update(pdfReader ? '' : 'without its PDF letters')
      .digest('hex');
    const cached = await this.readCache(dir, fingerprint);
    if (cached) {
      this.byFolder.set(dir, cached);
      return true;
    }
    const progress = this.opts.progress();
    progress.begin(`Indexing IMR letters in ${path.basename(dir)}`, letters.length);
    const parts: CorpusIndex[] = [];
    const unread: CorpusIndex['problems'] = [];
    for (let i = 0; i < letters.length; i++) {
      if (gen !== this.generation) {
        progress.done('stopped: the setting changed');
        return true;
      }
      try {
        parts.push(await this.opts.buildOne(letters[i].file));
      } catch (e) {
        unread.push({ source: path.basename(letters[i].file), reason: (e as Error).message });
      }
      progress.report(i + 1, letters.length);
      await yieldToEvents(); // let edits and diagnostics through between letters
    }
    const index = mergeIndexes(parts);
    if (index) {
      index.problems = [...index.problems, ...unread];
      this.byFolder.set(dir, index);
      await this.writeCache(dir, fingerprint, index);
    } else this.byFolder.delete(dir);
    const failed = (index?.problems.length ?? 0) + (index ? 0 : unread.length);
    const noReader = pdfsUnread ? `, ${plural(pdfsUnread, 'PDF letter', 'PDF letters')} not read (no PDF reader)` : '';
    progress.done(`${index?.letters ?? 0} decisions indexed${failed ? `, ${failed} letters could not be read` : ''}${noReader}`);
    return true;
  }

  private async readCache(dir: string, fingerprint: string): Promise<CorpusIndex | undefined> {
    try {
      const bytes = await readRegularFile(this.cacheFile(dir), MAX_CACHE_BYTES);
      const c = JSON.parse(bytes.toString('utf8')) as { fingerprint: string; index: CorpusIndex };
      return c.fingerprint === fingerprint && c.index?.version === 1 ? c.index : undefined;
    } catch {
      return undefined;
    }
  }

  private async writeCache(dir: string, fingerprint: string, index: CorpusIndex): Promise<void> {
    try {
      await fs.promises.mkdir(this.opts.cacheDir, { recursive: true });
      await fs.promises.writeFile(this.cacheFile(dir), JSON.stringify({ folder: dir, fingerprint, index }));
    } catch {
      // No cache is no loss: the folder is indexed again next time.
    }
  }
}
