import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from '../helpers/repo';

// Physical medicine visits depend on the diagnosis (CPMTG, Physical medicine); the diagnosis
// is read from its name or its ICD code, never from a guideline's list of figures.
describe('diagnoses that change the physical medicine figure', () => {
  const read = (text: string) => check(text).diagnoses.map((d) => d.diagnosis);
  const cases: [string, string[]][] = [
    ['Diagnosis: myalgia', ['myalgia-myositis']],
    ['Dx: M79.18 myalgia, other site', ['myalgia-myositis', 'myalgia-myositis']],
    ['Lumbar radiculopathy (M54.16)', ['neuralgia-neuritis-radiculitis', 'neuralgia-neuritis-radiculitis']],
    ['CRPS type I of the right upper limb, G90.511', ['crps', 'crps']],
    ['ICD-9 729.2', ['neuralgia-neuritis-radiculitis']],
    ['The guidelines allow 9-10 visits over 8 weeks for myalgia and myositis.', []],
    ['Level T12 compression fracture', []],
    ['crps', []],
  ];
  for (const [text, ids] of cases) test(JSON.stringify(text), () => assert.deepEqual(read(text), ids));

  const message = (text: string) => check(text).findings.find((f) => f.rule === 'therapy-over-maximum')?.message;
  test('myalgia: 9-10 visits over 8 weeks', () => {
    assert.equal(
      message('Diagnosis: myalgia (M79.1)\nRequest physical therapy 2x6 for the low back.'),
      '12 physical therapy visits exceeds the 9–10 visit limit for myalgia and myositis (over 8 weeks) (CPMTG 2016, Physical medicine); request no more than 10 and taper toward a home program',
    );
  });
  test('radiculitis: 8-10 visits over 4 weeks', () => {
    assert.match(
      message('Diagnosis: lumbar radiculopathy M54.16\nPhysical therapy 12 visits, lumbar spine.')!,
      /exceeds the 8–10 visit limit for neuralgia, neuritis and radiculitis \(over 4 weeks\)/,
    );
  });
  test('CRPS: 24 visits over 16 weeks, so 18 visits are within it', () => {
    assert.equal(message('Diagnosis: complex regional pain syndrome of the right hand.\nPhysical therapy 2x9, right hand.'), undefined);
    // above 24 the statutory cap per injury speaks first
    assert.deepEqual(
      check('Diagnosis: CRPS (G90.511).\nPhysical therapy 26 visits, right hand.').findings.map((f) => f.rule),
      ['visit-cap-24'],
    );
  });
  test('no diagnosis named: the general 8-10 visits', () => {
    assert.match(message('Physical therapy 2x6 for the low back.')!, /exceeds the 8–10 visit limit \(CPMTG/);
  });
});
