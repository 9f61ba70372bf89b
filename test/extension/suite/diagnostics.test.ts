// Diagnostics as VS Code shows them: message, range, code with its documentation link, severity.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeTarget, codeValue, fileUri, freshCopy, open, rangeOf, revertAndClose, waitForDiagnostics } from './util';

interface Expected {
  rule: string;
  severity: vscode.DiagnosticSeverity;
  text: string;
  message: string;
}

async function checkAll(uri: vscode.Uri, expected: Expected[]): Promise<void> {
  const { doc } = await open(uri);
  const ds = await waitForDiagnostics(uri, (d) => d.length === expected.length, `${expected.length} diagnostics`);
  expected.forEach((e, i) => {
    const d = ds[i];
    const where = `diagnostic ${i + 1} (${e.rule})`;
    assert.equal(codeValue(d), e.rule, `${where}: code`);
    assert.equal(d.severity, e.severity, `${where}: severity`);
    assert.equal(d.source, 'mtus-lint', `${where}: source`);
    assert.ok(d.message.startsWith(e.message), `${where}: message "${d.message}" should start with "${e.message}"`);
    assert.deepEqual(d.range, rangeOf(doc, e.text), `${where}: range should cover "${e.text}", covers "${doc.getText(d.range)}"`);
    const target = codeTarget(d);
    assert.ok(target, `${where}: the code should carry a link to the rule's page`);
    assert.ok(target.path.endsWith(`/docs/rules/${e.rule}.md`), `${where}: link ${target.toString()} should end with docs/rules/${e.rule}.md`);
  });
  // The rule pages ship with the extension, so every link opens.
  for (const d of ds) {
    const target = codeTarget(d)!;
    await vscode.workspace.fs.stat(target).then(
      () => undefined,
      (e: Error) => assert.fail(`rule page ${target.toString()} does not open: ${e.message}`),
    );
  }
}

describe('diagnostics', () => {
  it('request.rfa: each over-limit item is marked with the rule, the number and the limit', async () => {
    await checkAll(fileUri('request.rfa'), [
      {
        rule: 'therapy-over-trial',
        severity: vscode.DiagnosticSeverity.Error,
        text: 'Acupuncture 2x4',
        message: '8 acupuncture sessions exceeds the 3–6 trial limit (8 CCR 9792.24.1, 2007)',
      },
      {
        rule: 'therapy-over-trial',
        severity: vscode.DiagnosticSeverity.Error,
        text: 'Chiropractic manipulation, CPT 98940, QTY 12',
        message: '12 chiropractic visits exceeds the 6-visit trial',
      },
      {
        rule: 'therapy-over-maximum',
        severity: vscode.DiagnosticSeverity.Error,
        text: 'Eight sessions of massage therapy',
        message: '8 massage visits exceeds the 4–6 visit limit',
      },
      {
        rule: 'frequency-over-limit',
        severity: vscode.DiagnosticSeverity.Warning,
        text: 'Physical therapy 3-4 times per week for 2 weeks',
        message: '4 physical therapy visits a week exceeds the 1–3 per week frequency',
      },
    ]);
  });

  it('appeal.appeal: the disputed items over the limits are marked', async () => {
    await checkAll(fileUri('appeal.appeal'), [
      {
        rule: 'therapy-over-trial',
        severity: vscode.DiagnosticSeverity.Error,
        text: '12 acupuncture sessions',
        message: '12 acupuncture sessions exceeds the 3–6 trial limit',
      },
      {
        rule: 'therapy-over-maximum',
        severity: vscode.DiagnosticSeverity.Error,
        text: 'massage therapy twice a week for six weeks',
        message: '12 massage visits exceeds the 4–6 visit limit',
      },
    ]);
  });

  it('follows typing: a quantity edited within the limit loses its diagnostic, one raised gets a new message', async () => {
    const uri = await freshCopy('request.rfa', 'typing.rfa');
    try {
      const { doc, editor } = await open(uri);
      await waitForDiagnostics(uri, (ds) => ds.length === 4, '4 diagnostics');
      await editor.edit((b) => b.replace(rangeOf(doc, 'QTY 12'), 'QTY 4'));
      await waitForDiagnostics(uri, (ds) => ds.length === 3 && !ds.some((d) => d.message.includes('chiropractic')), 'the chiropractic diagnostic to go');
      await editor.edit((b) => b.replace(rangeOf(doc, 'QTY 4'), 'QTY 9'));
      await waitForDiagnostics(uri, (ds) => ds.some((d) => d.message.startsWith('9 chiropractic visits exceeds')), 'a diagnostic for 9 chiropractic visits');
    } finally {
      await revertAndClose();
    }
  });
});
