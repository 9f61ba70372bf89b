// Issue 15: a long document's first check is answered without the memo an edit reads from, and
// the memo is made a moment later, or by an edit that comes first
// (server/src/features/analysis-cache.ts). What the user sees never depends on which path ran:
// every check equals a fresh analysis.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine';
import { AnalysisCache, PRIME_AFTER } from '../../server/src/features/analysis-cache';
import { EditLog } from '../../server/src/features/edit-log';
import { defaultKnowledge } from '../../server/src/knowledge/load';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { repoRoot } from '../helpers/repo';

const URI = 'file:///long.rfa';
const draft = readFileSync(join(repoRoot(), 'examples', 'knee-and-back.rfa'), 'utf8');
const long = draft.repeat(Math.ceil((PRIME_AFTER + 1) / draft.length));
const kb = defaultKnowledge();

/** A cache whose deferred work waits in `queued` until the test runs it. */
function setup(text: string) {
  const log = new EditLog();
  const queued: (() => void)[] = [];
  const cache = new AnalysisCache(
    () => kb,
    undefined,
    undefined,
    log,
    undefined,
    (work) => queued.push(work),
  );
  const doc = log.documents.create(URI, 'mtus-request', 1, text);
  const runQueued = () => queued.splice(0).forEach((work) => work());
  return { log, queued, cache, doc, runQueued };
}

/** Type an "x" in the middle of a word near the middle of the text. */
function typeInMiddle(log: EditLog, doc: TextDocument): TextDocument {
  const text = doc.getText();
  const at = text.indexOf(' the ', text.length >> 1) + 2;
  return log.documents.update(doc, [{ range: { start: doc.positionAt(at), end: doc.positionAt(at) }, text: 'x' }], doc.version + 1);
}

const fresh = (doc: TextDocument) => analyze(doc.getText(), kb, { kind: 'request' }).findings;

test('a long document is checked at once, its memo made after; the next keystroke re-reads only what it touched', () => {
  const { log, queued, cache, doc, runQueued } = setup(long);
  const first = cache.get(doc, 'request', DEFAULT_SETTINGS);
  assert.deepEqual(first.analysis.findings, fresh(doc));
  assert.ok(first.analysis.findings.length > 0, 'the repeated draft has problems to report');
  assert.equal(cache.memoOf(URI), undefined, 'no memo while the first check is answered');
  assert.equal(queued.length, 1, 'the memo is made afterwards');
  runQueued();
  const memo = cache.memoOf(URI);
  assert.ok(memo, 'the memo is there for the next edit');
  const edited = typeInMiddle(log, doc);
  assert.deepEqual(cache.get(edited, 'request', DEFAULT_SETTINGS).analysis.findings, fresh(edited));
  const { stretches, reread } = memo.structure.last;
  assert.ok(stretches > 10 && reread <= 2, `the keystroke re-read ${reread} of ${stretches} stretches`);
  assert.equal(queued.length, 0, 'nothing more is deferred');
});

test('an edit before the memo was made builds it itself, and the deferred work then leaves it alone', () => {
  const { log, cache, doc, runQueued } = setup(long);
  cache.get(doc, 'request', DEFAULT_SETTINGS);
  const edited = typeInMiddle(log, doc);
  assert.deepEqual(cache.get(edited, 'request', DEFAULT_SETTINGS).analysis.findings, fresh(edited));
  const memo = cache.memoOf(URI);
  assert.ok(memo);
  runQueued();
  assert.equal(cache.memoOf(URI), memo, 'the memo of the newer version is kept');
  const again = typeInMiddle(log, edited);
  assert.deepEqual(cache.get(again, 'request', DEFAULT_SETTINGS).analysis.findings, fresh(again));
});

test('a document closed before its memo was made gets none', () => {
  const { cache, doc, runQueued } = setup(long);
  cache.get(doc, 'request', DEFAULT_SETTINGS);
  cache.forget(URI);
  runQueued();
  assert.equal(cache.memoOf(URI), undefined);
});

test('settings changed before the memo was made: the memo is made for the check under the new ones only', () => {
  const { cache, doc, queued, runQueued } = setup(long);
  cache.get(doc, 'request', DEFAULT_SETTINGS);
  cache.clear();
  const again = cache.get(doc, 'request', { ...DEFAULT_SETTINGS, edition: '2009' });
  assert.equal(queued.length, 2);
  queued[0]();
  assert.equal(cache.memoOf(URI), undefined, 'the old check is no longer the last one');
  runQueued();
  assert.ok(cache.memoOf(URI));
  assert.deepEqual(again.analysis.findings, analyze(doc.getText(), kb, { kind: 'request', edition: '2009' }).findings);
});

test('a short draft is checked with its memo straight away, nothing deferred', () => {
  const { queued, cache, doc } = setup(draft);
  assert.deepEqual(cache.get(doc, 'request', DEFAULT_SETTINGS).analysis.findings, fresh(doc));
  assert.ok(cache.memoOf(URI));
  assert.equal(queued.length, 0);
});
