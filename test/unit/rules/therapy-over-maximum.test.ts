import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'therapy-over-maximum';

describe(RULE, () => {
  const mustFlag: [string, RegExp][] = [
    ['8 sessions of massage therapy', /^8 massage visits exceeds the 4–6 visit limit \(CPMTG 2016, Massage therapy\); request no more than 6$/],
    [
      'Physical therapy 3 times per week for 4 weeks',
      /^12 physical therapy visits exceeds the 8–10 visit limit \(CPMTG 2016, Physical medicine\); request no more than 10 and taper toward a home program$/,
    ],
    ['PT/OT 18 sessions left hand', /18 PT\/OT visits/],
    ['Twelve physical therapy visits for the Cervical Spine', /12 physical therapy visits/],
    // above the maximum even with functional improvement documented
    ['Returned to modified duty after chiropractic. Chiropractic 2x12 for the low back.', /24 chiropractic visits exceeds the 18 visit limit/],
    // completed plus requested
    [
      'He has had 12 physical therapy visits to date. Request physical therapy 2x3 for the neck.',
      /^12 completed \+ 6 requested = 18 physical therapy visits, above the 8–10 visit limit/,
    ],
  ];
  for (const [text, message] of mustFlag) {
    test(`flags: ${text}`, () => {
      const f = check(text).findings.filter((x) => x.rule === RULE);
      assert.equal(f.length, 1, JSON.stringify(check(text).findings.map((x) => x.message)));
      assert.match(f[0].message, message);
      assert.equal(f[0].severity, 'error');
    });
  }
  const mustNot = [
    'Massage therapy x 6 with the home exercise program',
    'Physical therapy 2x4 for the lumbar spine',
    'Occupational therapy for six sessions',
    'Post-op physical therapy 2 times a week for 6 weeks',
  ];
  for (const text of mustNot) {
    test(`does not flag: ${text}`, () =>
      assert.deepEqual(
        rulesOf(text).filter((r) => r === RULE),
        [],
      ));
  }
  test('one diagnostic per item: above the maximum is not also reported as above the trial', () => {
    assert.deepEqual(rulesOf('Massage therapy x 12 beside the home exercise program'), [RULE]);
  });
  test('physical and occupational therapy for the same body parts count together as physical medicine', () => {
    const f = check('She has completed 6 PT visits and 4 OT visits for the neck. Request physical therapy 2x3 for the neck.').findings.filter(
      (x) => x.rule === RULE,
    );
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^10 completed \+ 6 requested = 16 physical therapy visits, above the 8–10 visit limit/);
    assert.equal(f[0].fix, undefined, 'no visits remain to cap to');
    const ot = check('She has completed 8 PT visits for the lumbar spine. Request occupational therapy 2x2 for the lumbar spine.').findings.filter(
      (x) => x.rule === RULE,
    );
    assert.match(ot[0].message, /^8 completed \+ 4 requested = 12 occupational therapy visits/);
  });
  test('therapy for other body parts does not count', () => {
    assert.deepEqual(rulesOf('She has completed 8 OT visits for the right wrist. Request physical therapy 2x3 for the low back.'), []);
  });
  test("a limit the denial quotes on the item's line is not the item's quantity", () => {
    const text =
      'Dear reviewer,\nThe UR decision of 06/12/2017 addressed three items:\n' +
      '  (3) Occupational therapy, bilateral wrists/hands, 2 times a week for 6 weeks (12 visits) -\n' +
      '      non-certified: "the request exceeds the 8-10 visits over 4 weeks recommended for neuritis".\n' +
      'I ask the reviewer to overturn item (3).';
    const f = check(text, { kind: 'appeal' }).findings.filter((x) => x.rule === RULE);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^12 occupational therapy visits exceeds the 8–10 visit limit/);
  });
  test('a total stated after courses told one by one is the course given so far; the plan restating the form is one problem', () => {
    const text =
      'Requested treatment (1)\n  Diagnosis: Complex regional pain syndrome I of right upper limb\n' +
      '  Service/Good: Occupational therapy (hand therapy), right hand/wrist, continued\n' +
      '  Other information: 2 times per week x 4 weeks = 8 visits\n\n' +
      'Occupational therapy to date, R hand: 12 visits 12/2015 - 03/2016 and 8 visits 01/2017 - 03/2017,\n20 in all.\n\n' +
      'Plan: 8 more visits of hand therapy, then home program.\n';
    // (With no date of injury the 24-visit cap speaks first; either way, one error on the 28 visits.)
    const f = check(text, { kind: 'request' }).findings.filter((x) => x.severity === 'error');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^20 completed \+ 8 requested = 28 occupational therapy visits/);
    assert.equal(f[0].related?.length, 1);
  });
});
