import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { check, corpusDir, repoRoot } from '../helpers/repo';
import { disputedItems, labelMatches, labelName, readLetters, type DisputedItem, type TitleLabel } from '../helpers/letters';

// The titles of the corpus's disputed therapy items are read from the letters now; the
// expected totals were decided by a person reading each title (test/fixtures).

interface Label extends TitleLabel {
  file: string;
  outcome: string;
  treatment: string;
  totals: number[];
  low?: number;
  postsurgical: boolean;
  extendsPriorCourse: boolean;
  ambiguous?: boolean;
}

const labels: Label[] = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'corpus-therapy-items.json'), 'utf8'));
const dir = corpusDir();

describe('disputed therapy items of the IMR corpus', { skip: dir ? false : 'corpus absent (see message above)' }, () => {
  const letters = dir ? readLetters(dir) : [];
  const items: DisputedItem[] = letters.flatMap((l) => disputedItems(l.file, l.text));
  const find = (l: Label) => items.find((i) => i.file === l.file && labelMatches(l, i.title));

  test('the corpus holds the 310 disputed items its README counts', () => {
    assert.equal(letters.length, 142);
    assert.equal(items.length, 310);
    assert.equal(items.filter((i) => i.outcome === 'upheld').length, 266);
  });

  test('every labelled title is still in its letter', () => {
    const missing = labels.filter((l) => !find(l));
    assert.deepEqual(
      missing.map((l) => `${l.file}: ${labelName(l)}`),
      [],
    );
  });

  test('every disputed item the parser reads as a therapy course is labelled', () => {
    const unlabelled = items.filter(
      (i) => check(i.title).items.some((x) => x.quantity?.total !== undefined) && !labels.some((l) => l.file === i.file && labelMatches(l, i.title)),
    );
    assert.deepEqual(
      unlabelled.map((i) => `${i.file}: ${i.title}`),
      [],
    );
  });

  for (const label of labels.filter((l) => !l.ambiguous)) {
    test(`${label.file}: ${labelName(label).slice(0, 90)}`, () => {
      const item = find(label);
      assert.ok(item, 'title found in the letter');
      const read = check(item.title).items.filter((i) => i.quantity?.total !== undefined);
      const expected = label.totals[label.totals.length - 1];
      if (expected === undefined) {
        assert.deepEqual(
          read.map((i) => i.quantity?.total),
          [],
          'no total should be read',
        );
        return;
      }
      // Partly authorised items name the original, the authorised and the disputed
      // quantities in that order; the disputed one is last.
      const last = read[read.length - 1];
      assert.ok(last, `a quantity should be read from "${item.title}"`);
      assert.equal(last.treatment, label.treatment);
      assert.equal(last.quantity?.total, expected);
      if (label.low !== undefined && label.totals.length === 1) assert.equal(last.quantity?.totalLow, label.low);
      assert.equal(last.postsurgical, label.postsurgical, 'postsurgical');
    });
  }
});
