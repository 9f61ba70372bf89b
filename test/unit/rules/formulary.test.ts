import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hoverAt } from '../../../server/src/engine';
import { parseDrugList } from '../../../server/src/formulary/parse-drug-list';
import { parseCsv } from '../../../server/src/formulary/read-table';
import { ROWS, toCsv } from '../../helpers/drug-list-files';
import { check, kb } from '../../helpers/repo';

// The Drug Formulary rules: with an imported list (formulary-non-exempt, formulary-exempt,
// formulary-brand) and without one (formulary-special-fill, formulary-perioperative-fill,
// formulary-physician-dispensed). The list is an invented one in the DWC's layout.

const LIST = parseDrugList([{ sheet: 'CSV', rows: parseCsv(toCsv(ROWS)) }], { fileName: 'invented.csv' });
const FORM = (date: string, body: string, extra = '') => `DWC Form RFA   Date of request: ${date}\nDiagnosis: lumbar strain, S39.012A\n${extra}${body}`;
const withList = (text: string) => check(text, { kind: 'request', drugLists: [LIST] });
const found = (text: string, lists = [LIST]) =>
  check(text, { kind: 'request', drugLists: lists })
    .findings.filter((f) => f.rule.startsWith('formulary-'))
    .map((f) => [f.rule, f.severity]);

describe('with a Drug List imported', () => {
  test('formulary-non-exempt: a Non-Exempt drug needs prospective review', () => {
    const f = withList(FORM('03/14/2026', 'Cyclobenzaprine 5 mg #21, one tablet three times daily.')).findings.filter((x) => x.rule === 'formulary-non-exempt');
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'cyclobenzaprine 5 mg #21: Cyclobenzaprine is Non-Exempt on the MTUS Drug List v13 (effective 2025-08-06) (row 8); it needs prospective review: request it on the DWC Form RFA with the reasons it is needed',
    );
    assert.equal(f[0].severity, 'information');
  });
  test('formulary-non-exempt: an unlisted drug needs prospective review too', () => {
    const f = withList(FORM('03/14/2026', 'Naproxen 550 mg #60, one tablet twice daily.')).findings.filter((x) => x.rule === 'formulary-non-exempt');
    assert.match(f[0].message, /naproxen is not on the MTUS Drug List v13 \(effective 2025-08-06\); an unlisted drug needs prospective review/);
  });
  test('formulary-exempt: an Exempt generic needs none, said as a hint', () => {
    assert.deepEqual(found(FORM('03/14/2026', 'Ibuprofen 600 mg #30, one tablet three times daily.')), [['formulary-exempt', 'hint']]);
  });
  test('formulary-brand: an Exempt drug written by its brand name', () => {
    const f = withList(FORM('03/14/2026', 'Celebrex 200 mg #30 once daily.')).findings.filter((x) => x.rule.startsWith('formulary-'));
    assert.deepEqual(
      f.map((x) => x.rule),
      ['formulary-brand'],
    );
    assert.match(
      f[0].message,
      /Celebrex is a brand of celecoxib, Exempt on the MTUS Drug List v13 .*; where a generic is available the brand needs prospective review: prescribe celecoxib, or document why the brand is needed/,
    );
  });
  test('not flagged: before 1/1/2018, or when no imported version was in force on the date', () => {
    assert.deepEqual(found(FORM('03/14/2016', 'Cyclobenzaprine 5 mg #21, one tablet three times daily.')), []);
    assert.deepEqual(found(FORM('03/14/2024', 'Cyclobenzaprine 5 mg #21, one tablet three times daily.')), [], 'v13 took effect 8/6/2025');
  });
  test('the medication hover shows the status and the list version', () => {
    const text = FORM('03/14/2026', 'Norco 5/325 #12, one every 6 hours as needed.');
    const h = hoverAt(withList(text), text, text.indexOf('Norco'), kb())!.markdown;
    assert.match(
      h,
      /\*\*MTUS Drug List v13 \(effective 2025-08-06\):\*\* Hydrocodone Bitartrate\/Acetaminophen \(row 9\) is Non-Exempt: needs prospective review; Perioperative Fill 4 days; ACOEM reference: recommended\./,
    );
    const none = hoverAt(check(text, { kind: 'request' }), text, text.indexOf('Norco'), kb())!.markdown;
    assert.match(none, /\*\*MTUS Drug List:\*\* not imported\. Run "mtus-lint: Import the MTUS Drug List"/);
  });
});

