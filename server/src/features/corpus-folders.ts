import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
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
}

const LETTER = /\.(?:txt|pdf)$/i;

function listLetters(dir: string): { file: string; size: number; mtimeMs: number }[] {
  const out: { file: string; size: number; mtimeMs: number }[] = [];
  const walk = (d: string, depth: number) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && depth < 4 && !e.name.startsWith('.')) walk(p, depth + 1);
      else if (e.isFile() && LETTER.test(e.name)) {
        const st = fs.statSync(p);
        out.push({ file: p, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
  };
  walk(dir, 0);
  out.sort((a, b) => a.file.localeCompare(b.file));
  // A letter saved both as text and as PDF is read once, from the text.
  const texts = new Set(out.filter((x) => /\.txt$/i.test(x.file)).map((x) => x.file.slice(0, -4)));
  return out.filter((x) => !(/\.pdf$/i.test(x.file) && texts.has(x.file.slice(0, -4))));
}

const yieldToEvents = () => new Promise<void>((r) => setImmediate(r));

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
        this.byFolder.delete(dir);
      }
    }
    const gen = ++this.generation;
    void this.indexAll([...wanted], gen);
  }

  dispose(): void {
    this.generation++;
    for (const w of this.watchers.values()) w.close();
    for (const t of this.timers.values()) clearTimeout(t);
    this.watchers.clear();
  }

  private publish(): void {
    this.opts.onIndex(mergeIndexes([...this.byFolder.values()]));
  }

  private async indexAll(folders: string[], gen: number): Promise<void> {
    for (const dir of folders) {
      if (gen !== this.generation) return;
      await this.indexFolder(dir, gen);
      this.watch(dir);
    }
    if (gen === this.generation) this.publish();
  }

  private watch(dir: string): void {
    if (this.watchers.has(dir) || !fs.existsSync(dir)) return;
    try {
      const w = fs.watch(dir, { recursive: true }, (_event, name) => {
        if (name && !LETTER.test(String(name))) return;
        clearTimeout(this.timers.get(dir));
        this.timers.set(
          dir,
          setTimeout(() => {
            const gen = this.generation;
            void this.indexFolder(dir, gen).then(() => gen === this.generation && this.publish());
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

  private async indexFolder(dir: string, gen: number): Promise<void> {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
      this.opts.warn(`mtusLint.corpus.paths: "${dir}" is not a folder; it is skipped.`);
      return;
    }
    const letters = listLetters(dir);
    const fingerprint = createHash('sha256').update(JSON.stringify(letters.map((l) => [path.relative(dir, l.file), l.size, l.mtimeMs]))).digest('hex');
    const cached = this.readCache(dir, fingerprint);
    if (cached) {
      this.byFolder.set(dir, cached);
      return;
    }
    const progress = this.opts.progress();
    progress.begin(`Indexing IMR letters in ${path.basename(dir)}`, letters.length);
    const parts: CorpusIndex[] = [];
    const problems: CorpusIndex['problems'] = [];
    for (let i = 0; i < letters.length; i++) {
      if (gen !== this.generation) {
        progress.done('stopped: the setting changed');
        return;
      }
      try {
        parts.push(await this.opts.buildOne(letters[i].file));
      } catch (e) {
        problems.push({ source: path.basename(letters[i].file), reason: (e as Error).message });
      }
      progress.report(i + 1, letters.length);
      await yieldToEvents(); // let edits and diagnostics through between letters
    }
    const index = mergeIndexes(parts);
    if (index) {
      index.problems = [...index.problems, ...problems];
      this.byFolder.set(dir, index);
      this.writeCache(dir, fingerprint, index);
    } else this.byFolder.delete(dir);
    const unread = (index?.problems.length ?? 0) + (index ? 0 : problems.length);
    progress.done(`${index?.letters ?? 0} decisions indexed${unread ? `, ${unread} letters could not be read` : ''}`);
  }

  private readCache(dir: string, fingerprint: string): CorpusIndex | undefined {
    try {
      const c = JSON.parse(fs.readFileSync(this.cacheFile(dir), 'utf8')) as { fingerprint: string; index: CorpusIndex };
      return c.fingerprint === fingerprint && c.index?.version === 1 ? c.index : undefined;
    } catch {
      return undefined;
    }
  }

  private writeCache(dir: string, fingerprint: string, index: CorpusIndex): void {
    try {
      fs.mkdirSync(this.opts.cacheDir, { recursive: true });
      fs.writeFileSync(this.cacheFile(dir), JSON.stringify({ folder: dir, fingerprint, index }));
    } catch {
      // No cache is no loss: the folder is indexed again next time.
    }
  }
}
