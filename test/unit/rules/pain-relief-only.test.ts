import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'pain-relief-only';
const findingsOf = (text: string) => check(text).findings.filter((f) => f.rule === RULE);
const message = (asked: string, quote: string) =>
  `${asked}: pain relief alone ("${quote}") is not functional improvement under 8 CCR 9792.20(e); document ADLs or work restrictions and reduced dependency on treatment before more is certified`;

const BLOCK = 'Functional improvement:\n   ADLs before [ ] / after [ ]; work status [ ]; medication change [ ]; objective measures [ ]';

describe(RULE, () => {
  const mustFlag: [string, string, string][] = [
    [
      'Pain decreased from 8/10 to 5/10 with prior acupuncture. Request 6 additional acupuncture sessions.',
      '6 additional acupuncture sessions',
      '8/10 to 5/10',
    ],
    ['Pain is rated 4/10, down from 7/10.\nContinue chiropractic 2x3 for the low back.', '6 additional chiropractic visits', '4/10, down from 7/10'],
    // completed sessions make it an extension, without "additional"
    [
      'The patient completed 6 acupuncture sessions with pain relief from 8/10 to 4/10. Request acupuncture 2x3.',
      '6 acupuncture sessions after 6 completed',
      '8/10 to 4/10',
    ],
    ['Her pain went from 9/10 to 6/10 after therapy.\nAdditional physical therapy 2x3, lumbar spine.', '6 additional physical therapy visits', '9/10 to 6/10'],
  ];
  for (const [text, asked, quote] of mustFlag) {
    test(`flags: ${JSON.stringify(text.slice(0, 70))}`, () => {
      const f = findingsOf(text);
      assert.equal(f.length, 1, JSON.stringify(check(text).findings.map((x) => x.message)));
      assert.equal(f[0].message, message(asked, quote));
      assert.ok(!f[0].fix?.edits.some((e) => /^\d+$/.test(e.newText)), 'no quantity fix: fewer sessions do not cure it');
      assert.equal(f[0].severity, 'warning');
      assert.equal(f[0].citation?.id, 'ccr-9792.20e-functional-improvement');
      assert.deepEqual(rulesOf(text), [RULE], 'it replaces extension-without-improvement');
      assert.match(text.slice(f[0].span.start, f[0].span.end), /acupuncture|chiropractic|physical therapy/);
    });
  }

  test('relief without a score out of 10 is flagged without a quotation', () => {
    const f = findingsOf('VAS pain scores decreased with acupuncture. Request 6 additional acupuncture sessions.');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^6 additional acupuncture sessions: pain relief alone is not functional improvement under 8 CCR 9792\.20\(e\)/);
  });

  const mustNot: [string, string[]][] = [
    // letter 001: the pain score sits beside real functional gains
    [
      'The patient completed 12 acupuncture sessions. Pain decreased from 8/10 to 5/10. Norco was reduced from 10/325 mg to 7.5/325mg. Request: 6 additional acupuncture sessions for the neck.',
      [],
    ],
    // a pain level is not relief: extension-without-improvement reports the missing improvement
    ['Pain rated 7/10. Request 6 additional acupuncture sessions.', ['extension-without-improvement']],
    ['No pain relief; pain remains 8/10. Request 6 additional acupuncture sessions.', ['extension-without-improvement']],
    // not an extension: a first course
    ['Pain decreased from 8/10 to 5/10 with medication. Request acupuncture 2x3 for the neck.', []],
    // stated as never given, in the ways writers say it: a trial, judged by the trial limit
    ['Pain is 8/10, down from 9/10. My patient has not yet had acupuncture. Request 12 acupuncture sessions.', ['therapy-over-trial']],
    ["Pain is 8/10, down from 9/10. She hasn't had chiropractic care. Chiropractic 2x3 for the low back.", []],
    ['Pain is 8/10, down from 9/10. He has yet to try acupuncture. Acupuncture x 6.', []],
    // over the trial as well: fewer sessions would not cure it, so pain-relief-only reports it (no quantity fix)
    ['Pain decreased from 8/10 to 5/10. Request 8 additional acupuncture sessions.', ['pain-relief-only']],
    // massage needs no functional improvement to be extended (its 4-6 cap governs)
    ['Pain decreased from 7/10 to 4/10 with massage. She completed 2 massage visits. Additional massage x 2 with her home exercise program.', []],
    // postoperative therapy is judged by 8 CCR 9792.24.3
    ['Pain decreased from 8/10 to 5/10. Additional postoperative physical therapy 2x3 after the shoulder surgery.', []],
  ];
  for (const [text, rules] of mustNot) {
    test(`reports only ${rules.join(', ') || 'nothing'}: ${text.slice(0, 60)}`, () => assert.deepEqual(rulesOf(text), rules));
  }

  test('turned off, extension-without-improvement does not take its place', () => {
    const text = 'Pain decreased from 8/10 to 5/10. Request 6 additional acupuncture sessions.';
    assert.deepEqual(rulesOf(text, { ruleSeverity: { [RULE]: 'off' } }), []);
    assert.deepEqual(
      check(text, { ruleSeverity: { [RULE]: 'error' } }).findings.map((f) => f.severity),
      ['error'],
    );
  });

  describe('quick fix: a functional-improvement block to fill in', () => {
    test('inserts the block after the paragraph with the pain score; nothing else changes', () => {
      const text = [
        'Subjective: low back pain. Pain decreased from 8/10 to 5/10',
        'after the six acupuncture sessions completed in January.',
        '',
        'Request 6 additional acupuncture sessions, lumbar spine.',
        '',
      ].join('\n');
      const f = findingsOf(text);
      assert.equal(f.length, 1);
      assert.equal(f[0].fix?.edits.length, 1);
      const e = f[0].fix!.edits[0];
      assert.equal(e.span.start, e.span.end, 'an insertion');
      assert.equal(e.span.start, text.indexOf('\n\nRequest'), 'after the last line of the paragraph');
      assert.equal(e.newText, `\n${BLOCK}`);
      const fixed = applyEdits(text, f[0].fix!.edits);
      assert.equal(fixed.slice(0, e.span.start), text.slice(0, e.span.start));
      assert.equal(fixed.slice(e.span.start + e.newText.length), text.slice(e.span.start));

      // Empty fields are not facts: still flagged, and the block is not offered again.
      const again = findingsOf(fixed);
      assert.equal(again.length, 1, 'an empty block documents nothing');
      assert.equal(again[0].fix, undefined);

      // Filled in with real facts: no longer flagged, and no other therapy rule takes its place.
      const filled = fixed.replace(
        'ADLs before [ ] / after [ ]; work status [ ]; medication change [ ]; objective measures [ ]',
        'ADLs before [sitting 20 minutes] / after [sitting tolerance increased to 60 minutes]; work status [returned to modified duty]; medication change [Norco reduced from 10/325 to 5/325]; objective measures [Oswestry improved from 46% to 30%]',
      );
      assert.deepEqual(findingsOf(filled), []);
      assert.ok(!rulesOf(filled).includes('extension-without-improvement'));
    });

    test("uses the document's line ending and the pain line's indentation", () => {
      const text = 'PR-2\r\n  - Pain 4/10, down from 7/10 with chiropractic\r\n\r\nContinue chiropractic 2x3, low back\r\n';
      const f = findingsOf(text);
      const e = f[0].fix!.edits[0];
      assert.equal(e.span.start, text.indexOf('\r\n\r\nContinue'));
      assert.equal(e.newText, `\r\n  ${BLOCK.replace('\n', '\r\n  ')}`);
    });

    test('two items flagged: the block is offered once, on the first', () => {
      const text = 'Pain decreased from 8/10 to 5/10.\nAdditional acupuncture x 6, neck.\nContinue chiropractic 2x3, low back.\n';
      const f = findingsOf(text);
      assert.equal(f.length, 2);
      assert.equal(f.filter((x) => x.fix).length, 1);
      assert.ok(f[0].fix);
    });
  });
});
