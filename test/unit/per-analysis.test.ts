// Issue 15: the caches that hold for one analysis (engine/per-analysis.ts). They replace WeakMaps
// whose keys were each keystroke's fresh objects, which V8's young collections kept alive: an
// entry lasts while its analysis runs, nothing is held once it ends, and what a judgement cached
// is worked out again by the next analysis, to the same answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, AnalysisMemo } from '../../server/src/engine';
import { perAnalysis, PerAnalysis } from '../../server/src/engine/per-analysis';
import { longDraft } from '../helpers/random-edits';
import { kb } from '../helpers/repo';

test('an entry lasts while its analysis runs; none is held after it, even when it throws', () => {
  const cache = new PerAnalysis<object, number>();
  const key = {};
  perAnalysis(() => {
    cache.set(key, 1);
    assert.equal(cache.get(key), 1);
  });
  assert.equal(cache.get(key), undefined, 'emptied when the analysis returned');
  assert.throws(() =>
    perAnalysis(() => {
      cache.set(key, 2);
      throw new Error('a rule failed');
    }),
  );
  assert.equal(cache.get(key), undefined, 'emptied when the analysis threw');
  perAnalysis(() => {
    cache.set(key, 3);
    perAnalysis(() => assert.equal(cache.get(key), 3, 'an analysis inside another sees its entries'));
    assert.equal(cache.get(key), 3, 'and leaves them to it');
  });
  assert.equal(cache.get(key), undefined);
});

test('a document analysed again, and another between, gets the same findings and fills-in each time', () => {
  const memo = new AnalysisMemo();
  const first = analyze(longDraft, kb(), {}, memo);
  const fills = (a: typeof first) => a.findings.filter((f) => f.fix?.certain === false).map((f) => `${f.rule}@${f.span.start}`);
  assert.ok(fills(first).length > 0, 'the draft is offered fill-ins');
  // Another document's analysis runs between the two, as when the editor checks two files.
  analyze('Acupuncture 2x6 for the low back.', kb(), { kind: 'request' });
  const again = analyze(longDraft, kb(), {}, memo);
  const fresh = analyze(longDraft, kb(), {});
  assert.deepEqual(again.findings, fresh.findings);
  assert.deepEqual(fills(again), fills(first));
});
