import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { MedicationItem } from '../../server/src/engine/types';
import { defaultKnowledgeDir, KnowledgeError, parseKnowledge } from '../../server/src/knowledge/load';
import { check, kb } from '../helpers/repo';

// The texts below are invented for these tests.

const meds = (text: string): MedicationItem[] => check(text, { kind: 'request' }).medications ?? [];
const one = (text: string): MedicationItem => {
  const xs = meds(text);
  assert.equal(xs.length, 1, `one item in ${JSON.stringify(text)}, got ${xs.map((x) => x.drug).join(', ')}`);
  return xs[0];
};
const spanText = (text: string, item: MedicationItem) => text.slice(item.span.start, item.span.end);

describe('medication items: what is read', () => {
  test('drug, strength, quantity and written dosing give the days of supply', () => {
    const text = 'Cyclobenzaprine 7.5 mg #60, one tablet twice daily';
    const m = one(text);
    assert.equal(m.drug, 'cyclobenzaprine');
    assert.equal(m.class, 'muscle-relaxant');
    assert.equal(m.route, 'oral');
    assert.equal(m.strength?.text, '7.5 mg');
    assert.equal(m.quantity?.value, 60);
    assert.equal(m.dosing?.unitsPerDay, 2);
    assert.deepEqual(m.supply, { days: 30, basis: 'dosing', unitsPerDay: 2 });
    assert.equal(spanText(text, m), text);
  });

  const readings: [string, number, string, number?][] = [
    ['Tizanidine 4 mg #90 TID', 30, 'dosing', 3],
    ['Baclofen 10 mg QTY 60, 1 tab q12h', 30, 'dosing', 2],
    ['Methocarbamol 750 mg 40 tablets, take 2 tablets four times a day', 5, 'dosing', 8],
    ['Hydrocodone/APAP 5/325 mg #60, 1-2 tabs every 4-6 hours as needed', 5, 'dosing', 12],
    ['Celecoxib 200 mg #30 daily', 30, 'dosing', 1],
    ['Carisoprodol 350 mg #28 at bedtime', 28, 'dosing', 1],
    ['Tramadol 50 mg #120, one by mouth, every 6 hours', 30, 'dosing', 4],
    // no dosing written: the drug's usual maximum a day, the shortest plausible course
    ['Flexeril 10 mg #90', 30, 'usual-maximum', 3],
    ['Norflex ER 100 mg #60', 30, 'usual-maximum', 2],
    // days the writer gives win over the count
    ['Oxycodone ER 10 mg #60, day supply: 30', 30, 'written'],
    ['Hydrocodone 10/325 mg one tablet three times daily for 14 days #42', 14, 'written'],
    ['A one month supply of tapentadol 50 mg', 30, 'written'],
    ['Ibuprofen 800 mg #30 for 2 weeks', 14, 'written'],
  ];
  for (const [text, days, basis, perDay] of readings) {
    test(`days of supply: ${text}`, () => {
      const m = one(text);
      assert.equal(m.supply?.days, days);
      assert.equal(m.supply?.basis, basis);
      if (perDay !== undefined) assert.equal(m.supply?.unitsPerDay, perDay);
    });
  }

  test('refills multiply the supply; "refills of" asks for the refills alone', () => {
    const a = one('Naproxen 500 mg #60 twice daily with 2 refills');
    assert.equal(a.refills, 2);
    assert.equal(a.refillsOnly, false);
    assert.equal(a.supply?.days, 90);
    const b = one('Meloxicam 15 mg #30, once daily, x2 refills');
    assert.equal(b.refills, 2);
    assert.equal(b.supply?.days, 90);
    const c = one('Three refills of etodolac 400 mg #60 BID');
    assert.equal(c.refills, 3);
    assert.equal(c.refillsOnly, true);
    assert.equal(c.supply?.days, 90);
    assert.equal(one('Omeprazole 20 mg #30 with one refill').refills, 1);
    assert.equal(one('Omeprazole 20 mg #30, no refills').refills, 0);
  });

  test('a drug named as the reason for another on its line is no item of its own', () => {
    const it = one('Omeprazole 20 mg, 1 PO daily while on naproxen, #30');
    assert.equal(it.drug, 'omeprazole');
    assert.equal(it.quantity?.value, 30);
  });

  test('brand names read as their drug, and a generic with its brand in parentheses is one item', () => {
    assert.equal(one('Fexmid 7.5 mg #20').drug, 'cyclobenzaprine');
    assert.equal(one('Mobic 7.5 mg #30').class, 'nsaid');
    assert.equal(one('Nexium 40 mg #30').class, 'gastroprotective');
    assert.equal(one('Nucynta 50 mg #60').class, 'opioid');
    const m = one('Tizanidine (Zanaflex) 4 mg #30');
    assert.equal(m.drug, 'tizanidine');
    assert.equal(m.strength?.text, '4 mg');
    assert.equal(m.ingredients.length, 1);
  });

  test('a combination tablet is one item judged by its first drug', () => {
    const m = one('Ibuprofen/famotidine 800-26.6 mg #90');
    assert.deepEqual(
      m.ingredients.map((g) => g.drug),
      ['ibuprofen', 'famotidine'],
    );
    assert.equal(m.class, 'nsaid');
    assert.equal(m.route, 'oral');
    assert.deepEqual(
      one('Hydrocodone-acetaminophen 10/325 mg #60').ingredients.map((g) => g.drug),
      ['hydrocodone', 'acetaminophen'],
    );
  });

  test('a compound lists its ingredients with their strengths, across a line break', () => {
    const text = 'Compounded cream: ketoprofen 10%, baclofen 2%, lidocaine\n5%/menthol 2%, 240 g';
    const m = one(text);
    assert.equal(m.route, 'topical');
    assert.equal(m.compound, true);
    assert.equal(spanText(text, m), 'ketoprofen 10%, baclofen 2%, lidocaine\n5%/menthol 2%, 240 g');
    assert.deepEqual(
      m.ingredients.map((g) => [g.drug, g.strength]),
      [
        ['ketoprofen', '10%'],
        ['baclofen', '2%'],
        ['lidocaine', '5%'],
        ['menthol', '2%'],
      ],
    );
  });

  test('a brand that is itself a compound is expanded', () => {
    const m = one('Terocin lotion 120 ml');
    assert.deepEqual(m.ingredients.map((g) => g.drug).sort(), ['capsaicin', 'lidocaine', 'menthol', 'methyl-salicylate']);
    assert.equal(m.compound, true);
  });

  test('the form decides how a drug is judged: tablets, gel, patch, injection', () => {
    assert.equal(one('Diclofenac sodium 75 mg tablets #60').class, 'nsaid');
    const gel = one('Diclofenac 1% gel, apply to the knee four times daily');
    assert.equal(gel.route, 'topical');
    assert.equal(gel.class, 'topical-nsaid');
    assert.equal(one('Lidocaine 5% patch #30').route, 'patch');
    assert.equal(one('Lidocaine 4% cream 30 g').route, 'topical');
    assert.equal(one('Ketorolac 60 mg IM injection').route, 'other');
    // an opioid patch is an opioid
    assert.equal(one('Butrans 10 mcg/hr patch #4').class, 'opioid');
  });

  test('post-op and retrospective requests are marked', () => {
    assert.equal(one('Post-operative oxycodone 5 mg #30').postOp, true);
    assert.equal(one('Retrospective request: famotidine 20 mg #60 (DOS 02/03/2017)').retrospective, true);
  });
});

