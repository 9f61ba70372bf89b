import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine/fixes';
import { check, rulesOf } from '../../helpers/repo';

// Invented drafts.
const RULE = 'medication-opioid-monitoring';
const only = (text: string, options = {}) => check(text, { kind: 'request', ...options }).findings.filter((f) => f.rule === RULE);

const MONITORED =
  'Pain is 7/10 without and 4/10 with the medication. With it she is able to walk her dog and work modified duty. ' +
  'Urine drug screen on 01/04/2017 was consistent. CURES reviewed 01/10/2017; opioid agreement signed.';

describe(RULE, () => {
  test('flags an opioid with no monitoring documented, with a fill-in block', () => {
    const text = 'Norco 10/325 mg #60, one tablet twice daily\nReturn in 4 weeks.';
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'Norco (hydrocodone) 10/325 mg #60 without documented pain relief, function, urine drug testing or a CURES check or risk assessment (8 CCR 9792.24.4, 2016); document pain with and without the medication, function (ADLs, work), adverse effects and aberrant behavior, a urine drug test, and a CURES check or risk assessment',
    );
    assert.equal(f[0].severity, 'warning');
    assert.deepEqual(f[0].citation, { id: 'opioids-mtg-2016', label: '8 CCR 9792.24.4, 2016' });
    assert.equal(f[0].edition, '2016');
    assert.equal(f[0].fix!.certain, false);
    const fixed = applyEdits(text, f[0].fix!.edits);
    assert.match(fixed, /^Norco 10\/325 mg #60, one tablet twice daily\nOpioid monitoring:\n {3}Pain \[ \]\/10 with/);
    // The blank block documents nothing until it is filled in, and is not offered twice.
    assert.equal(only(fixed).length, 1);
    assert.equal(only(fixed)[0].fix, undefined);
  });

  test('names only what is missing', () => {
    const text = 'Pain 8/10 without and 5/10 with tramadol. Tramadol 50 mg #120, one tablet every 6 hours.';
    assert.match(
      only(text)[0].message,
      /^Tramadol 50 mg #120 without documented function, urine drug testing or a CURES check or risk assessment \(CPMTG 2016, Tramadol \(Ultram\)\)/,
    );
  });

  test('a monitoring step reported as not done is not documentation', () => {
    const text = `${MONITORED.replace('Urine drug screen on 01/04/2017 was consistent.', 'No urine drug screen has been done.')} Norco 10/325 mg #60.`;
    assert.match(only(text)[0].message, /without documented urine drug testing \(/);
  });

  for (const text of [
    `${MONITORED} Norco 10/325 mg #60, one tablet twice daily.`,
    'Post-op Norco 5/325 mg #40, 1-2 tablets every 4-6 hours as needed',
    'Tramadol 50 mg #10, one tablet every 6 hours as needed for 2 days',
    'She previously took oxycodone after her surgery.',
    'The guidelines recommend urine drug testing for patients on opioids such as Norco.',
  ]) {
    test(`does not flag: ${text.slice(0, 80)}`, () => assert.deepEqual(only(text), []));
  }

  test('a short first course is judged when it continues use already under way', () => {
    assert.equal(only('Continue tramadol 50 mg #10, one tablet every 6 hours').length, 1);
  });

  test('its severity follows the setting, and "off" turns it off', () => {
    assert.equal(only('Ultram 50 mg #60', { ruleSeverity: { [RULE]: 'error' } })[0].severity, 'error');
    assert.deepEqual(
      rulesOf('Ultram 50 mg #60', { ruleSeverity: { [RULE]: 'off' } }).filter((r) => r === RULE),
      [],
    );
  });
  test('an opioid written in the weeks after a dated surgery is post-operative care, unless its line names another pain', () => {
    const form = (line: string) => `Date: 10/21/2016\nRequested treatment:\n  ${line}\nRevision fusion 10/14/2016. Walks 50 feet with a walker.`;
    assert.equal(only(form('Oxycodone/APAP 5/325 mg, 1 tab q6h prn pain #60')).length, 0);
    assert.equal(only(form('Tramadol 50 mg #60, 1 PO BID prn neck and elbow pain')).length, 1);
    // Months after the surgery the same prescription is chronic opioid therapy.
    assert.equal(only(form('Oxycodone/APAP 5/325 mg, 1 tab q6h prn pain #60').replace('10/21/2016', '06/21/2017')).length, 1);
  });
});
