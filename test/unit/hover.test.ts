import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../server/src/engine';
import { defaultCorpusIndex } from '../../server/src/corpus/load-index';
import { check, kb } from '../helpers/repo';

const hover = (text: string, at: string) => hoverAt(check(text), text, text.indexOf(at) + 1, kb());

describe('hover on a requested item', () => {
  test('shows how the quantity was read and the limits that apply', () => {
    const h = hover('Acupuncture 2x4 low back', '2x4')!;
    assert.match(h.markdown, /2x4 = 2 per week × 4 weeks = 8 sessions/);
    assert.match(h.markdown, /Trial: 3–6 sessions/);
    assert.match(h.markdown, /Frequency: 1–3 a week/);
    assert.match(h.markdown, /8 CCR 9792\.24\.1/);
    assert.match(h.markdown, /Body region: low back/);
  });
  test('says whether this document documents functional improvement', () => {
    assert.match(hover('Pain 8/10 to 5/10. Acupuncture 2x3', '2x3')!.markdown, /functional improvement not documented \(a pain score alone does not count\)/);
    assert.match(hover('Returned to full duty. Acupuncture 2x3', '2x3')!.markdown, /functional improvement documented \(work-status\)/);
  });
  test('a treatment named without a quantity still shows its limits', () => {
    assert.match(hover('Treatment has included massage therapy.', 'massage')!.markdown, /Maximum: 4–6 visits/);
  });
  test('nothing to say on plain words', () => {
    assert.equal(hover('Dear claims adjuster,', 'claims'), undefined);
  });
});

describe('hover with corpus evidence', () => {
  const corpus = defaultCorpusIndex()!;
  const at = (text: string, where: string) => hoverAt(check(text, { corpus }), text, text.indexOf(where) + 1, kb(), corpus)!.markdown;

  test('the bundled index is there', () => assert.ok(corpus && corpus.letters >= 142));

  test('a citation: how many decisions cite it and how they went, with examples', () => {
    const s = corpus.citations['cpmtg2009-massage'];
    const md = at('MTUS Chronic Pain Medical Treatment Guidelines, page 60', 'page');
    assert.ok(md.includes(`Cited in ${s.items} decision${s.items === 1 ? '' : 's'} in the corpus: ${s.upheld} upheld, ${s.overturned} overturned.`), md);
    for (const e of s.examples.slice(0, 3)) assert.ok(md.includes(e.caseNumber), `example ${e.caseNumber}`);
  });

  test('a requested item: how such requests fared within and above the limit', () => {
    const t = corpus.treatments['acupuncture'];
    const md = at('Acupuncture 2x4', '2x4');
    const n = (o: { upheld: number; overturned: number }) => o.upheld + o.overturned;
    assert.ok(md.includes(`within ${t.limit} sessions: ${t.withinLimit.upheld} of ${n(t.withinLimit)} upheld`), md);
    assert.ok(md.includes(`above ${t.limit} sessions: ${t.aboveLimit.upheld} of ${n(t.aboveLimit)} upheld`), md);
  });
});

describe('hover on a requested medication', () => {
  const corpus = defaultCorpusIndex()!;
  const at = (text: string, where: string) => hoverAt(check(text, { corpus }), text, text.indexOf(where) + 1, kb(), corpus)?.markdown ?? '';

  test('how the supply was read, the class limit with its edition, the guideline words and the corpus', () => {
    const md = at('Request cyclobenzaprine 7.5 mg #60, one tablet twice daily.', '#60');
    assert.match(md, /^\*\*Cyclobenzaprine 7\.5 mg #60\*\* — muscle relaxant, oral/);
    assert.ok(md.includes('Read as: cyclobenzaprine 7.5 mg #60, one tablet twice daily = 30 days.'), md);
    assert.ok(md.includes('**Limits** — CPMTG 2016, Cyclobenzaprine (Flexeril): muscle relaxants are for a short course: 14–21 days at most.'), md);
    assert.ok(md.includes('*Judged by CPMTG 2016'), md);
    const s = corpus.citations['cpmtg2016-cyclobenzaprine'];
    assert.ok(md.includes(`Cited in ${s.items} decision${s.items === 1 ? '' : 's'} in the corpus: ${s.upheld} upheld, ${s.overturned} overturned.`), md);
  });

  test('an opioid names the Opioids guideline of 2016 and what it needs documented', () => {
    const md = at('Norco 10/325 #120', 'Norco');
    assert.ok(md.includes('No dosing or days written, so no days of supply are counted.'), md);
    assert.ok(md.includes('8 CCR 9792.24.4, 2016: opioids need documented pain relief'), md);
    assert.ok(md.includes('*Judged by Opioids MTG 2016'), md);
  });

  test('a medication named only in the history has no hover of its own', () => {
    assert.equal(at('She previously took ibuprofen 800 mg with no benefit.', 'ibuprofen'), '');
  });
});
