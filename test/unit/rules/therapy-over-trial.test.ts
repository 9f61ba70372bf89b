import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'therapy-over-trial';

describe(RULE, () => {
  const mustFlag: [string, RegExp][] = [
    [
      'Acupuncture 2x4 low back',
      /^8 acupuncture sessions exceeds the 3–6 trial limit \(8 CCR 9792\.24\.1, 2007\); document functional improvement or request 6$/,
    ],
    ['Acupuncture x 8 for the neck', /8 acupuncture sessions exceeds the 3–6 trial limit/],
    ['ACUPUNCTURE VISITS THORACIC SPINE QTY 12', /12 acupuncture sessions/],
    ['Chiropractic 2x4 lumbar', /8 chiropractic visits exceeds the 6-visit trial \(CPMTG 2016, Manual therapy & manipulation\)/],
    ['Spinal manipulation 3 times a week for 4 weeks', /12 manipulation visits exceeds the 6-visit trial/],
    ['Electroacupuncture 12-18 sessions', /18 electroacupuncture sessions/],
  ];
  for (const [text, message] of mustFlag) {
    test(`flags: ${text}`, () => {
      const f = check(text).findings.filter((x) => x.rule === RULE);
      assert.equal(f.length, 1);
      assert.match(f[0].message, message);
      assert.equal(f[0].severity, 'error');
      assert.ok(f[0].fix, 'offers a fix');
    });
  }
  const mustNot = [
    'Acupuncture 2x3 neck',
    'Acupuncture 1x6 for the low back',
    'Chiropractic 2x3 lumbar',
    // an extension past the trial with functional improvement documented (letter 001's facts)
    'She completed 12 acupuncture sessions; Norco was reduced from 10/325 to 7.5/325 mg and mobility improved. Request acupuncture 2x4 for the neck.',
    // postsurgical therapy is judged by 8 CCR 9792.24.3
    'Post-op chiropractic 2x4',
    // a guideline figure quoted, not requested
    'The MTUS allows up to 18 visits over 6-8 weeks of chiropractic care.',
  ];
  for (const text of mustNot) {
    test(`does not flag: ${text}`, () =>
      assert.deepEqual(
        rulesOf(text).filter((r) => r === RULE),
        [],
      ));
  }
  test('a pain score alone is not functional improvement', () => {
    assert.deepEqual(rulesOf('Pain decreased from 8/10 to 5/10 after acupuncture. Request acupuncture 2x4.'), [RULE]);
  });
  test('its severity follows the setting, and "off" turns it off', () => {
    assert.equal(check('Acupuncture 2x4', { ruleSeverity: { [RULE]: 'warning' } }).findings[0].severity, 'warning');
    assert.deepEqual(rulesOf('Acupuncture 2x4', { ruleSeverity: { [RULE]: 'off' } }), []);
  });
});
