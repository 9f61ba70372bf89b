import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'repeat-request-within-12-months';
const today = new Date(Date.UTC(2026, 10, 22));
const only = (text: string) => check(text, { kind: 'request', today }).findings.filter((f) => f.rule === RULE);
const HEAD = 'REQUEST FOR AUTHORIZATION\nDate: 11/01/2026\nDiagnosis: lumbar strain\n';

describe(RULE, () => {
  test('flags a treatment denied within 12 months, requested again with nothing new', () => {
    const text = `${HEAD}Acupuncture was denied by UR on 03/15/2026.\nRequest acupuncture 2x3 for the low back.\n`;
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'Acupuncture was denied 03/15/2026, 231 days ago: within 12 months a new request needs a documented change in material facts (Labor Code 4610(k)); state what is new since the denial',
    );
    const fixed = applyEdits(text, f[0].fix!.edits);
    assert.match(fixed, /\n {3}Change in material facts since the denial of 03\/15\/2026: \[new findings/);
    assert.equal(only(fixed).length, 1, 'the blank line is not a change until filled in');
    assert.deepEqual(only(fixed.replace(/\[new findings[^\]]*\]/, 'new weakness of the left leg; MRI 10/2026 shows L5 nerve root compression')), []);
  });
  test('an undated request is counted to today', () => {
    assert.match(
      only(
        'REQUEST FOR AUTHORIZATION\nDiagnosis: lumbar strain\nUR non-certified chiropractic on January 5, 2026.\nRequest chiropractic 2x3 for the low back.\n',
      )[0].message,
      /denied 01\/05\/2026, 321 days ago/,
    );
  });
  const mustNot = [
    `${HEAD}Acupuncture was denied by UR on 03/15/2025.\nRequest acupuncture 2x3 for the low back.\n`,
    `${HEAD}Acupuncture was denied by UR on 03/15/2026. Since the denial her pain has worsened with new numbness in the left foot.\nRequest acupuncture 2x3 for the low back.\n`,
    `${HEAD}Chiropractic was denied by UR on 03/15/2026.\nRequest acupuncture 2x3 for the low back.\n`,
    `${HEAD}Request acupuncture 2x3 for the low back.\n`,
  ];
  for (const text of mustNot) test(`does not flag: ${JSON.stringify(text.slice(HEAD.length)).slice(0, 90)}`, () => assert.deepEqual(only(text), []));
  test('"off" turns it off', () =>
    assert.deepEqual(
      rulesOf(`${HEAD}Acupuncture was denied by UR on 03/15/2026.\nRequest acupuncture 2x3, low back.\n`, {
        kind: 'request',
        today,
        ruleSeverity: { [RULE]: 'off' },
      }).filter((r) => r === RULE),
      [],
    ));
});
