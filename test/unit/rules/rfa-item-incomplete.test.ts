import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'rfa-item-incomplete';
const FORM = 'REQUEST FOR AUTHORIZATION\nPatient: [name]\nDiagnosis: lumbar strain (S39.012A)\n';
const only = (text: string) => check(text, { kind: 'request' }).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  test('flags a therapy requested with no frequency or count', () => {
    const f = only(`${FORM}Requested: acupuncture for the low back.\n`);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'Acupuncture is requested with no frequency x duration or number of visits: write it as e.g. "2x3" or "6 visits" (DWC Form RFA, 8 CCR 9785.5); a reviewer cannot certify an open-ended request',
    );
    assert.equal(f[0].severity, 'warning');
  });
  test('flags an item with no body part when the request names several', () => {
    const f = only(`${FORM}1. Acupuncture 2x3.\n2. Chiropractic 2x3 for the neck and the low back.\n`);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^Acupuncture is requested with no body part \(the request names 2 body parts\)/);
  });
  test('a short draft under a diagnosis line is a request: an item with no body part is flagged', () => {
    const f = only('Diagnosis: cervical strain\nAcupuncture 1x6');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /^Acupuncture is requested with no body part/);
  });
  const mustNot = [
    `${FORM}1. Acupuncture 2x3 for the low back.\n`,
    // one body part named for the whole request covers its items
    `${FORM}Body part: low back\n1. Acupuncture 2x3.\n2. Chiropractic 2x3.\n`,
    // "with massage" is part of the chiropractic item and its count
    `${FORM}Chiropractic treatment with deep tissue massage 1 x 4, low back.\n`,
    // history, not a request
    `${FORM}She had acupuncture in 2024. Request chiropractic 2x3 for the low back.\n`,
    // a line being tried out, not a whole request
    'Acupuncture for the low back.',
  ];
  for (const text of mustNot) test(`does not flag: ${JSON.stringify(text).slice(0, 90)}`, () => assert.deepEqual(only(text), []));
  test('appeal letters are not request forms', () => {
    assert.deepEqual(
      check(`${FORM}Requested: acupuncture for the low back.\n`, { kind: 'appeal' }).findings.filter((f) => f.rule === RULE),
      [],
    );
  });
  test('"off" turns it off', () =>
    assert.deepEqual(
      rulesOf(`${FORM}Requested: acupuncture.\n`, { kind: 'request', ruleSeverity: { [RULE]: 'off' } }).filter((r) => r === RULE),
      [],
    ));
  test('a table row whose frequency, duration and quantity cells are blank asks for nothing countable', () => {
    const table =
      'Service requested      CPT      Body part   Frequency   Duration   Qty\n' +
      '---------------------  -------  ----------  ----------  ---------  ----\n' +
      'Aquatic therapy        97113    lumbar      ________    ________   ____\n' +
      'Acupuncture            97810    lumbar      1x/week     6 weeks    6\n';
    const f = only(`${FORM}${table}`);
    const text = `${FORM}${table}`;
    assert.deepEqual(
      f.map((x) => text.slice(x.span.start, x.span.end)),
      ['Aquatic therapy'],
    );
    assert.match(f[0].message, /^Aquatic therapy is requested with no frequency/);
  });
  test('a bullet indented under an item that gives its figures completes that item', () => {
    const list =
      'TREATMENT REQUESTED\n  1. Physical therapy, lumbar: ther ex, core stabilization\n       - 2x/week x 4 weeks = 8 visits\n  2. Acupuncture, lumbar, 1x/week x 6 weeks\n';
    assert.deepEqual(only(`${FORM}${list}`), []);
  });
});
