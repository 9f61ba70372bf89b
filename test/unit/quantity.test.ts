import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from '../helpers/repo';

// Every way of writing a quantity listed in the domain notes, and the corpus's odd ones.
const FORMS: [string, string, number, number?][] = [
  ['Acupuncture 2x4 low back', 'acupuncture', 8],
  ['Acupuncture 2 x 4, low back', 'acupuncture', 8],
  ['Chiropractic treatment 1 x 4, low back', 'manual-therapy', 4],
  ['PT 1-3x/week x 4 weeks for the lumbar spine', 'physical-medicine', 12, 4],
  ['Acupuncture x 8 for the neck', 'acupuncture', 8],
  ['ACUPUNCTURE VISITS THORACIC SPINE QTY 12', 'acupuncture', 12],
  ['Physical therapy qty: 1', 'physical-medicine', 1],
  ['8 sessions of massage therapy', 'massage', 8],
  ['four sessions of massage', 'massage', 4],
  ['4 MASSAGE THERAPY VISITS (LUMBAR)', 'massage', 4],
  ['eight physical therapy sessions for the neck', 'physical-medicine', 8],
  ['Eight (8) physical therapy sessions', 'physical-medicine', 8],
  ['6 additional acupuncture sessions', 'acupuncture', 6],
  ['Chiropractic twice a week for six weeks', 'manual-therapy', 12],
  ['Physical therapy 3 times per week for 4 weeks', 'physical-medicine', 12],
  ['Four sessions of physical therapy two times a week times 2 weeks', 'physical-medicine', 4],
  ['Acupuncture 12-18 sessions', 'acupuncture', 18, 12],
  ['Physical therapy 2-3 times a week for 6 weeks', 'physical-medicine', 18, 12],
  ['Additional physical therapy, 1 to 2 times per week for 3 weeks, for the neck', 'physical-medicine', 6, 3],
  ['Spinal manipulation 1 times 8', 'manual-therapy', 8],
  ['Associated surgical service: Physical therapy, times 12', 'physical-medicine', 12],
  ['Acupuncture therapy sessions lumbar spine #6', 'acupuncture', 6],
  ['Twelve acupuncture visits with Capsaicin patch, 2 times weekly for 6 weeks', 'acupuncture', 12],
  ['Six sessions of acupuncture one time a week for six weeks', 'acupuncture', 6],
  ['Physical therapy to the lumbar spine 2 times a week for 2 weeks (4)', 'physical-medicine', 4],
  ['Electro acupuncture to the low back two times a week times six weeks', 'acupuncture', 12],
  ['Myofascial release to the low back two times a week times six weeks', 'massage', 12],
  ['Occupational therapy for six sessions', 'physical-medicine', 6],
  ['Aquatic therapy 2x6', 'physical-medicine', 12],
  ['CMT 2x3 lumbar', 'manual-therapy', 6],
  ['Hand therapy x 6 for the right wrist', 'physical-medicine', 6],
];

describe('quantities in every written form', () => {
  for (const [text, treatment, total, low] of FORMS) {
    test(text, () => {
      const items = check(text).items;
      assert.equal(items.length, 1, `one requested item in "${text}", got ${items.length}`);
      assert.equal(items[0].treatment, treatment);
      assert.equal(items[0].quantity?.total, total);
      assert.equal(items[0].quantity?.totalLow, low);
    });
  }
});

describe('items, regions and context', () => {
  test('two quantities in one line for different body parts are two items', () => {
    const items = check('Physical therapy 2x4 lumbar and 2x3 cervical').items;
    assert.deepEqual(
      items.map((i) => [i.quantity?.total, i.bodyRegions]),
      [
        [8, ['low-back']],
        [6, ['neck']],
      ],
    );
  });
  test('an explicit count wins over the schedule written with it', () => {
    assert.equal(check('Twelve physical therapy sessions, three times weekly, for the right elbow').items[0].quantity?.total, 12);
  });
  test('"additional" and "continue" mark an extension; a new request does not', () => {
    assert.equal(check('Continue chiropractic 2x3 for the low back').items[0].extendsPriorCourse, true);
    assert.equal(check('6 additional acupuncture sessions').items[0].extendsPriorCourse, true);
    assert.equal(check('Acupuncture 2x3 neck').items[0].extendsPriorCourse, false);
  });
  test('completed sessions are evidence, not a request', () => {
    const a = check('The patient completed 12 acupuncture sessions. Request: acupuncture 2x3 for the neck.');
    assert.deepEqual(
      a.items.map((i) => i.quantity?.total),
      [6],
    );
    assert.deepEqual(
      a.evidence.priorCourses.map((p) => [p.treatment, p.count]),
      [['acupuncture', 12]],
    );
  });
  test("a guideline's own figure quoted in a letter is not a request", () => {
    const a = check('The MTUS guidelines recommend 3-6 acupuncture treatments. We request acupuncture 2x3.');
    assert.deepEqual(
      a.items.map((i) => i.quantity?.total),
      [6],
    );
  });
  test("a guideline's long list of figures is not a request, however far the cue", () => {
    const text =
      'The CPMTG recommends the following visits for physical medicine: myalgia and myositis, 9-10 visits over 8 weeks; neuralgia, neuritis, and radiculitis, 8-10 visits over 4 weeks; reflex sympathetic dystrophy (CRPS), 24 visits over 16 weeks.';
    assert.deepEqual(check(text).items, []);
  });
  test("a drug's count after a list of treatments is not a treatment's", () => {
    assert.deepEqual(check('Treatment has included chiropractic, physical therapy, Ultram 50 mg, and Naproxen 500 mg #60.').items, []);
  });
  test('a treatment name inside a citation is not a request', () => {
    assert.equal(check('MTUS Chronic Pain Treatment Guidelines Massage therapy Page(s): 60').items.length, 0);
  });
  test('body regions are read', () => {
    assert.deepEqual(check('Acupuncture x 8 for the neck, lumbar, and right shoulder').items[0].bodyRegions, ['neck', 'low-back', 'shoulder']);
  });
  test('postoperative therapy is marked postsurgical', () => {
    assert.equal(check('Post-op physical therapy 2 times a week for 4 weeks').items[0].postsurgical, true);
  });
  test('medication quantities and measurements are not therapy items', () => {
    assert.equal(check('Cyclobenzaprine 7.5 mg #60, naproxen 500 mg #60').items.length, 0);
    assert.equal(check('Lesion 2 x 3 cm on the lumbar MRI').items.length, 0);
  });
  test('the hover reading says how the quantity was read', () => {
    assert.match(check('Acupuncture 2x4 low back').items[0].quantity!.reading, /2x4 = 2 per week × 4 weeks = 8 sessions/);
  });
});
