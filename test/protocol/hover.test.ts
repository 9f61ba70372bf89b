// What a user reads when the pointer rests on a quantity or a citation.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { docUri, LspClient, readKnowledge } from '../helpers/lsp-client';

interface CitationEntry {
  id: string;
  guideline: string;
  topic: string;
  sections?: string[];
  regulations?: string[];
  quotes: { text: string; source: string }[];
}
interface Guideline {
  id: string;
  title: string;
}

const citations = readKnowledge<CitationEntry[]>('citations.json');
const guidelines = readKnowledge<Guideline[]>('guidelines.json');

function markdownOf(h: Hover | null): string {
  assert.ok(h, 'expected a hover, got null');
  const c = h.contents as MarkupContent;
  assert.equal(c.kind, 'markdown');
  return c.value;
}

/** How a quotation appears in the hover: a '>' blockquote line with whitespace folded. */
const quoted = (text: string) => `> ${text.replace(/\s+/g, ' ')}`;

describe('hover', () => {
  let client: LspClient;
  const request = docUri('hover.rfa');
  const letter = docUri('hover.appeal');
  const CITATIONS = [
    'Dear reviewer,',
    'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy',
    'Acupuncture is limited as set out in 8 CCR 9792.24.1',
    '',
  ].join('\n');

  before(async () => {
    client = await LspClient.start({ settings: { debounceMs: 0 } });
    const a = client.waitForVersion(request, 1);
    const b = client.waitForVersion(letter, 1);
    await client.open(request, 'mtus-request', 'Acupuncture 2x4 low back\n');
    await client.open(letter, 'mtus-appeal', CITATIONS);
    await Promise.all([a, b]);
  });
  after(async () => {
    await client.dispose();
  });

  test('on "2x4": the reading (8 sessions) and the acupuncture limits', async () => {
    const h = await client.hoverOn(request, '2x4', 1);
    const md = markdownOf(h);
    assert.ok(md.includes('2x4'), md);
    assert.ok(md.includes('8 sessions'), md);
    assert.ok(md.includes('3–6'), `the trial limit 3–6 should be shown:\n${md}`);
    assert.match(md, /Acupuncture/);
    // The hover's range is the item it describes, on line 0 and covering the quantity.
    assert.ok(h!.range, 'hover range');
    assert.equal(h!.range.start.line, 0);
    assert.ok(h!.range.start.character <= 12 && h!.range.end.character >= 15, JSON.stringify(h!.range));
  });

  test('on a 2016 Chronic Pain section citation: the guideline named and its entry quoted', async () => {
    const entry = citations.find((e) => e.guideline === 'cpmtg-2016' && e.sections?.includes('Massage therapy'));
    assert.ok(entry, 'citations.json has the 2016 Massage therapy entry');
    const title = guidelines.find((g) => g.id === entry.guideline)!.title;
    const md = markdownOf(await client.hoverOn(letter, 'Section(s): Massage therapy', 'Section(s): '.length + 2));
    assert.ok(md.includes(title), `names the guideline "${title}":\n${md}`);
    assert.ok(md.includes('2016'), md);
    assert.ok(md.includes(quoted(entry.quotes[0].text)), `quotes ${JSON.stringify(entry.quotes[0].text)}:\n${md}`);
  });

  test('on "8 CCR 9792.24.1": the acupuncture guideline named and its regulation quoted', async () => {
    const entry = citations.find((e) => e.regulations?.includes('8 CCR 9792.24.1'));
    assert.ok(entry, 'citations.json has an entry for 8 CCR 9792.24.1');
    const title = guidelines.find((g) => g.id === entry.guideline)!.title;
    const h = await client.hoverOn(letter, '8 CCR 9792.24.1', 4);
    const md = markdownOf(h);
    assert.ok(md.includes(title), `names the guideline "${title}":\n${md}`);
    assert.ok(md.includes(quoted(entry.quotes[0].text)), `quotes ${JSON.stringify(entry.quotes[0].text)}:\n${md}`);
    assert.deepEqual(h!.range, client.rangeOf(letter, '8 CCR 9792.24.1'));
  });

  test('on plain words: no hover', async () => {
    assert.equal(await client.hoverOn(letter, 'reviewer', 3), null);
  });

  test('the server hit no internal errors along the way', () => {
    assert.deepEqual(client.internalErrors(), []);
  });
});
