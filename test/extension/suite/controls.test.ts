// The everyday controls (issue 14 §4): the Command Palette's Fix All, Restart Server, Show
// Output and rule pages; the output channel (start-up and problems, never document text);
// the on/off setting; a setting for one language only; and a team's .mtuslintrc.json, read
// by the extension as by the CLI.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeValue, extension, fileUri, freshCopy, open, rangeOf, readDisk, revertAndClose, setSetting, waitForDiagnostics } from './util';

const Severity = vscode.DiagnosticSeverity;

describe('everyday controls', () => {
  it('the commands are in the Command Palette under "mtus-lint"', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['mtusLint.fixAll', 'mtusLint.showOutput', 'mtusLint.restartServer', 'mtusLint.openRuleDocs'])
      assert.ok(all.includes(id), `${id} is registered`);
    const titles = (extension().packageJSON.contributes.commands as { command: string; title: string; category: string }[]).map(
      (c) => `${c.category}: ${c.title}`,
    );
    for (const t of ['mtus-lint: Fix All Certain Problems in This Document', 'mtus-lint: Show Output', 'mtus-lint: Restart Server'])
      assert.ok(titles.includes(t), t);
  });

  it('"Fix All Certain Problems in This Document" caps every quantity it can, and only those', async () => {
    const uri = await freshCopy('request.rfa', 'fix-all-command.rfa');
    try {
      const { doc } = await open(uri);
      const before = await waitForDiagnostics(uri, (d) => d.length === 4, '4 diagnostics');
      const changed = await vscode.commands.executeCommand<number>('mtusLint.fixAll');
      assert.ok(changed >= 2, `edits made: ${changed}`);
      assert.match(doc.getText(), /Acupuncture 2x3, cervical spine/);
      assert.match(doc.getText(), /QTY 6, lumbar spine/);
      const after = await waitForDiagnostics(uri, (d) => d.length < before.length, 'fewer diagnostics after the fix');
      assert.ok(!after.some((d) => doc.getText(d.range).startsWith('Acupuncture')), 'the acupuncture problem is gone');
      assert.equal(await vscode.commands.executeCommand<number>('mtusLint.fixAll'), 0, 'a second run has nothing left to fix');
    } finally {
      await revertAndClose();
    }
  });

  it('"Restart Server" restarts it, says so in the output, and checking goes on', async () => {
    const api = extension().exports;
    const uri = await freshCopy('request.rfa', 'restart.rfa');
    try {
      const { doc, editor } = await open(uri);
      await waitForDiagnostics(uri, (d) => d.length === 4, '4 diagnostics');
      await vscode.commands.executeCommand('mtusLint.restartServer');
      assert.equal(api.serverState(), 'running');
      assert.ok(
        api.outputLines().some((l) => l.includes('restarting the server')),
        api.outputLines().join('\n'),
      );
      await editor.edit((b) => b.replace(rangeOf(doc, 'QTY 12'), 'QTY 20'));
      await waitForDiagnostics(uri, (d) => d.some((x) => x.message.startsWith('20 chiropractic visits')), 'the edit checked by the restarted server');
      await vscode.commands.executeCommand('mtusLint.showOutput');
    } finally {
      await revertAndClose();
    }
  });

  it('the output channel says what runs (versions, knowledge base, edition) and never what a draft says', async () => {
    const lines = extension().exports.outputLines();
    const all = lines.join('\n');
    assert.match(all, /mtus-lint \d+\.\d+\.\d+ in .* \d+\.\d+\.\d+ \(node v\d+/, all);
    assert.match(
      all,
      /mtus-lint server started on node [\d.]+; knowledge base \S+ \(\d+ citations; editions 2009, 2016\); corpus of \d+ IMR decisions; edition: /,
      all,
    );
    const draft = (await readDisk(fileUri('request.rfa'))).split('\n').filter((l) => l.trim().length > 12);
    for (const l of draft) assert.ok(!all.includes(l.trim()), `document text in the output: ${l.trim()}`);
  });

  it("\"Open a Rule's Documentation\" (linked from each rule's setting) opens the rule's page", async () => {
    const page = await vscode.commands.executeCommand<string>('mtusLint.openRuleDocs', 'therapy-over-trial');
    assert.ok(page?.endsWith('/docs/rules/therapy-over-trial.md'), page);
    const md = (
      extension().packageJSON.contributes.configuration.properties['mtusLint.rules'].properties['therapy-over-trial'] as { markdownDescription: string }
    ).markdownDescription;
    assert.ok(md.includes('(command:mtusLint.openRuleDocs?%5B%22therapy-over-trial%22%5D)'), md);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  describe('settings', () => {
    afterEach(async () => {
      await setSetting('enable', undefined);
      await vscode.workspace.getConfiguration('mtusLint', { languageId: 'mtus-appeal' }).update('rules', undefined, vscode.ConfigurationTarget.Workspace, true);
    });

    it('mtusLint.enable off clears the problems; on brings them back', async () => {
      const uri = fileUri('request.rfa');
      await open(uri);
      await waitForDiagnostics(uri, (d) => d.length === 4, '4 diagnostics');
      await setSetting('enable', false);
      await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics while off');
      await setSetting('enable', true);
      await waitForDiagnostics(uri, (d) => d.length === 4, 'the diagnostics back');
    });

    it('a rule set for appeal letters only ("[mtus-appeal]") leaves requests as they were', async () => {
      const request = fileUri('request.rfa');
      const appeal = fileUri('appeal.appeal');
      await open(request);
      await open(appeal);
      const before = await waitForDiagnostics(appeal, (d) => d.some((x) => codeValue(x) === 'therapy-over-trial'), "the appeal's trial problem");
      await vscode.workspace
        .getConfiguration('mtusLint', { languageId: 'mtus-appeal' })
        .update('rules', { 'therapy-over-trial': 'off' }, vscode.ConfigurationTarget.Workspace, true);
      await waitForDiagnostics(
        appeal,
        (d) =>
          d.length === before.length - before.filter((x) => codeValue(x) === 'therapy-over-trial').length &&
          !d.some((x) => codeValue(x) === 'therapy-over-trial'),
        'the appeal without it',
      );
      await waitForDiagnostics(request, (d) => d.some((x) => codeValue(x) === 'therapy-over-trial'), 'the request keeps it');
    });
  });

  describe('the team configuration, .mtuslintrc.json', () => {
    const config = () => fileUri('.mtuslintrc.json');
    after(async () => {
      await vscode.workspace.fs.delete(config()).then(undefined, () => undefined);
    });

    it('a rule the team sets to warning is a warning in the editor; removing the file restores it', async () => {
      const uri = fileUri('request.rfa');
      await open(uri);
      const trial = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeValue(d) === 'therapy-over-trial');
      await waitForDiagnostics(uri, (d) => trial(d).length > 0 && trial(d).every((x) => x.severity === Severity.Error), 'errors first');
      await vscode.workspace.fs.writeFile(config(), new TextEncoder().encode('{\n  // the team agreed\n  "rules": { "therapy-over-trial": "warning" },\n}\n'));
      await waitForDiagnostics(uri, (d) => trial(d).length > 0 && trial(d).every((x) => x.severity === Severity.Warning), 'warnings from the team file');
      await vscode.workspace.fs.delete(config());
      await waitForDiagnostics(uri, (d) => trial(d).length > 0 && trial(d).every((x) => x.severity === Severity.Error), 'errors again without it');
    });
  });

  it('a .rfa file given another language (plain text) is still checked by its name', async () => {
    const uri = await freshCopy('request.rfa', 'as-plain-text.rfa');
    try {
      const { doc } = await open(uri);
      await waitForDiagnostics(uri, (d) => d.length === 4, '4 diagnostics');
      const plain = await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
      assert.equal(plain.languageId, 'plaintext');
      await waitForDiagnostics(uri, (d) => d.length === 4, 'still 4 diagnostics as plain text');
    } finally {
      await revertAndClose();
    }
  });
});
