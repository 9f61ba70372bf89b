import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { importDrugList, ImportError } from '../../server/src/formulary/import';
import { loadDrugLists } from '../../server/src/formulary/store';
import { HEADER, ROWS, toCsv, toXlsx } from '../helpers/drug-list-files';
import { kb } from '../helpers/repo';

// Importing the MTUS Drug List: the header found by its column names, the version and date the
// file states, every bad file named with what is wrong (column, row), stored per user.

const scratch = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-lint-drug-list-'));
function write(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
async function importError(file: string, dir: string, options = {}): Promise<string> {
  try {
    await importDrugList(file, kb(), { dir, ...options });
  } catch (e) {
    assert.ok(e instanceof ImportError, String(e));
    return e.message;
  }
  assert.fail('the import should have failed');
}

describe('importing the MTUS Drug List', () => {
  test('a CSV file: the header is found under the title lines, version and date are read, group headings skipped', async () => {
    const dir = scratch();
    const { list, stored } = await importDrugList(write(dir, 'drug-list.csv', toCsv(ROWS)), kb(), { dir: path.join(dir, 'store') });
    assert.equal(list.version, '13');
    assert.equal(list.effective, '2025-08-06');
    assert.deepEqual(
      list.drugs.map((d) => [d.name, d.status, d.row]),
      [
        ['Ibuprofen', 'exempt', 6],
        ['Celecoxib', 'exempt', 7],
        ['Cyclobenzaprine', 'non-exempt', 8],
        ['Hydrocodone Bitartrate/Acetaminophen', 'non-exempt', 9],
        ['Lidocaine', 'exempt', 10],
      ],
    );
    assert.deepEqual(list.drugs[3].ingredients, ['hydrocodone', 'acetaminophen'], 'salts are left out of the ingredients');
    assert.deepEqual([list.drugs[0].specialFill, list.drugs[3].perioperativeFill, list.drugs[1].specialFill], [{ days: 4 }, { days: 4 }, undefined]);
    assert.deepEqual([list.drugs[0].reference, list.drugs[4].reference], ['recommended', 'no-recommendation']);
    assert.ok(stored.endsWith(path.join('store', 'v13.json')), stored);
    assert.deepEqual(
      loadDrugLists(path.join(dir, 'store')).lists.map((l) => l.version),
      ['13'],
      'stored and read back',
    );
    assert.equal(list.file, 'drug-list.csv', 'the file name only, never its folder');
  });

  test('an .xlsx workbook in the same layout reads the same', async () => {
    const dir = scratch();
    const csv = await importDrugList(write(dir, 'a.csv', toCsv(ROWS)), kb(), { dir: path.join(dir, 's1') });
    const xlsx = await importDrugList(write(dir, 'MTUS-Drug-List.xlsx', toXlsx(ROWS)), kb(), { dir: path.join(dir, 's2') });
    assert.deepEqual(xlsx.list.drugs, csv.list.drugs);
    assert.equal(xlsx.list.version, '13');
  });

  test('columns in another order, and the version from the file name when the sheet states none', async () => {
    const dir = scratch();
    const rows = [
      ['Perioperative Fill', 'Drug', 'Special Fill', 'Exempt / Non-Exempt'],
      ['4', 'Ibuprofen', 'No', 'Exempt'],
    ];
    const { list } = await importDrugList(write(dir, 'MTUS_Drug_List_v12.csv', toCsv(rows)), kb(), { dir: path.join(dir, 's') });
    assert.equal(list.version, '12');
    assert.equal(list.effective, '2024-11-01', 'a known version is dated from the timeline when the file gives no date');
    assert.deepEqual(JSON.parse(JSON.stringify(list.drugs[0])), {
      name: 'Ibuprofen',
      ingredients: ['ibuprofen'],
      status: 'exempt',
      perioperativeFill: { days: 4 },
      row: 2,
    });
  });

  test('wrong columns: the message names the column that is missing', async () => {
    const dir = scratch();
    const rows = [
      ['Drug Ingredient', 'Unit of Measure', 'Special Fill'],
      ['Ibuprofen', 'tablet', '4'],
    ];
    const msg = await importError(write(dir, 'list.csv', toCsv(rows)), dir);
    assert.match(msg, /^list\.csv: row 1 of sheet "CSV" looks like the header but has no "Exempt\/Non-Exempt" column/);
  });

  test('no header at all, an empty file, a binary file, an old .xls: each says so', async () => {
    const dir = scratch();
    assert.match(await importError(write(dir, 'notes.csv', 'a,b\nc,d\n'), dir), /no header row found in the first 40 rows/);
    assert.match(await importError(write(dir, 'empty.csv', ''), dir), /^empty\.csv is empty$/);
    assert.match(await importError(write(dir, 'blank.csv', ',,\n,,\n'), dir), /the file is empty: no sheet holds any cell/);
    assert.match(
      await importError(write(dir, 'photo.xlsx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3])), dir),
      /neither a spreadsheet \(\.xlsx\) nor a CSV text file/,
    );
    assert.match(
      await importError(write(dir, 'old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), dir),
      /Excel 97-2003 workbook \(\.xls\); save it as \.xlsx or CSV/,
    );
    assert.match(await importError(write(dir, 'broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), dir), /the workbook could not be read/);
    assert.match(await importError(path.join(dir, 'missing.csv'), dir), /cannot read missing\.csv: no such file/);
  });

  test('a row that cannot be read is named with its row and column', async () => {
    const dir = scratch();
    const rows = [...ROWS.slice(0, 6), ['Naproxen', 'Maybe', '', '', ''], ['Meloxicam', 'Exempt', '', 'soon', '']];
    const msg = await importError(write(dir, 'list.csv', toCsv(rows)), dir);
    assert.match(msg, /2 rows of sheet "CSV" could not be read:/);
    assert.match(msg, /row 7, column "Exempt\/Non-Exempt": "Maybe" is neither Exempt nor Non-Exempt/);
    assert.match(msg, /row 8, column "Special Fill": "soon" is not a number of days, Yes or No/);
  });

  test('a file that states no version is refused unless --version names it', async () => {
    const dir = scratch();
    const file = write(dir, 'list.csv', toCsv([HEADER, ['Ibuprofen', 'Exempt', '', '', '']]));
    assert.match(await importError(file, dir), /states no version above its header .* name it with --version/);
    const { list } = await importDrugList(file, kb(), { dir: path.join(dir, 's'), version: '13', effective: '2025-08-06' });
    assert.deepEqual([list.version, list.effective], ['13', '2025-08-06']);
  });
});
