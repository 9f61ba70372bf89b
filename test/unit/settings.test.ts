import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/settings';

const RULES = ['therapy-over-trial', 'therapy-over-maximum'];

describe('settings', () => {
  test('absent settings are the defaults', () => {
    assert.deepEqual(readSettings(undefined, RULES), { settings: DEFAULT_SETTINGS, problems: [] });
  });
  test('valid values apply', () => {
    const { settings, problems } = readSettings({ markdown: { enable: true }, debounceMs: 0, rules: { 'therapy-over-trial': 'off' } }, RULES);
    assert.deepEqual(problems, []);
    assert.equal(settings.markdown.enable, true);
    assert.equal(settings.debounceMs, 0);
    assert.equal(settings.rules['therapy-over-trial'], 'off');
  });
  test('a bad value falls back to its default with a message naming it; the others still apply', () => {
    const { settings, problems } = readSettings({ debounceMs: 'fast', markdown: { enable: true } }, RULES);
    assert.equal(settings.debounceMs, 250);
    assert.equal(settings.markdown.enable, true);
    assert.deepEqual(problems, ['mtusLint.debounceMs should be a whole number of milliseconds from 0 to 5000, got "fast"; using 250.']);
  });
  test('an unknown severity or rule is reported', () => {
    const a = readSettings({ rules: { 'therapy-over-trial': 'loud' } }, RULES);
    assert.match(a.problems[0], /^mtusLint\.rules: 1 value is not "error", "warning", "information", "hint" or "off" \("therapy-over-trial": "loud"\)/);
    const b = readSettings({ rules: { 'no-such-rule': 'off' } }, RULES);
    assert.match(b.problems[0], /unknown rule "no-such-rule"/);
  });
  test('settings that are not an object are refused whole', () => {
    assert.match(readSettings('yes', RULES).problems[0], /must be an object/);
  });
});
