// The writing aids in real VS Code, through the same commands the editor's UI uses: completion
// (with the quotation in its documentation), inline totals, the outline, and silencing a rule.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeValue, extension, fileUri, open, revertAndClose, setSetting, waitForDiagnostics } from './util';

async function draft(name: string, text: string): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const uri = fileUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const { doc, editor } = await open(uri);
  return { uri, doc, editor };
}

const docText = (d: string | vscode.MarkdownString | undefined) => (typeof d === 'string' ? d : (d?.value ?? ''));
const labelText = (l: string | vscode.CompletionItemLabel) => (typeof l === 'string' ? l : l.label);

describe('writing aids', () => {
  afterEach(async () => {
    await revertAndClose();
  });
  after(async () => {
    await setSetting('inlayHints.enable', undefined);
    for (const n of ['aids-completion.rfa', 'aids-inlay.rfa', 'aids-outline.appeal', 'aids-silence.rfa'])
      await vscode.workspace.fs.delete(fileUri(n), { useTrash: false }).then(undefined, () => undefined);
  });

  it('completion: citations after "MTUS" carry their edition and quotation; quantities after a treatment stay within the limit', async () => {
    const { uri, doc } = await draft('aids-completion.rfa', 'Massage therapy, lumbar spine, per MTUS\nAcupuncture, lumbar spine, \n');
    await waitForDiagnostics(uri, () => true, 'the first check');
    const afterMtus = doc.lineAt(0).range.end;
    const citations = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, afterMtus, undefined, 200);
    const massage = citations.items.find((i) => labelText(i.label).includes('Massage therapy') && /2016/.test(labelText(i.label)));
    assert.ok(
      massage,
      `a 2016 massage citation among ${citations.items
        .map((i) => labelText(i.label))
        .slice(0, 20)
        .join(' | ')}`,
    );
    const resolved = (
      await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, afterMtus, undefined, 200)
    ).items.find((i) => i.label === massage.label)!;
    assert.match(docText(resolved.documentation), /adjunct to other recommended treatment/i, 'the documentation quotes the guideline');

    const afterAcupuncture = doc.lineAt(1).range.end;
    const quantities = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, afterAcupuncture);
    const labels = quantities.items.map((i) => labelText(i.label));
    for (const q of ['1x6', '2x3']) assert.ok(labels.includes(q), `${q} offered among ${labels.join(' | ')}`);
    assert.ok(!labels.includes('2x4'), 'nothing above the 3-6 trial is offered');
  });

  it('inline totals: "= 8 sessions · trial 3–6" after 2x4, and none once the setting is off', async () => {
    const { uri, doc } = await draft('aids-inlay.rfa', 'Acupuncture 2x4 low back\n');
    await waitForDiagnostics(uri, (ds) => ds.length === 1, 'the over-trial problem');
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, whole);
    const text = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('')));
    assert.ok(
      text.some((t) => t.includes('= 8 sessions · trial 3–6')),
      JSON.stringify(text),
    );
    // The server checks open documents again after a settings change and then sends their status:
    // once it has, it answers with the new setting.
    const rechecked = new Promise<void>((resolve) => {
      const sub = extension().exports.onDidChangeStatus((st) => {
        if (st.uri !== uri.toString()) return;
        sub.dispose();
        resolve();
      });
    });
    await setSetting('inlayHints.enable', false);
    await rechecked;
    const none = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, whole);
    assert.deepEqual(none, []);
  });

  it('the outline shows the items of a request and the denial reasons and answers of an appeal', async () => {
    const letter = [
      'RE: Independent Medical Review, UR decision dated 10/20/2026',
      '',
      'The UR decision denied acupuncture 2x3 for the low back because there was no documentation of functional improvement.',
      '',
      'In response to the denial: after six sessions she returned to modified duty and reduced Norco from 10/325 to 5/325.',
      '',
      'Sincerely,',
      'Dr. Test',
      '',
    ].join('\n');
    const { uri } = await draft('aids-outline.appeal', letter);
    await waitForDiagnostics(uri, () => true, 'the first check');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const names = (xs: vscode.DocumentSymbol[]): string[] => xs.flatMap((s) => [s.name, ...names(s.children)]);
    const all = names(symbols);
    assert.ok(
      all.some((n) => /^Acupuncture 2x3/.test(n)),
      JSON.stringify(all),
    );
    assert.ok(
      all.some((n) => /^Denial: no documentation of functional improvement/i.test(n)),
      JSON.stringify(all),
    );
    assert.ok(
      all.some((n) => /^Response/i.test(n)),
      JSON.stringify(all),
    );
  });

  it('"Silence … on this line" writes an HTML comment and the problem goes', async () => {
    const { uri, doc } = await draft('aids-silence.rfa', 'Acupuncture 2x4 low back\n');
    const [d] = await waitForDiagnostics(uri, (ds) => ds.length === 1, 'the over-trial problem');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      d.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const silence = actions.find((a) => a.title === `Silence ${codeValue(d)} on this line`);
    assert.ok(silence?.edit, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(await vscode.workspace.applyEdit(silence.edit));
    assert.equal(doc.lineAt(0).text, 'Acupuncture 2x4 low back <!-- mtus-lint-disable-line therapy-over-trial -->');
    await waitForDiagnostics(uri, (ds) => ds.length === 0, 'no problem once silenced');
  });
});
