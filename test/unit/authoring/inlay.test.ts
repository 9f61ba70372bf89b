// Inline totals: how each quantity was read, and the figure it is held to.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inlayHints } from '../../../server/src/engine';
import { check, kb } from '../../helpers/repo';

const hints = (text: string, within?: { start: number; end: number }) => inlayHints(check(text), kb(), within);
const labels = (text: string) => hints(text).map((h) => h.label);

describe('inlay hints', () => {
  test('after the quantity: the total and the trial', () => {
    const text = 'Acupuncture 2x4 low back';
    const [h] = hints(text);
    assert.equal(h.label, '= 8 sessions · trial 3–6');
    assert.equal(h.offset, text.indexOf('2x4') + 3);
    assert.match(h.tooltip, /2x4 = 2 per week × 4 weeks = 8 sessions/);
    assert.match(h.tooltip, /over the 3–6 trial/);
    assert.match(h.tooltip, /8 CCR 9792\.24\.1, 2007/);
  });

  test('each treatment in its unit, with its own figure', () => {
    assert.deepEqual(labels('Massage therapy 2x3, with home exercise'), ['= 6 visits · max 4–6']);
    assert.deepEqual(labels('Physical therapy 2x4 lumbar'), ['= 8 visits · max 8–10']);
    assert.deepEqual(labels('Chiropractic manipulation QTY 12 lumbar'), ['= 12 visits · trial 6, max 18']);
    assert.deepEqual(labels('Massage therapy 4-6 visits'), ['= 4–6 visits · max 4–6']);
    assert.deepEqual(labels('TENS unit 2x4'), ['= 8 sessions']);
  });

  test('the diagnosis-specific and postsurgical figures the checks use', () => {
    assert.deepEqual(labels('Diagnosis: myalgia (M79.1). Physical therapy 2x5 lumbar'), ['= 10 visits · max 9–10 (myalgia)']);
    assert.deepEqual(labels('Postoperative physical therapy 2x12 after Bankart repair, right shoulder'), ['= 24 visits · postsurgical 24 (Bankart repair)']);
    assert.deepEqual(labels('Postoperative physical therapy 2x12, right shoulder'), ['= 24 visits · postsurgical']);
  });

  test('only for the range asked for', () => {
    const text = 'Acupuncture 2x4 low back\nMassage therapy 1x6 lumbar\n';
    const second = text.indexOf('Massage');
    const hs = hints(text, { start: second, end: text.length });
    assert.deepEqual(
      hs.map((h) => h.label),
      ['= 6 visits · max 4–6'],
    );
    assert.equal(hints(text).length, 2);
    assert.equal(hints(text, { start: 0, end: 5 }).length, 0);
  });
});
