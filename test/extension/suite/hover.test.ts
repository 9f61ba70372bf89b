// Hover: the guideline's own words on a citation, and how a requested quantity was read.
import * as assert from 'node:assert/strict';
import { collapse, fileUri, hoverText, open, positionOf, readExtensionJson, waitForDiagnostics } from './util';

interface CitationEntry {
  id: string;
  guideline: string;
  topic: string;
  pages?: number[];
  sections?: string[];
  regulations?: string[];
  quotes: { text: string; source: string }[];
}
interface Range {
  min: number;
  max: number;
}
interface Limit {
  treatment: string;
  trial?: Range;
  perWeek?: Range;
}

const span = (r: Range) => (r.min === r.max ? `${r.min}` : `${r.min}–${r.max}`);

describe('hover', () => {
  let citations: CitationEntry[];
  let limits: Limit[];
  before(async () => {
    // The expected quotations come from the knowledge base shipped inside the installed extension.
    citations = await readExtensionJson<CitationEntry[]>('dist', 'knowledge', 'citations.json');
    limits = await readExtensionJson<Limit[]>('dist', 'knowledge', 'limits.json');
  });

  async function openRequest() {
    const { doc } = await open(fileUri('request.rfa'));
    await waitForDiagnostics(doc.uri, (ds) => ds.length > 0, 'diagnostics (the server has read the document)');
    return doc;
  }

  it('on "MTUS Chronic Pain Medical Treatment Guidelines, page 60": the guideline, the page and its quotation', async () => {
    const doc = await openRequest();
    const entry = citations.find((c) => c.guideline === 'cpmtg-2009' && c.pages?.includes(60));
    assert.ok(entry, 'the knowledge base holds CPMTG 2009 page 60');
    const text = collapse(await hoverText(doc.uri, positionOf(doc, 'Treatment Guidelines, page 60', 25)));
    assert.ok(text.includes('Chronic Pain Medical Treatment Guidelines'), text);
    assert.ok(text.includes('page 60'), text);
    assert.ok(text.includes(entry.topic), `hover should name the topic "${entry.topic}":\n${text}`);
    assert.ok(text.includes(collapse(entry.quotes[0].text)), `hover should quote "${entry.quotes[0].text}":\n${text}`);
  });

  it('on "8 CCR 9792.24.1": the Acupuncture Medical Treatment Guidelines quotation', async () => {
    const doc = await openRequest();
    const entry = citations.find((c) => c.regulations?.includes('8 CCR 9792.24.1'));
    assert.ok(entry, 'the knowledge base holds 8 CCR 9792.24.1');
    const text = collapse(await hoverText(doc.uri, positionOf(doc, '8 CCR 9792.24.1', 3)));
    assert.ok(text.includes(collapse(entry.quotes[0].text)), `hover should quote "${entry.quotes[0].text}":\n${text}`);
  });

  it('on "Page(s): 98-99": the physical medicine pages are found', async () => {
    const doc = await openRequest();
    const entry = citations.find((c) => c.guideline === 'cpmtg-2009' && c.pages?.includes(98));
    assert.ok(entry);
    const text = collapse(await hoverText(doc.uri, positionOf(doc, 'Page(s): 98-99', 2)));
    assert.ok(text.includes(collapse(entry.quotes[0].text)), `hover should quote "${entry.quotes[0].text}":\n${text}`);
    assert.ok(!text.includes('Not found in the MTUS'), text);
  });

  it('on "Acupuncture 2x4": how the quantity was read, and the limits', async () => {
    const doc = await openRequest();
    const text = await hoverText(doc.uri, positionOf(doc, 'Acupuncture 2x4', 13));
    assert.ok(text.includes('2x4 = 2 per week × 4 weeks = 8 sessions'), `hover should show how 2x4 was read:\n${text}`);
    const limit = limits.find((l) => l.treatment === 'acupuncture');
    assert.ok(limit?.trial && limit.perWeek, 'the knowledge base holds the acupuncture trial and frequency');
    assert.ok(text.includes(`Trial: ${span(limit.trial)} sessions`), `hover should give the trial ${span(limit.trial)}:\n${text}`);
    assert.ok(text.includes(`Frequency: ${span(limit.perWeek)} a week`), `hover should give the frequency ${span(limit.perWeek)}:\n${text}`);
    assert.ok(/functional improvement not documented/.test(text), `hover should say what the document shows:\n${text}`);
  });
});
