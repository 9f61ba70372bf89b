import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../../server/src/engine';
import type { CorpusIndex } from '../../../server/src/corpus/types';
import { check, rulesOf } from '../../helpers/repo';

describe('citation-wrong-chapter', () => {
  const RULE = 'citation-wrong-chapter';
  test("flags letter 004's citation: chapter 11 with page 305, and corrects it to chapter 12", () => {
    const text = 'MAXIMUS guideline: ACOEM Chapter 11 Forearm, Wrist, and Hand Complaints Page(s): 305.';
    const f = check(text).findings;
    assert.deepEqual(
      f.map((x) => x.rule),
      [RULE],
    );
    assert.equal(f[0].message, 'Page 305 is in ACOEM 2nd ed. (2004) chapter 12 (Low Back Complaints), not chapter 11; cite Chapter 12');
    assert.equal(applyEdits(text, f[0].fix!.edits), 'MAXIMUS guideline: ACOEM Chapter 12 Low Back Complaints Page(s): 305.');
    assert.deepEqual(rulesOf(applyEdits(text, f[0].fix!.edits)), []);
  });
  test('flags chapter 13 with page 309 (a low back page)', () => assert.deepEqual(rulesOf('ACOEM Chapter 13, page 309'), [RULE]));
  for (const ok of ['ACOEM Chapter 12, page 305', 'ACOEM Chapter 11, page 261', 'ACOEM Chapter 12']) {
    test(`does not flag: ${ok}`, () => assert.deepEqual(rulesOf(ok), []));
  }
});

describe('citation-edition-form', () => {
  const RULE = 'citation-edition-form';
  test('flags a 2016 citation by page and offers the 2016 section', () => {
    const text = 'Per MTUS Chronic Pain Medical Treatment 2016, page 60, massage is an adjunct.';
    const f = check(text).findings;
    assert.deepEqual(
      f.map((x) => x.rule),
      [RULE],
    );
    assert.match(f[0].message, /cited by section, not page: page 60 is the 2009 page for Massage therapy/);
    assert.equal(applyEdits(text, f[0].fix!.edits), 'Per MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy, massage is an adjunct.');
  });
  for (const ok of [
    'MTUS Chronic Pain Medical Treatment Guidelines, page 60',
    'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy',
    'MTUS Chronic Pain Medical Treatment 2016, page 81',
  ]) {
    test(`does not flag: ${ok}`, () => assert.deepEqual(rulesOf(ok), []));
  }
});

describe('citation-not-found', () => {
  const RULE = 'citation-not-found';
  test('flags a guideline the knowledge base does not know', () => {
    const f = check('MTUS Hip Complaints 2004, Section(s): Special Studies').findings;
    assert.deepEqual(
      f.map((x) => x.rule),
      [RULE],
    );
    assert.equal(f[0].severity, 'information');
    assert.match(f[0].message, /not found in the MTUS as indexed/);
  });
  test('flags a regulation section that is not in the MTUS', () => {
    assert.match(check('as 8 CCR 9792.99 requires').findings[0].message, /^8 CCR 9792\.99: not found in the MTUS as indexed/);
  });
  test('does not flag a section real decisions cite that the knowledge base lacks', () => {
    const text = 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Imaginary topic';
    assert.deepEqual(rulesOf(text), [RULE]);
    const corpus = {
      version: 1,
      knowledgeVersion: 'test',
      letters: 1,
      items: 1,
      citations: {},
      treatments: {},
      quotes: [],
      problems: [],
      decisions: [
        {
          source: 'x.txt',
          dates: {},
          items: [
            { title: 't', outcome: 'upheld', citations: [{ text: 'x', by: 'maximus', guideline: 'cpmtg-2016', sections: ['Imaginary topic'], resolved: [] }] },
          ],
        },
      ],
    } as CorpusIndex;
    assert.deepEqual(rulesOf(text, { corpus }), []);
  });
  for (const ok of ['MTUS Acupuncture Treatment Guidelines', '8 CCR 9792.24.1', 'ODG Pain chapter', 'ACOEM Chapter 12, page 305']) {
    test(`does not flag: ${ok}`, () => assert.deepEqual(rulesOf(ok), []));
  }
});
