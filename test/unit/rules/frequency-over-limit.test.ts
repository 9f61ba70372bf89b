import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'frequency-over-limit';

describe(RULE, () => {
  test('flags physical therapy 5 times a week', () => {
    const f = check('Physical therapy 5 times a week for 2 weeks').findings;
    assert.deepEqual(
      f.map((x) => x.rule),
      [RULE],
    );
    assert.match(
      f[0].message,
      /^5 physical therapy visits a week exceeds the 1–3 per week frequency \(CPMTG 2016, Physical medicine\); fade toward 1 or fewer a week/,
    );
  });
  test('flags acupuncture 4x/week for one week', () => {
    assert.deepEqual(rulesOf('Acupuncture 4x/week x 1 week'), [RULE]);
  });
  for (const text of ['Physical therapy 3 times a week for 2 weeks', 'Acupuncture 2x3', 'Massage 5 times a week for 1 week']) {
    test(`does not flag: ${text}`, () =>
      assert.deepEqual(
        rulesOf(text).filter((r) => r === RULE),
        [],
      ));
  }
  test('not reported on an item that already has a count problem', () => {
    assert.deepEqual(rulesOf('Physical therapy 5 times a week for 4 weeks'), ['therapy-over-maximum']);
  });
});
