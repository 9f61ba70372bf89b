import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from '../../helpers/repo';

// Requests under the 4/1/2026 utilization review regulations (rfa-form-2026,
// rfa-documentation-age) and the SB 1160 30-day exemption (sb1160-30-day-exemption).

const rules = (text: string) => check(text, { kind: 'request' }).findings.map((f) => f.rule);

describe('rfa-form-2026', () => {
  const narrative = (date: string, extra = '') =>
    `Progress report\nDate of report: ${date}\nPatient: J. Doe\nDiagnosis: lumbar strain, S39.012A\nPlan: acupuncture 1x6, lumbar spine (8 CCR 9792.24.1).\n${extra}Signature: /s/ A. Lee, M.D.`;
  test('a narrative request dated from 4/1/2026 is not on the DWC Form RFA', () => {
    const f = check(narrative('04/15/2026'), { kind: 'request' }).findings;
    assert.deepEqual(
      f.map((x) => [x.rule, x.severity]),
      [['rfa-form-2026', 'warning']],
    );
    assert.match(
      f[0].message,
      /^Dated 04\/15\/2026: from 4\/1\/2026 a request must be on the DWC Form RFA \(8 CCR 9792\.6\.1\(u\), 9792\.9\.1\(b\)\); a narrative report counts only if the claims administrator agrees/,
    );
  });
  test('what the narrative lacks is named', () => {
    const bare = 'Date of report: 04/15/2026\nDiagnosis: lumbar strain\nPlan: acupuncture 1x6, lumbar spine (8 CCR 9792.24.1).';
    assert.match(
      check(bare, { kind: 'request' }).findings[0].message,
      /and this one does not identify the employee, does not identify the provider, is not signed: put the request on the DWC Form RFA/,
    );
  });
  test('not flagged: on the form, dated before 4/1/2026, or asking for nothing', () => {
    assert.deepEqual(rules(`DWC Form RFA\n${narrative('04/15/2026')}`), []);
    assert.deepEqual(rules(narrative('03/31/2026')), []);
    assert.deepEqual(rules('Progress report\nDate of report: 04/15/2026\nPatient: J. Doe\nDiagnosis: lumbar strain\nNo new treatment.'), []);
  });
});

describe('rfa-documentation-age', () => {
  const form = (doc: string) =>
    `DWC Form RFA   Date of request: 04/15/2026\nEmployee: J. Doe\nDiagnosis: lumbar strain, S39.012A\nAcupuncture 1x6, lumbar spine (8 CCR 9792.24.1).\nSupporting documentation: PR-2 dated ${doc}, attached.`;
  test('supporting documentation more than 30 days older than the request', () => {
    const f = check(form('02/20/2026'), { kind: 'request' }).findings;
    assert.deepEqual(
      f.map((x) => x.rule),
      ['rfa-documentation-age'],
    );
    assert.equal(
      f[0].message,
      'The supporting documentation dated 02/20/2026 is 54 days older than this request (04/15/2026); from 4/1/2026 it must be no older than 30 days (8 CCR 9792.6.1(u); DWC Newsline 2026-42): attach a report from the last 30 days',
    );
  });
  test('not flagged: 30 days or less, or a request before 4/1/2026', () => {
    assert.deepEqual(rules(form('03/16/2026')), []);
    assert.deepEqual(rules(form('02/20/2026').replace('04/15/2026', '03/15/2026')), []);
  });
});

describe('sb1160-30-day-exemption', () => {
  const form = (doi: string, date: string) =>
    `DWC Form RFA   Date of request: ${date}\nDate of injury: ${doi}\nDiagnosis: lumbar strain, S39.012A\nAcupuncture 1x6, lumbar spine (8 CCR 9792.24.1).`;
  test('a request within 30 days of an injury on or after 1/1/2018: information', () => {
    const f = check(form('03/01/2026', '03/20/2026'), { kind: 'request' }).findings;
    assert.deepEqual(
      f.map((x) => [x.rule, x.severity]),
      [['sb1160-30-day-exemption', 'information']],
    );
    assert.match(
      f[0].message,
      /^Dated 03\/20\/2026, 19 days after the injury of 03\/01\/2026 \(on or after 1\/1\/2018\): treatment by a provider in the employer's MPN or HCO within 30 days of the injury is authorized without prospective utilization review \(SB 1160\), except surgery/,
    );
  });
  test('not flagged: 31 days after, or an injury before 2018', () => {
    assert.deepEqual(rules(form('03/01/2026', '04/01/2026')), []);
    assert.deepEqual(rules(form('12/20/2017', '01/05/2018')), []);
  });
});
