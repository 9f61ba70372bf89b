// Writing with mtus-lint: new documents from templates, snippets, the guideline browser, the
// language status item, Restricted Mode and the walkthrough, in the installed extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  collapse,
  extension,
  freshCopy,
  hoverText,
  mtusDiagnostics,
  codeValue,
  open,
  revertAndClose,
  waitForDiagnostics,
  waitForStatus,
  WAIT_MS,
  type GuidelineBrowserState,
  type MtusLintApi,
} from './util';

/** Wait until the guideline browser's state satisfies `ok` (or return it if it already does). */
function waitForBrowser(api: MtusLintApi, ok: (s: GuidelineBrowserState) => boolean, what: string, timeoutMs = WAIT_MS): Promise<GuidelineBrowserState> {
  if (ok(api.guidelineBrowser())) return Promise.resolve(api.guidelineBrowser());
  return new Promise((resolve, reject) => {
    const sub = api.onDidChangeGuidelineBrowser((s) => {
      if (!ok(s)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(s);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for the guideline browser ${what}; its state: ${JSON.stringify({ ...api.guidelineBrowser(), entries: api.guidelineBrowser().entries.length })}`,
        ),
      );
    }, timeoutMs);
  });
}

/** Run a command that opens a document and return the editor it leaves in front. */
async function editorFrom(command: string, ...args: unknown[]): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand(command, ...args);
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, `${command} left no editor in front`);
  return editor;
}

const installed = async (...segments: string[]) => {
  const uri = vscode.Uri.joinPath(extension().extensionUri, ...segments);
  await vscode.workspace.fs.stat(uri).then(
    () => undefined,
    () => assert.fail(`${segments.join('/')} is not in the installed extension`),
  );
};

describe('writing: templates, snippets, the guideline browser, status and first use', () => {
  let api: MtusLintApi;
  before(async () => {
    const ext = extension();
    api = ext.isActive ? ext.exports : await ext.activate();
  });

  afterEach(async () => {
    // Leave nothing open for the next test: untitled documents are discarded unsaved.
    for (let i = 0; i < 20 && vscode.window.activeTextEditor; i++) await revertAndClose();
  });

  it('"New Treatment Request" opens an untitled request from the template, its fields a Tab apart', async () => {
    const editor = await editorFrom('mtusLint.newRequest');
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'untitled');
    assert.equal(doc.languageId, 'mtus-request');
    const text = doc.getText();
    for (const section of [
      'REQUEST FOR AUTHORIZATION (DWC Form RFA)',
      'EMPLOYEE',
      'Date of injury:',
      'Claim number:',
      'DIAGNOSIS',
      'ICD-10',
      'REQUESTED TREATMENT',
      'FUNCTIONAL IMPROVEMENT',
      'SUPPORTING DOCUMENTATION',
      'Requesting physician signature:',
    ]) {
      assert.ok(text.includes(section), `the new request has "${section}"`);
    }
    // Each item: treatment, body part, frequency x duration with its total, and its guideline.
    assert.match(
      text,
      /1\. Acupuncture, CPT 97810, 2x3 \(6 sessions\), lumbar spine\.\n {3}Guideline: MTUS Acupuncture Medical Treatment Guidelines \(2007\), 8 CCR 9792\.24\.1\./,
    );
    // A new request is dated today: it cites the MTUS in force today (issue 12), not the superseded CPMTG.
    assert.match(
      text,
      /2\. Physical therapy, CPT 97110, 2x4 \(8 visits\), lumbar spine, with a home exercise program\.\n {3}Guideline: MTUS \(ACOEM\) Low Back Disorders Guideline\./,
    );
    assert.ok(!/\$\{?\d/.test(text), 'no snippet syntax is left in the text');
    // The snippet is live: the first field (the kind of request) is selected, and Tab goes to the name.
    assert.equal(doc.getText(editor.selection), 'New request');
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    assert.equal(doc.lineAt(editor.selection.active.line).text, '  Name: ');
    assert.equal(editor.selection.active.character, '  Name: '.length);

    // The server checks it, and judges it by the edition it cites.
    const st = await waitForStatus(api, doc.uri, (s) => s.checked, 'the new request checked');
    assert.equal(st.edition, '2016');
    // The empty diagnosis field is still flagged.
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeValue(d) === 'rfa-diagnosis-missing'), 'rfa-diagnosis-missing on the empty diagnosis');
  });

  it('"New IMR Appeal Letter" opens an untitled appeal letter with the UR decision, the answers, the enclosures and the signature', async () => {
    const editor = await editorFrom('mtusLint.newAppeal');
    const doc = editor.document;
    assert.equal(doc.uri.scheme, 'untitled');
    assert.equal(doc.languageId, 'mtus-appeal');
    const text = doc.getText();
    for (const part of [
      'Application for Independent Medical Review',
      'UR decision dated',
      'Disputed item:',
      'Denial reason 1',
      'Answer:',
      '  - Activities of daily living:',
      'Denial reason 2',
      'Sincerely,',
      'Primary Treating Physician',
      'Enclosures: UR decision dated',
    ]) {
      assert.ok(text.includes(part), `the new letter has "${part}"`);
    }
    // Dated today, from the snippet's date variables.
    const today = new Date();
    const mdY = `${String(today.getMonth() + 1).padStart(2, '0')}/${String(today.getDate()).padStart(2, '0')}/${today.getFullYear()}`;
    assert.equal(doc.lineAt(0).text, `Date: ${mdY}`);
    assert.equal(doc.getText(editor.selection), mdY, 'the date is the first field');
    await waitForStatus(api, doc.uri, (s) => s.checked, 'the new letter checked');
  });

  it('the snippets are contributed for requests and appeal letters', async () => {
    const editor = await editorFrom('mtusLint.newRequest');
    await vscode.commands.executeCommand('leaveSnippet');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'mtus-request', name: 'Massage with a home exercise program' });
    const text = editor.document.getText();
    assert.ok(
      text.includes('Massage therapy, CPT 97124, 4 visits, lumbar spine, as an adjunct to the home exercise program.'),
      `the massage snippet was inserted:\n${text.slice(-400)}`,
    );
    await installed('snippets', 'mtus-request.json');
    await installed('snippets', 'mtus-appeal.json');
  });

  it('the guideline browser lists the entries of the edition the request is judged by and writes the chosen citation at the cursor', async () => {
    const uri = await freshCopy('request.rfa', 'browse.rfa');
    const { doc, editor } = await open(uri);
    await waitForStatus(api, uri, (s) => s.edition === '2009', 'the 2009 edition the request cites');
    // The cursor on a new last line.
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nMassage: '));
    const at = doc.lineAt(doc.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(at, at);

    const id = 'cpmtg2009-massage';
    const shown = waitForBrowser(api, (s) => s.open && s.active === id, `open with ${id} highlighted`);
    const browsing = vscode.commands.executeCommand('mtusLint.browseGuidelines', { highlight: id });
    const state = await shown;
    // The data came from the server: the 2009 Chronic Pain entries, and the guidelines with one edition.
    assert.equal(state.edition, '2009');
    assert.ok(state.entries.includes('cpmtg2009-physical-medicine') && state.entries.includes('ccr-9792.24.1-acupuncture'), JSON.stringify(state.entries));
    assert.ok(!state.entries.some((e) => e.startsWith('cpmtg2016-')), 'no 2016 Chronic Pain entries for a 2009 request');
    assert.ok(!state.entries.includes('odg-general'), 'ODG is not offered: it is not part of the MTUS');

    // Enter, as a person would press it.
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await browsing;
    const inserted = api.guidelineBrowser().inserted;
    assert.ok(inserted, 'a citation was inserted');
    assert.equal(inserted.id, id);
    assert.equal(inserted.uri, uri.toString());
    const citation = 'MTUS Chronic Pain Medical Treatment Guidelines (2009), Massage therapy, page 60';
    assert.equal(inserted.text, citation);
    assert.equal(doc.lineAt(doc.lineCount - 1).text, `Massage: ${citation}`);
    assert.equal(api.guidelineBrowser().open, false);

    // The server reads it back as that entry: its hover quotes the massage section, page 60.
    const hover = collapse(await hoverText(uri, doc.positionAt(inserted.offset + 10)));
    assert.match(hover, /Massage therapy/);
    assert.match(hover, /\b60\b/);
    assert.ok(!/not found in the MTUS/i.test(hover), hover);
  });

  it('the language status item shows the edition, the knowledge base and the corpus; Restricted Mode is not shown in a trusted folder', async () => {
    const uri = await freshCopy('request.rfa', 'language-status.rfa');
    await open(uri);
    const st = await waitForStatus(api, uri, (s) => s.checked && s.edition === '2009', 'the 2009 edition the request cites');
    const shown = api.languageStatus();
    assert.equal(shown.text, 'MTUS: CPMTG 2009');
    assert.ok(shown.detail.includes(`knowledge base ${st.knowledgeVersion}`), shown.detail);
    assert.ok(shown.detail.includes(`${st.corpusLetters} IMR decisions`), shown.detail);
    assert.ok(st.corpusLetters > 0);
    // These tests run with workspace trust off, so the folder counts as trusted.
    assert.equal(vscode.workspace.isTrusted, true);
    assert.equal(api.restrictedMode(), undefined);
  });

  it('declares Restricted Mode support, keeping the knowledge file and corpus folders out', () => {
    const u = extension().packageJSON.capabilities?.untrustedWorkspaces;
    assert.ok(u, 'capabilities.untrustedWorkspaces');
    assert.equal(u.supported, 'limited');
    assert.deepEqual([...u.restrictedConfigurations].sort(), ['mtusLint.corpus.paths', 'mtusLint.knowledge.customFile']);
  });

  it('contributes the walkthrough, whose pages ship, and its first step opens the example with its problems', async () => {
    const walkthroughs = extension().packageJSON.contributes?.walkthroughs as {
      id: string;
      steps: { id: string; media: { markdown?: string; image?: string } }[];
    }[];
    assert.equal(walkthroughs?.length, 1);
    assert.deepEqual(
      walkthroughs[0].steps.map((s) => s.id),
      ['openExample', 'problems', 'hover', 'quickFix', 'template'],
    );
    for (const s of walkthroughs[0].steps) await installed(...(s.media.markdown ?? s.media.image)!.split('/'));
    await installed('examples', 'knee-and-back.rfa');

    const editor = await editorFrom('mtusLint.openExample');
    assert.equal(editor.document.languageId, 'mtus-request');
    assert.equal(editor.document.uri.scheme, 'untitled', 'a copy: the shipped example is left as it is');
    const ds = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeValue(x) === 'therapy-over-trial'), "the example request's problems");
    assert.ok(mtusDiagnostics(editor.document.uri).length >= 5, `${ds.length} problems`);
  });
});
