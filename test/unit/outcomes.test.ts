import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { caseSummary, figuresOf, measureOutcomes, type Mode } from '../../server/src/corpus/measure';
import { corpusDir, kb } from '../helpers/repo';
import { readLetters } from '../helpers/letters';

// The rules against what IMR reviewers decided (npm run measure prints the full table). A
// warning on a therapy or medication item should mean "likely upheld" more often than the
// corpus's own rate of upholding; overturned items should rarely draw one.
const dir = corpusDir();

describe('rules against real IMR outcomes', { skip: dir ? false : 'corpus absent (see message above)' }, () => {
  const letters = dir ? readLetters(dir) : [];
  for (const mode of ['title', 'case'] as Mode[]) {
    test(`${mode === 'title' ? 'titles alone' : 'titles after the case summary'}: warnings agree with "upheld" more than the base rate; few false alarms`, () => {
      const results = measureOutcomes(letters, kb(), mode).filter((r) => r.group !== 'other');
      const f = figuresOf(results);
      assert.ok(f.items >= 100, `${f.items} therapy and medication items`);
      assert.ok(f.warned >= 30, `only ${f.warned} items draw a warning`);
      const base = f.upheld / f.items;
      const agreement = f.warnedUpheld / f.warned;
      assert.ok(
        agreement > base,
        `warnings agree with "upheld" ${(agreement * 100).toFixed(1)}% of the time, not above the base rate ${(base * 100).toFixed(1)}%`,
      );
      assert.ok(f.warnedOverturned / f.overturned <= 0.25, `${f.warnedOverturned} of ${f.overturned} overturned items draw a warning`);
    });
  }
  test("the case summary is the reviewer's account of the records, never the decision or its rationale", () => {
    for (const { file, text } of letters) {
      const s = caseSummary(text);
      assert.ok(s.length > 200, `${file}: a summary of ${s.length} characters`);
      assert.ok(!/Decision rationale|MAXIMUS guideline|: (?:Upheld|Overturned)\b/i.test(s), `${file}: the summary runs into the decisions`);
    }
  });
});
