import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../server/src/engine';
import { explainMtus } from '../../server/src/engine/mtus/in-force';
import { documentDate } from '../../server/src/engine/parse/document-date';
import { KnowledgeError, parseKnowledge } from '../../server/src/knowledge/load';
import { check, kb } from '../helpers/repo';

// The MTUS in force on a document's date: which date is read, what it is explained as, and that
// each boundary (2016-07-28, 2017-12-01, 2018-01-01, 2026-04-01) changes what the checks say.

// On the DWC Form RFA, so the 2026 form rule has nothing to say about these.
const dated = (date: string, body: string) => `DWC Form RFA   Date of request: ${date}\nDiagnosis: lumbar strain, S39.012A\n${body}`;
const PT12 = 'Physical therapy 3x4 (12 visits), lumbar spine, with a home exercise program.';

describe('the date a document is judged at', () => {
  test("a request: the request date, else the report or service date, else the form's Date: field; never the date of injury or birth", () => {
    const d = (t: string) => {
      const r = documentDate(t, 'request');
      return r && [r.date.toISOString().slice(0, 10), r.cue];
    };
    assert.deepEqual(d('Date of injury: 01/02/2026\nDate of request: 03/14/2026'), ['2026-03-14', 'request date']);
    assert.deepEqual(d('DOB 04/12/1978   Date of exam: 12/29/2016'), ['2016-12-29', 'report date']);
    assert.deepEqual(d('DOS: 05/08/2017'), ['2017-05-08', 'service date']);
    assert.deepEqual(d('Surgery Date: 01/05/2026\nRequesting Physician Signature: /s/ A. Lee   Date: 02/01/2026'), ['2026-02-01', 'form date']);
    assert.deepEqual(d('Date: [MM/DD/YYYY]\nPT 2x4'), undefined, 'a placeholder is no date');
    assert.equal(d('Date of injury: 01/02/2026\nPhysical therapy 2x4'), undefined);
  });
  test('an appeal: the request under review, else the UR decision, else the letter', () => {
    const d = (t: string) => documentDate(t, 'appeal')?.cue;
    assert.equal(d('March 2, 2026\nThe RFA dated 01/20/2026 was denied. UR decision dated 01/27/2026.'), 'request under review');
    assert.equal(d('March 2, 2026\nUR decision dated 01/27/2026 (attached).'), 'UR decision date');
    assert.equal(d('March 2, 2026\nI appeal the denial.'), 'letter date');
  });
});

describe('the MTUS in force, explained', () => {
  test('dated 03/14/2026: MTUS as of 2021-11-23 (ACOEM Low Back Disorders, 2/13/2020)', () => {
    const a = check(dated('03/14/2026', PT12), { kind: 'request' });
    assert.equal(a.mtus?.explanation, 'dated 03/14/2026: MTUS as of 2021-11-23 (ACOEM Low Back Disorders, 2/13/2020)');
    assert.equal(
      explainMtus(kb().data.timeline, '2019-05-01', '--date 05/01/2019'),
      '--date 05/01/2019: MTUS as of 2019-04-18 (ACOEM Cervical and Thoracic Spine Disorders, 10/17/2018; ACOEM Elbow Disorders, 8/23/2018; and 3 more)',
    );
  });
  test('--date judges as of that date whatever the document says; "current" judges an undated one as of today', () => {
    const a = check(dated('03/14/2016', PT12), { kind: 'request', date: new Date(Date.UTC(2026, 2, 14)) });
    assert.deepEqual([a.mtus?.reason, a.mtus?.date, a.findings.map((f) => f.rule)], ['given', '2026-03-14', ['superseded-figure']]);
    const b = check(`DWC Form RFA\nDiagnosis: lumbar strain, S39.012A\n${PT12}`, {
      kind: 'request',
      edition: 'current',
      today: new Date(Date.UTC(2026, 10, 2)),
    });
    assert.deepEqual([b.mtus?.reason, b.mtus?.date, b.findings.map((f) => f.rule)], ['setting', '2026-11-02', ['superseded-figure']]);
  });
  test('an undated document is judged exactly as before, and says how to be judged by date', () => {
    const a = check(PT12, { kind: 'request' });
    assert.deepEqual(
      a.findings.map((f) => [f.rule, f.severity, f.message]),
      [
        [
          'therapy-over-maximum',
          'error',
          '12 physical therapy visits exceeds the 8–10 visit limit (CPMTG 2016, Physical medicine); request no more than 10 and taper toward a home program',
        ],
      ],
    );
    assert.equal(a.mtus?.reason, 'undated');
    assert.match(a.mtus!.explanation, /write the request or report date/);
  });
  test('the item hover says which MTUS governs and why that date', () => {
    const text = dated('03/14/2026', PT12);
    const h = hoverAt(check(text, { kind: 'request' }), text, text.indexOf('3x4'), kb())!.markdown;
    assert.match(
      h,
      /\*\*MTUS in force:\*\* dated 03\/14\/2026: MTUS as of 2021-11-23 \(ACOEM Low Back Disorders, 2\/13\/2020\) — the date is the date of the request\./,
    );
    assert.match(
      h,
      /Governing guideline: ACOEM Low Back Disorders \(2\/13\/2020, MTUS from 11\/23\/2021\)\. The Chronic Pain figures above were superseded on 12\/1\/2017/,
    );
  });
});

