// Quick fixes and fix-all: the edit the user accepts, applied as the editor applies it.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Command, Diagnostic, Range, TextEdit } from 'vscode-languageserver-protocol';
import { docUri, editsOf, LspClient, messageOf } from '../helpers/lsp-client';

const isAction = (a: CodeAction | Command): a is CodeAction => !('command' in a && typeof a.command === 'string');

/** [start, end) offsets of the characters that differ between two texts (common prefix/suffix removed). */
function changedSpan(before: string, after: string): { start: number; endBefore: number; endAfter: number } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let b = before.length;
  let a = after.length;
  while (b > start && a > start && before[b - 1] === after[a - 1]) {
    b--;
    a--;
  }
  return { start, endBefore: b, endAfter: a };
}

describe('quick fix', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  /** Open, take the one diagnostic, ask for its quick fixes as VS Code does (the diagnostic's range and the diagnostic). */
  async function openWithOneDiagnostic(name: string, languageId: string, text: string): Promise<{ uri: string; diagnostic: Diagnostic }> {
    const uri = docUri(name);
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, languageId, text);
    const p = await published;
    assert.equal(p.diagnostics.length, 1, JSON.stringify(p.diagnostics));
    return { uri, diagnostic: p.diagnostics[0] };
  }

  async function quickFixes(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const actions = await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic], triggerKind: 1 });
    assert.ok(actions, 'code actions');
    // Fixes only: the "Silence … on this line / in this document" actions are tested in directives.test.ts.
    return actions.filter(isAction).filter((a) => a.kind === 'quickfix' && !a.title.startsWith('Silence '));
  }

  /** Accept the fix, send the change, and wait for that version's diagnostics. */
  async function accept(uri: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    const { version, edits } = editsOf(action, uri);
    assert.equal(version, client.document(uri).version, 'the edit targets the version the diagnostics were computed for');
    const published = client.waitForVersion(uri, client.document(uri).version + 1);
    const { text } = await client.applyEdits(uri, edits);
    return { text, diagnostics: (await published).diagnostics };
  }

  test('"Acupuncture 2x4" → preferred quick fix "2x3"; applied, only the quantity changes and the error goes', async () => {
    const before = 'Acupuncture 2x4 low back\n';
    const { uri, diagnostic } = await openWithOneDiagnostic('fix-2x4.rfa', 'mtus-request', before);
    const fixes = await quickFixes(uri, diagnostic);
    assert.equal(fixes.length, 1, JSON.stringify(fixes.map((f) => f.title)));
    const fix = fixes[0];
    assert.match(fix.title, /2x3/);
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(
      fix.diagnostics?.map((d) => d.code),
      ['therapy-over-trial'],
    );
    assert.ok(fix.edit?.documentChanges, 'the edit uses documentChanges, so a stale edit is refused');

    const after = await accept(uri, fix);
    assert.equal(after.text, 'Acupuncture 2x3 low back\n');
    const changed = changedSpan(before, after.text);
    const quantity = { start: before.indexOf('2x4'), end: before.indexOf('2x4') + 3 };
    assert.ok(
      changed.start >= quantity.start && changed.endBefore <= quantity.end,
      `changed ${JSON.stringify(changed)}, outside the quantity ${JSON.stringify(quantity)}`,
    );
    assert.deepEqual(after.diagnostics, [], 'no diagnostics once the quantity is within the trial');
  });

  test('"QTY 12" keeps its form: → "QTY 6"', async () => {
    const { uri, diagnostic } = await openWithOneDiagnostic('fix-qty.rfa', 'mtus-request', 'ACUPUNCTURE VISITS THORACIC SPINE QTY 12\n');
    assert.equal(diagnostic.code, 'therapy-over-trial');
    const [fix] = await quickFixes(uri, diagnostic);
    assert.ok(fix, 'a quick fix');
    assert.match(fix.title, /QTY 6/);
    const after = await accept(uri, fix);
    assert.equal(after.text, 'ACUPUNCTURE VISITS THORACIC SPINE QTY 6\n');
    assert.deepEqual(after.diagnostics, []);
  });

  test('a number written as a word stays a word: "eight sessions of massage therapy" → "six sessions"', async () => {
    const { uri, diagnostic } = await openWithOneDiagnostic(
      'fix-words.rfa',
      'mtus-request',
      'eight sessions of massage therapy with the home exercise program\n',
    );
    assert.equal(diagnostic.code, 'therapy-over-maximum');
    assert.match(messageOf(diagnostic), /4–6/);
    const [fix] = await quickFixes(uri, diagnostic);
    assert.ok(fix, 'a quick fix');
    assert.match(fix.title, /six sessions/);
    const after = await accept(uri, fix);
    assert.equal(after.text, 'six sessions of massage therapy with the home exercise program\n');
    assert.deepEqual(after.diagnostics, []);
  });

  test('a diagnostic from an older version still gets its fix, computed against the current text', async () => {
    const { uri, diagnostic } = await openWithOneDiagnostic('fix-stale.rfa', 'mtus-request', 'Acupuncture 2x4 low back\n');
    // The user types at the end of the line: the diagnostic's range is unchanged, its data is stale.
    const end = { line: 0, character: 'Acupuncture 2x4 low back'.length };
    const v2 = client.waitForVersion(uri, 2);
    await client.change(uri, [{ range: { start: end, end }, text: ' pain' }]);
    await v2;
    const [fix] = await quickFixes(uri, diagnostic);
    assert.ok(fix, 'a quick fix for the older diagnostic');
    assert.equal(editsOf(fix, uri).version, 2);
    const after = await accept(uri, fix);
    assert.equal(after.text, 'Acupuncture 2x3 low back pain\n');
  });

  test('the server hit no internal errors along the way', () => {
    assert.deepEqual(client.internalErrors(), []);
  });
});

