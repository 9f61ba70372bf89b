import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'postsurgical-over-limit';
const only = (text: string) => check(text).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  test('flags postoperative therapy above the course for a Bankart repair, and caps it', () => {
    const text = 'Status post Bankart repair 10/01/2026. Request post-operative physical therapy 2x14 for the left shoulder.';
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      '28 postoperative physical therapy visits exceeds the 24 visits over 14 weeks after Bankart repair (shoulder dislocation) (8 CCR 9792.24.3, 2009); request no more than 24, or document why this recovery needs more',
    );
    assert.equal(f[0].severity, 'error');
    assert.equal(f[0].edition, '2009');
    assert.equal(applyEdits(text, f[0].fix!.edits), text.replace('2x14', '2x12'));
  });
  test('flags therapy after a metacarpal fracture above 16 visits', () => {
    assert.match(
      only('She underwent ORIF of the right fifth metacarpal. Postoperative occupational therapy 3x6, right hand.')[0].message,
      /^18 postoperative occupational therapy visits exceeds the 16 visits after fracture of the metacarpal bone/,
    );
  });
  test('flags therapy after a femur fracture above 30 visits', () => {
    assert.equal(only('Fracture of the left femur, ORIF 09/2026. Post-op physical therapy 3x12.').length, 1);
  });
  test('completed postsurgical visits count toward the course; the fix caps to the visits remaining', () => {
    const text =
      'Status post Bankart repair 10/01/2026. She has completed 20 postoperative physical therapy visits. Request post-op physical therapy 2x4 for the left shoulder.';
    const f = only(text);
    assert.equal(f.length, 1);
    assert.match(
      f[0].message,
      /^20 completed \+ 8 requested = 28 postoperative physical therapy visits exceeds the 24 visits over 14 weeks after Bankart repair .*\(8 CCR 9792\.24\.3, 2009\); request no more than 4/,
    );
    assert.equal(applyEdits(text, f[0].fix!.edits), text.replace('2x4', '2x2'));
  });
  test('a course already used up: no fix, the message says none remain', () => {
    const f = only(
      'Status post Bankart repair 10/01/2026. She has completed 24 post-op PT visits. Request post-op physical therapy 2x3 for the left shoulder.',
    );
    assert.match(f[0].message, /no visits of the course remain/);
    assert.equal(f[0].fix, undefined);
  });
  const mustNot = [
    // within the course
    'Status post Bankart repair. Post-operative physical therapy 2x6 for the left shoulder.',
    // a surgery the knowledge base does not hold: no figure to judge by
    'Status post rotator cuff repair. Post-operative physical therapy 3x12 for the right shoulder.',
    // not postoperative: judged by the chronic pain limits instead
    'History of a Bankart repair in 2010. Physical therapy 2x14 for the shoulder.',
  ];
  for (const text of mustNot) test(`does not flag: ${text}`, () => assert.deepEqual(only(text), []));
  test('the chronic pain rules stay silent on a postsurgical item', () => {
    assert.deepEqual(rulesOf('Status post Bankart repair. Request post-operative physical therapy 2x14 for the left shoulder.'), [RULE]);
  });
  test('severity follows the setting; "off" turns it off', () => {
    const text = 'Status post Bankart repair. Post-operative physical therapy 2x14.';
    assert.equal(check(text, { ruleSeverity: { [RULE]: 'warning' } }).findings[0].severity, 'warning');
    assert.deepEqual(rulesOf(text, { ruleSeverity: { [RULE]: 'off' } }), []);
  });
});
