import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'extension-without-improvement';

describe(RULE, () => {
  const mustFlag = [
    '6 additional acupuncture sessions for the neck',
    'Continue chiropractic 2x3 for the low back',
    'The patient completed 6 acupuncture sessions. Request acupuncture 2x3.',
    'Additional physical therapy, 1 to 2 times per week for 3 weeks, for the neck',
    // a pain score is not functional improvement (pain relief is reported by pain-relief-only, below)
    'Pain is rated 8/10 today. Request 6 additional acupuncture sessions.',
    // a negated improvement does not count
    'There was no improvement in activities of daily living. Request 6 more acupuncture sessions.',
  ];
  for (const text of mustFlag) {
    test(`flags: ${text}`, () => {
      const f = check(text).findings.filter((x) => x.rule === RULE);
      assert.equal(f.length, 1, JSON.stringify(check(text).findings.map((x) => x.message)));
      assert.match(f[0].message, /without documented functional improvement \(8 CCR 9792\.20\(e\)\); document/);
      assert.equal(f[0].severity, 'warning');
      assert.equal(f[0].citation?.id, 'ccr-9792.20e-functional-improvement');
    });
  }
  test('pain relief alone is not functional improvement: reported once, by pain-relief-only', () => {
    const text = 'Pain decreased from 8/10 to 5/10 with prior acupuncture. Request 6 additional acupuncture sessions.';
    assert.deepEqual(rulesOf(text), ['pain-relief-only']);
  });
  const mustNot = [
    // letter 001: 6 more after 12, with reduced Norco and better mobility: overturned
    'According to the progress report, the patient completed 12 acupuncture sessions. The provider reported that the patient was able to reduce his medication usage and improve his mobility. Norco was reduced from 10/325 mg to 7.5/325mg. Request: 6 additional acupuncture sessions for the neck.',
    'Returned to full duty after 6 chiropractic visits. Request continued chiropractic 2x3.',
    'Acupuncture 2x3 neck',
    // massage has no extension condition of its own: its 4-6 cap governs
    'Additional massage x 4',
  ];
  for (const text of mustNot) {
    test(`does not flag: ${text.slice(0, 70)}`, () =>
      assert.deepEqual(
        rulesOf(text).filter((r) => r === RULE),
        [],
      ));
  }
});
