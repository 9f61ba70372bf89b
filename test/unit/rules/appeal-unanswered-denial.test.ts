import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from '../../helpers/repo';

const RULE = 'appeal-unanswered-denial';
const only = (text: string, kind: 'appeal' | 'request' = 'appeal') => check(text, { kind }).findings.filter((f) => f.rule === RULE);
const DENIAL = 'UR denied acupuncture, stating there was no documentation of functional improvement.';

describe(RULE, () => {
  test('flags the quoted denial reason when the letter documents no improvement', () => {
    const text = `Re: IMR appeal\n${DENIAL} Pain is 5/10, down from 8/10.\n`;
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'The denial says functional improvement was not documented, and this letter documents none for acupuncture: add ADLs, work status, medication change or objective measures (8 CCR 9792.20(e))',
    );
    assert.equal(text.slice(f[0].span.start, f[0].span.end), 'no documentation of functional improvement');
    assert.equal(f[0].severity, 'warning');
  });
  for (const quoted of [
    'lack of documented objective functional improvement',
    'functional improvement was not documented',
    'no evidence of functional improvement',
  ]) {
    test(`flags: "${quoted}"`, () => assert.equal(only(`Re: IMR appeal\nThe UR reviewer cited ${quoted}.\n`).length, 1));
  }
  test('a negated gain is not improvement: still flagged', () => {
    assert.equal(only(`Re: IMR appeal\n${DENIAL} There was no improvement in ADLs.\n`).length, 1);
  });
  for (const evidence of [
    'She returned to modified duty on 01/03/2017.',
    'Her Norco was reduced from 10/325 to 5/325.',
    'Oswestry improved from 46% to 30%.',
    'She is now able to walk 30 minutes and drive to work.',
  ]) {
    test(`does not flag when the letter documents improvement: ${evidence}`, () => assert.deepEqual(only(`Re: IMR appeal\n${DENIAL} ${evidence}\n`), []));
  }
  test('does not flag a letter that does not quote that reason', () => assert.deepEqual(only('Re: IMR appeal\nUR denied acupuncture citing ODG.\n'), []));
  test('never flags a request', () => assert.deepEqual(only(`${DENIAL}\n`, 'request'), []));
  test('gains documented for one denied item do not answer the denial of another', () => {
    const text =
      'Re: IMR appeal\n\nThe UR physician wrote:\n   "Item 1: The claimant has already had 6 massage visits and there is no documentation of objective functional improvement from them. Item 2: There is no documentation of objective functional improvement from the prior 6 physical therapy visits."\n\n' +
      'Physical therapy: with the 6 visits her lifting tolerance went from 10 to 25 lbs and she returned to modified duty.\n\n' +
      'Massage: after each session her pain goes from 7/10 to 4/10.\n';
    const f = only(text);
    assert.equal(f.length, 1);
    assert.match(f[0].message, /documents none for massage therapy:/);
    // Answered for both, nothing to say.
    assert.deepEqual(only(text.replace('her pain goes from 7/10 to 4/10', 'she returned to full duty')), []);
  });
});
