// Issue 15: the server runs the analysis of an edit with V8's tier-up tuned for it
// (server/src/jit-tiering.ts), and a document's first check as it is. Either way the problems
// found are the same.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine';
import { AnalysisCache } from '../../server/src/features/analysis-cache';
import { EditLog } from '../../server/src/features/edit-log';
import { withEditTiering } from '../../server/src/jit-tiering';
import { defaultKnowledge } from '../../server/src/knowledge/load';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { repoRoot } from '../helpers/repo';

const URI = 'file:///knee-and-back.rfa';
const draft = readFileSync(join(repoRoot(), 'examples', 'knee-and-back.rfa'), 'utf8');

test('an edit is analysed through the tuned tier-up, a first check is not, and the findings are those of a fresh analysis', () => {
  const kb = defaultKnowledge();
  const log = new EditLog();
  const ran: number[] = [];
  const cache = new AnalysisCache(
    () => kb,
    undefined,
    undefined,
    log,
    (analyse) => {
      ran.push(doc.version);
      return withEditTiering(analyse);
    },
  );
  let doc = log.documents.create(URI, 'mtus-request', 1, draft);
  cache.get(doc, 'request', DEFAULT_SETTINGS);
  assert.deepEqual(ran, [], 'the first check runs as it is');
  const at = draft.indexOf(' the ', draft.length >> 1) + 2;
  for (let v = 2; v <= 5; v++) {
    const range = v % 2 ? { start: doc.positionAt(at), end: doc.positionAt(at + 1) } : { start: doc.positionAt(at), end: doc.positionAt(at) };
    doc = log.documents.update(doc, [{ range, text: v % 2 ? '' : 'x' }], v);
    const got = cache.get(doc, 'request', DEFAULT_SETTINGS);
    assert.deepEqual(got.analysis.findings, analyze(doc.getText(), kb, { kind: 'request' }).findings);
  }
  assert.deepEqual(ran, [2, 3, 4, 5], 'each edit is analysed through it');
});

test('withEditTiering gives back what it ran, and its error', () => {
  assert.equal(
    withEditTiering(() => 42),
    42,
  );
  assert.throws(() =>
    withEditTiering(() => {
      throw new Error('boom');
    }),
  );
});