describe('fix all', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  const QUANTITIES = ['2x4', 'x 8', '3 times per week for 4 weeks'];
  const TEXT = [
    'REQUEST FOR AUTHORIZATION',
    'Diagnosis: lumbar strain (S39.012A)',
    'Acupuncture 2x4 low back',
    'Massage x 8 neck',
    'Physical therapy 3 times per week for 4 weeks lumbar spine',
    'Thank you.',
    '',
  ].join('\n');
  const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: 7, character: 0 } };

  async function openAll(name: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = docUri(name);
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', TEXT);
    const p = await published;
    assert.deepEqual(
      p.diagnostics.map((d) => d.code),
      ['therapy-over-trial', 'therapy-over-maximum', 'therapy-over-maximum'],
    );
    return { uri, diagnostics: p.diagnostics };
  }

  function assertOnlyQuantitiesChange(edits: TextEdit[], uri: string) {
    const doc = client.document(uri);
    const spans = QUANTITIES.map((q) => ({ q, start: TEXT.indexOf(q), end: TEXT.indexOf(q) + q.length }));
    for (const e of edits) {
      const start = doc.offsetAt(e.range.start);
      const end = doc.offsetAt(e.range.end);
      assert.ok(
        spans.some((s) => start >= s.start && end <= s.end),
        `edit ${JSON.stringify(TEXT.slice(start, end))} → ${JSON.stringify(e.newText)} at ${start}-${end} is outside every quantity`,
      );
    }
  }

  test('source.fixAll.mtus-lint: one action whose edits leave no diagnostics and change only the quantities', async () => {
    const { uri, diagnostics } = await openAll('fix-all.rfa');
    const actions = await client.codeActions(uri, WHOLE, { diagnostics, only: ['source.fixAll.mtus-lint'], triggerKind: 2 });
    assert.ok(actions);
    assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
    const action = actions[0];
    assert.ok(isAction(action));
    assert.equal(action.kind, 'source.fixAll.mtus-lint');
    const { version, edits } = editsOf(action, uri);
    assert.equal(version, 1);
    assert.equal(edits.length, 3, JSON.stringify(edits));
    assertOnlyQuantitiesChange(edits, uri);

    const published = client.waitForVersion(uri, 2);
    const { text } = await client.applyEdits(uri, edits);
    assert.deepEqual((await published).diagnostics, [], `diagnostics left after fix-all on:\n${text}`);
    // Outside the quantities nothing moved: strip the quantities and compare what remains.
    const strip = (s: string) => s.replace(/\d+x\d+|x \d+|\d+ times per week for \d+ weeks/g, '<quantity>');
    assert.equal(strip(text), strip(TEXT));
    assert.equal(text.split('\n').length, TEXT.split('\n').length);
  });

  test('editor.codeActionsOnSave "source.fixAll" (the parent kind) gets the same action', async () => {
    const { uri, diagnostics } = await openAll('fix-all-parent.rfa');
    const actions = await client.codeActions(uri, WHOLE, { diagnostics, only: ['source.fixAll'], triggerKind: 2 });
    assert.deepEqual(
      actions?.filter(isAction).map((a) => a.kind),
      ['source.fixAll.mtus-lint'],
    );
  });

  test('the light-bulb menu (no "only") offers quick fixes plus "fix every", not the source action', async () => {
    const { uri, diagnostics } = await openAll('fix-all-bulb.rfa');
    const actions = (await client.codeActions(uri, diagnostics[0].range, { diagnostics: [diagnostics[0]], triggerKind: 1 }))!.filter(isAction);
    assert.deepEqual(
      actions.map((a) => a.kind),
      ['quickfix', 'quickfix', 'quickfix', 'quickfix'],
    );
    assert.match(actions[0].title, /2x3/);
    assert.match(actions[1].title, /^Fix every mtus-lint problem .*\(3\)$/);
    assert.deepEqual(
      actions.slice(2).map((a) => a.title),
      ['Silence therapy-over-trial on this line', 'Silence therapy-over-trial in this document'],
    );
    assert.equal(editsOf(actions[1], uri).edits.length, 3);
  });

  test('only "quickfix" never returns the source action', async () => {
    const { uri, diagnostics } = await openAll('fix-all-only-quickfix.rfa');
    const actions = (await client.codeActions(uri, WHOLE, { diagnostics, only: ['quickfix'] }))!.filter(isAction);
    assert.ok(actions.length >= 3);
    assert.ok(
      actions.every((a) => a.kind === 'quickfix'),
      JSON.stringify(actions.map((a) => a.kind)),
    );
  });

  test('the server hit no internal errors along the way', () => {
    assert.deepEqual(client.internalErrors(), []);
  });
});
