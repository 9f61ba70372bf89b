import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine/fixes';
import { check, rulesOf } from '../../helpers/repo';

// Invented drafts.
const RULE = 'medication-ppi-without-gi-risk';
const only = (text: string, options = {}) => check(text, { kind: 'request', ...options }).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  test('flags a PPI with no GI risk factor, with a fill-in line', () => {
    const text = 'Naproxen 500 mg #60 twice daily\nOmeprazole 20 mg #30 daily\nFollow up in 4 weeks.';
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'Omeprazole 20 mg #30 without a documented GI risk factor: the guideline recommends proton pump inhibitors and H2 blockers for patients at risk of GI events (CPMTG 2016, NSAIDs, GI symptoms & cardiovascular risk); document the GI risk factor (age over 65; peptic ulcer, GI bleeding or perforation; aspirin, corticosteroid or anticoagulant use; high-dose or multiple NSAIDs) or the dyspepsia the NSAID causes',
    );
    assert.equal(f[0].severity, 'warning');
    assert.equal(f[0].edition, '2016');
    assert.equal(f[0].fix!.certain, false);
    const fixed = applyEdits(text, f[0].fix!.edits);
    assert.equal(
      fixed,
      'Naproxen 500 mg #60 twice daily\nOmeprazole 20 mg #30 daily\nGI risk factors: [age over 65 / ulcer, GI bleeding or perforation / aspirin, corticosteroid or anticoagulant / high-dose or multiple NSAIDs / dyspepsia on an NSAID]\nFollow up in 4 weeks.',
    );
    // The fill-in line names the risk factors as hints: until filled in it documents none.
    assert.equal(only(fixed).length, 1);
    assert.equal(only(fixed)[0].fix, undefined);
  });

  test('H2 blockers and brand names are judged the same way', () => {
    assert.match(only('Pepcid 20 mg #60')[0].message, /^Pepcid \(famotidine\) 20 mg #60 without a documented GI risk factor/);
    assert.match(only('Retrospective: Protonix 40 mg #30')[0].message, /^Protonix \(pantoprazole\) 40 mg #30/);
  });

  test('a negated risk factor is none', () => {
    assert.equal(only('She denies any history of GI bleeding or ulcers. Pantoprazole 20 mg #30.').length, 1);
  });

  for (const text of [
    'The patient is a 68-year-old man. Naproxen 500 mg #60. Omeprazole 20 mg #30.',
    'History of a bleeding duodenal ulcer in 2012. Omeprazole 20 mg #30 daily.',
    'He takes aspirin 81 mg daily for his heart. Omeprazole 20 mg #30.',
    'She is on warfarin. Pantoprazole 40 mg #30.',
    'Dyspepsia with naproxen. Famotidine 20 mg #60 twice daily.',
    'Ibuprofen 800 mg #90 and naproxen 500 mg #60. Omeprazole 20 mg #30.',
    'She previously took omeprazole 20 mg daily.',
  ]) {
    test(`does not flag: ${text}`, () => assert.deepEqual(only(text), []));
  }

  test('its severity follows the setting, and "off" turns it off', () => {
    assert.equal(only('Omeprazole 20 mg #30', { ruleSeverity: { [RULE]: 'hint' } })[0].severity, 'hint');
    assert.deepEqual(
      rulesOf('Omeprazole 20 mg #30', { ruleSeverity: { [RULE]: 'off' } }).filter((r) => r === RULE),
      [],
    );
  });
  test('a negation keeps its force over a wrapped line', () => {
    const text =
      'Ranitidine 150 mg 1 PO BID #60\n- Ranitidine: for stomach protection. She takes no NSAID and reports no\n  dyspepsia, ulcer or GI bleeding; no aspirin, steroid or anticoagulant.';
    assert.equal(only(text).length, 1);
  });
});
