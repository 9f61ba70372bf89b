import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Knowledge } from '../knowledge/knowledge';
import { DrugListError, parseDrugList } from './parse-drug-list';
import { readTables, TableError } from './read-table';
import { saveDrugList } from './store';
import type { DrugList } from './types';

// One import, shared by the command line (formulary import FILE) and the editor's command:
// read the file, find the list in it, store it per user.

export class ImportError extends Error {}

export interface ImportOptions {
  version?: string;
  effective?: string;
  /** Where to store (tests); the per-user folder otherwise. */
  dir?: string;
  now?: Date;
}

export async function importDrugList(file: string, kb: Knowledge, options: ImportOptions = {}): Promise<{ list: DrugList; stored: string }> {
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    if (fs.statSync(file).isDirectory()) throw new Error('is a folder, not a file');
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new ImportError(`cannot read ${name}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  if (bytes.length === 0) throw new ImportError(`${name} is empty`);
  if (options.effective && !/^\d{4}-\d{2}-\d{2}$/.test(options.effective))
    throw new ImportError(`--effective must be a date as YYYY-MM-DD, not "${options.effective}"`);
  try {
    const tables = await readTables(bytes);
    const known = kb.data.timeline?.drugListVersions.map((v) => ({ version: v.version, effective: v.effective }));
    const list = parseDrugList(tables, { fileName: name, version: options.version, effective: options.effective, known, now: options.now });
    return { list, stored: saveDrugList(list, options.dir) };
  } catch (e) {
    if (e instanceof TableError || e instanceof DrugListError) throw new ImportError(`${name}: ${e.message}`);
    throw e;
  }
}
