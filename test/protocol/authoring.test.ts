// Writing help over the real server: completion, inline totals, the outline.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompletionItemKind,
  type CompletionItem,
  type CompletionList,
  type DocumentSymbol,
  type InlayHint,
  type MarkupContent,
  type Position,
  type Range,
  type SymbolInformation,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { CLIENT_CAPABILITIES, docUri, LspClient, messageOf, ours, readKnowledge } from '../helpers/lsp-client';

interface CitationEntry {
  id: string;
  quotes: { text: string; source: string }[];
}
const citations = readKnowledge<CitationEntry[]>('citations.json');

const inside = (r: Range, outer: Range) =>
  (r.start.line > outer.start.line || (r.start.line === outer.start.line && r.start.character >= outer.start.character)) &&
  (r.end.line < outer.end.line || (r.end.line === outer.end.line && r.end.character <= outer.end.character));

describe('authoring', () => {
  let client: LspClient;
  const settings = { debounceMs: 0 };

  before(async () => {
    client = await LspClient.start({ settings });
  });
  after(async () => {
    assert.deepEqual(client.internalErrors(), []);
    await client.dispose();
  });

  /** Open a document and wait until the server has checked it. */
  async function openChecked(name: string, languageId: string, text: string): Promise<string> {
    const uri = docUri(name);
    const checked = client.waitForVersion(uri, 1);
    await client.open(uri, languageId, text);
    await checked;
    return uri;
  }

  const complete = async (uri: string, position: Position) => {
    const r = (await client.within(
      client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }),
      'the completion response',
    )) as CompletionList;
    assert.ok(r && Array.isArray(r.items), JSON.stringify(r));
    return r;
  };
  const endOf = (uri: string, line: number): Position => ({ line, character: client.text(uri).split('\n')[line].length });
  /** Apply a completion item the way the editor does, and wait for the new version's diagnostics. */
  const accept = async (uri: string, item: CompletionItem) => {
    const edit = item.textEdit as TextEdit;
    const waiting = client.waitForVersion(uri, client.document(uri).version + 1);
    const { text } = await client.applyEdits(uri, [edit]);
    return { text, diagnostics: ours(await waiting) };
  };

  test('the server offers completion, inlay hints and document symbols', () => {
    const caps = client.initializeResult.capabilities;
    assert.ok(caps.completionProvider, 'completionProvider');
    assert.ok(caps.inlayHintProvider, 'inlayHintProvider');
    assert.ok(caps.documentSymbolProvider, 'documentSymbolProvider');
  });

  test('after "MTUS": citation entries labelled with their edition, the quotation in the documentation', async () => {
    const uri = await openChecked('complete-citation.appeal', 'mtus-appeal', 'Massage therapy is requested as an adjunct, per MTUS');
    const list = await complete(uri, endOf(uri, 0));
    const item = list.items.find((i) => i.label === 'CPMTG 2016, Massage therapy');
    assert.ok(item, JSON.stringify(list.items.map((i) => i.label)));
    assert.ok(
      list.items.some((i) => i.label === 'CPMTG 2009 p. 60 — Massage therapy'),
      'the 2009 page form, labelled 2009',
    );
    const doc = item.documentation as MarkupContent;
    assert.equal(doc.kind, 'markdown');
    const quote = citations.find((c) => c.id === 'cpmtg2016-massage')!.quotes[0];
    assert.ok(doc.value.includes(quote.text.replace(/\s+/g, ' ')), doc.value);
    assert.ok(doc.value.includes(quote.source), doc.value);
    const { text, diagnostics } = await accept(uri, item);
    assert.equal(text, 'Massage therapy is requested as an adjunct, per MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy');
    assert.deepEqual(diagnostics.filter((d) => String(d.code).startsWith('citation')).map(messageOf), [], 'the citation inserted is one mtus-lint reads');
    const hover = await client.hoverOn(uri, 'Section(s)', 3);
    assert.ok((hover?.contents as MarkupContent).value.includes(quote.text.replace(/\s+/g, ' ')), 'and its hover quotes the same entry');
  });

  test('after a treatment: quantities within the limit, with the limit and citation', async () => {
    const uri = await openChecked('complete-quantity.rfa', 'mtus-request', 'Acupuncture, CPT 97810, lumbar spine, ');
    const list = await complete(uri, endOf(uri, 0));
    const labels = list.items.map((i) => i.label);
    for (const want of ['1x6', '2x3', '2 times a week for 3 weeks (6 sessions)', '6 sessions'])
      assert.ok(labels.includes(want), `${want} in ${JSON.stringify(labels)}`);
    const twoByThree = list.items.find((i) => i.label === '2x3')!;
    assert.equal(twoByThree.detail, '6 sessions, within the 3–6 trial, 8 CCR 9792.24.1, 2007');
    const { text, diagnostics } = await accept(uri, twoByThree);
    assert.equal(text, 'Acupuncture, CPT 97810, lumbar spine, 2x3');
    assert.deepEqual(diagnostics.filter((d) => /^therapy|^frequency/.test(String(d.code))).map(messageOf), []);
    // The quantity is written now: nothing more to offer there.
    const again = await complete(uri, endOf(uri, 0));
    assert.ok(!again.items.some((i) => i.kind === CompletionItemKind.Unit), JSON.stringify(again.items.map((i) => i.label)));
  });

  test('a word being typed: treatment names in standard wording', async () => {
    const uri = await openChecked('complete-name.rfa', 'mtus-request', '2. Chiropractic manip');
    const list = await complete(uri, endOf(uri, 0));
    assert.ok(list.isIncomplete, 'asked again as the word grows');
    const item = list.items.find((i) => i.label === 'Chiropractic manipulation')!;
    assert.ok(item, JSON.stringify(list.items.map((i) => i.label)));
    assert.match(item.detail ?? '', /trial 6, max 18 visits/);
    const { text } = await accept(uri, item);
    assert.equal(text, '2. Chiropractic manipulation');
  });

  test('inlay hints for the range asked for, and none once the setting is off', async () => {
    const uri = await openChecked('hints.rfa', 'mtus-request', 'Acupuncture 2x4 low back\nMassage therapy 2x3 lumbar, with home exercise\n');
    const hints = (range: Range) =>
      client.within(
        client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range }) as Promise<InlayHint[] | null>,
        'the inlay hints',
      );
    const all = await hints({ start: { line: 0, character: 0 }, end: { line: 2, character: 0 } });
    assert.deepEqual(
      all?.map((h) => [h.position, h.label]),
      [
        [{ line: 0, character: 15 }, '= 8 sessions · trial 3–6'],
        [{ line: 1, character: 19 }, '= 6 visits · max 4–6'],
      ],
    );
    assert.match(String(all![0].tooltip), /2x4 = 2 per week × 4 weeks = 8 sessions/);
    const second = await hints({ start: { line: 1, character: 0 }, end: { line: 1, character: 40 } });
    assert.deepEqual(
      second?.map((h) => h.label),
      ['= 6 visits · max 4–6'],
    );

    const rechecked = client.waitForVersion(uri, 1);
    await client.changeConfiguration({ ...settings, inlayHints: { enable: false } });
    await rechecked;
    assert.deepEqual(await hints({ start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }), []);
    const back = client.waitForVersion(uri, 1);
    await client.changeConfiguration(settings);
    await back;
    assert.equal((await hints({ start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }))?.length, 2);
  });

  test('a document mtus-lint does not check gets no completion, hints or symbols', async () => {
    const uri = docUri('notes.md');
    const cleared = client.waitForDiagnostics(uri);
    await client.open(uri, 'markdown', 'Acupuncture 2x4 low back, per MTUS');
    await cleared;
    const end = endOf(uri, 0);
    assert.equal(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: end }), null);
    assert.deepEqual(
      await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end } }),
      [],
    );
    assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }), []);
  });

  const symbols = (uri: string) =>
    client.within(client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>, 'the document symbols');

  function assertValid(list: DocumentSymbol[]): void {
    for (const s of list) {
      assert.ok(inside(s.selectionRange, s.range), `${s.name}: selectionRange ${JSON.stringify(s.selectionRange)} inside range ${JSON.stringify(s.range)}`);
      assertValid(s.children ?? []);
    }
  }

  test('document symbols for a request: its items with their reading, and its citations', async () => {
    const uri = await openChecked(
      'outline.rfa',
      'mtus-request',
      '1. Acupuncture 2x4 low back\n2. Massage therapy 4 visits, lumbar, with home exercise (MTUS Chronic Pain Medical Treatment Guidelines, page 60)\n',
    );
    const list = await symbols(uri);
    assert.deepEqual(
      list.map((s) => s.name),
      ['Acupuncture 2x4 — low back — 8 sessions (over the 3–6 trial)', 'Massage therapy 4 visits — low back — 4 visits (within limit)', 'Citations'],
    );
    assert.deepEqual(list[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 27 } });
    assert.deepEqual(list[0].selectionRange, { start: { line: 0, character: 3 }, end: { line: 0, character: 27 } });
    assert.deepEqual(
      list[2].children?.map((c) => c.name),
      ['MTUS Chronic Pain Medical Treatment Guidelines, page 60'],
    );
    assertValid(list);
  });

  test('document symbols for an appeal: the denial reasons it quotes and the answers to them', async () => {
    const text = [
      'Dear Reviewer:',
      '',
      'Denial reason 1: The UR denied acupuncture 6 sessions because there was no documentation of functional improvement.',
      '',
      'Response: She returned to modified duty, and her Norco was reduced from 10/325 to 5/325.',
      '',
      'Denial reason 2: The reviewer stated the request exceeds the guideline.',
      '',
      'Response: Six sessions are within the 3-6 trial of 8 CCR 9792.24.1.',
      '',
      'Sincerely,',
      'Dr. A. Physician',
      '',
    ].join('\n');
    const uri = await openChecked('outline.appeal', 'mtus-appeal', text);
    const list = await symbols(uri);
    const denials = list.filter((s) => s.name.startsWith('Denial:'));
    assert.deepEqual(
      denials.map((d) => [
        d.name,
        d.range.start.line,
        d.range.end.line,
        (d.children ?? []).filter((c) => c.name.startsWith('Response:')).map((c) => c.range.start.line),
      ]),
      [
        ['Denial: no documentation of functional improvement', 2, 4, [4]],
        ['Denial: exceeds the guideline', 6, 8, [8]],
      ],
    );
    assert.ok(
      denials[0].children?.some((c) => c.name === 'Acupuncture 6 sessions — 6 sessions (within limit)'),
      `the item the denial names is inside it: ${JSON.stringify(denials[0].children?.map((c) => c.name))}`,
    );
    assertValid(list);
  });
});

describe('document symbols for an editor without hierarchical outlines', () => {
  let client: LspClient;
  before(async () => {
    const capabilities = structuredClone(CLIENT_CAPABILITIES);
    delete capabilities.textDocument!.documentSymbol;
    client = await LspClient.start({ settings: { debounceMs: 0 }, capabilities });
  });
  after(async () => {
    await client.dispose();
  });

  test('a flat list, each symbol naming the one it belongs to', async () => {
    const uri = docUri('flat-outline.rfa');
    const checked = client.waitForVersion(uri, 1);
    await client.open(uri, 'mtus-request', '1. Acupuncture 2x4 low back (MTUS Acupuncture Treatment Guidelines)\n');
    await checked;
    const list = (await client.within(
      client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }),
      'the symbols',
    )) as SymbolInformation[];
    assert.ok(
      list.every((s) => s.location?.uri === uri && !('children' in s)),
      JSON.stringify(list),
    );
    assert.ok(list.some((s) => s.name.startsWith('Acupuncture 2x4') && !s.containerName));
    assert.ok(
      list.some((s) => s.containerName === 'Citations'),
      JSON.stringify(list.map((s) => [s.name, s.containerName])),
    );
  });
});
