import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from '../../helpers/repo';

const RULE = 'appeal-ur-decision-attached';
const only = (text: string, kind: 'appeal' | 'request' = 'appeal') => check(text, { kind }).findings.filter((f) => f.rule === RULE);
const apply = (text: string, edits: { span: { start: number; end: number }; newText: string }[]) =>
  [...edits].sort((a, b) => b.span.start - a.span.start).reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);

const BODY = 'Re: IMR appeal\nThe UR decision dated 01/05/2017 denied acupuncture 2x3 for the low back.\n';

describe(RULE, () => {
  test('flags a letter that never says the UR decision is attached, on its first mention', () => {
    const text = `${BODY}\nSincerely,\n\nJane Roe, M.D.\n`;
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(
      f[0].message,
      'The letter does not say the UR decision is attached: an IMR application must include a copy of the UR decision (8 CCR 9792.10.1(b)); say it is enclosed and attach it',
    );
    assert.equal(text.slice(f[0].span.start, f[0].span.end), 'UR decision');
    assert.equal(f[0].severity, 'warning');
  });
  test('the fix inserts an Enclosures line before the closing, as a template', () => {
    const text = `${BODY}\nSincerely,\n\nJane Roe, M.D.\n`;
    const fix = only(text)[0].fix!;
    assert.equal(fix.certain, false);
    const fixed = apply(text, fix.edits);
    assert.equal(fixed, `${BODY}\nEnclosures: UR decision dated [MM/DD/YYYY]\n\nSincerely,\n\nJane Roe, M.D.\n`);
    assert.deepEqual(only(fixed), []);
  });
  test('with no closing, the fix appends the line at the end', () => {
    const fixed = apply(BODY, only(BODY)[0].fix!.edits);
    assert.equal(fixed, `${BODY}\nEnclosures: UR decision dated [MM/DD/YYYY]\n`);
  });
  test('a letter that does not name the UR decision is flagged on its first line', () => {
    const text = 'Re: IMR appeal\nPlease overturn the denial of acupuncture.\n';
    assert.equal(text.slice(only(text)[0].span.start, only(text)[0].span.end), 'Re: IMR appeal');
  });
  for (const text of [
    `${BODY}A copy of the UR decision is enclosed.\n`,
    'Re: IMR appeal\nUR decision dated 01/05/2017, reference UR-1 (copy attached)\n',
    `${BODY}I have attached the utilization review determination.\n`,
    `${BODY}\nEnclosures: UR decision dated 01/05/2017; PR-2 of 12/01/2016\n`,
    `${BODY}\nEnclosures:\n- PR-2 progress report\n- UR denial letter\n`,
    `${BODY}The UR decision was served on 01/06/2017, and this application is filed with the UR decision attached.\n`,
  ]) {
    test(`does not flag: ${JSON.stringify(text.slice(BODY.length - 1 > 0 && text.startsWith(BODY) ? BODY.length : 0))}`, () =>
      assert.deepEqual(only(text), []));
  }
  test('"is not attached" is not read as attached', () => {
    assert.equal(only(`${BODY}The UR decision is not attached.\n`).length, 1);
  });
  test('never flags a request', () => assert.deepEqual(only(BODY, 'request'), []));
});
