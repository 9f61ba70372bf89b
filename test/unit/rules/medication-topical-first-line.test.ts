import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine/fixes';
import { check, rulesOf } from '../../helpers/repo';

// Invented drafts.
const RULE = 'medication-topical-first-line';
const only = (text: string, options = {}) => check(text, { kind: 'request', ...options }).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  test('flags a lidocaine patch with no failed first-line drug, with a fill-in line', () => {
    const text = 'Lidoderm 5% patch #30, 12 hours on and 12 hours off';
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'Lidoderm (lidocaine) 5% patch #30: topical analgesics are recommended mainly for neuropathic pain after antidepressants and anticonvulsants have failed, and no failed trial is documented (CPMTG 2016, Lidoderm (lidocaine patch)); document the antidepressant or anticonvulsant tried (amitriptyline, duloxetine, gabapentin, pregabalin) and how it failed',
    );
    assert.equal(f[0].severity, 'warning');
    assert.equal(f[0].edition, '2016');
    assert.equal(f[0].fix!.certain, false);
    const fixed = applyEdits(text, f[0].fix!.edits);
    assert.equal(fixed, `${text}\nAntidepressant/anticonvulsant tried: [drug, dates, result or side effects]`);
    assert.equal(only(fixed).length, 1, 'the blank line documents nothing');
  });

  test('capsaicin cites its own section; topical diclofenac asks for osteoarthritis', () => {
    assert.match(only('Capsaicin 0.025% cream, apply three times daily')[0].message, /\(CPMTG 2016, Capsaicin, topical \(chili pepper\/cayenne pepper\)\)/);
    assert.match(
      only('Voltaren 1% gel 100 g to the low back')[0].message,
      /^Voltaren \(diclofenac\) 1% for the low back: topical diclofenac is recommended for osteoarthritis pain in joints that lend themselves to topical treatment \(ankle, elbow, foot, hand, knee and wrist\); it has not been evaluated for the spine, hip or shoulder/,
    );
    assert.match(
      only('Voltaren 1% gel 100 g, apply to the right knee QID')[0].message,
      /^Voltaren \(diclofenac\) 1%: topical diclofenac is recommended for osteoarthritis pain in joints suited to topical treatment, and neither osteoarthritis nor failed or poorly tolerated oral NSAIDs are documented/,
    );
  });

  test('topical diclofenac is judged by osteoarthritis of a suited joint or failed oral NSAIDs, never by antidepressants tried', () => {
    assert.deepEqual(only('Knee osteoarthritis. Voltaren 1% gel 100 g, apply to the right knee QID'), []);
    assert.deepEqual(only('Ibuprofen upset his stomach and was stopped. Voltaren 1% gel 100 g, apply to the left wrist QID'), []);
    assert.equal(only('She failed gabapentin and nortriptyline. Voltaren 1% gel 100 g, apply to the right knee QID').length, 1);
    assert.equal(
      only('Knee osteoarthritis; oral NSAIDs are not tolerated. Diclofenac 3% gel to the lumbar spine TID').length,
      1,
      'the spine is no joint suited to it',
    );
  });

  test('a reviewer saying no trial is documented is not a failed trial', () => {
    assert.equal(only('UR noted there is no indication that the patient had previously tried and failed first-line therapy. Lidoderm 5% patch #30.').length, 1);
    assert.equal(only('She has not tried gabapentin. Lidoderm 5% patch #30.').length, 1);
  });

  for (const text of [
    'She failed gabapentin and could not tolerate amitriptyline. Lidoderm 5% patch #30.',
    'Duloxetine 60 mg was discontinued because of nausea. Lidocaine 5% patch #30.',
    'Osteoarthritis of both knees. Voltaren 1% gel 100 g, apply four times daily.',
    'Salonpas pads #60',
    // reported by medication-compound-ingredient instead: one diagnostic per problem
    'Lidocaine 5% cream 30 g',
    'Flurbiprofen 20%/lidocaine 5% cream 120 g',
    'Topical analgesics are recommended when trials of antidepressants and anticonvulsants have failed (MTUS).',
  ]) {
    test(`does not flag: ${text}`, () => assert.deepEqual(only(text), []));
  }

  test('its severity follows the setting, and "off" turns it off', () => {
    assert.equal(only('Lidoderm 5% patch #30', { ruleSeverity: { [RULE]: 'information' } })[0].severity, 'information');
    assert.deepEqual(
      rulesOf('Lidoderm 5% patch #30', { ruleSeverity: { [RULE]: 'off' } }).filter((r) => r === RULE),
      [],
    );
  });
});
