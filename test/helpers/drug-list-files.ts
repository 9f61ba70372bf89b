import { strToU8, zipSync } from 'fflate';

// Invented Drug List files in the layout of the DWC's (title lines, then a header row, then one
// row per drug), built at test time: a CSV string, or a minimal .xlsx workbook (the parts Excel
// writes, with inline strings). Every drug row here is invented for the tests.

export const HEADER = ['Drug Ingredient', 'Exempt/Non-Exempt', 'Reference in ACOEM Guidelines', 'Special Fill', 'Perioperative Fill'];

export const ROWS: string[][] = [
  ['MTUS Drug List v13 (invented for tests)', '', '', '', ''],
  ['Effective 08/06/2025', '', '', '', ''],
  ['', '', '', '', ''],
  HEADER,
  ['ANALGESICS', '', '', '', ''],
  ['Ibuprofen', 'Exempt', '✓', '4 days', '4 days'],
  ['Celecoxib', 'Exempt', 'Recommended', '', ''],
  ['Cyclobenzaprine', 'Non-Exempt', '✓', '', ''],
  ['Hydrocodone Bitartrate/Acetaminophen', 'Non-Exempt', '✓', '', '4'],
  ['Lidocaine', 'Exempt', '⦸', '', ''],
];

const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
export const toCsv = (rows: string[][]) => rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const column = (i: number) => String.fromCharCode(65 + i);

export function toXlsx(rows: string[][], sheetName = 'Drug List'): Uint8Array {
  const cells = rows
    .map(
      (r, ri) =>
        `<row r="${ri + 1}">${r.map((c, ci) => (c === '' ? '' : `<c r="${column(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`)).join('')}</row>`,
    )
    .join('');
  const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  return zipSync({
    '[Content_Types].xml': xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': xml(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': xml(
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${esc(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': xml(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData></worksheet>`),
  });
}
