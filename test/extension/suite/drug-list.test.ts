// The MTUS Drug List in the editor: "mtus-lint: Import the MTUS Drug List" (given the file, as
// the Explorer or a test does) stores the list per user, and an open request dated while it is in
// force is checked against it. The list is invented for the test, in the DWC's layout.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeValue, extension, revertAndClose, waitForDiagnostics } from './util';

const LIST = [
  'MTUS Drug List v13 (invented for tests)',
  'Effective 08/06/2025',
  '',
  'Drug Ingredient,Exempt/Non-Exempt,Special Fill,Perioperative Fill',
  'Ibuprofen,Exempt,4,4',
  'Cyclobenzaprine,Non-Exempt,,',
].join('\n');
const REQUEST = 'DWC Form RFA   Date of request: 03/14/2026\nDiagnosis: lumbar strain, S39.012A\nCyclobenzaprine 5 mg #21, one tablet three times daily.\n';

describe('the MTUS Drug List', () => {
  after(async () => {
    await revertAndClose();
  });

  it('"Import the MTUS Drug List" stores the list, and the open request is checked against it', async () => {
    await extension().activate();
    const doc = await vscode.workspace.openTextDocument({ language: 'mtus-request', content: REQUEST });
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeValue(d) === 'formulary-non-exempt'), 'no Drug List status before the import');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-lint-drug-list-'));
    const file = path.join(dir, 'MTUS-Drug-List-v13.csv');
    fs.writeFileSync(file, LIST);
    const result = (await vscode.commands.executeCommand('mtusLint.importDrugList', vscode.Uri.file(file))) as {
      ok: boolean;
      summary?: string;
      stored?: string;
    };
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.match(result.summary!, /^MTUS Drug List v13, effective 2025-08-06: 2 drugs/);
    assert.ok(!result.stored!.startsWith(dir), 'stored per user, not beside the file or in the workspace');
    const ds = await waitForDiagnostics(
      doc.uri,
      (x) => x.some((d) => codeValue(d) === 'formulary-non-exempt'),
      'formulary-non-exempt once the list is imported',
    );
    assert.match(ds.find((d) => codeValue(d) === 'formulary-non-exempt')!.message, /Cyclobenzaprine is Non-Exempt on the MTUS Drug List v13/);
  });

  it('a file that is not a Drug List is refused, saying what is wrong', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-lint-drug-list-'));
    const file = path.join(dir, 'notes.csv');
    fs.writeFileSync(file, 'Drug,Unit\nIbuprofen,tab\n');
    const result = (await vscode.commands.executeCommand('mtusLint.importDrugList', vscode.Uri.file(file))) as { ok: boolean; message?: string };
    assert.equal(result.ok, false);
    assert.match(result.message!, /no "Exempt\/Non-Exempt" column/);
  });
});
