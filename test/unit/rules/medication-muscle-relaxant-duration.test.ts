import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine/fixes';
import { check, rulesOf } from '../../helpers/repo';

// Invented drafts.
const RULE = 'medication-muscle-relaxant-duration';
const only = (text: string, options = {}) => check(text, { kind: 'request', ...options }).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  test('flags a quantity and dosing beyond 21 days, with a certain fix that caps the count', () => {
    const text = 'Cyclobenzaprine 7.5 mg #60, one tablet twice daily, lumbar spasm';
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'Cyclobenzaprine 7.5 mg #60, one tablet twice daily = 30 days, beyond the 2–3 week limit for muscle relaxants (CPMTG 2016, Cyclobenzaprine (Flexeril)); request #42 or fewer (21 days) and document the acute exacerbation it treats',
    );
    assert.equal(f[0].severity, 'warning');
    assert.deepEqual(f[0].citation, { id: 'cpmtg2016-cyclobenzaprine', label: 'CPMTG 2016, Cyclobenzaprine (Flexeril)' });
    assert.equal(f[0].edition, '2016');
    assert.equal(text.slice(f[0].span.start, f[0].span.end), 'Cyclobenzaprine 7.5 mg #60, one tablet twice daily');
    assert.equal(f[0].fix!.certain, undefined);
    assert.equal(applyEdits(text, f[0].fix!.edits), 'Cyclobenzaprine 7.5 mg #42, one tablet twice daily, lumbar spasm');
  });

  test('without written dosing, counts at the usual maximum a day and says so; no fix', () => {
    const f = only('Tizanidine 4 mg #90');
    assert.equal(
      f[0].message,
      "Tizanidine 4 mg #90 = 30 days even at the usual maximum of 3 a day (no dosing written), beyond the 2–3 week limit for muscle relaxants (CPMTG 2016, Muscle relaxants (for pain)); write the dosing and request no more than 21 days' supply (#63 at 3 a day) and document the acute exacerbation it treats",
    );
    assert.equal(f[0].fix, undefined);
  });

  test('brand names and refills count', () => {
    assert.match(
      only('Norflex ER 100 mg #30 with 1 refill')[0].message,
      /^Norflex \(orphenadrine\) 100 mg #30 with 1 refill = 30 days even at the usual maximum of 2 a day/,
    );
    assert.match(
      only('Robaxin 750 mg #40, 2 tablets twice daily for 30 days')[0].message,
      /^Robaxin \(methocarbamol\) 750 mg #40 for 30 days, beyond the 2–3 week limit/,
    );
  });

  test('use already under way for months: no 21-day fix, since a shorter refill is still continued use', () => {
    const f = only('She has taken cyclobenzaprine 10 mg three times a day since March. Cyclobenzaprine 10 mg #90, 1 tab TID - continue.');
    assert.equal(f.length, 1);
    assert.match(
      f[0].message,
      /continues muscle relaxant use already under way \(this request: 30 days\): the guideline supports one short course of 2–3 weeks, not continued use/,
    );
    assert.equal(f[0].fix, undefined);
  });

  test('flags a short request that continues use already under way, unless an exacerbation is documented', () => {
    const text = 'She has been taking cyclobenzaprine since June. Cyclobenzaprine 5 mg #15 at bedtime.';
    assert.equal(
      only(text)[0].message,
      'Cyclobenzaprine 5 mg #15 continues muscle relaxant use already under way (this request: 15 days): the guideline supports one short course of 2–3 weeks, not continued use (CPMTG 2016, Cyclobenzaprine (Flexeril)); a smaller quantity does not make continued use supported: document the acute exacerbation it treats, or plan to stop',
    );
    assert.deepEqual(
      only(
        'Acute exacerbation of low back pain with new spasm after lifting. She has been taking cyclobenzaprine since June. Cyclobenzaprine 5 mg #15 at bedtime.',
      ),
      [],
    );
  });

  test('a request restated in an appeal is one diagnostic whose fix caps both', () => {
    const text = 'Re: IMR appeal. UR denied cyclobenzaprine 10 mg #90, 1 tab TID.\nI ask that cyclobenzaprine 10 mg #90, 1 tab TID be approved.\n';
    const f = only(text, { kind: 'appeal' });
    assert.equal(f.length, 1);
    assert.equal(f[0].related?.length, 1);
    assert.equal(applyEdits(text, f[0].fix!.edits), text.replace(/#90/g, '#63'));
  });

  for (const text of [
    'Cyclobenzaprine 7.5 mg #20 at bedtime',
    'Cyclobenzaprine 10 mg #60',
    'Baclofen 10 mg #42, one tablet twice daily',
    'She previously took cyclobenzaprine 10 mg #90 without benefit.',
    'The MTUS states that cyclobenzaprine is not recommended for longer than 2-3 weeks.',
    'Cyclobenzaprine 3% cream 60 g',
  ]) {
    test(`does not flag: ${text}`, () => assert.deepEqual(only(text), []));
  }

  test('its severity follows the setting, and "off" turns it off', () => {
    assert.equal(only('Flexeril 10 mg #90', { ruleSeverity: { [RULE]: 'error' } })[0].severity, 'error');
    assert.deepEqual(
      rulesOf('Flexeril 10 mg #90', { ruleSeverity: { [RULE]: 'off' } }).filter((r) => r === RULE),
      [],
    );
  });
});