describe('each boundary', () => {
  test('2016-07-28: the 2016 Chronic Pain and Opioids guidelines take effect (the checks keep the edition the document cites)', () => {
    const before = check(dated('07/27/2016', PT12), { kind: 'request' });
    const after = check(dated('07/28/2016', PT12), { kind: 'request' });
    assert.equal(before.mtus?.explanation, 'dated 07/27/2016: MTUS as of 2009-07-18 (CPMTG 2009; Postsurgical MTG, 2009)');
    assert.equal(after.mtus?.explanation, 'dated 07/28/2016: MTUS as of 2016-07-28 (CPMTG 2016; Opioids MTG 2016)');
    // (guideline-not-cited, information: the form cites nothing for an item over its limit)
    assert.deepEqual(
      before.findings.map((f) => [f.rule, f.severity]),
      [
        ['therapy-over-maximum', 'error'],
        ['guideline-not-cited', 'information'],
      ],
    );
    assert.deepEqual(
      after.findings.map((f) => f.message),
      before.findings.map((f) => f.message),
    );
  });
  test('2017-12-01: the CPMTG figure becomes a reference; acupuncture and the 24-visit cap keep their rule and severity', () => {
    const body = `${PT12}\nAcupuncture 2x4 low back.\nChiropractic 2x6 lumbar; 20 chiropractic visits completed.`;
    const rules = (d: string) => check(dated(d, body), { kind: 'request' }).findings.map((f) => `${f.rule}:${f.severity}`);
    assert.deepEqual(rules('11/30/2017'), ['therapy-over-maximum:error', 'guideline-not-cited:information', 'therapy-over-trial:error', 'visit-cap-24:error']);
    assert.deepEqual(rules('12/01/2017'), ['superseded-figure:warning', 'therapy-over-trial:error', 'visit-cap-24:error']);
  });
  test('2018-01-01: the Drug Formulary is operative (Special Fill counted from the dates)', () => {
    const body = (d: string) => `Date of injury: 12/28/2017\nDate of visit: ${d}\nRequest: Ibuprofen 600 mg #30, one tablet three times daily.`;
    assert.deepEqual(
      check(body('12/31/2017'), { kind: 'request' }).findings.map((f) => f.rule),
      [],
    );
    assert.deepEqual(
      check(body('01/01/2018'), { kind: 'request' }).findings.map((f) => f.rule),
      ['formulary-special-fill'],
    );
  });
  test('2026-04-01: a narrative request must be on the DWC Form RFA', () => {
    const body = (d: string) =>
      `Progress report\nDate of report: ${d}\nPatient: J. Doe\nDiagnosis: lumbar strain, S39.012A\nPlan: acupuncture 1x6, lumbar spine.\nSignature: /s/ A. Lee, M.D.`;
    assert.deepEqual(
      check(body('03/31/2026'), { kind: 'request' }).findings.map((f) => f.rule),
      [],
    );
    assert.deepEqual(
      check(body('04/01/2026'), { kind: 'request' }).findings.map((f) => f.rule),
      ['rfa-form-2026'],
    );
  });
});

describe('the timeline is validated at load', () => {
  test('a version whose dates do not follow the previous one is named with its path', () => {
    const data = structuredClone(kb().data);
    const g = data.timeline!.guidelines.find((x) => x.id === 'acoem-low-back-2019')!;
    g.until = '2021-12-31';
    assert.throws(
      () => parseKnowledge(data),
      (e: unknown) =>
        e instanceof KnowledgeError &&
        /timeline\.guidelines\.\d+\.until: acoem-low-back-2019: until must be 2021-11-22, the day before acoem-low-back-2020 governs from 2021-11-23/.test(
          e.message,
        ),
    );
  });
  test('a date that is no day of the calendar is reported where it stands, not a crash', () => {
    for (const day of ['2021-13-45', '2021-02-30']) {
      const data = structuredClone(kb().data);
      data.timeline!.guidelines.find((x) => x.id === 'acoem-low-back-2020')!.from = day;
      assert.throws(
        () => parseKnowledge(data),
        (e: unknown) => e instanceof KnowledgeError && /timeline\.guidelines\.\d+\.from: a date as YYYY-MM-DD/.test(e.message),
        day,
      );
    }
  });
  test('a version naming a guideline the knowledge base lacks is reported', () => {
    const data = structuredClone(kb().data);
    data.timeline!.guidelines[0].knowledgeGuideline = 'cpmtg-2031';
    assert.throws(() => parseKnowledge(data), /timeline\.guidelines\.0 \(cpmtg-2009\): unknown guideline "cpmtg-2031"/);
  });
  test('every adopted version names its source, and none is tagged unverified', () => {
    for (const g of kb().data.timeline!.guidelines) assert.ok(g.source.length > 10 && ['S', 'I'].includes(g.tag), g.id);
  });
});
