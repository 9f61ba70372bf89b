import { defaultKnowledge } from '../knowledge/load';
import { importDrugList, ImportError } from './import';
import { drugListDir, loadDrugLists, summarize } from './store';

// mtus-lint formulary import FILE | list: the command-line face of the Drug List import. The
// stored lists are the ones `check` and the editor use.

export const FORMULARY_USAGE = `  mtus-lint formulary import [--version V] [--effective YYYY-MM-DD] FILE
      Import the MTUS Drug List downloaded from the DWC (.xlsx or CSV); it is stored per user
      and used by check and the editor for requests dated while that version was in force.
  mtus-lint formulary list
      List the imported Drug List versions and where they are stored.`;

export class FormularyUsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Runs the subcommand; resolves to the exit status (0 done, 2 usage error or a file that cannot be imported). */
export async function formularyCommand(args: string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const { lists, problems } = loadDrugLists();
    for (const p of problems) io.err(`mtus-lint: ${p}\n`);
    io.out(
      lists.length
        ? `${lists.map((l) => `${summarize(l)}`).join('\n')}\nstored in ${drugListDir()}\n`
        : `no Drug List imported (they are stored in ${drugListDir()})\n`,
    );
    return 0;
  }
  if (sub !== 'import')
    throw new FormularyUsageError(sub ? `unknown formulary command "${sub}" (import or list)` : 'formulary needs a command: import FILE, or list');
  let version: string | undefined;
  let effective: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (name: string) => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (v === undefined) throw new FormularyUsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--version' || a.startsWith('--version=')) version = value('--version').replace(/^v/i, '');
    else if (a === '--effective' || a.startsWith('--effective=')) effective = value('--effective');
    else if (a.startsWith('-')) throw new FormularyUsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new FormularyUsageError('formulary import takes one file: the Drug List (.xlsx or .csv)');
  try {
    const { list, stored } = await importDrugList(files[0], defaultKnowledge(), { version, effective });
    io.out(`imported ${summarize(list)}\nstored in ${stored}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    io.err(`mtus-lint: ${e.message}\n`);
    return 2;
  }
}

/**
 * The dispatch from cli.ts: the import reads files asynchronously, so like `corpus` it sets the
 * exit status when done and returns -1 (bin/mtus-lint.js then leaves the status alone).
 */
export function formularyMain(args: string[], io: Io, usage: string): number {
  formularyCommand(args, io).then(
    (status) => (process.exitCode = status),
    (e) => {
      io.err(e instanceof FormularyUsageError ? `mtus-lint: ${e.message}\n\n${usage}\n` : `mtus-lint: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
  return -1;
}
