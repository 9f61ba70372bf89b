// A spreadsheet as rows of cell text, from a .xlsx workbook (read-excel-file, loaded only when
// a workbook is imported: the server starts without it) or a CSV file (RFC 4180: quoted fields,
// doubled quotes, line breaks inside quotes, a byte-order mark).

export type Table = { sheet: string; rows: string[][] };

export class TableError extends Error {}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** What kind of file the bytes are, whatever its name says. */
export function sniff(bytes: Uint8Array): 'xlsx' | 'xls' | 'text' | 'binary' {
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) return 'xls';
  const sample = bytes.subarray(0, 4096);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'binary';
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) control++;
  }
  return sample.length && control / sample.length > 0.05 ? 'binary' : 'text';
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  // A semicolon-separated export (some locales) is read the same way.
  const firstLine = s.slice(0, s.indexOf('\n') >>> 0);
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

type CellValue = string | number | boolean | Date | null | undefined | object;

/** Cell values as text: dates as MM/DD/YYYY (the Drug List states its effective date so). */
function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCMonth() + 1}/${v.getUTCDate()}/${v.getUTCFullYear()}`;
  return String(v);
}

/** Every sheet of a workbook, as text rows. */
export async function readXlsx(bytes: Uint8Array): Promise<Table[]> {
  // Required here, not at the top: only an import needs it (see scripts/bundle.mjs).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const readXlsxFile = require('read-excel-file/universal') as (input: ArrayBuffer) => Promise<{ sheet: string; data: CellValue[][] }[]>;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let sheets: { sheet: string; data: CellValue[][] }[];
  try {
    sheets = await readXlsxFile(buffer);
  } catch (e) {
    throw new TableError(`the workbook could not be read (${(e as Error).message}); save it again from Excel as .xlsx, or export the sheet as CSV`);
  }
  return sheets.map((s) => ({ sheet: s.sheet, rows: s.data.map((r) => r.map(cellText)) }));
}

/** The tables a file holds: one for a CSV file, one per sheet of a workbook. */
export async function readTables(bytes: Uint8Array): Promise<Table[]> {
  switch (sniff(bytes)) {
    case 'xlsx':
      return readXlsx(bytes);
    case 'xls':
      throw new TableError('this is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV and import that');
    case 'binary':
      throw new TableError('this is neither a spreadsheet (.xlsx) nor a CSV text file');
    default:
      return [{ sheet: 'CSV', rows: parseCsv(new TextDecoder('utf-8').decode(bytes)) }];
  }
}
