import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, silenceFixes } from '../../server/src/engine';
import { check, rulesOf } from '../helpers/repo';

// What a silencing comment covers: the whole document, its own line, or the next line; one
// rule, several, or all. Anything else in the text is judged as before.
describe('mtus-lint-disable comments', () => {
  const TWO = 'Acupuncture 2x4 low back\nChiropractic 2x4 lumbar\n';
  test('no comment: both items flagged', () => assert.deepEqual(rulesOf(TWO), ['therapy-over-trial', 'therapy-over-trial']));
  test('the whole document, one rule', () => assert.deepEqual(rulesOf(`<!-- mtus-lint-disable therapy-over-trial -->\n${TWO}`), []));
  test('the whole document, every rule', () => assert.deepEqual(rulesOf(`${TWO}<!-- mtus-lint-disable -->\n`), []));
  test('the whole document, another rule only', () =>
    assert.deepEqual(rulesOf(`<!-- mtus-lint-disable massage-without-exercise -->\n${TWO}`), ['therapy-over-trial', 'therapy-over-trial']));
  test('its own line only', () => {
    const a = check('Acupuncture 2x4 low back <!-- mtus-lint-disable-line therapy-over-trial -->\nChiropractic 2x4 lumbar\n');
    assert.deepEqual(
      a.findings.map((f) => [f.rule, f.message.split(' ')[1]]),
      [['therapy-over-trial', 'chiropractic']],
    );
  });
  test('the next line only', () => {
    const a = check('Acupuncture 2x4 low back\n<!-- mtus-lint-disable-next-line therapy-over-trial -->\nChiropractic 2x4 lumbar\n');
    assert.deepEqual(
      a.findings.map((f) => f.message.split(' ')[1]),
      ['acupuncture'],
    );
  });
  test('several rules, separated by commas or spaces', () => {
    assert.deepEqual(rulesOf('<!-- mtus-lint-disable therapy-over-maximum, massage-without-exercise -->\nMassage x 8 neck\n'), []);
  });
  test('Windows line endings count lines the same way', () => {
    assert.deepEqual(rulesOf('Acupuncture 2x4 low back\r\n<!-- mtus-lint-disable-next-line therapy-over-trial -->\r\nChiropractic 2x4 lumbar\r\n').length, 1);
  });
  test('the quick fixes write the comment and nothing else', () => {
    const text = 'Acupuncture 2x4 low back\r\nChiropractic 2x4 lumbar\r\n';
    const f = check(text).findings[1];
    const [line, doc] = silenceFixes(text, f);
    assert.equal(line.certain, false);
    assert.equal(applyEdits(text, line.edits), 'Acupuncture 2x4 low back\r\nChiropractic 2x4 lumbar <!-- mtus-lint-disable-line therapy-over-trial -->\r\n');
    assert.equal(applyEdits(text, doc.edits), '<!-- mtus-lint-disable therapy-over-trial -->\r\nAcupuncture 2x4 low back\r\nChiropractic 2x4 lumbar\r\n');
    assert.equal(rulesOf(applyEdits(text, line.edits)).length, 1);
    assert.equal(rulesOf(applyEdits(text, doc.edits)).length, 0);
  });
});
