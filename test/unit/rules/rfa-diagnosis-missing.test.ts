import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'rfa-diagnosis-missing';
const only = (text: string) => check(text, { kind: 'request' }).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  const text = 'REQUEST FOR AUTHORIZATION\nPatient: J. Doe\n1. Acupuncture 2x3 for the low back.\n';
  test('flags a request form with no diagnosis, on its first item', () => {
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].span.start, f[0].span.end), 'Acupuncture 2x3 for the low back');
    assert.match(f[0].message, /^The request states no diagnosis: give the diagnosis and its ICD-10 code \(DWC Form RFA, 8 CCR 9785\.5\)/);
  });
  test('the fill-in line goes above the first item; its blanks do not count until filled', () => {
    const f = only(text)[0];
    assert.equal(f.fix!.certain, false);
    const fixed = applyEdits(text, f.fix!.edits);
    assert.equal(fixed, 'REQUEST FOR AUTHORIZATION\nPatient: J. Doe\nDiagnosis (ICD-10): [diagnosis] ([code])\n1. Acupuncture 2x3 for the low back.\n');
    assert.equal(only(fixed).length, 1);
    assert.equal(only(fixed)[0].fix, undefined);
    assert.deepEqual(only(fixed.replace('[diagnosis] ([code])', 'lumbar strain (S39.012A)')), []);
  });
  const stated = [
    'Diagnosis: lumbar strain',
    'Dx: cervical radiculopathy',
    'ICD-10: M54.16',
    'She was diagnosed with plantar fasciitis.',
    'Assessment: myofascial pain syndrome (M79.18).',
  ];
  for (const d of stated)
    test(`not flagged when the request says: ${d}`, () =>
      assert.deepEqual(only(`REQUEST FOR AUTHORIZATION\nPatient: J. Doe\n${d}\n1. Acupuncture 2x3 for the low back.\n`), []));
  test('a line being tried out is not a whole request', () => assert.deepEqual(only('Acupuncture 2x3 for the low back.'), []));
  test('"off" turns it off', () =>
    assert.deepEqual(
      rulesOf(text, { kind: 'request', ruleSeverity: { [RULE]: 'off' } }).filter((r) => r === RULE),
      [],
    ));
});