describe('medication items: request, history and guideline text', () => {
  test('a drug named only in history is not a requested item', () => {
    assert.deepEqual(meds('She previously took ibuprofen and stopped it because of stomach upset.'), []);
    assert.deepEqual(meds('He tried gabapentin 300 mg three times daily without relief.'), []);
    const xs = meds('She previously took ibuprofen. Request: naproxen 500 mg #60.');
    assert.deepEqual(
      xs.map((x) => x.drug),
      ['naproxen'],
    );
  });

  test('a current medication list is not a request, but marks the drug as already taken', () => {
    const text = 'Current medications: Norco 10/325 mg twice daily, tizanidine 4 mg at bedtime.\nPlan: tizanidine 4 mg #30 at bedtime.';
    const xs = meds(text);
    assert.deepEqual(
      xs.map((x) => x.drug),
      ['tizanidine'],
    );
    assert.equal(xs[0].ongoing, true);
  });

  test('a list takes the word of the heading it sits under', () => {
    const text =
      'Current medications:\n1. Norco 10/325 mg #60 twice daily\n2. Naproxen 500 mg #60 twice daily\n\nMedications requested:\n1. Naproxen 500 mg #60 twice daily';
    const xs = meds(text);
    assert.deepEqual(
      xs.map((x) => [x.drug, x.ongoing]),
      [['naproxen', true]],
    );
    assert.equal(xs[0].span.start, text.lastIndexOf('Naproxen'));
  });

  test('continue, refill and since mark ongoing use; a first request does not', () => {
    assert.equal(one('Continue meloxicam 15 mg #30 daily').ongoing, true);
    assert.equal(one('Refill Norco 10/325 mg #60').ongoing, true);
    assert.equal(one('She has used Robaxin since 2015. Robaxin 750 mg #40.').ongoing, true);
    assert.equal(one('Naproxen 500 mg #20 twice daily').ongoing, false);
    assert.equal(one('She took ibuprofen since 2015 but stopped it in May. Naproxen 500 mg #20 twice daily.').ongoing, false);
  });

  test('a guideline quotation or citation names drugs without requesting them', () => {
    assert.deepEqual(
      meds('The MTUS recommends NSAIDs such as naproxen for short-term relief; cyclobenzaprine is not recommended for longer than 2-3 weeks.'),
      [],
    );
    assert.deepEqual(meds('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Cyclobenzaprine (Flexeril).'), []);
  });

  test('a bare name with a request cue is an item; one without is not', () => {
    assert.deepEqual(
      meds('Requesting authorization for Lidoderm patches.').map((x) => x.drug),
      ['lidoderm'],
    );
    assert.deepEqual(meds('Flexeril helps her sleep.'), []);
  });

  test('several items in one request list are read apart', () => {
    const text = '1. Naproxen 550 mg #60, one tablet twice daily\n2. Omeprazole 20 mg #30 daily\n3. Cyclobenzaprine 7.5 mg #20 at bedtime';
    const xs = meds(text);
    assert.deepEqual(
      xs.map((x) => [x.drug, x.quantity?.value, x.dosing?.unitsPerDay]),
      [
        ['naproxen', 60, 2],
        ['omeprazole', 30, 1],
        ['cyclobenzaprine', 20, 1],
      ],
    );
  });
});

