import { DATE_SOURCE, dateOf } from '../engine/parse/dates';
import { ingredientsOf } from './names';
import type { Table } from './read-table';
import { DrugListSchema, type DrugList, type DrugListEntry } from './types';

// The MTUS Drug List as the DWC publishes it: a few title lines (the list's name, version and
// effective date), then a header row, then one row per drug. The header is found by its column
// names, not its position, since versions move columns around. Column names (MTUS Drug List v3
// header, shared/reference/mtus-current.md 1.5): the drug or ingredient; "Reference in ACOEM
// Guidelines"; Exempt/Non-Exempt; Special Fill; Perioperative Fill.

export class DrugListError extends Error {}

type Column = 'drug' | 'status' | 'specialFill' | 'perioperativeFill' | 'reference';

const COLUMNS: [Column, RegExp, string][] = [
  ['status', /exempt/, 'Exempt/Non-Exempt'],
  ['specialFill', /special\s*fill/, 'Special Fill'],
  ['perioperativeFill', /peri-?\s*op/, 'Perioperative Fill'],
  ['reference', /reference|guideline|acoem|recommend/, 'Reference in ACOEM Guidelines'],
  ['drug', /\b(?:drug|ingredient|medication|generic)\b(?!\s*class)/, 'Drug (or Ingredient)'],
];

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[*\s]+/g, ' ')
    .trim();

/** Which column each header cell names (the first that matches), or undefined when it names none of ours. */
function headerColumns(row: string[]): Map<Column, number> {
  const out = new Map<Column, number>();
  row.forEach((cell, i) => {
    const text = norm(cell);
    if (!text) return;
    const hit = COLUMNS.find(([c, re]) => re.test(text) && !out.has(c));
    if (hit) out.set(hit[0], i);
  });
  return out;
}

const HEADER_SEARCH = 40;

export interface ParseOptions {
  /** The file's name, for the version when the sheet states none ("MTUS-Drug-List-v13.xlsx"). */
  fileName: string;
  version?: string;
  /** YYYY-MM-DD. */
  effective?: string;
  /** Known versions and their effective dates (mtus-timeline.json), to date a list that states only its version. */
  known?: { version: string; effective: string }[];
  now?: Date;
}

const VERSION = /\b(?:v|ver\.?|version)\s*\.?\s*(\d{1,2}(?:\.\d{1,2})?)\b/i;
const EFFECTIVE = new RegExp(String.raw`\beffective(?:\s+date)?\s*[:\-]?\s*(?:on\s+)?(?:${DATE_SOURCE})`, 'i');

function statedDate(text: string): string | undefined {
  const m = EFFECTIVE.exec(text);
  if (!m) return undefined;
  const inner = new RegExp(DATE_SOURCE, 'i').exec(m[0]);
  const d = inner ? dateOf(inner) : undefined;
  return d?.toISOString().slice(0, 10);
}

function readStatus(cell: string): DrugListEntry['status'] | undefined | 'unreadable' {
  const t = norm(cell);
  if (!t) return undefined;
  if (/^non[- ]?exempt\b/.test(t)) return 'non-exempt';
  if (/^exempt\b/.test(t)) return 'exempt';
  return 'unreadable';
}

function readFill(cell: string): { days?: number } | undefined | 'unreadable' {
  const t = norm(cell);
  if (!t || /^(?:no|n|-|–|n\/a|none)$/.test(t)) return undefined;
  const days = /(\d{1,3})/.exec(t);
  if (days && Number(days[1]) > 0) return { days: Number(days[1]) };
  if (/^(?:yes|y|x|✓|✔|\*+|eligible)$/.test(t)) return {};
  return 'unreadable';
}

function readReference(cell: string): DrugListEntry['reference'] {
  const t = norm(cell);
  if (!t) return undefined;
  if (/⦸|no recommendation|^nr$/.test(t)) return 'no-recommendation';
  if (/✕|✗|✖|not recommended|^x$/.test(t)) return 'not-recommended';
  if (/✓|✔|recommended|^y(?:es)?$/.test(t)) return 'recommended';
  return undefined;
}

