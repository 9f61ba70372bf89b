import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from '../helpers/repo';

const fi = (text: string) => check(text).evidence.functionalImprovement;
const kinds = (text: string) => check(text).evidence.mentions.map((m) => m.kind);

describe('functional improvement as 8 CCR 9792.20(e) defines it', () => {
  const documented = [
    'With PT he went from crutches to full weight bearing without a device.',
    'Walking tolerance 10 -> 30 min.',
    'He tolerates a sock and shoe all day (could not in 11/2016).',
    'She is now able to walk 30 minutes and do household chores.',
    'ADLs improved: dressing and bathing without help.',
    'He returned to modified duty on 3/1.',
    'Work restrictions were reduced to no lifting over 25 pounds.',
    'Norco was reduced from 10/325 to 7.5/325 mg.',
    'The provider reported that the patient was able to reduce his medication usage.',
    'Lumbar range of motion improved from 40 to 70 degrees of flexion.',
    'Oswestry score improved from 48% to 30%.',
  ];
  for (const t of documented) test(`counts: ${t}`, () => assert.equal(fi(t), true));

  const notDocumented = [
    'Pain decreased from 8/10 to 5/10.',
    'The patient reports feeling better.',
    'There is no documentation of improved activities of daily living.',
    'She is unable to return to work.',
    'No functional improvement was documented after 12 sessions.',
    'Medication use is unchanged.',
    // a status or an ability, not a gain
    'Work status: modified duty.',
    'She was able to walk into the clinic.',
    // what a guideline expects, quoted in a letter, is not what the patient gained
    'The MTUS guidelines state that therapeutic exercise is beneficial for restoring flexibility, strength, and range of motion.',
  ];
  for (const t of notDocumented) test(`does not count: ${t}`, () => assert.equal(fi(t), false));

  test('a pain score is recorded as such', () => assert.ok(kinds('Pain 7/10 today.').includes('pain-score')));
  test('a home exercise program is recognised', () => {
    assert.equal(check('Continue the home exercise program daily.').evidence.homeProgram, true);
    assert.equal(check('Continue HEP.').evidence.homeProgram, true);
    assert.equal(check('No exercise was tried.').evidence.homeProgram, false);
  });
  test('completed sessions are counted per treatment', () => {
    const ev = check('He completed 12 acupuncture sessions and has had 6 chiropractic visits to date.').evidence;
    assert.deepEqual(
      ev.priorCourses.map((p) => [p.treatment, p.count]),
      [
        ['acupuncture', 12],
        ['manual-therapy', 6],
      ],
    );
  });
});
