// Issue 15: ur-hierarchy-argument keeps, per document, whether a paragraph already argues the
// MTUS comes first and each finding's wording (rules/ur-hierarchy-argument.ts). After random
// edits to an appeal full of sentences the rule reads, the analysis made with the memo of the
// versions before equals one made from nothing, and the rule keeps firing on it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, AnalysisMemo } from '../../server/src/engine';
import { sessions } from '../helpers/random-edits';
import { kb } from '../helpers/repo';

const TODAY = new Date('2017-03-01T12:00:00Z');
const PARAGRAPHS = [
  'Disputed item 1: 6 acupuncture sessions, lumbar spine',
  'UR non-certified this item citing the Official Disability Guidelines. The patient improved.',
  'Disputed item 2: massage therapy 2x4 for the neck',
  'The reviewer relied on ODG for this request. The MTUS takes precedence over ODG here.',
  'Decision based on Non-MTUS Citation: Official Disability Guidelines (ODG) Neck and Upper Back.',
  'The denial was based on ACOEM 3rd edition, Chapter 12.',
];
const APPEAL = `Re: Independent Medical Review appeal.\n\n${[...PARAGRAPHS, ...PARAGRAPHS, ...PARAGRAPHS].join('\n\n')}\n`;

test('ur-hierarchy-argument through the memo equals a full analysis, over random edits to an appeal', (t) => {
  const first = analyze(APPEAL, kb(), { kind: 'appeal', today: TODAY }).findings.filter((f) => f.rule === 'ur-hierarchy-argument');
  assert.ok(first.length >= 3, `${first.length} findings`);
  let fired = 0;
  const edits = sessions(
    [APPEAL],
    12,
    () => new AnalysisMemo(),
    (text, memo) => {
      const kept = analyze(text, kb(), { kind: 'appeal', today: TODAY }, memo);
      assert.deepStrictEqual(kept, analyze(text, kb(), { kind: 'appeal', today: TODAY }));
      fired += kept.findings.filter((f) => f.rule === 'ur-hierarchy-argument').length;
    },
  );
  assert.ok(edits >= 100 && fired > edits, `${edits} edits, ${fired} findings`);
  t.diagnostic(`${edits} edits, ${fired} findings`);
});
