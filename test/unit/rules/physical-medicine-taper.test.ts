import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'physical-medicine-taper';
const only = (text: string) => check(text).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  test('flags a flat 3-a-week schedule within the visits allowed (CRPS: 24 over 16 weeks)', () => {
    const f = only('Diagnosis: CRPS of the right hand (G90.511).\nPhysical therapy 3x6, right hand.');
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      '3 physical therapy visits a week for 6 weeks does not fade: the guideline expects the frequency to fall from up to 3 a week to 1 or less, with a self-directed home program (CPMTG 2016, Physical medicine); taper the schedule and name the home program',
    );
    assert.equal(f[0].severity, 'information');
  });
  const mustNot = [
    'Diagnosis: CRPS (G90.511). Physical therapy 3x2, then 1x4, right hand.',
    'Diagnosis: CRPS (G90.511). Physical therapy 3x6, right hand, tapering to a home exercise program.',
    'Diagnosis: CRPS (G90.511). Physical therapy 3x6, right hand. She does her home exercise program daily.',
    'Physical therapy 2x3 for the low back.',
  ];
  for (const text of mustNot) test(`does not flag: ${text}`, () => assert.deepEqual(only(text), []));
  test('one diagnostic per item: above the maximum wins', () => {
    assert.deepEqual(rulesOf('Physical therapy 3x6 for the low back.'), ['therapy-over-maximum']);
  });
  test('"off" turns it off', () => {
    const text = 'Diagnosis: CRPS of the right hand. Physical therapy 3x6 for the right hand.';
    assert.equal(only(text).length, 1);
    assert.deepEqual(rulesOf(text, { ruleSeverity: { [RULE]: 'off' } }), []);
  });
});
