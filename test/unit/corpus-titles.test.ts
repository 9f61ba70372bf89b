import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { check, corpusDir, repoRoot } from '../helpers/repo';
import { disputedItems, normalizeTitle, readLetters, type DisputedItem } from '../helpers/letters';

// The titles of the corpus's disputed therapy items are read from the letters now; the
// expected totals were decided by a person reading each title (test/fixtures).

interface Label {
  file: string;
  title: string;
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
  const key = (file: string, title: string) => `${file}|${normalizeTitle(title)}`;
  const byKey = new Map(items.map((i) => [key(i.file, i.title), i]));

  test('the corpus holds the 310 disputed items its README counts', () => {
    assert.equal(letters.length, 142);
    assert.equal(items.length, 310);
    assert.equal(items.filter((i) => i.outcome === 'upheld').length, 266);
  });

  test('every labelled title is still in its letter', () => {
    const missing = labels.filter((l) => !byKey.has(key(l.file, l.title)));
    assert.deepEqual(missing.map((l) => `${l.file}: ${l.title}`), []);
  });

  test('every disputed item the parser reads as a therapy course is labelled', () => {
    const labelled = new Set(labels.map((l) => key(l.file, l.title)));
    const unlabelled = items.filter((i) => check(i.title).items.some((x) => x.quantity?.total !== undefined) && !labelled.has(key(i.file, i.title)));
    assert.deepEqual(unlabelled.map((i) => `${i.file}: ${i.title}`), []);
  });

  for (const label of labels.filter((l) => !l.ambiguous)) {
    test(`${label.file}: ${label.title.slice(0, 90)}`, () => {
      const item = byKey.get(key(label.file, label.title));
      assert.ok(item, 'title found in the letter');
      const read = check(item.title).items.filter((i) => i.quantity?.total !== undefined);
      const expected = label.totals[label.totals.length - 1];
      if (expected === undefined) {
        assert.deepEqual(read.map((i) => i.quantity?.total), [], 'no total should be read');
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
