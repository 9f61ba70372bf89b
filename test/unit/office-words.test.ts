import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, rulesOf } from '../helpers/repo';

// The words offices write: abbreviations, CPT and HCPCS codes and body-part shorthand name
// treatments and regions; lookalikes do not. Invented text throughout.

const itemsOf = (text: string) => check(text, { kind: 'request' }).items.map((i) => [i.treatment, i.quantity?.total, i.bodyRegions]);

describe('abbreviations name the treatment', () => {
  const cases: [string, string, number, string[]][] = [
    ['Acup 2x3 L/S', 'acupuncture', 6, ['low-back']],
    ['Acu x6 C/S', 'acupuncture', 6, ['neck']],
    ['Chiro 2x3 lumbar', 'manual-therapy', 6, ['low-back']],
    ['CMT 1x6 T/S', 'manual-therapy', 6, ['upper-back']],
    ['Manip. x 6 LS', 'manual-therapy', 6, ['low-back']],
    ['PT 2x4 B/L knees', 'physical-medicine', 8, ['knee']],
    ['OT 2x3 Rt wrist', 'physical-medicine', 6, ['wrist']],
  ];
  for (const [text, treatment, total, regions] of cases) {
    test(text, () => assert.deepEqual(itemsOf(text), [[treatment, total, regions]]));
  }
});

describe('CPT and HCPCS codes name the treatment', () => {
  const cases: [string, string, number][] = [
    ['CPT 97810 x 6, neck', 'acupuncture', 6],
    ['CPT 98941 x 8, low back', 'manual-therapy', 8],
    ['97124 x 4, neck', 'massage', 4],
    ['97110 x 8 lumbar', 'physical-medicine', 8],
    ['97035 x 6 shoulder', 'therapeutic-ultrasound', 6],
  ];
  for (const [text, treatment, total] of cases)
    test(text, () =>
      assert.deepEqual(
        itemsOf(text).map((i) => i.slice(0, 2)),
        [[treatment, total]],
      ),
    );

  test('a code column names the row when the service cell does not', () => {
    const form = 'SERVICE              CPT      BODY PART    QTY\nTreatment per plan   97140    R wrist      6\n';
    assert.deepEqual(itemsOf(form), [['manual-therapy', 6, ['wrist']]]);
  });
  test('a code beside its name does not make a second item', () => {
    assert.deepEqual(itemsOf('Acupuncture (97810) x 6, neck'), [['acupuncture', 6, ['neck']]]);
  });
  test('a schedule written wrong is still not a count', () => assert.deepEqual(itemsOf('PT 2 x120'), []));
});

describe('manual therapy is not massage', () => {
  test('"Manual therapy / soft tissue mobilization (97140), right wrist" is manual therapy, excluded for the wrist', () => {
    const text = 'Manual therapy / soft tissue mobilization (97140), right wrist, x 6';
    assert.deepEqual(itemsOf(text), [['manual-therapy', 6, ['wrist']]]);
    assert.deepEqual(rulesOf(text, { kind: 'request' }), ['manual-therapy-body-region']);
  });
});

describe('lookalikes are not treatments', () => {
  test('PT/PTT among pre-operative labs is a coagulation test', () => {
    assert.deepEqual(itemsOf('Pre-op labs: CBC, PT/PTT, BMP x 1. Right shoulder arthroscopy is requested.'), []);
  });
  test('"intense" holds no TENS', () => {
    const a = check('She reports intense pain in the low back. Request acupuncture x 6.', { kind: 'request' });
    assert.ok(!a.mentions.some((m) => m.treatment === 'tens'), JSON.stringify(a.mentions));
  });
  test('a drug the knowledge base lacks is never a therapy count', () => {
    const text = 'Request: Zofran 4 mg #20, Diazepam 5 mg #30, Fioricet #30, Colace 100 mg #60, physical therapy 2x3 lumbar.';
    assert.deepEqual(itemsOf(text), [['physical-medicine', 6, ['low-back']]]);
    assert.deepEqual(rulesOf(text, { kind: 'request' }), []);
  });
});
