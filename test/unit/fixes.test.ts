import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/src/engine';
import { check } from '../helpers/repo';

// The quick fix keeps the writer's form, touches only the quantity, and clears the finding.
const CASES: [string, string][] = [
  ['Acupuncture 2x4 low back', 'Acupuncture 2x3 low back'],
  ['Acupuncture 2 x 4, low back', 'Acupuncture 2 x 3, low back'],
  ['ACUPUNCTURE VISITS THORACIC SPINE QTY 12', 'ACUPUNCTURE VISITS THORACIC SPINE QTY 6'],
  ['eight sessions of massage therapy', 'six sessions of massage therapy'],
  ['Eight sessions of massage therapy', 'Six sessions of massage therapy'],
  ['EIGHT MASSAGE VISITS', 'SIX MASSAGE VISITS'],
  ['Chiropractic twice a week for six weeks', 'Chiropractic twice a week for three weeks'],
  ['Physical therapy 3 times per week for 4 weeks', 'Physical therapy 3 times per week for 3 weeks'],
  ['Acupuncture x 8 for the neck', 'Acupuncture x 6 for the neck'],
  ['Acupuncture 12-18 sessions', 'Acupuncture 6 sessions'],
  ['Acupuncture 4-8 sessions', 'Acupuncture 4-6 sessions'],
  ['Physical therapy 2x6 (12 sessions) for the neck', 'Physical therapy 2x5 (10 sessions) for the neck'],
  ['Twelve acupuncture visits, 2 times weekly for 6 weeks', 'Six acupuncture visits, 2 times weekly for 3 weeks'],
  ['Acupuncture 1-3x/week x 4 weeks', 'Acupuncture 1-3x/week x 2 weeks'],
  ['Massage therapy #8', 'Massage therapy #6'],
];

describe('cap-quantity fix', () => {
  for (const [before, after] of CASES) {
    test(`${before} → ${after}`, () => {
      const findings = check(before).findings.filter((f) => f.fix && f.fix.certain !== false);
      assert.equal(findings.length, 1, 'one certain fix');
      const fixed = applyEdits(before, findings[0].fix!.edits);
      assert.equal(fixed, after);
      assert.deepEqual(
        check(fixed).findings.filter((f) => f.fix && f.fix.certain !== false),
        [],
        'no certain fix left after the fix',
      );
    });
  }

  test('edits stay inside the quantity and the text around it is untouched', () => {
    const text = 'Dear Dr. Smith,\nWe request acupuncture 2x4 for the low back.\nSincerely,\n';
    const f = check(text).findings[0];
    for (const e of f.fix!.edits) {
      assert.ok(e.span.start >= text.indexOf('2x4') && e.span.end <= text.indexOf('2x4') + 3);
    }
    assert.equal(applyEdits(text, f.fix!.edits), text.replace('2x4', '2x3'));
  });

  test("the fix title says what it writes, in the treatment's unit", () => {
    assert.equal(check('Acupuncture 2x4').findings[0].fix!.title, 'Change "2x4" to "2x3" (6 sessions)');
    assert.equal(check('Massage x 8').findings[0].fix!.title, 'Change "x 8" to "x 6" (6 visits)');
  });

  test('one fix is enough: above the maximum without improvement caps at the trial', () => {
    const text = 'Chiropractic manipulation QTY 24';
    const f = check(text).findings;
    assert.equal(f[0].rule, 'therapy-over-maximum');
    assert.match(f[0].message, /request no more than 18 with documented functional improvement, 6 without/);
    const fixed = applyEdits(text, f[0].fix!.edits);
    assert.equal(fixed, 'Chiropractic manipulation QTY 6');
    assert.deepEqual(check(fixed).findings, []);
  });

  test('the underline takes the whole quantity and no sentence period', () => {
    const text = 'Acupuncture eight sessions (2x4) for the neck. Chiropractic twice a week for six weeks.';
    const spans = check(text).findings.map((f) => text.slice(f.span.start, f.span.end));
    assert.deepEqual(spans, ['Acupuncture eight sessions (2x4)', 'Chiropractic twice a week for six weeks']);
  });

  test('fix-all over a draft clears every capped finding and changes nothing else', () => {
    const text = 'Acupuncture 2x4 low back\nMassage therapy x 8\nPhysical therapy 3 times per week for 4 weeks\nDiagnosis: lumbar strain\n';
    const edits = check(text).findings.flatMap((f) => f.fix?.edits ?? []);
    const fixed = applyEdits(text, edits);
    assert.equal(fixed, 'Acupuncture 2x3 low back\nMassage therapy x 6\nPhysical therapy 3 times per week for 3 weeks\nDiagnosis: lumbar strain\n');
    assert.deepEqual(check(fixed).findings, []);
  });

  test('a request above the maximum after completed sessions is capped to what remains', () => {
    const text = 'She has had 12 chiropractic visits to date and returned to modified duty. Request chiropractic 2x4.';
    const f = check(text).findings[0];
    assert.equal(f.rule, 'therapy-over-maximum');
    assert.match(applyEdits(text, f.fix!.edits), /chiropractic 2x3\.$/);
  });

  test('a request written three times is one diagnostic, and its fix caps every place', () => {
    const text =
      'Diagnosis: lumbar strain (S39.012A)\nWe request acupuncture 2x4 for the low back.\nRequested: Acupuncture 2x4 low back\nPlease authorize the acupuncture 2x4.';
    const f = check(text).findings;
    assert.equal(f.length, 1);
    assert.equal(f[0].related?.length, 2);
    assert.match(f[0].fix!.title, /in 3 places$/);
    const fixed = applyEdits(text, f[0].fix!.edits);
    assert.equal(fixed, text.replaceAll('2x4', '2x3'));
    assert.deepEqual(check(fixed).findings, []);
  });

  test('two different requests of the same size are not merged', () => {
    assert.equal(check('Acupuncture 2x4 for the neck.\nAcupuncture 2x4 for the knee.').findings.length, 2);
  });
});
