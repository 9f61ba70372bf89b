import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'passive-modality-without-active-care';
const only = (text: string) => check(text).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  const mustFlag: [string, string][] = [
    ['Request TENS unit purchase for the low back.', 'TENS unit'],
    ['Pulsed ultrasound 2 times a week for 4 weeks, lumbar.', 'Pulsed ultrasound'],
    ['Electrical muscle stimulation 2x4 for the neck.', 'Electrical muscle stimulation'],
    ['Plan: hot/cold packs and cervical traction 2x3.', 'hot/cold packs'],
  ];
  for (const [text, first] of mustFlag) {
    test(`flags: ${text}`, () => {
      const f = only(text);
      assert.ok(f.length >= 1);
      assert.equal(text.slice(f[0].span.start, f[0].span.end), first);
      assert.match(
        f[0].message,
        /is passive treatment: for chronic pain the guideline supports passive modalities only beside active therapy and a self-directed home program \(CPMTG 2016, Physical medicine\)/,
      );
      assert.equal(f[0].severity, 'warning');
    });
  }
  test('the message starts with the modality as written, capitalised', () => {
    assert.match(only('Plan: hot/cold packs 2x3 for the neck.')[0].message, /^Hot\/cold packs is passive treatment/);
  });
  test('two modalities: one diagnostic each, the fill-in offered once', () => {
    const f = only('Plan: hot/cold packs and cervical traction 2x3.');
    assert.equal(f.length, 2);
    assert.equal(f.filter((x) => x.fix).length, 1);
  });
  test('weeks after an injury the pain is not called chronic', () => {
    const f = only('Date of injury: 09/01/2016\nDate: 10/01/2016\nRequest ultrasound 2x3 for the low back.');
    assert.equal(f.length, 1);
    assert.match(
      f[0].message,
      /^Ultrasound is passive treatment: 4 weeks after the injury, the guideline supports passive modalities only beside active therapy/,
    );
    assert.doesNotMatch(f[0].message, /chronic pain/);
  });
  const mustNot = [
    'Request TENS unit purchase for the low back. She continues daily stretching and a home exercise program.',
    'Physical therapy 2x3 with ultrasound and e-stim, lumbar spine.',
    'Ultrasound of the right shoulder showed a partial tear. Request MRI.',
    'Ultrasound-guided injection of the right shoulder is requested.',
    'She tried a TENS unit in 2015 without benefit.',
    'Associated surgical service: cold therapy unit for 7 days after the shoulder surgery.',
  ];
  for (const text of mustNot) test(`does not flag: ${text}`, () => assert.deepEqual(only(text), []));
  test('physical therapy keeps its item when modalities are listed with it', () => {
    const a = check('Physical therapy with ultrasound and e-stim 2x4, lumbar spine.');
    assert.deepEqual(
      a.items.map((i) => [i.treatment, i.quantity?.total]),
      [['physical-medicine', 8]],
    );
  });
  test('"off" turns it off', () => assert.deepEqual(rulesOf('Request TENS unit', { ruleSeverity: { [RULE]: 'off' } }), []));
});
