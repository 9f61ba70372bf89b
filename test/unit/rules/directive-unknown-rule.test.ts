import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import { check, rulesOf } from '../../helpers/repo';

const RULE = 'directive-unknown-rule';
const only = (text: string) => check(text).findings.filter((f) => f.rule === RULE);

describe(RULE, () => {
  test('flags a misspelt rule id, underlining the id, with a fix to the closest rule', () => {
    const text = 'Acupuncture 2x4 low back <!-- mtus-lint-disable-line therapy-over-trail -->';
    const f = only(text);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].span.start, f[0].span.end), 'therapy-over-trail');
    assert.equal(f[0].message, '"therapy-over-trail" is not an mtus-lint rule, so this comment silences nothing; did you mean "therapy-over-trial"?');
    assert.equal(applyEdits(text, f[0].fix!.edits), text.replace('trail', 'trial'));
  });
  test('an id like no rule: no guess, a pointer to the rule list', () => {
    assert.match(
      only('<!-- mtus-lint-disable everything-please -->')[0].message,
      /is not an mtus-lint rule, so this comment silences nothing; the rules are listed in docs\/rules$/,
    );
  });
  const mustNot = [
    'Acupuncture 2x4 low back <!-- mtus-lint-disable-line therapy-over-trial -->',
    '<!-- mtus-lint-disable -->\nAcupuncture 2x4',
    '<!-- an ordinary comment naming therapy-over-trail -->',
  ];
  for (const text of mustNot) test(`does not flag: ${JSON.stringify(text)}`, () => assert.deepEqual(only(text), []));
  test('"off" turns it off', () => assert.deepEqual(rulesOf('<!-- mtus-lint-disable nothing-here -->', { ruleSeverity: { [RULE]: 'off' } }), []));
});
