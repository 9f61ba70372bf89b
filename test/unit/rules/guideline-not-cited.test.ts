import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { check } from '../../helpers/repo';

const RULE = 'guideline-not-cited';
const FORM = 'REQUEST FOR AUTHORIZATION (DWC Form RFA)\nDiagnosis: lumbar strain (S39.012A)\n\n';
const findingsOf = (text: string) => check(text, { kind: 'request' }).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  test('an item over a limit on a form that cites nothing: information, once, with a fill-in citation', () => {
    const text = `${FORM}1. Acupuncture 2x4, lumbar spine.\n2. Massage x 8, lumbar spine, with a home exercise program.\n`;
    const f = findingsOf(text);
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'information');
    assert.equal(f[0].related?.length, 1, 'the second item over its limit is pointed at, not reported again');
    assert.match(f[0].message, /^Acupuncture is over an MTUS limit and the request cites no guideline; UR applies the MTUS regardless \(8 CCR 9792\.21\.1\)/);
    assert.equal(f[0].fix?.certain, false, 'fix-all never inserts a citation');
    assert.equal(applyEdits(text, f[0].fix!.edits), text.replace('2x4, lumbar spine', '2x4, lumbar spine (MTUS: 8 CCR 9792.24.1, 2007)'));
  });
  test('never on an item within its limit: no field of the DWC Form RFA asks for a citation', () => {
    assert.deepEqual(findingsOf(`${FORM}1. Physical therapy 2x3, lumbar spine.\n2. Acupuncture 1x6, lumbar spine.\n`), []);
  });
  test('not when the request cites any guideline, and not outside the DWC Form RFA', () => {
    assert.deepEqual(findingsOf(`${FORM}1. Acupuncture 2x4, lumbar spine (8 CCR 9792.24.1).\n`), []);
    assert.deepEqual(findingsOf('Acupuncture 2x4, lumbar spine.'), []);
  });
  test('not on postsurgical therapy', () => {
    assert.deepEqual(findingsOf(`${FORM}1. Post-op physical therapy 3x12, right shoulder, after Bankart repair.\n`), []);
  });
});