describe("without a list: the fills counted from the document's dates", () => {
  test('formulary-special-fill: day 2 after the injury, the single initial visit', () => {
    const text = FORM('03/16/2026', 'Ibuprofen 600 mg #30, one tablet three times daily.', 'Date of injury: 03/14/2026\n');
    const f = check(text, { kind: 'request' }).findings.filter((x) => x.rule === 'formulary-special-fill');
    assert.equal(f.length, 1);
    assert.match(
      f[0].message,
      /dated 03\/16\/2026, day 2 after the injury of 03\/14\/2026; at the single initial treatment visit within 7 days of injury .* \(8 CCR 9792\.27\.12\) \(import the MTUS Drug List/,
    );
    // With the list: the drug's fill and its day limit, and a supply past it.
    const listed = withList(text).findings.filter((x) => x.rule === 'formulary-special-fill');
    assert.match(
      listed[0].message,
      /Ibuprofen is on the Special Fill of the MTUS Drug List v13, up to 4 days: this request is 10 days, more than the fill allows/,
    );
    // Day 8 is past the window.
    assert.deepEqual(
      found(FORM('03/22/2026', 'Ibuprofen 600 mg #30, one tablet three times daily.', 'Date of injury: 03/14/2026\n'), []).filter(
        ([r]) => r === 'formulary-special-fill',
      ),
      [],
    );
  });
  test('formulary-perioperative-fill: 4 days before to 4 days after surgery, surgery day 0', () => {
    const body = (d: string) =>
      FORM(d, 'Norco 5/325 #12, one every 6 hours as needed after surgery.', 'Left carpal tunnel release scheduled for 03/20/2026.\n');
    const f = check(body('03/16/2026'), { kind: 'request' }).findings.filter((x) => x.rule === 'formulary-perioperative-fill');
    assert.equal(f.length, 1);
    assert.match(
      f[0].message,
      /dated 03\/16\/2026, day -4 from the surgery of 03\/20\/2026; from 4 days before to 4 days after surgery .* \(8 CCR 9792\.27\.13\)/,
    );
    assert.deepEqual(
      check(body('03/15/2026'), { kind: 'request' }).findings.filter((x) => x.rule === 'formulary-perioperative-fill'),
      [],
      'day -5 is outside',
    );
  });
  test('formulary-physician-dispensed: more than one 7-day supply dispensed by the physician', () => {
    const text = FORM('03/16/2026', 'Ibuprofen 600 mg #90, one tablet three times daily, dispensed in the office today.', 'Date of injury: 03/14/2026\n');
    const f = check(text, { kind: 'request' }).findings.filter((x) => x.rule === 'formulary-physician-dispensed');
    assert.equal(f.length, 1);
    assert.match(
      f[0].message,
      /dispensed by the physician: 30 days are dispensed; a physician may dispense an Exempt drug without prospective review only as one 7-day supply at the initial visit within 7 days of injury/,
    );
    assert.equal(f[0].severity, 'warning');
    const seven = FORM('03/16/2026', 'Ibuprofen 600 mg #21, one tablet three times daily, dispensed in the office today.', 'Date of injury: 03/14/2026\n');
    assert.deepEqual(
      check(seven, { kind: 'request' }).findings.filter((x) => x.rule === 'formulary-physician-dispensed'),
      [],
      'one 7-day supply at the initial visit is allowed',
    );
  });
});
