import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'quantity-not-valid';

describe(RULE, () => {
  const flagged: [string, RegExp][] = [
    ['Chiropractic manipulation 0x4 (8 visits), lumbar spine', /"0" is zero/],
    ['Acupuncture 2x0 (8 visits) for the low back', /"0" is zero/],
    ['Physical therapy eighteen (8) visits, lumbar spine', /"eighteen" and "\(8\)" disagree/],
    ['Physical therapy QTY 6 #99, lumbar spine', /"6" and "99" disagree/],
  ];
  for (const [text, why] of flagged) {
    test(`flags, with no fix and no other quantity rule: ${text}`, () => {
      const f = check(text).findings;
      assert.deepEqual(
        f.map((x) => x.rule),
        [RULE],
      );
      assert.match(f[0].message, why);
      assert.equal(f[0].fix, undefined, 'no fix guesses the figure');
    });
  }
  const clean = ['Acupuncture 2x3 (6 visits), low back', 'Massage therapy x 4 (1 x 4), with a home exercise program', 'Physical therapy QTY 6\n-0 lumbar'];
  for (const text of clean)
    test(`does not flag: ${JSON.stringify(text)}`, () =>
      assert.deepEqual(
        rulesOf(text).filter((r) => r === RULE),
        [],
      ));
  test('"off" turns it off', () => assert.deepEqual(rulesOf('Acupuncture 2x0 (8 visits)', { ruleSeverity: { [RULE]: 'off' } }), []));
});
