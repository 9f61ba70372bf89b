// What the writer is offered while typing: treatment names, citations, quantities.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { completionsAt, type CompletionCandidate } from '../../../server/src/engine';
import { citationChoices } from '../../../server/src/engine/wording/citation-forms';
import { findCitations } from '../../../server/src/engine/parse/citations';
import { check, kb, repoRoot } from '../../helpers/repo';

/** Completion at the end of `text` (or at `|`), with the facts of its own analysis. */
function complete(text: string, kind: 'request' | 'appeal' = 'request') {
  const at = text.includes('|') ? text.indexOf('|') : text.length;
  const clean = text.replace('|', '');
  return { text: clean, at, ...completionsAt(clean, at, kb(), check(clean, { kind })) };
}
const labels = (items: CompletionCandidate[], kind?: CompletionCandidate['kind']) => items.filter((i) => !kind || i.kind === kind).map((i) => i.label);
/** The text after the editor applies a candidate. */
const apply = (r: { text: string }, c: CompletionCandidate) => r.text.slice(0, c.replace.start) + c.insertText + r.text.slice(c.replace.end);

describe('completion: treatment names', () => {
  test('a word being typed at the start of a line becomes the standard name, capitalised', () => {
    const r = complete('Acu');
    const acu = r.items.find((i) => i.label === 'Acupuncture');
    assert.ok(acu, JSON.stringify(labels(r.items)));
    assert.equal(acu.kind, 'treatment');
    assert.deepEqual(acu.replace, { start: 0, end: 3 });
    assert.match(acu.detail, /trial 3–6 sessions \(8 CCR 9792\.24\.1, 2007\)/);
    assert.match(acu.documentation ?? '', /Trial: 3–6 sessions/);
    assert.ok(r.incomplete, 'the list depends on the word typed');
  });

  test('words already typed are replaced whole: "physical th" → "Physical therapy"', () => {
    const r = complete('Requested: physical th');
    const pt = r.items.find((i) => i.label === 'Physical therapy')!;
    assert.ok(pt, JSON.stringify(labels(r.items)));
    assert.equal(apply(r, pt), 'Requested: Physical therapy');
    assert.match(pt.detail, /max 8–10 visits/);
  });

  test('mid-sentence the name stays lower case; list lines are capitalised', () => {
    assert.ok(labels(complete('she would benefit from massage th').items).includes('massage therapy'));
    assert.ok(labels(complete('3. chiropractic manip').items).includes('Chiropractic manipulation'));
  });

  test('informal words and regular expressions are not offered', () => {
    const all = labels(complete('chi').items);
    assert.ok(all.includes('Chiropractic care'), JSON.stringify(all));
    assert.ok(!all.some((l) => /^chiro(?:practor)?$/i.test(l)), JSON.stringify(all));
    assert.ok(!labels(complete('ele').items).some((l) => l.startsWith('/')));
  });

  test('ordinary words get no treatment names', () => {
    assert.deepEqual(labels(complete('Dear').items), []);
    assert.deepEqual(labels(complete('a').items), []);
  });
});

