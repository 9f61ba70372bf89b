// How `npm run bench` combines the language server's figures from several servers started fresh
// (scripts/bench/sessions.mjs): the figure it prints is the median server's, and the range beside
// it covers every server timed.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { repoRoot } from '../helpers/repo';

interface Combined {
  [key: string]: unknown;
  spread: Record<string, unknown>;
  sessions: number;
}
const load = async () =>
  (await import(pathToFileURL(path.join(repoRoot(), 'scripts', 'bench', 'sessions.mjs')).href)) as { acrossSessions(s: object[]): Combined };

test("each figure is the median server's, with the least and greatest beside it, one level down too", async () => {
  const { acrossSessions } = await load();
  const c = acrossSessions([
    { keystrokeDraft: 1.4, hover: 0.2, diagnosticsBig: 310, faults: { keystrokeDraft: 30, firstCheckBig: undefined } },
    { keystrokeDraft: 0.9, hover: 0.3, diagnosticsBig: 310, faults: { keystrokeDraft: 24, firstCheckBig: undefined } },
    { keystrokeDraft: 1.1, hover: NaN, diagnosticsBig: 310, faults: { keystrokeDraft: 26, firstCheckBig: undefined } },
  ]);
  assert.equal(c.sessions, 3);
  assert.equal(c.keystrokeDraft, 1.1, 'the middle of three, not their mean');
  assert.deepEqual(c.spread.keystrokeDraft, [0.9, 1.4]);
  assert.equal(c.diagnosticsBig, 310);
  // A figure one server could not measure (NaN) leaves the others' to decide.
  assert.ok(c.hover === 0.2 || c.hover === 0.3, `hover ${c.hover}`);
  assert.deepEqual(c.spread.hover, [0.2, 0.3]);
  assert.deepEqual(c.faults, { keystrokeDraft: 26, firstCheckBig: undefined }, 'faults, where none was counted, stay uncounted');
  assert.deepEqual((c.spread.faults as Record<string, unknown>).keystrokeDraft, [24, 30]);
});

test('one server: its own figures, each its own range', async () => {
  const { acrossSessions } = await load();
  const c = acrossSessions([{ firstCheckBig: 142.5 }]);
  assert.equal(c.firstCheckBig, 142.5);
  assert.deepEqual(c.spread.firstCheckBig, [142.5, 142.5]);
  assert.equal(c.sessions, 1);
});
