import * as fs from 'node:fs';
import * as path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

// What `check FILE|FOLDER|GLOB|-` means, as eslint and markdownlint-cli2 do it: globs are
// expanded here (cmd.exe and PowerShell pass them through unexpanded), folders are searched
// for drafts, a named file or a glob's match is checked whatever its extension.

export interface Target {
  /** As reported: relative to the working folder when inside it, else absolute; "<stdin>" or --stdin-filename for "-". */
  display: string;
  /** The file's absolute path (for standard input: where --stdin-filename places it, if given). */
  abs?: string;
  stdin?: boolean;
}

export interface Expanded {
  targets: Target[];
  /** Inputs that named nothing: each is reported, and the run ends with status 2. */
  problems: string[];
}

const DRAFTS = new Set(['.rfa', '.appeal']);
/** Searched for in folders when the configuration for that file turns them on. */
const OPTIONAL = new Map<string, 'markdown' | 'plaintext'>([
  ['.md', 'markdown'],
  ['.markdown', 'markdown'],
  ['.txt', 'plaintext'],
]);
const IGNORE = ['**/node_modules/**', '**/.git/**'];

/**
 * Expand the command line's inputs, in order, each file once. `checksOptional(abs, kind)` says
 * whether Markdown or plain-text files found in a folder are checked (the file's configuration).
 */
export async function expandInputs(
  inputs: string[],
  cwd: string,
  checksOptional: (abs: string, kind: 'markdown' | 'plaintext') => boolean,
  stdinFilename?: string,
): Promise<Expanded> {
  const targets: Target[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (abs: string, display = shown(abs, cwd)) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    targets.push({ display, abs });
  };
  for (const input of inputs) {
    if (input === '-') {
      targets.push({ display: stdinFilename ?? '<stdin>', abs: stdinFilename ? path.resolve(cwd, stdinFilename) : undefined, stdin: true });
      continue;
    }
    const abs = path.resolve(cwd, input);
    const st = statOf(abs);
    if (st?.isDirectory()) {
      const found = await glob('**/*', { cwd: abs, absolute: true, onlyFiles: true, dot: false, ignore: IGNORE, expandDirectories: false });
      const drafts = found
        .map((f) => path.normalize(f))
        .filter((f) => {
          const ext = path.extname(f).toLowerCase();
          const optional = OPTIONAL.get(ext);
          return DRAFTS.has(ext) || (optional !== undefined && checksOptional(f, optional));
        })
        .sort();
      if (drafts.length === 0) problems.push(`${input}: no drafts (.rfa or .appeal files) in this folder`);
      drafts.forEach((f) => add(f));
    } else if (st || !isDynamicPattern(input)) {
      // An existing file (or something else by that name), or a plain name that does not exist:
      // reading it says which.
      add(abs, input);
    } else {
      const pattern = process.platform === 'win32' ? input.replace(/\\/g, '/') : input;
      const found = (await glob(pattern, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: IGNORE, expandDirectories: false }))
        .map((f) => path.normalize(f))
        .sort();
      if (found.length === 0) problems.push(`${input}: no files match this pattern`);
      found.forEach((f) => add(f));
    }
  }
  return { targets, problems };
}

function statOf(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

function shown(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}