describe('the medication knowledge base', () => {
  test('every class that is judged names a citation with a quotation, and its source', () => {
    for (const c of kb().data.medications.classes) {
      assert.ok(c.source.length > 20, `${c.id} source`);
      if (c.requires === 'none') continue;
      const entry = kb().citation(c.citation!);
      assert.ok(entry && entry.quotes.length > 0, `${c.id} citation ${c.citation}`);
    }
    for (const x of kb().data.medications.topicalNotRecommended) assert.ok(x.source.length > 20, `${x.id} source`);
  });
  test('the limits are the guideline figures', () => {
    assert.deepEqual(kb().drugClass('muscle-relaxant')!.durationDays, { min: 14, max: 21 });
    assert.equal(kb().drugClass('opioid')!.citation, 'opioids-mtg-2016');
  });
  test('every drug name finds its drug', () => {
    for (const d of kb().data.medications.drugs) for (const n of [...d.generic, ...d.brands]) assert.equal(kb().drugOf(n)?.id, d.id, n);
  });

  const raw = () => {
    const dir = defaultKnowledgeDir();
    const read = (f: string) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    return {
      version: 'test',
      guidelines: read('guidelines.json'),
      citations: read('citations.json'),
      treatments: read('treatments.json'),
      limits: read('limits.json'),
      bodyRegions: read('body-regions.json'),
      legalFigures: read('legal-figures.json'),
      medications: read('medications.json'),
    };
  };
  test('a medication record naming an unknown citation, class or drug is refused', () => {
    const a = raw();
    a.medications.classes[0].citation = 'no-such-citation';
    assert.throws(
      () => parseKnowledge(a, 'test'),
      (e: unknown) => e instanceof KnowledgeError && /medications\.classes\.0 \(muscle-relaxant\): unknown citation "no-such-citation"/.test(e.message),
    );
    const b = raw();
    b.medications.drugs[0].class = 'no-such-class';
    assert.throws(() => parseKnowledge(b, 'test'), /unknown class "no-such-class"/);
    const c = raw();
    c.medications.topicalNotRecommended.find((x: { drugs?: string[] }) => x.drugs)!.drugs.push('no-such-drug');
    assert.throws(() => parseKnowledge(c, 'test'), /unknown drug "no-such-drug"/);
  });
  test('one name for two drugs, a dose without its source, and a judged class without advice are refused', () => {
    const a = raw();
    a.medications.drugs[1].brands.push('Flexeril');
    assert.throws(() => parseKnowledge(a, 'test'), /the name "Flexeril" also names "cyclobenzaprine"/);
    const b = raw();
    delete b.medications.drugs[0].doseSource;
    assert.throws(() => parseKnowledge(b, 'test'), /maxUnitsPerDay needs a doseSource/);
    const c = raw();
    delete c.medications.classes[0].advice;
    assert.throws(() => parseKnowledge(c, 'test'), /a judged class needs a citation and advice/);
  });
});
