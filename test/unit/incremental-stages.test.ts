// Issue 15, stage by stage: each finder that re-reads only a window around an edit
// (engine/incremental/window.ts) and the dot-leader blanking give, after every one of hundreds of
// random edits to a long document, exactly what they give reading it whole (the structure has its
// own test in incremental.test.ts, the whole analysis too).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Knowledge } from '../../server/src/knowledge/knowledge';
import { AnalysisMemo } from '../../server/src/engine';
import { scanCitations } from '../../server/src/engine/parse/citations';
import { scanDiagnoses, scanSurgeries } from '../../server/src/engine/parse/conditions';
import { ATTACHED_BEFORE, ATTACHED_NEAR } from '../../server/src/engine/parse/appeal-letter';
import { scanDrugNames } from '../../server/src/engine/parse/medications';
import { WRITTEN_AUTHORIZATIONS } from '../../server/src/engine/parse/written-authorization';
import { MEDICATION_EVIDENCE } from '../../server/src/engine/parse/medication-evidence';
import { INJURY_DATES } from '../../server/src/engine/parse/injury-date';
import { ACTIVE_CARE } from '../../server/src/engine/parse/requested-care';
import { drugFailures } from '../../server/src/engine/parse/drug-failures';
import { NOT_DOCUMENTED_FINDER } from '../../server/src/engine/rules/appeal-unanswered-denial';
import { CLOSINGS } from '../../server/src/engine/rules/appeal-ur-decision-attached';
import { scanEvidence } from '../../server/src/engine/parse/evidence';
import { scanRegionMentions, scanTreatmentMentions } from '../../server/src/engine/parse/mentions';
import { readSpacing } from '../../server/src/engine/structure/spacing';
import { findDirectives } from '../../server/src/engine/directives';
import { drafts, longDraft, sessions } from '../helpers/random-edits';
import { kb } from '../helpers/repo';

interface State {
  memo: AnalysisMemo;
  /** How many versions each finder read in a window rather than whole. */
  windowed: number;
  versions: number;
}

function sameStages(text: string, state: State, k: Knowledge): void {
  const { memo } = state;
  const view = memo.spacing.read(text);
  const whole = readSpacing(text);
  assert.equal(view.text, whole.text);
  assert.equal(view.identity, whole.identity);
  const scope = view.text;
  const edit = memo.editTo(scope);
  assert.deepStrictEqual(memo.evidence.read(scope, undefined, edit), scanEvidence(scope, 0, Infinity).found);
  assert.deepStrictEqual(memo.treatments.read(scope, k, edit), scanTreatmentMentions(scope, k, 0, Infinity).found);
  assert.deepStrictEqual(memo.regions.read(scope, k, edit), scanRegionMentions(scope, k, 0, Infinity).found);
  assert.deepStrictEqual(memo.diagnoses.read(scope, k, edit), scanDiagnoses(scope, k, 0, Infinity).found);
  // Today's citation forms are read or not by the document's date: both ways, by turns.
  const context = { kb: k, current: state.versions % 5 !== 0 };
  assert.deepStrictEqual(memo.citations.read(scope, context, edit), scanCitations(scope, context, 0, Infinity).found);
  assert.deepStrictEqual(memo.surgeries.read(scope, k, edit), scanSurgeries(scope, k, 0, Infinity).found);
  assert.deepStrictEqual(memo.medications.names.read(scope, k, edit), scanDrugNames(scope, k).found);
  // The rules' and facts' whole-text searches (incremental/finders.ts).
  const find = memo.finders.forText(scope, edit);
  for (const finder of [
    ATTACHED_NEAR,
    ATTACHED_BEFORE,
    CLOSINGS,
    NOT_DOCUMENTED_FINDER,
    WRITTEN_AUTHORIZATIONS,
    MEDICATION_EVIDENCE,
    INJURY_DATES,
    ACTIVE_CARE,
    drugFailures(k),
  ])
    assert.deepStrictEqual(find(finder), finder.scan(scope, 0, Infinity).found, finder.id);
  state.versions++;
  if (memo.citations.last.reread < scope.length) state.windowed++;
}

