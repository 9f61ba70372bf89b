import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, rulesOf } from '../../helpers/repo';

// Invented drafts.
const RULE = 'medication-compound-ingredient';
const only = (text: string, options = {}) => check(text, { kind: 'request', ...options }).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  test('flags a compound holding drugs the guideline does not recommend on the skin, naming each', () => {
    const text = 'Compound cream: ketoprofen 10%, baclofen 2%, lidocaine 5%, 240 g';
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'The compound of ketoprofen 10%, baclofen 2% and lidocaine 5% holds ketoprofen (diclofenac is the only NSAID recommended for topical use); baclofen (no muscle relaxant is recommended as a topical product); and lidocaine (topical lidocaine is recommended only as the Lidoderm patch, not in a cream, ointment, gel or compound); a compounded product that contains at least one drug that is not recommended is not recommended (CPMTG 2016, Compound drugs); remove them or request a recommended product',
    );
    assert.equal(f[0].severity, 'error');
    assert.equal(f[0].edition, '2016');
    assert.equal(text.slice(f[0].span.start, f[0].span.end), 'ketoprofen 10%, baclofen 2%, lidocaine 5%, 240 g');
    // one diagnostic per problem
    assert.deepEqual(
      rulesOf(text, { kind: 'request' }).filter((r) => r.startsWith('medication-')),
      [RULE],
    );
  });

  test('a single drug on the skin that is not recommended', () => {
    assert.equal(
      only('Lidocaine 4% ointment 30 g')[0].message,
      'Lidocaine 4%: topical lidocaine is recommended only as the Lidoderm patch, not in a cream, ointment, gel or compound (CPMTG 2016, Lidoderm (lidocaine patch)); request a recommended product instead',
    );
    assert.match(
      only('Cyclophene 5% cream 120 g')[0].message,
      /^Cyclophene \(cyclobenzaprine\) 5%: no muscle relaxant is recommended as a topical product \(CPMTG 2016, Topical analgesics\)/,
    );
    assert.match(only('Compounded gabapentin 10% cream')[0].message, /^Compounded gabapentin 10%: topical gabapentin is not recommended/);
  });

  test('a brand that is a compound is judged by what it holds', () => {
    assert.match(only('LidoPro ointment 121 g')[0].message, /^LidoPro \(lidocaine, capsaicin, menthol and methyl salicylate\) holds lidocaine/);
  });

  for (const text of [
    'Lidoderm 5% patch #30. She failed gabapentin.',
    'Lidocaine 5% patch #30. She failed gabapentin.',
    'Diclofenac 1% gel 100 g for osteoarthritis of the knee',
    'Capsaicin 0.025% cream; amitriptyline was not tolerated.',
    'Salonpas pad #60',
    // oral drugs are not topical products
    'Cyclobenzaprine 7.5 mg #20 and ketoprofen 75 mg #20',
    'She previously used a compound cream with ketoprofen 10% and lidocaine 5%.',
  ]) {
    test(`does not flag: ${text}`, () => assert.deepEqual(only(text), []));
  }

  test('its severity follows the setting, and "off" turns it off', () => {
    assert.equal(only('Lidocaine 4% cream 30 g', { ruleSeverity: { [RULE]: 'warning' } })[0].severity, 'warning');
    assert.deepEqual(
      rulesOf('Lidocaine 4% cream 30 g', { ruleSeverity: { [RULE]: 'off' } }).filter((r) => r === RULE),
      [],
    );
  });
});