/** The Drug List in one of the file's tables; the first table that has a Drug List header is read. */
export function parseDrugList(tables: Table[], options: ParseOptions): DrugList {
  const nonEmpty = tables.filter((t) => t.rows.some((r) => r.some((c) => c.trim())));
  if (!nonEmpty.length) throw new DrugListError('the file is empty: no sheet holds any cell');
  let found: { table: Table; at: number; cols: Map<Column, number> } | undefined;
  let partial: { table: Table; at: number; cols: Map<Column, number> } | undefined;
  for (const table of nonEmpty) {
    for (let i = 0; i < Math.min(table.rows.length, HEADER_SEARCH); i++) {
      const cols = headerColumns(table.rows[i]);
      if (cols.has('drug') && cols.has('status')) {
        found = { table, at: i, cols };
        break;
      }
      if ((cols.has('drug') || cols.has('status')) && !partial) partial = { table, at: i, cols };
    }
    if (found) break;
  }
  if (!found) {
    if (partial) {
      const missing = COLUMNS.filter(([c]) => (c === 'drug' || c === 'status') && !partial!.cols.has(c)).map(([, , name]) => `"${name}"`);
      throw new DrugListError(
        `row ${partial.at + 1} of sheet "${partial.table.sheet}" looks like the header but has no ${missing.join(' or ')} column; the Drug List's header names the drug and its Exempt/Non-Exempt status`,
      );
    }
    throw new DrugListError(
      `no header row found in the first ${HEADER_SEARCH} rows: the MTUS Drug List's header has a drug (or ingredient) column and an "Exempt/Non-Exempt" column`,
    );
  }
  const { table, at, cols } = found;
  const header = table.rows[at];
  const colName = (c: Column) => `"${(header[cols.get(c)!] ?? '').trim()}"`;
  const cell = (row: string[], c: Column) => (cols.has(c) ? (row[cols.get(c)!] ?? '') : '');
  const drugs: DrugListEntry[] = [];
  const problems: string[] = [];
  for (let r = at + 1; r < table.rows.length; r++) {
    const row = table.rows[r];
    const name = cell(row, 'drug').trim();
    if (!name) continue;
    const status = readStatus(cell(row, 'status'));
    // A row with a name and nothing else is a group heading ("ANALGESICS"), not a drug.
    if (status === undefined && row.filter((c) => c.trim()).length === 1) continue;
    if (status === undefined || status === 'unreadable') {
      problems.push(`row ${r + 1}, column ${colName('status')}: "${cell(row, 'status').trim()}" is neither Exempt nor Non-Exempt`);
      continue;
    }
    const special = readFill(cell(row, 'specialFill'));
    const periop = readFill(cell(row, 'perioperativeFill'));
    if (special === 'unreadable')
      problems.push(`row ${r + 1}, column ${colName('specialFill')}: "${cell(row, 'specialFill').trim()}" is not a number of days, Yes or No`);
    if (periop === 'unreadable')
      problems.push(`row ${r + 1}, column ${colName('perioperativeFill')}: "${cell(row, 'perioperativeFill').trim()}" is not a number of days, Yes or No`);
    const ingredients = ingredientsOf(name);
    if (!ingredients.length) {
      problems.push(`row ${r + 1}, column ${colName('drug')}: "${name}" names no drug`);
      continue;
    }
    drugs.push({
      name,
      ingredients,
      status,
      reference: readReference(cell(row, 'reference')),
      specialFill: special === 'unreadable' ? undefined : special,
      perioperativeFill: periop === 'unreadable' ? undefined : periop,
      row: r + 1,
    });
  }
  if (problems.length) {
    const more = problems.length > 5 ? `\n  …and ${problems.length - 5} more` : '';
    throw new DrugListError(
      `${problems.length} row${problems.length === 1 ? '' : 's'} of sheet "${table.sheet}" could not be read:\n  ${problems.slice(0, 5).join('\n  ')}${more}`,
    );
  }
  if (!drugs.length) throw new DrugListError(`the header is in row ${at + 1} of sheet "${table.sheet}", but no drug rows follow it`);
  // The version and date the file states above its header (or its sheet's or file's name).
  const above = [table.sheet, ...table.rows.slice(0, at).map((r) => r.join(' '))].join('\n');
  const version = options.version ?? VERSION.exec(above)?.[1] ?? VERSION.exec(options.fileName.replace(/[_-]+/g, ' '))?.[1];
  if (!version) {
    throw new DrugListError(
      'the file states no version above its header (such as "MTUS Drug List v13, effective 08/06/2025"); name it with --version (and --effective)',
    );
  }
  const effective = options.effective ?? statedDate(above) ?? options.known?.find((k) => k.version === version)?.effective;
  const title = table.rows
    .slice(0, at)
    .map((r) => r.filter((c) => c.trim()).join(' '))
    .find((l) => /drug\s+list|formulary/i.test(l));
  return DrugListSchema.parse({
    format: 1,
    version,
    effective,
    title: title?.slice(0, 200),
    file: options.fileName,
    importedAt: (options.now ?? new Date()).toISOString(),
    drugs,
  });
}
