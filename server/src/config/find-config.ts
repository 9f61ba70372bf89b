import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, parseTeamConfig, type ConfigResult } from './team-config';

// Finding and reading `.mtuslintrc.json`: the nearest one in a file's folder or any folder
// above it applies (the nearest wins; files are not merged), for the CLI and the language
// server alike. Reads are cached and checked against the file's size and time, so an edit is
// seen at the next check without reading the file each time.

/** A configuration file is a few hundred bytes; anything this large is not one. */
export const MAX_CONFIG_BYTES = 1_000_000;

interface Cached {
  mtimeMs: number;
  size: number;
  result: ConfigResult;
}

export class TeamConfigFinder {
  /** Folder → the configuration file that applies there (null: none up to the root). */
  private readonly nearest = new Map<string, string | null>();
  private readonly files = new Map<string, Cached>();

  constructor(
    private readonly knownRules: () => readonly string[],
    private readonly knownEditions: () => readonly string[] | undefined = () => undefined,
  ) {}

  /** The configuration that applies to `file` (an absolute path), or undefined when none does. */
  forFile(file: string): ConfigResult | undefined {
    const dir = path.dirname(path.resolve(file));
    let found = this.find(dir);
    if (found && !exists(found)) {
      // Deleted since it was found: look again.
      this.clear();
      found = this.find(dir);
    }
    return found ? this.load(found) : undefined;
  }

  /** Read one configuration file (named by --config, or found), through the cache. */
  load(file: string): ConfigResult {
    const abs = path.resolve(file);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch (e) {
      this.files.delete(abs);
      return problem(abs, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read it: ${(e as Error).message}`);
    }
    // Only a regular file: a FIFO would block and /dev/zero never end.
    if (!st.isFile()) return problem(abs, st.isDirectory() ? 'is a folder, not a configuration file' : 'is not a regular file');
    if (st.size > MAX_CONFIG_BYTES)
      return problem(abs, `is ${st.size.toLocaleString('en-US')} bytes; a configuration file is at most ${MAX_CONFIG_BYTES.toLocaleString('en-US')}`);
    const hit = this.files.get(abs);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.result;
    let text: string;
    try {
      text = fs.readFileSync(abs, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      return problem(abs, `cannot read it: ${(e as Error).message}`);
    }
    const result = parseTeamConfig(text, abs, this.knownRules(), this.knownEditions());
    this.files.set(abs, { mtimeMs: st.mtimeMs, size: st.size, result });
    return result;
  }

  /** Forget what was found (a configuration file was created, changed or deleted). */
  clear(): void {
    this.nearest.clear();
    this.files.clear();
  }

  private find(dir: string): string | undefined {
    const walked: string[] = [];
    let found: string | null = null;
    for (let d = dir; ; d = path.dirname(d)) {
      const known = this.nearest.get(d);
      if (known !== undefined) {
        found = known;
        break;
      }
      walked.push(d);
      const candidate = path.join(d, CONFIG_FILE_NAME);
      // Anything by that name counts (load() says so if it is not a readable file).
      if (exists(candidate)) {
        found = candidate;
        break;
      }
      if (path.dirname(d) === d) break;
    }
    for (const d of walked) this.nearest.set(d, found);
    return found ?? undefined;
  }
}

function exists(p: string): boolean {
  try {
    fs.statSync(p);
    return true;
  } catch {
    return false;
  }
}

const problem = (file: string, message: string): ConfigResult => ({ ok: false, file, problems: [{ file, line: 1, column: 1, message }] });
