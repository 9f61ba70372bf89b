import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DrugListSchema, type DrugList } from './types';

// Imported Drug Lists are kept per user, never in a workspace (a list is the user's download,
// not the project's): one JSON file per version, so a request is judged by the version in force
// on its date. The command line and the editor read the same folder.

/** The per-user data folder: MTUS_LINT_DATA_DIR, else the platform's usual place. */
export function dataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.MTUS_LINT_DATA_DIR) return env.MTUS_LINT_DATA_DIR;
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'mtus-lint');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'mtus-lint');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'mtus-lint');
}

export const drugListDir = (base = dataDir()) => path.join(base, 'drug-lists');

const fileFor = (dir: string, version: string) => path.join(dir, `v${version.replace(/[^0-9A-Za-z.]+/g, '-')}.json`);

/** Store a list; a re-import of the same version replaces it. Returns the file written. */
export function saveDrugList(list: DrugList, dir = drugListDir()): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = fileFor(dir, list.version);
  // Written beside, then renamed: a reader never sees half a list.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(list)}\n`);
  fs.renameSync(tmp, file);
  return file;
}

export interface StoredLists {
  lists: DrugList[];
  /** Files that are not a valid stored list, with the reason (reported, then left alone). */
  problems: string[];
}

/** Every stored list, oldest version first by effective date. */
export function loadDrugLists(dir = drugListDir()): StoredLists {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return { lists: [], problems: [] };
  }
  const lists: DrugList[] = [];
  const problems: string[] = [];
  for (const n of names) {
    const file = path.join(dir, n);
    try {
      const r = DrugListSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (r.success) lists.push(r.data);
      else problems.push(`${file}: not a stored Drug List (${r.error.issues[0]?.message ?? 'invalid'}); import the list again`);
    } catch (e) {
      problems.push(`${file}: ${(e as Error).message}`);
    }
  }
  lists.sort((a, b) => (a.effective ?? '').localeCompare(b.effective ?? '') || a.version.localeCompare(b.version, undefined, { numeric: true }));
  return { lists, problems };
}

/** One line per stored list, for the CLI and the editor's messages. */
export function summarize(list: DrugList): string {
  const exempt = list.drugs.filter((d) => d.status === 'exempt').length;
  const special = list.drugs.filter((d) => d.specialFill).length;
  const periop = list.drugs.filter((d) => d.perioperativeFill).length;
  const when = list.effective ? `, effective ${list.effective}` : ', no effective date stated';
  return `MTUS Drug List v${list.version}${when}: ${list.drugs.length} drugs (${exempt} Exempt, ${list.drugs.length - exempt} Non-Exempt; ${special} with Special Fill, ${periop} with Perioperative Fill), from ${list.file}`;
}
