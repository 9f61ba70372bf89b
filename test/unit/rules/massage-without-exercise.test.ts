import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'massage-without-exercise';
const only = (text: string) => check(text).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  const mustFlag = ['Request massage therapy x 4 for the low back.', 'Plan: myofascial release 1x4, lumbar.', 'Massage 4 visits, neck.'];
  for (const text of mustFlag) {
    test(`flags: ${text}`, () => {
      const f = only(text);
      assert.equal(f.length, 1);
      assert.match(
        f[0].message,
        /^Massage is supported only as an adjunct to other recommended treatment such as exercise \(CPMTG 2016, Massage therapy\); name the home exercise program/,
      );
      assert.equal(f[0].severity, 'warning');
    });
  }
  const mustNot = [
    'Request massage therapy x 4 for the low back with her home exercise program.',
    'Physical therapy 2x3 and massage x 4 for the low back.',
    'Massage x 4 as an adjunct to therapeutic exercise.',
    // exercise in the writer's everyday words
    'Request massage therapy x 4 for the low back. He works out at a gym three times a week (core program, treadmill).',
    // history, not a request
    'She previously had massage therapy with little benefit.',
    // a guideline quotation
    'The MTUS recommends massage only as an adjunct to other recommended treatment.',
  ];
  for (const text of mustNot) test(`does not flag: ${text}`, () => assert.deepEqual(only(text), []));
  test('the fill-in line goes under the request, is not certain, and does not count as a program until filled', () => {
    const text = 'Request massage therapy x 4 for the low back.\nSincerely,';
    const f = only(text)[0];
    assert.equal(f.fix!.certain, false);
    const fixed = applyEdits(text, f.fix!.edits);
    assert.equal(
      fixed,
      'Request massage therapy x 4 for the low back.\n   Given with: [home exercise program or therapeutic exercise, and how often]\nSincerely,',
    );
    const again = only(fixed);
    assert.equal(again.length, 1, 'a placeholder is not a program');
    assert.equal(again[0].fix, undefined, 'the line is not offered twice');
    assert.deepEqual(only(fixed.replace('[home exercise program or therapeutic exercise, and how often]', 'daily home exercise program')), []);
  });
  test('a request restated is one diagnostic with the other places related', () => {
    const f = only('Request massage x 4, low back.\nI ask again for massage x 4.');
    assert.equal(f.length, 1);
    assert.equal(f[0].related?.length, 1);
  });
  test('"off" turns it off', () => assert.deepEqual(rulesOf('Massage x 4', { ruleSeverity: { [RULE]: 'off' } }), []));
});
