import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { check, rulesOf } from '../../helpers/repo';
import { charactersLookedAt } from '../../helpers/work-count';

const RULE = 'expedited-without-threat';
const only = (text: string) => check(text, { kind: 'request' }).findings.filter((f) => f.rule === RULE);
const BODY = 'Diagnosis: lumbar radiculopathy (M54.16)\n1. Acupuncture 2x3 for the low back.\n';

describe(RULE, () => {
  const asks = ['[X] Expedited Review', '☒ Expedited Review', 'Expedited: yes', 'We request expedited review of this RFA.', 'Please expedite.'];
  for (const a of asks) {
    test(`flags "${a}" with no threat stated`, () => {
      const f = only(`REQUEST FOR AUTHORIZATION\n${a}\n${BODY}`);
      assert.equal(f.length, 1);
      assert.match(f[0].message, /^Expedited review needs the physician's statement that the patient faces an imminent and serious threat to health/);
    });
  }
  test('a short draft is still a request: a heading that asks for expedited review, with no threat', () => {
    assert.equal(only('EXPEDITED REVIEW REQUESTED\nDiagnosis: lumbar strain\nAcupuncture 1x6 for the low back').length, 1);
  });
  const mustNot = [
    // the form's own label, box not ticked
    `REQUEST FOR AUTHORIZATION\n[ ] Expedited Review: Check box if employee faces an imminent and serious threat to his or her health\n${BODY}`,
    `REQUEST FOR AUTHORIZATION\n[X] Expedited Review\nThe patient faces an imminent and serious threat to her health: progressive foot drop.\n${BODY}`,
    `REQUEST FOR AUTHORIZATION\n${BODY}`,
  ];
  for (const text of mustNot) test(`does not flag: ${JSON.stringify(text).slice(0, 100)}`, () => assert.deepEqual(only(text), []));
  test('the form label does not count as the statement', () => {
    assert.equal(
      only(`REQUEST FOR AUTHORIZATION\n[X] Expedited Review: Check box if employee faces an imminent and serious threat to his or her health\n${BODY}`).length,
      1,
    );
  });
  test('the fill-in line is a placeholder until filled', () => {
    const text = `REQUEST FOR AUTHORIZATION\n[X] Expedited Review\n${BODY}`;
    const f = only(text)[0];
    assert.equal(f.fix!.certain, false);
    const fixed = applyEdits(text, f.fix!.edits);
    assert.match(fixed, /\[X\] Expedited Review\n {3}Imminent and serious threat: \[why waiting/);
    assert.equal(only(fixed).length, 1);
  });
  test("words on a line of the form's boxes ask nothing; the same words on a line of their own do", () => {
    const boxLine = '[X] New request   [ ] Expedited review requested';
    assert.deepEqual(only(`REQUEST FOR AUTHORIZATION\n${boxLine}\n${BODY}`), []);
    const own = only(`REQUEST FOR AUTHORIZATION\n[X] New request\nExpedited review requested\n${BODY}`);
    assert.equal(own.length, 1);
  });
  test('a form of many boxes costs in proportion to its length', () => {
    // Each box's line was once found by searching back for a carriage return, which a text
    // without one scans to its start: twice the form, four times the work.
    const form = (n: number) =>
      `REQUEST FOR AUTHORIZATION\n${Array.from({ length: n }, (_, i) => `[X] New request   [ ] Resubmission   Item ${i}: acupuncture 6 visits, low back`).join('\n')}\n`;
    const small = charactersLookedAt(() => only(form(400)));
    const large = charactersLookedAt(() => only(form(800)));
    assert.ok(large < small * 2.5, `twice the boxes, ${(large / small).toFixed(1)} times the work (${small} → ${large} characters)`);
  });
  test('"off" turns it off', () =>
    assert.deepEqual(
      rulesOf(`[X] Expedited Review\n${BODY}`, { kind: 'request', ruleSeverity: { [RULE]: 'off' } }).filter((r) => r === RULE),
      [],
    ));
});
