// The MTUS in force over the protocol: the status the server sends after each check says which
// MTUS governs the document and why, the hover says it on an item and shows a drug's Drug List
// status, and the editor's import request stores the list per user and checks open documents again.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { docUri, LspClient, messageOf } from '../helpers/lsp-client';
import { ROWS, toCsv } from '../helpers/drug-list-files';
import { IMPORT_DRUG_LIST_REQUEST } from '../../server/src/protocol';

const REQUEST =
  'DWC Form RFA   Date of request: 03/14/2026\nDiagnosis: lumbar strain, S39.012A\nPhysical therapy 3x4 (12 visits), lumbar spine, with a home exercise program, per MTUS (ACOEM) Low Back Disorders Guideline.\nCyclobenzaprine 5 mg #21, one tablet three times daily.\n';

describe("the MTUS in force on the document's date", () => {
  let client: LspClient;
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-lint-protocol-data-'));
  before(async () => {
    // The Drug List store of this server is a fresh folder, never the user's.
    client = await LspClient.start({ settings: { debounceMs: 0 }, env: { MTUS_LINT_DATA_DIR: data } });
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(data, { recursive: true, force: true });
  });

  test('the status says which MTUS governs and why; the figure is a reference', async () => {
    const uri = docUri('mtus-2026.rfa');
    const status = client.waitForStatus(uri);
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', REQUEST);
    const st = await status;
    assert.equal(st.editionLabel, 'as of 2021-11-23');
    assert.deepEqual(
      { ...st.mtus },
      {
        date: '2026-03-14',
        reason: 'document',
        explanation: 'dated 03/14/2026: MTUS as of 2021-11-23 (ACOEM Low Back Disorders, 2/13/2020)',
        why: 'the date of the request',
        acoem: true,
      },
    );
    const d = (await published).diagnostics;
    assert.deepEqual(
      d.map((x) => [x.code, x.severity]),
      [['superseded-figure', 2]],
    );
    assert.match(
      messageOf(d[0]),
      /^12 physical therapy visits: above the 8–10 of CPMTG 2016 \(superseded 12\/1\/2017\); the governing guideline is ACOEM Low Back Disorders/,
    );
  });

  test('an undated document: no MTUS date in the status, the edition as before', async () => {
    const uri = docUri('mtus-undated.rfa');
    const status = client.waitForStatus(uri);
    await client.open(uri, 'mtus-request', 'Chiropractic 2x4, low back\n');
    const st = await status;
    assert.deepEqual([st.editionLabel, st.mtus], ['CPMTG 2016', undefined]);
  });

  test('the hover on the item names the MTUS in force, and on the drug the Drug List to import', async () => {
    const uri = docUri('mtus-2026.rfa');
    const item = (await client.hoverOn(uri, '3x4'))!.contents as MarkupContent;
    assert.match(
      item.value,
      /\*\*MTUS in force:\*\* dated 03\/14\/2026: MTUS as of 2021-11-23 \(ACOEM Low Back Disorders, 2\/13\/2020\) — the date is the date of the request\./,
    );
    const drug = (await client.hoverOn(uri, 'Cyclobenzaprine'))!.contents as MarkupContent;
    assert.match(drug.value, /\*\*MTUS Drug List:\*\* not imported\./);
  });

  test('importing the Drug List stores it per user and checks open documents again', async () => {
    const file = path.join(data, 'MTUS-Drug-List.csv');
    fs.writeFileSync(file, toCsv(ROWS));
    const uri = docUri('mtus-2026.rfa');
    const again = client.waitForDiagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'formulary-non-exempt'), 'formulary-non-exempt after the import');
    const result = (await client.connection.sendRequest(IMPORT_DRUG_LIST_REQUEST, { path: file })) as { ok: boolean; summary?: string };
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.match(result.summary!, /^MTUS Drug List v13, effective 2025-08-06: 5 drugs/);
    assert.ok(fs.existsSync(path.join(data, 'drug-lists', 'v13.json')), 'stored in the per-user folder');
    const d = (await again).diagnostics.find((x) => x.code === 'formulary-non-exempt')!;
    assert.match(messageOf(d), /Cyclobenzaprine is Non-Exempt on the MTUS Drug List v13/);
    const drug = (await client.hoverOn(uri, 'Cyclobenzaprine'))!.contents as MarkupContent;
    assert.match(drug.value, /\*\*MTUS Drug List v13 \(effective 2025-08-06\):\*\* Cyclobenzaprine \(row 8\) is Non-Exempt: needs prospective review/);
  });

  test('a file that is not a Drug List is refused with what is wrong', async () => {
    const file = path.join(data, 'notes.csv');
    fs.writeFileSync(file, 'Drug,Unit\nIbuprofen,tab\n');
    const result = (await client.connection.sendRequest(IMPORT_DRUG_LIST_REQUEST, { path: file })) as { ok: boolean; message?: string };
    assert.deepEqual(result, {
      ok: false,
      message:
        'notes.csv: row 1 of sheet "CSV" looks like the header but has no "Exempt/Non-Exempt" column; the Drug List\'s header names the drug and its Exempt/Non-Exempt status',
    });
  });
});
