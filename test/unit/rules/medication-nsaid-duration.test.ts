import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, rulesOf } from '../../helpers/repo';

// Invented drafts.
const RULE = 'medication-nsaid-duration';
const only = (text: string, options = {}) => check(text, { kind: 'request', ...options }).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  test('flags a supply beyond 30 days with no reason for longer use', () => {
    const f = only('Naproxen 550 mg #60, one tablet twice daily, with 2 refills');
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'Naproxen 550 mg #60, one tablet twice daily, with 2 refills = 90 days, beyond short-term NSAID use (more than 30 days) with no reason for longer use documented (CPMTG 2016, NSAIDs (non-steroidal anti-inflammatory drugs)); document osteoarthritis, an acute flare, or the functional benefit from the NSAID, or request a shorter course',
    );
    assert.equal(f[0].severity, 'warning');
    assert.equal(f[0].edition, '2016');
    assert.equal(f[0].citation?.id, 'cpmtg2016-nsaids');
  });

  test('"refills of" counts the refills alone, at the usual maximum when no dosing is written', () => {
    assert.match(
      only('Two refills of ibuprofen 800 mg #90')[0].message,
      /^2 refills of ibuprofen 800 mg #90 = 45 days even at the usual maximum of 4 a day \(no dosing written\), beyond short-term NSAID use/,
    );
  });

  test('flags continued use already under way', () => {
    const f = only('He has been on meloxicam since 2015. Continue meloxicam 15 mg #30 daily.');
    assert.match(
      f[0].message,
      /^Meloxicam 15 mg #30 continues NSAID use already under way \(this request: 30 days\), with no reason for longer use documented/,
    );
  });

  for (const text of [
    'Naproxen 550 mg #60, one tablet twice daily',
    'Naproxen 500 mg #60',
    'Ibuprofen 600 mg #90 three times daily with 1 refill. Diagnosis: osteoarthritis of the right knee.',
    'Flare-up of low back pain after lifting. Naproxen 500 mg #60 BID.',
    'With naproxen she is able to work full duty. Continue naproxen 500 mg #60 twice daily.',
    'She previously took ibuprofen 800 mg three times daily for months.',
    'Diclofenac 1% gel 100 g, apply four times daily with 3 refills',
    'Naproxen sodium 550 mg, 1 PO BID #60. He has been on acetaminophen only, and naproxen is new.',
  ]) {
    test(`does not flag: ${text}`, () => assert.deepEqual(only(text), []));
  }

  test('a negated reason is no reason', () => {
    assert.equal(only('There is no osteoarthritis. Naproxen 500 mg #60 twice daily with 1 refill.').length, 1);
  });

  test('its severity follows the setting, and "off" turns it off', () => {
    const text = 'Naproxen 500 mg #60 twice daily with 1 refill';
    assert.equal(only(text, { ruleSeverity: { [RULE]: 'information' } })[0].severity, 'information');
    assert.deepEqual(
      rulesOf(text, { ruleSeverity: { [RULE]: 'off' } }).filter((r) => r === RULE),
      [],
    );
  });
});

describe('a flare supports a short course, not months', () => {
  test('#60 twice daily with 1 refill (60 days) for a flare is flagged; #60 alone (30 days) is not', () => {
    const rules = (t: string) => check(t).findings.filter((f) => f.rule === 'medication-nsaid-duration').length;
    assert.equal(rules('Flare-up of low back pain after lifting. Naproxen 500 mg #60 BID with 1 refill.'), 1);
    assert.equal(rules('Flare-up of low back pain after lifting. Naproxen 500 mg #60 BID.'), 0);
  });
});
