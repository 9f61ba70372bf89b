import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import floor from '../measure/drafts-floor.json';
import { draftsDir } from '../measure/drafts-expected';
import { figuresLine, scoreDrafts } from '../measure/score-drafts';
import { repoRoot } from '../helpers/repo';

// The figures reached on the development drafts must not slip: a change that loses a denial the
// product caught, or raises an alarm on a clean item, fails here with the lines it changed.
// The drafts are read from ../shared/drafts at test time; without them this fails, loudly.

test('the development drafts: recall and false alarms no worse than reached', () => {
  const root = repoRoot();
  const f = scoreDrafts(draftsDir(root), path.join(root, 'bin', 'mtus-lint.js'));
  const recall = f.met / f.expected;
  const alarms = f.alarms / f.guarded;
  const detail = `${figuresLine(f)}\n${[...f.misses.map((m) => `MISS ${m}`), ...f.falseAlarms.map((a) => `FALSE ${a}`)].join('\n')}`;
  assert.ok(recall >= floor.recall.met / floor.recall.expected, `recall fell below ${floor.recall.met}/${floor.recall.expected}:\n${detail}`);
  assert.ok(
    alarms <= floor.falseAlarms.raised / floor.falseAlarms.guarded,
    `false alarms rose above ${floor.falseAlarms.raised}/${floor.falseAlarms.guarded}:\n${detail}`,
  );
});
