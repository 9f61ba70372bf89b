// Issue 15: Node's server runs with V8's tier-up tuned for keystrokes, and a document's first
// check with V8's default (server/src/v8-tuning.ts). Either way the problems found are the same.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../server/src/engine';
import { AnalysisCache } from '../../server/src/features/analysis-cache';
import { EditLog } from '../../server/src/features/edit-log';
import { withDefaultTiering } from '../../server/src/v8-tuning';
import { defaultKnowledge } from '../../server/src/knowledge/load';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { repoRoot } from '../helpers/repo';

const URI = 'file:///knee-and-back.rfa';
const draft = readFileSync(join(repoRoot(), 'examples', 'knee-and-back.rfa'), 'utf8');

test('a first check runs with the default tier-up, an edit does not, and the findings are those of a fresh analysis', () => {
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
      return withDefaultTiering(analyse);
    },
  );
  let doc = log.documents.create(URI, 'mtus-request', 1, draft);
  cache.get(doc, 'request', DEFAULT_SETTINGS);
  assert.deepEqual(ran, [1], 'the first check runs through it');
  const at = draft.indexOf(' the ', draft.length >> 1) + 2;
  for (let v = 2; v <= 5; v++) {
    const range = v % 2 ? { start: doc.positionAt(at), end: doc.positionAt(at + 1) } : { start: doc.positionAt(at), end: doc.positionAt(at) };
    doc = log.documents.update(doc, [{ range, text: v % 2 ? '' : 'x' }], v);
    const got = cache.get(doc, 'request', DEFAULT_SETTINGS);
    assert.deepEqual(got.analysis.findings, analyze(doc.getText(), kb, { kind: 'request' }).findings);
  }
  assert.deepEqual(ran, [1], 'an edit is analysed as it is');
});

test('withDefaultTiering gives back what it ran, and its error', () => {
  assert.equal(
    withDefaultTiering(() => 42),
    42,
  );
  assert.throws(() =>
    withDefaultTiering(() => {
      throw new Error('boom');
    }),
  );
});
