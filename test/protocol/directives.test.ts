// Silencing a rule with an HTML comment: offered as a quick fix, honoured on the line or in the
// whole document, and a misspelt rule id is reported with the id it most likely meant.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Command } from 'vscode-languageserver-protocol';
import { docUri, editsOf, LspClient, messageOf } from '../helpers/lsp-client';

const isAction = (a: CodeAction | Command): a is CodeAction => 'kind' in a || 'edit' in a;

describe('mtus-lint-disable comments', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await client.dispose();
  });

  for (const [scope, title, expected] of [
    [
      'line',
      'Silence therapy-over-trial on this line',
      'Acupuncture 2x4 low back <!-- mtus-lint-disable-line therapy-over-trial -->\nChiropractic 2x4 lumbar\n',
    ],
    [
      'document',
      'Silence therapy-over-trial in this document',
      '<!-- mtus-lint-disable therapy-over-trial -->\nAcupuncture 2x4 low back\nChiropractic 2x4 lumbar\n',
    ],
  ] as const) {
    test(`the quick fix silences the rule on the ${scope}; the comment is all it adds`, async () => {
      const uri = docUri(`silence-${scope}.rfa`);
      const text = 'Acupuncture 2x4 low back\nChiropractic 2x4 lumbar\n';
      const first = client.waitForVersion(uri, 1);
      await client.open(uri, 'mtus-request', text);
      const ds = (await first).diagnostics;
      assert.deepEqual(
        ds.map((d) => d.code),
        ['therapy-over-trial', 'therapy-over-trial'],
      );
      const actions = (await client.codeActions(uri, ds[0].range, { diagnostics: [ds[0]], triggerKind: 1 }))!.filter(isAction);
      const silence = actions.find((a) => a.title === title);
      assert.ok(silence, `offered: ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.notEqual(silence.isPreferred, true, 'silencing is never the preferred action');
      const published = client.waitForVersion(uri, 2);
      const after = await client.applyEdits(uri, editsOf(silence, uri).edits);
      assert.equal(after.text, expected);
      const left = (await published).diagnostics;
      assert.deepEqual(
        left.map((d) => [d.code, d.range.start.line]),
        scope === 'line' ? [['therapy-over-trial', 1]] : [],
      );
    });
  }

  test('the next line, and only the rule named', async () => {
    const uri = docUri('silence-next.rfa');
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', '<!-- mtus-lint-disable-next-line massage-without-exercise -->\nMassage x 8 neck\n');
    assert.deepEqual(
      (await published).diagnostics.map((d) => d.code),
      ['therapy-over-maximum'],
    );
  });

  test('a misspelt rule id is reported, with a fix to the rule it most likely meant', async () => {
    const uri = docUri('silence-typo.rfa');
    const published = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', 'Acupuncture 2x4 low back <!-- mtus-lint-disable-line therapy-over-trail -->\n');
    const ds = (await published).diagnostics;
    assert.deepEqual(ds.map((d) => d.code).sort(), ['directive-unknown-rule', 'therapy-over-trial']);
    const typo = ds.find((d) => d.code === 'directive-unknown-rule')!;
    assert.equal(messageOf(typo), '"therapy-over-trail" is not an mtus-lint rule, so this comment silences nothing; did you mean "therapy-over-trial"?');
    const fix = (await client.codeActions(uri, typo.range, { diagnostics: [typo], triggerKind: 1 }))!
      .filter(isAction)
      .find((a) => a.title === 'Change to "therapy-over-trial"');
    assert.ok(fix);
    const again = client.waitForVersion(uri, 2);
    await client.applyEdits(uri, editsOf(fix, uri).edits);
    assert.deepEqual((await again).diagnostics, []);
  });
});
