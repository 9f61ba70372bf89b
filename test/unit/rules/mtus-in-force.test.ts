import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, hoverAt } from '../../../server/src/engine';
import { loadCustomKnowledge } from '../../../server/src/knowledge/custom';
import { analyze } from '../../../server/src/engine';
import { check, kb } from '../../helpers/repo';

// superseded-figure and citation-not-in-force: from 12/1/2017 a CPMTG figure is offered for
// reference, never as the rule, and a citation of a guideline that did not govern is reported.

const FORM = (date: string, body: string) => `DWC Form RFA   Date of request: ${date}\nDiagnosis: lumbar strain, S39.012A\n${body}`;
const PT12 = 'Physical therapy 3x4 (12 visits), lumbar spine, with a home exercise program.';

describe('superseded-figure', () => {
  test('12 physical therapy visits in 2026: the 2016 figure for reference, and the guideline that governs', () => {
    const f = check(FORM('03/14/2026', PT12), { kind: 'request' }).findings;
    assert.deepEqual(
      f.map((x) => [x.rule, x.severity]),
      [['superseded-figure', 'warning']],
    );
    assert.match(
      f[0].message,
      /^12 physical therapy visits: above the 8–10 of CPMTG 2016 \(superseded 12\/1\/2017\); the governing guideline is ACOEM Low Back Disorders \(2\/13\/2020, MTUS from 11\/23\/2021\): check the request against it/,
    );
    assert.equal(f[0].fix?.certain, false, 'capping at a superseded figure is never applied by "fix all"');
  });
  test('its own severity setting, and silencing it leaves the rest', () => {
    assert.deepEqual(
      check(FORM('03/14/2026', PT12), { kind: 'request', ruleSeverity: { 'superseded-figure': 'information' } }).findings.map((x) => x.severity),
      ['information'],
    );
    assert.deepEqual(check(FORM('03/14/2026', PT12), { kind: 'request', ruleSeverity: { 'superseded-figure': 'off' } }).findings, []);
  });
  test('a medication figure and a region exclusion of the CPMTG are references too; the knee names its guideline', () => {
    const f = check(FORM('03/14/2026', 'Chiropractic 1x6, right knee.\nCyclobenzaprine 7.5 mg #60 twice daily.'), { kind: 'request' }).findings;
    assert.deepEqual(
      f.map((x) => x.rule),
      ['superseded-figure', 'superseded-figure'],
    );
    assert.match(
      f[0].message,
      /\(CPMTG 2016, Manual therapy & manipulation, superseded 12\/1\/2017: manual therapy is not recommended .*the governing guideline is ACOEM Knee Disorders \(12\/3\/2019, MTUS from 9\/21\/2020\)/,
    );
    assert.match(f[1].message, /the governing guideline is ACOEM Chronic Pain \(5\/15\/2017, MTUS from 12\/1\/2017\)/);
  });
  test('what still governs keeps its rule: acupuncture, postsurgical therapy, functional improvement', () => {
    const rules = (body: string) => check(FORM('03/14/2026', body), { kind: 'request' }).findings.map((x) => `${x.rule}:${x.severity}`);
    assert.deepEqual(rules('Acupuncture 2x4 low back.'), ['therapy-over-trial:error']);
    assert.deepEqual(rules('Status post Bankart repair. Post-op physical therapy 2x14 for the shoulder.'), ['postsurgical-over-limit:error']);
    assert.deepEqual(rules('6 additional acupuncture sessions for the low back after 6 completed acupuncture sessions.'), [
      'extension-without-improvement:warning',
    ]);
  });
  test('not flagged: within the figure, or dated before 12/1/2017', () => {
    assert.deepEqual(
      check(FORM('03/14/2026', 'Physical therapy 2x4 (8 visits), lumbar spine, with a home exercise program, per MTUS (ACOEM) Low Back Disorders Guideline.'), {
        kind: 'request',
      }).findings,
      [],
    );
    assert.deepEqual(
      check(FORM('11/30/2017', PT12), { kind: 'request' }).findings.map((x) => x.rule),
      ['therapy-over-maximum', 'guideline-not-cited'],
    );
  });
  test("a user's figure for the governing guideline judges instead, as the rule", () => {
    const file = JSON.stringify({
      figures: [
        {
          id: 'lbd-pt',
          guideline: 'acoem-low-back-2020',
          treatment: 'physical-medicine',
          bodyRegions: ['low-back'],
          maximum: { min: 6, max: 10 },
          section: 'Physical therapy, subacute and chronic low back pain (as read by the practice)',
          source: 'ACOEM Low Back Disorders (2/13/2020), read by the practice on 01/05/2026',
        },
      ],
    });
    const custom = loadCustomKnowledge(file, 'practice.json', kb().data);
    assert.deepEqual(custom.problems, []);
    const text = FORM('03/14/2026', PT12);
    const f = analyze(text, custom.knowledge!, { kind: 'request' }).findings;
    assert.deepEqual(
      f.map((x) => [x.rule, x.severity]),
      [['therapy-over-maximum', 'error']],
    );
    assert.equal(
      f[0].message,
      '12 physical therapy visits exceeds the 6–10 maximum (ACOEM Low Back Disorders (2/13/2020, MTUS from 11/23/2021), Physical therapy, subacute and chronic low back pain (as read by the practice); your knowledge file); request no more than 10',
    );
    assert.match(applyEdits(text, f[0].fix!.edits), /Physical therapy 3x3 \(9 visits\)|Physical therapy 2x5 \(10 visits\)/);
    assert.deepEqual(
      analyze(
        FORM('03/14/2026', 'Physical therapy 2x5 (10 visits), lumbar spine, with a home exercise program (MTUS (ACOEM) Low Back Disorders Guideline).'),
        custom.knowledge!,
        { kind: 'request' },
      ).findings,
      [],
    );
    // Before that version governed, the figure does not apply.
    assert.deepEqual(
      analyze(FORM('03/14/2021', PT12), custom.knowledge!, { kind: 'request' }).findings.map((x) => x.rule),
      ['superseded-figure'],
    );
  });
  test('a figure naming a guideline that is not in the timeline is an error in the knowledge file', () => {
    const bad = JSON.stringify({
      figures: [{ id: 'x', guideline: 'acoem-low-back-2030', treatment: 'physical-medicine', maximum: { min: 1, max: 2 }, section: 'PT', source: 'none here' }],
    });
    assert.match(loadCustomKnowledge(bad, 'p.json', kb().data).problems[0].message, /figures\.0 \(x\): unknown guideline "acoem-low-back-2030"/);
  });
});

test('guideline-hierarchy asks for the governing ACOEM guideline, not the CPMTG section, from 12/1/2017', () => {
  const f = check(FORM('03/14/2026', 'Physical therapy 2x4 (8 visits), lumbar spine, with a home exercise program (ODG).'), { kind: 'request' }).findings;
  assert.deepEqual(
    f.map((x) => x.rule),
    ['guideline-hierarchy'],
  );
  assert.match(f[0].message, /MTUS \(ACOEM\) Low Back Disorders Guideline \(2\/13\/2020\)/);
  // No citation at all is no problem of the request (issue 10: no field of the DWC Form RFA asks for one).
  assert.deepEqual(check(FORM('03/14/2026', 'Physical therapy 2x4 (8 visits), lumbar spine, with a home exercise program.'), { kind: 'request' }).findings, []);
});

describe('citation-not-in-force', () => {
  test('a 2009 CPMTG page in a 2026 request: reported once, with a fix to the guideline that governed', () => {
    const text = FORM(
      '03/14/2026',
      'Home exercise program daily.\nMassage therapy 4 visits, lumbar, per MTUS Chronic Pain Medical Treatment Guidelines page 60.',
    );
    const f = check(text, { kind: 'request' }).findings;
    assert.deepEqual(
      f.map((x) => x.rule),
      ['citation-not-in-force'],
    );
    assert.equal(
      f[0].message,
      '"MTUS Chronic Pain Medical Treatment Guidelines page 60" cites CPMTG 2009, which stopped governing on 7/27/2016; this document is dated 03/14/2026: cite ACOEM Chronic Pain (5/15/2017, MTUS from 12/1/2017)',
    );
    const fixed = applyEdits(text, f[0].fix!.edits);
    assert.match(fixed, /per MTUS \(ACOEM\) Chronic Pain Guideline \(5\/15\/2017\)\./);
    assert.deepEqual(check(fixed, { kind: 'request' }).findings, [], 'the fixed citation reads back as in force');
  });
  test('an ACOEM version that did not govern on the date: the one that did', () => {
    const f = check(FORM('01/10/2022', 'Per ACOEM Low Back Disorders Guideline (2016): physical therapy 2x3, lumbar spine, with a home exercise program.'), {
      kind: 'request',
    }).findings;
    assert.deepEqual(
      f.map((x) => x.rule),
      ['citation-not-in-force'],
    );
    assert.match(
      f[0].message,
      /did not govern on 01\/10\/2022 \(it governed until 8\/10\/2019\); cite ACOEM Low Back Disorders \(2\/13\/2020, MTUS from 11\/23\/2021\)/,
    );
    assert.equal(f[0].fix?.edits[0].newText, 'MTUS (ACOEM) Low Back Disorders Guideline (2/13/2020)');
  });
  test("today's forms are read and hovered: no finding when they governed", () => {
    const text = FORM(
      '03/14/2026',
      'Per MTUS (ACOEM) Low Back Disorders Guideline and ACOEM Chronic Pain Guideline (2017); MTUS Drug List v13; 8 CCR 9792.27.12.',
    );
    const a = check(text, { kind: 'request' });
    assert.deepEqual(a.findings, []);
    assert.deepEqual(
      a.citations.map((c) => c.resolved[0]),
      ['acoem-mtus-low-back', 'acoem-mtus-chronic-pain', 'mtus-drug-list', 'ccr-9792.27.12-special-fill'],
    );
    const h = hoverAt(a, text, text.indexOf('Low Back Disorders'), kb())!.markdown;
    assert.match(h, /\*\*ACOEM Low Back Disorders \(2\/13\/2020, MTUS from 11\/23\/2021\)\*\* · 8 CCR 9792\.23\.5/);
    assert.match(h, /ACOEM's text is licensed/);
    assert.match(hoverAt(a, text, text.indexOf('Drug List v13'), kb())!.markdown, /\*\*MTUS Drug List\*\* v13, effective 8\/6\/2025 .*Not imported/);
  });
  test('not flagged: the same citations in a document dated before 12/1/2017', () => {
    const f = check(
      FORM('03/14/2016', 'Home exercise program daily.\nMassage therapy 4 visits, lumbar, per MTUS Chronic Pain Medical Treatment Guidelines page 60.'),
      { kind: 'request' },
    ).findings;
    assert.deepEqual(f, []);
  });
});