test('each windowed stage equals its whole reading, over hundreds of random edits to a long document', (t) => {
  const k = kb();
  const states: State[] = [];
  const start = () => {
    const s = { memo: new AnalysisMemo(), windowed: 0, versions: 0 };
    states.push(s);
    return s;
  };
  const edits = sessions([longDraft], 28, start, (text, s) => sameStages(text, s, k)) + sessions(drafts, 6, start, (text, s) => sameStages(text, s, k));
  assert.ok(edits >= 550, `only ${edits} edits tried`);
  // The long document's edits were mostly read in a window: the property tested the windows, not the fallback.
  const windowed = states.reduce((n, s) => n + s.windowed, 0);
  assert.ok(windowed >= edits / 3, `only ${windowed} of ${edits} versions read in a window`);
  t.diagnostic(`${edits} edits, ${windowed} versions read in a window`);
});

test("the OCR judgement (doubled word gaps) follows a short draft's edits across its threshold", () => {
  const words = Array.from({ length: 60 }, (_, i) => `w${i}`);
  const memo = new AnalysisMemo();
  let gaps = words.map(() => ' ');
  const text = () => words.map((w, i) => w + gaps[i]).join('');
  let crossed = 0;
  let was = memo.spacing.read(text()).identity;
  // Gaps doubled one at a time until the text reads as OCR's, then made single again, each a keystroke.
  for (const order of [words.map((_, i) => i), words.map((_, i) => words.length - 1 - i)]) {
    for (const i of order) {
      gaps = gaps.map((g, j) => (j === i ? (g === ' ' ? '  ' : ' ') : g));
      const view = memo.spacing.read(text());
      assert.equal(view.identity, readSpacing(text()).identity, `after gap ${i}`);
      assert.equal(view.text, readSpacing(text()).text);
      if (view.identity !== was) crossed++;
      was = view.identity;
    }
  }
  assert.equal(crossed, 2);
});

test('directives found through the memo equal a whole reading, a mark made or broken by the edit', () => {
  const memo = new AnalysisMemo();
  const base = `${longDraft}\n`;
  // A mark split by a stray "X": deleting it makes the directive, typing it again breaks it.
  const versions = [base, `${base}<!-- mtus-lint-dXisable therapy-over-trial -->`, `${base}<!-- mtus-lint-disable therapy-over-trial -->`];
  let seen = 0;
  for (const text of [...versions, ...versions.slice().reverse(), base, versions[2]]) {
    const edit = memo.editTo(text);
    const found = memo.directives.find(text, edit).directives;
    assert.deepStrictEqual(found, findDirectives(text).directives);
    seen += found.length;
  }
  assert.ok(seen >= 3);
});

test("an OCR'd document's re-spaced copy, re-spaced again only on the lines an edit touched, is its whole re-spacing", (t) => {
  // Every gap doubled, as OCR gives a scanned form back: read through a re-spaced copy whose
  // offsets map back to the original (structure/spacing.ts).
  const ocr = longDraft.replace(/ /g, '  ');
  let byLines = 0;
  const edits = sessions(
    [ocr],
    12,
    () => new AnalysisMemo(),
    (text, memo) => {
      const view = memo.spacing.read(text);
      const whole = readSpacing(text);
      assert.equal(view.identity, whole.identity);
      assert.equal(view.text, whole.text);
      // Every offset of the copy, and its end, maps back to the same place in the original.
      for (let o = 0; o <= view.text.length; o++)
        if (view.toOriginal(o) !== whole.toOriginal(o)) assert.fail(`offset ${o} maps to ${view.toOriginal(o)}, not ${whole.toOriginal(o)}`);
      if (memo.spacing.lastRespaced === 'lines') byLines++;
    },
  );
  assert.ok(byLines >= edits / 2, `only ${byLines} of ${edits} versions re-spaced by lines`);
  t.diagnostic(`${edits} edits, ${byLines} re-spaced only where the edit was`);
});
