import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'prior-course-without-facts';
const IMPROVED = 'ADLs improved and she returned to modified duty.';

const findingsOf = (text: string) => check(text).findings.filter((f) => f.rule === RULE);

/** Apply a finding's fix and check it only inserted text: everything before and after is unchanged. */
function applyInsertion(text: string): { fixed: string; at: number; inserted: string } {
  const f = findingsOf(text);
  assert.equal(f.length, 1, JSON.stringify(check(text).findings.map((x) => x.message)));
  assert.ok(f[0].fix, 'the finding carries a fix');
  assert.equal(f[0].fix!.edits.length, 1, 'one edit');
  const e = f[0].fix!.edits[0];
  assert.equal(e.span.start, e.span.end, 'the edit replaces nothing: it is an insertion');
  const fixed = applyEdits(text, f[0].fix!.edits);
  assert.equal(fixed.slice(0, e.span.start), text.slice(0, e.span.start), 'the text before is unchanged');
  assert.equal(fixed.slice(e.span.start + e.newText.length), text.slice(e.span.start), 'the text after is unchanged');
  return { fixed, at: e.span.start, inserted: e.newText };
}

describe(RULE, () => {
  test('improvement documented, no count: asks for the count and dates', () => {
    const text = `${IMPROVED} Request 6 additional acupuncture sessions for the neck.`;
    const f = findingsOf(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      "6 additional acupuncture sessions: state how many sessions were completed and when; the guideline's limit counts them (8 CCR 9792.24.1, 2007)",
    );
    assert.equal(f[0].severity, 'warning');
    assert.deepEqual(rulesOf(text), [RULE], 'the only finding');
    assert.match(text.slice(f[0].span.start, f[0].span.end), /acupuncture/);
  });

  test('nothing stated about the prior course (massage, which needs no improvement to extend): asks for all of it', () => {
    const f = findingsOf('1. Additional massage x 4, lumbar spine');
    assert.equal(f.length, 1);
    assert.equal(f[0].message, '4 additional massage visits: state how many visits were completed, when, and how the patient responded (8 CCR 9792.20(e))');
    assert.equal(f[0].citation?.id, 'ccr-9792.20e-functional-improvement');
  });

  test('count stated, no response at all (massage): asks for the response', () => {
    const f = findingsOf('The patient completed 4 massage visits. Request massage x 2.');
    assert.equal(f.length, 1);
    assert.equal(f[0].message, '2 massage visits after 4 completed: state how the patient responded (8 CCR 9792.20(e))');
  });

  const mustFlag = [
    `${IMPROVED}\nContinue chiropractic 2x3 for the low back.`,
    `Norco was reduced from 10/325 to 5/325.\r\nAdditional physical therapy 1x4, lumbar spine.\r\n`,
    'Additional massage therapy, 4 visits, with the home exercise program.',
  ];
  for (const text of mustFlag) {
    test(`flags: ${JSON.stringify(text)}`, () => assert.equal(findingsOf(text).length, 1, JSON.stringify(check(text).findings)));
  }

  const mustNot = [
    // letter 001: count and response both stated
    'According to the progress report, the patient completed 12 acupuncture sessions. The provider reported that the patient was able to reduce his medication usage and improve his mobility. Norco was reduced from 10/325 mg to 7.5/325mg. Request: 6 additional acupuncture sessions for the neck.',
    // a first course
    'Acupuncture 2x3 neck',
    'Physical therapy 2x4, lumbar spine.',
    // massage with count and a stated response (a pain score is a response; massage needs no more)
    'Pain decreased from 7/10 to 4/10 with massage. She completed 2 massage visits. Additional massage x 2.',
    // postoperative therapy is judged by 8 CCR 9792.24.3
    'Additional postoperative physical therapy 2x3 after the shoulder surgery',
  ];
  for (const text of mustNot) {
    test(`does not flag: ${text.slice(0, 70)}`, () =>
      assert.deepEqual(
        rulesOf(text).filter((r) => r === RULE),
        [],
      ));
  }

  describe('precedence: one diagnostic per item', () => {
    test('no improvement and nothing stated: extension-without-improvement reports it, not this rule', () => {
      assert.deepEqual(rulesOf('6 additional acupuncture sessions for the neck'), ['extension-without-improvement']);
    });
    test('count stated, no response: extension-without-improvement ("after 6 completed") reports it', () => {
      assert.deepEqual(rulesOf('The patient completed 6 acupuncture sessions. Request acupuncture 2x3.'), ['extension-without-improvement']);
    });
    test('pain relief as the only benefit: pain-relief-only reports it', () => {
      assert.deepEqual(rulesOf('Pain decreased from 8/10 to 5/10. Request 6 additional acupuncture sessions.'), ['pain-relief-only']);
    });
    test('over the maximum: that rule reports it; more of a course without improvement: extension-without-improvement (a smaller number would not cure it)', () => {
      assert.deepEqual(rulesOf(`${IMPROVED} Request 20 additional chiropractic visits.`), ['therapy-over-maximum']);
      assert.deepEqual(rulesOf('Request 8 additional acupuncture sessions.'), ['extension-without-improvement']);
    });
    test('over the weekly frequency: frequency-over-limit reports it first', () => {
      assert.deepEqual(rulesOf(`${IMPROVED} Additional acupuncture 4x1.`), ['frequency-over-limit']);
    });
    test('with the rule off, nothing else takes its place', () => {
      assert.deepEqual(rulesOf(`${IMPROVED} Request 6 additional acupuncture sessions.`, { ruleSeverity: { [RULE]: 'off' } }), []);
    });
  });

  describe('quick fix: a fill-in line under the item', () => {
    test('inserts the line after the item line, indented under it, and touches nothing else', () => {
      const text = `${IMPROVED}\nRequest 6 additional acupuncture sessions for the neck.\nSincerely,\nDr. A`;
      const { fixed, at, inserted } = applyInsertion(text);
      assert.equal(at, text.indexOf('\nSincerely'), 'at the end of the item line');
      assert.equal(inserted, '\n   Prior course: [number] acupuncture sessions completed [from date] to [date]');
      assert.equal(
        fixed,
        `${IMPROVED}\nRequest 6 additional acupuncture sessions for the neck.\n   Prior course: [number] acupuncture sessions completed [from date] to [date]\nSincerely,\nDr. A`,
      );
      // The blanks are not facts: still flagged, and the fill-in is not offered a second time.
      const again = findingsOf(fixed);
      assert.equal(again.length, 1);
      assert.equal(again[0].fix, undefined, 'not offered again while the fill-in waits');
      // Filled in with real facts: the rule no longer fires, and nothing else does.
      const filled = fixed.replace('[number]', '6').replace('[from date] to [date]', '01/05/2026 to 02/13/2026');
      assert.deepEqual(check(filled).findings, [], JSON.stringify(check(filled).findings.map((x) => x.message)));
    });

    test("keeps the document's own line ending (CRLF) and aligns under a numbered item", () => {
      const text = 'REQUESTED TREATMENT\r\nDiagnosis: lumbar strain\r\n1. Additional massage x 4, lumbar spine\r\n2. Follow-up visit\r\n';
      const { fixed, inserted } = applyInsertion(text);
      assert.equal(inserted, '\r\n   Prior course: [number] massage visits completed [from date] to [date]; response: [ADLs, work status, medication change]');
      assert.ok(!/[^\r]\n/.test(fixed), 'no bare LF introduced');
      const filled = fixed
        .replace('[number]', '2')
        .replace('[from date] to [date]', '01/05/2026 to 02/13/2026')
        .replace('[ADLs, work status, medication change]', 'returned to full duty, pain 3/10, home exercise program daily');
      assert.deepEqual(rulesOf(filled), []);
    });

    test('an item on the last line without a line ending: the line is appended', () => {
      const text = `${IMPROVED}\nContinue chiropractic 2x3 for the low back.`;
      const { fixed, at } = applyInsertion(text);
      assert.equal(at, text.length);
      assert.ok(fixed.endsWith('\n   Prior course: [number] chiropractic visits completed [from date] to [date]'), fixed);
    });

    test('response missing only: the fill-in asks for the response', () => {
      const { inserted, fixed } = applyInsertion('The patient completed 4 massage visits.\n- Massage x 2, low back\n');
      assert.equal(inserted, '\n  Response to prior massage: [ADLs, work status, medication change]');
      assert.deepEqual(
        rulesOf(fixed.replace('[ADLs, work status, medication change]', 'ADLs improved, now able to drive; keeps up her home exercise program')),
        [],
      );
    });

    test('a request written twice gets one fill-in line, under the first', () => {
      const text = `${IMPROVED}\nDisputed item: 6 additional acupuncture sessions, lumbar spine.\nI ask for 6 additional acupuncture sessions for the lumbar spine.\n`;
      const f = findingsOf(text);
      assert.equal(f.length, 1, 'one finding for the restated request');
      assert.equal(f[0].related?.length, 1);
      assert.equal(f[0].fix?.edits.length, 1, 'one insertion');
      assert.equal(f[0].fix!.edits[0].span.start, text.indexOf('\nI ask'));
    });
  });
});
