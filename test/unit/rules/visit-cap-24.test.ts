import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dateOfInjury } from '../../../server/src/engine/parse/injury-date';
import { employerAuthorizedInWriting } from '../../../server/src/engine/parse/written-authorization';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'visit-cap-24';
const ASSUMED = '; no date of injury is stated, so an injury on or after 1/1/2004 is assumed';

/** The text after applying a finding's fix. */
function applyFix(text: string, edits: { span: { start: number; end: number }; newText: string }[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

describe(RULE, () => {
  const mustFlag: [string, string, string | undefined][] = [
    [
      'Date of injury: 06/04/2014. She has completed 18 physical therapy visits. Request physical therapy 2x6 for the lumbar spine.',
      // the guideline's 8-10 are long used and no improvement is documented: no number would do, so no fix
      "18 completed + 12 requested = 30 physical therapy visits exceeds the 24-visit cap per injury (Labor Code 4604.5(c)(1)); 6 remain under the cap, and CPMTG 2016, Physical medicine allows more only with documented functional improvement from the completed visits (8 CCR 9792.20(e)); or attach the employer's written authorization",
      undefined,
    ],
    [
      'DOI 6-04-14. Completed 20 chiropractic visits. Request chiropractic 2x4 low back.',
      "20 completed + 8 requested = 28 chiropractic visits exceeds the 24-visit cap per injury (Labor Code 4604.5(c)(1)); 4 remain under the cap, and CPMTG 2016, Manual therapy & manipulation allows more only with documented functional improvement from the completed visits (8 CCR 9792.20(e)); or attach the employer's written authorization",
      undefined,
    ],
    [
      'He sustained an industrial injury on 6-04-14. Completed 24 PT visits. Request additional physical therapy 2x3 for the neck.',
      "24 completed + 6 requested = 30 physical therapy visits exceeds the 24-visit cap per injury (Labor Code 4604.5(c)(1)); no visits remain: attach the employer's written authorization",
      undefined,
    ],
    [
      'She was injured on January 5, 2015. She has had 20 occupational therapy visits. Request occupational therapy x 6 for the right hand.',
      "20 completed + 6 requested = 26 occupational therapy visits exceeds the 24-visit cap per injury (Labor Code 4604.5(c)(1)); 4 remain under the cap, and CPMTG 2016, Physical medicine allows more only with documented functional improvement from the completed visits (8 CCR 9792.20(e)); or attach the employer's written authorization",
      undefined,
    ],
    // no date of injury stated: the cap is assumed to apply, and the message says so
    [
      'Physical therapy 3x10 for the lumbar spine',
      // the fix goes at once to what the cap and the guideline allow together (not 3x8, then 3x3)
      `30 physical therapy visits exceeds the 24-visit cap per injury (Labor Code 4604.5(c)(1)${ASSUMED}); request at most 10 (24 remain under the cap; CPMTG 2016, Physical medicine allows 10), or attach the employer's written authorization`,
      'Physical therapy 3x3 for the lumbar spine',
    ],
    [
      'Date of injury: [MM/DD/YYYY]. Completed 20 chiropractic visits. Request chiropractic 2x4 low back.',
      `20 completed + 8 requested = 28 chiropractic visits exceeds the 24-visit cap per injury (Labor Code 4604.5(c)(1)${ASSUMED}); 4 remain under the cap, and CPMTG 2016, Manual therapy & manipulation allows more only with documented functional improvement from the completed visits (8 CCR 9792.20(e)); or attach the employer's written authorization`,
      undefined,
    ],
    // the cap counts every body part of the injury; the guideline, the low back's own visits
    [
      'DOI 6-04-14. She completed 20 physical therapy visits for the right knee and returned to full duty. Request physical therapy 2x4 for the lumbar spine.',
      "20 completed + 8 requested = 28 physical therapy visits exceeds the 24-visit cap per injury (Labor Code 4604.5(c)(1)); request at most 4, or attach the employer's written authorization",
      'Request physical therapy 2x2 for the lumbar spine.',
    ],
  ];
  for (const [text, message, fixed] of mustFlag) {
    test(`flags: ${text}`, () => {
      const findings = check(text).findings;
      assert.deepEqual(
        findings.map((x) => x.rule),
        [RULE],
        'one diagnostic for the item: ' + JSON.stringify(findings.map((x) => x.message)),
      );
      const f = findings[0];
      assert.equal(f.message, message);
      assert.equal(f.severity, 'error');
      assert.equal(f.citation?.id, 'lc-4604.5-visit-cap');
      if (fixed === undefined) assert.equal(f.fix, undefined, 'no fix when no number would do');
      else {
        assert.ok(f.fix, 'offers a fix');
        assert.ok(applyFix(text, f.fix.edits).endsWith(fixed), applyFix(text, f.fix.edits));
      }
    });
  }
  const mustNot: [string, string][] = [
    ['within the cap', 'Date of injury: 06/04/2014. Completed 12 physical therapy visits. Request physical therapy 2x6 for the neck.'],
    ['exactly 24', 'DOI 6-04-14. Completed 18 chiropractic visits. Request chiropractic 2x3 low back.'],
    ['injury before 1/1/2004', 'The patient was injured on January 5, 2003. Completed 20 chiropractic visits. Request chiropractic 2x4 low back.'],
    ['injury before 1/1/2004, two-digit year', 'DOI: 5/3/98. Completed 20 PT visits. Request physical therapy 2x4 for the neck.'],
    ['postsurgical', 'DOI 6-04-14. Completed 20 PT visits. Post-op physical therapy 2x6 for the right shoulder.'],
    [
      'employer authorized in writing',
      'Date of injury: 06/04/2014. Completed 20 PT visits. The employer authorized 12 additional visits in writing. Request physical therapy 2x6 for the neck.',
    ],
    ['PT and OT are separate disciplines', 'DOI 6-04-14. Completed 20 PT visits. Request occupational therapy 2x3 for the right hand.'],
    ['acupuncture is not capped', 'DOI 6-04-14. Completed 20 acupuncture sessions. Request acupuncture x 6.'],
  ];
  for (const [why, text] of mustNot) {
    test(`does not flag (${why}): ${text}`, () =>
      assert.deepEqual(
        rulesOf(text).filter((r) => r === RULE),
        [],
      ));
  }
  test('precedence: the cap wins over therapy-over-maximum on the same item', () => {
    const text = 'Date of injury: 06/04/2014. She has completed 18 physical therapy visits. Request physical therapy 2x6 for the lumbar spine.';
    assert.deepEqual(rulesOf(text), [RULE]);
    // like the therapy rules, turning the rule off does not hand the item to the next rule
    assert.deepEqual(rulesOf(text, { ruleSeverity: { [RULE]: 'off' } }), []);
  });
  test('precedence: a body region the treatment is not recommended for wins over the cap', () => {
    assert.deepEqual(rulesOf('DOI 6-04-14. Completed 20 chiropractic visits. Request chiropractic 2x4 for the right knee.'), ['manual-therapy-body-region']);
  });
  test('reads the date of injury as written', () => {
    const iso = (t: string) => dateOfInjury(t)?.toISOString().slice(0, 10);
    assert.equal(iso('Date of injury: 06/04/2014'), '2014-06-04');
    assert.equal(iso('DOI 6-04-14'), '2014-06-04');
    assert.equal(iso('DOI: 5/3/98'), '1998-05-03');
    assert.equal(iso('The patient was injured on January 5, 2015 while lifting.'), '2015-01-05');
    assert.equal(iso('sustained an industrial injury on 6-04-14'), '2014-06-04');
    assert.equal(iso('Date of Injury (DOI): 12/31/2003'), '2003-12-31');
    assert.equal(iso('Date of injury: [MM/DD/YYYY]'), undefined);
    assert.equal(iso('see doi 10.1000/182 for the paper'), undefined);
  });
  test('reads written authorization, not its absence', () => {
    assert.equal(employerAuthorizedInWriting('The employer authorized 6 additional visits in writing.'), true);
    assert.equal(employerAuthorizedInWriting("Attached is the employer's written authorization for 6 more visits."), true);
    assert.equal(employerAuthorizedInWriting('The employer has not authorized additional visits in writing.'), false);
    assert.equal(employerAuthorizedInWriting('There is no written authorization from the employer.'), false);
    assert.equal(employerAuthorizedInWriting('The employer authorized the requested 12 visits in writing.'), true);
    assert.equal(employerAuthorizedInWriting("We are requesting the employer's written authorization for 6 more visits."), false);
    assert.equal(employerAuthorizedInWriting("The adjuster hasn't approved more visits in writing."), false);
  });
});