describe('completion: citations', () => {
  const entries = kb().data.citations;

  test('"MTUS" lists the MTUS citation entries, each with its edition and quotation', () => {
    const r = complete('Massage therapy 2x3 per MTUS');
    const cites = r.items.filter((i) => i.kind === 'citation');
    assert.ok(cites.length >= 40, `${cites.length} entries`);
    const massage2016 = cites.find((c) => c.label === 'CPMTG 2016, Massage therapy')!;
    assert.ok(massage2016, JSON.stringify(labels(cites)));
    const entry = entries.find((e) => e.id === 'cpmtg2016-massage')!;
    assert.ok(massage2016.documentation!.includes(entry.quotes[0].text.replace(/\s+/g, ' ')), massage2016.documentation);
    assert.ok(massage2016.documentation!.includes(entry.quotes[0].source));
    assert.equal(massage2016.insertText, 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy');
    assert.equal(r.text.slice(massage2016.replace.start, massage2016.replace.end), 'MTUS');
    assert.ok(massage2016.filterText!.startsWith('MTUS '), 'matches what was typed');
    // ODG is not part of the MTUS, and the 2009 page form is labelled with its edition.
    assert.ok(!cites.some((c) => /ODG/.test(c.label)));
    assert.ok(labels(cites).includes('CPMTG 2009 p. 60 — Massage therapy'));
  });

  test('the entries for a treatment on the line, in the document’s edition, come first', () => {
    const first = (text: string) =>
      [...complete(text).items].filter((i) => i.kind === 'citation').sort((a, b) => a.sortText.localeCompare(b.sortText))[0].label;
    assert.equal(first('Massage therapy 2x3 per MTUS'), 'CPMTG 2016, Massage therapy');
    assert.equal(first('MTUS Chronic Pain Medical Treatment Guidelines, page 58\nMassage therapy 2x3 per MTUS'), 'CPMTG 2009 p. 60 — Massage therapy');
  });

  test('each trigger lists its own family, and "MT" already starts the list', () => {
    const acoem = complete('See ACOEM').items.filter((i) => i.kind === 'citation');
    assert.ok(acoem.length >= 9 && acoem.every((c) => /^ACOEM|^MTUS ACOEM|^8 CCR 9792\.23/.test(c.insertText)), JSON.stringify(acoem.map((c) => c.insertText)));
    assert.ok(acoem.some((c) => c.insertText === 'ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints, pages 287-315'));
    const ccr = complete('as defined in 8 CCR 9792').items.filter((i) => i.kind === 'citation');
    assert.ok(ccr.length > 0 && ccr.every((c) => c.insertText.startsWith('8 CCR')), JSON.stringify(ccr.map((c) => c.insertText)));
    assert.ok(ccr.some((c) => c.insertText === '8 CCR 9792.24.1 (Acupuncture Medical Treatment Guidelines, 2007)'));
    const partway = complete('as defined in 8 CCR 9792.24').items.filter((i) => i.kind === 'citation');
    assert.equal(complete('as defined in 8 CCR 9792.24').text.slice(partway[0].replace.start, partway[0].replace.end), '8 CCR 9792.24');
    assert.deepEqual(
      complete('Labor Code')
        .items.map((c) => c.insertText)
        .sort(),
      ['Labor Code 4604.5(c)(1)', 'Labor Code 4610(k)'],
    );
    assert.ok(complete('per MT').items.some((i) => i.kind === 'citation'));
  });

  test('every citation offered reads back as its entry and draws no citation finding', () => {
    const choices = citationChoices(kb());
    assert.equal(choices.length, entries.filter((e) => e.guideline !== 'odg' && e.guideline !== 'acoem-3').length, 'every MTUS entry can be offered');
    for (const c of choices) {
      for (const written of [c.text, c.regulationText].filter((t): t is string => t !== undefined)) {
        assert.ok(
          findCitations(written, kb()).some((x) => x.resolved.includes(c.entry.id)),
          `${written} → ${c.entry.id}`,
        );
        const rules = check(written, { kind: 'appeal' })
          .findings.map((f) => f.rule)
          .filter((r) => r.startsWith('citation'));
        assert.deepEqual(rules, [], written);
      }
    }
    const offered = new Set(choices.flatMap((c) => [c.text, c.regulationText]));
    for (const trigger of ['MTUS', 'ACOEM', '8 CCR', 'Labor Code']) {
      for (const c of complete(trigger).items) assert.ok(offered.has(c.insertText), c.insertText);
    }
  });
});

describe('completion: quantities after a treatment', () => {
  test('acupuncture: the trial written as writers write it, with the limit and citation', () => {
    const r = complete('Acupuncture ');
    const q = r.items.filter((i) => i.kind === 'quantity');
    assert.deepEqual(labels(q), ['1x6', '2x3', '3x2', '2 times a week for 3 weeks (6 sessions)', '6 sessions']);
    assert.ok(
      q.every((i) => i.detail === '6 sessions, within the 3–6 trial, 8 CCR 9792.24.1, 2007'),
      q[0].detail,
    );
    assert.ok(!r.incomplete);
  });

  test('after the body part and codes of a request line', () => {
    const r = complete('Chiropractic manipulation, CPT 98940, lumbar spine, ');
    assert.ok(labels(r.items).includes('6 visits'), JSON.stringify(labels(r.items)));
    assert.match(r.items[0].detail, /within the 6-visit trial, CPMTG 2016, Manual therapy & manipulation/);
    assert.ok(!labels(r.items).includes('18 visits'), 'past the trial only with documented improvement');
  });

  test('the figure the document is judged by: edition, functional improvement, diagnosis, surgery', () => {
    const chiro2009 = complete('MTUS Chronic Pain Medical Treatment Guidelines, page 58\nChiropractic manipulation, lumbar spine, ');
    assert.match(chiro2009.items[0].detail, /CPMTG 2009 pp\. 58-59/);
    const improved = complete('She returned to full duty and her ADLs improved.\nAdditional chiropractic, lumbar spine, ');
    assert.ok(labels(improved.items).includes('3x6') && labels(improved.items).includes('18 visits'), JSON.stringify(labels(improved.items)));
    const myalgia = complete('Diagnosis: myalgia, M79.1\nPhysical therapy, CPT 97110, lumbar spine, ');
    assert.match(myalgia.items[0].detail, /within the 9–10 visits for myalgia and myositis over 8 weeks/);
    const bankart = complete('Postoperative physical therapy after Bankart repair, right shoulder, ');
    assert.ok(labels(bankart.items).includes('24 visits'));
    assert.match(bankart.items[0].detail, /24-visit course after Bankart repair, 8 CCR 9792\.24\.3, 2009/);
  });

  test('every quantity offered is read back within the limit, with no therapy finding', () => {
    const lines = [
      'Acupuncture ',
      'Chiropractic manipulation, lumbar spine, ',
      'Massage therapy, CPT 97124, ',
      'Physical therapy 2',
      'Diagnosis: myalgia M79.1\nPhysical therapy, lumbar spine, ',
      'Functional improvement: returned to work, ADLs improved.\nAdditional chiropractic, lumbar spine, ',
      'Postoperative physical therapy after Bankart repair, right shoulder, ',
    ];
    for (const line of lines) {
      const r = complete(line);
      assert.ok(r.items.length, line);
      for (const c of r.items.filter((i) => i.kind === 'quantity')) {
        const text = `${apply(r, c)}, with a home exercise program.`;
        const a = check(text);
        const item = a.items[a.items.length - 1];
        assert.equal(item?.quantity?.total, Number(/^\d+/.exec(c.detail)![0]), `${text} → ${item?.quantity?.reading}`);
        const therapy = a.findings.filter((f) => /^(?:therapy|frequency|postsurgical|physical-medicine)/.test(f.rule));
        assert.deepEqual(
          therapy.map((f) => f.message),
          [],
          text,
        );
      }
    }
  });

  test('a typed digit is completed, a space is added after a comma', () => {
    const r = complete('Physical therapy 2');
    const two = r.items.find((i) => i.label === '2x5')!;
    assert.equal(apply(r, two), 'Physical therapy 2x5');
    const c = complete('Acupuncture,');
    assert.equal(apply(c, c.items[0]), 'Acupuncture, 1x6');
  });

  test('nothing when the quantity is written, the course is past, or the body part is excluded', () => {
    assert.deepEqual(complete('Acupuncture 2x4 ').items, []);
    assert.deepEqual(complete('She had acupuncture ').items, []);
    assert.deepEqual(complete('Chiropractic manipulation, right knee, ').items, []);
    assert.deepEqual(complete('Acupuncture helped her sleep ').items, []);
    assert.deepEqual(complete('TENS unit ').items, [], 'no visit figure for TENS');
  });
});

describe('completion never throws', () => {
  test('at every offset of the examples', () => {
    for (const name of ['knee-and-back.rfa', 'acupuncture-appeal.appeal']) {
      const text = fs.readFileSync(path.join(repoRoot(), 'examples', name), 'utf8');
      const facts = check(text);
      for (let i = 0; i <= text.length; i++) completionsAt(text, i, kb(), facts);
      completionsAt(text, -5, kb(), facts);
      completionsAt(text, text.length + 5, kb(), facts);
    }
  });
});
