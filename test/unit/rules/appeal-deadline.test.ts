import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, repoRoot } from '../../helpers/repo';

const RULE = 'appeal-deadline';
const today = new Date(Date.UTC(2017, 1, 10)); // 02/10/2017
const only = (text: string, kind: 'appeal' | 'request' = 'appeal') => check(text, { kind, today }).findings.filter((f) => f.rule === RULE);

const letter = (date: string, ur: string, extra = '') =>
  `${date}\n\nRe: Application for Independent Medical Review\nUR decision dated ${ur} (copy attached).${extra}\n\nSincerely,\n\nJane Roe, M.D.\n`;

describe(RULE, () => {
  test('flags a letter 37 days after the UR decision, with the exact message, on the UR date', () => {
    const text = letter('Date: 02/03/2017', '12/28/2016');
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'The UR decision is dated 12/28/2016 and this letter 02/03/2017: 37 days, past the 30 days for an IMR application (8 CCR 9792.10.1(b)(1); 35 if the decision was served by mail)',
    );
    assert.equal(text.slice(f[0].span.start, f[0].span.end), '12/28/2016');
    assert.equal(check(text, { kind: 'appeal', today }).findings.find((x) => x.rule === RULE)?.severity, 'error');
  });
  test('reads a dated line at the top written out, and a two-digit year', () => {
    assert.equal(only(letter('February 3, 2017', '1-2-17')).length, 1);
    assert.match(only(letter('Feb. 3, 2017', 'December 1, 2016'))[0].message, /: 64 days,/);
  });
  test('35 days when the decision was served by mail', () => {
    const mailed = letter('Date: 02/01/2017', '12/28/2016', ' The UR decision was served by mail on 12/28/2016.');
    assert.deepEqual(only(mailed), [], '35 days by mail is in time');
    const late = letter('Date: 02/03/2017', '12/28/2016', ' The decision was sent by U.S. mail.');
    assert.equal(
      only(late)[0].message,
      'The UR decision is dated 12/28/2016 and this letter 02/03/2017: 37 days, past the 35 days for an IMR application when the decision was served by mail (8 CCR 9792.10.1(b)(1); CCP 1013)',
    );
  });
  test("an undated letter is counted to today's date, and says so", () => {
    const f = only('Re: IMR appeal\nThe utilization review decision of 1-2-17 denied acupuncture (attached).\n');
    assert.equal(
      f[0].message,
      'The UR decision is dated 01/02/2017 and this letter is undated, so today, 02/10/2017, is used: 39 days, past the 30 days for an IMR application (8 CCR 9792.10.1(b)(1); 35 if the decision was served by mail)',
    );
  });
  for (const [name, text] of [
    ['30 days exactly', letter('Date: 01/27/2017', '12/28/2016')],
    ['a placeholder letter date', letter('[MM/DD/YYYY]', '12/28/2016')],
    ['a placeholder "Date:" line', letter('Date: [MM/DD/YYYY]', '12/28/2016')],
    ['a placeholder UR decision date', letter('Date: 02/03/2017', '[MM/DD/YYYY]')],
    ['no UR decision date at all', 'Date: 02/03/2017\nRe: IMR appeal\nThe UR decision denied acupuncture.\n'],
  ] as const) {
    test(`does not flag: ${name}`, () => assert.deepEqual(only(text), []));
  }
  test('never flags a request', () => assert.deepEqual(only(letter('Date: 02/03/2017', '12/28/2016'), 'request'), []));
  test('the example appeal is not flagged', () => {
    const text = fs.readFileSync(path.join(repoRoot(), 'examples', 'acupuncture-appeal.appeal'), 'utf8');
    assert.deepEqual(only(text), []);
    assert.deepEqual(
      check(text, { kind: 'appeal' }).findings.filter((f) => f.rule.startsWith('appeal-')),
      [],
    );
  });
});
