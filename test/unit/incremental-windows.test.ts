// Issue 15: each finder re-read in a window around an edit (engine/incremental/window.ts) states
// how far around a match it reads (its margin); an edit just inside or just outside that reach of
// a match must leave the windowed reading equal to a whole one. Random edits rarely land there, so
// here every finder is edited at set distances before and after its own matches in the short
// drafts (which are read in windows too) and in run-on copies of them, with the words its judgement turns on, and each version
// compared with a whole reading, the edit and its undoing both.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisMemo } from '../../server/src/engine';
import { textChange } from '../../server/src/engine/incremental/change';
import { scanCitations } from '../../server/src/engine/parse/citations';
import { scanDiagnoses, scanSurgeries } from '../../server/src/engine/parse/conditions';
import { scanEvidence } from '../../server/src/engine/parse/evidence';
import { scanDrugNames } from '../../server/src/engine/parse/medications';
import { scanRegionMentions, scanTreatmentMentions } from '../../server/src/engine/parse/mentions';
import { WRITTEN_AUTHORIZATIONS } from '../../server/src/engine/parse/written-authorization';
import { ASKS_FINDER } from '../../server/src/engine/rules/expedited-without-threat';
import { shifted } from '../../server/src/engine/incremental/shift';
import { ScanMemo } from '../../server/src/engine/incremental/window';
import type { Span } from '../../server/src/engine/types';
import { drafts } from '../helpers/random-edits';
import { kb } from '../helpers/repo';

interface Stage {
  name: string;
  memo: (m: AnalysisMemo) => ScanMemo<{ span: Span }, unknown>;
  context: unknown;
  whole: (text: string) => { span: Span }[];
}

const k = kb();
const cite = { kb: k, current: true };
const STAGES: Stage[] = [
  { name: 'evidence', memo: (m) => m.evidence as never, context: undefined, whole: (t) => scanEvidence(t, 0, Infinity).found },
  { name: 'treatments', memo: (m) => m.treatments as never, context: k, whole: (t) => scanTreatmentMentions(t, k, 0, Infinity).found },
  { name: 'regions', memo: (m) => m.regions as never, context: k, whole: (t) => scanRegionMentions(t, k, 0, Infinity).found },
  { name: 'diagnoses', memo: (m) => m.diagnoses as never, context: k, whole: (t) => scanDiagnoses(t, k, 0, Infinity).found },
  { name: 'surgeries', memo: (m) => m.surgeries as never, context: k, whole: (t) => scanSurgeries(t, k, 0, Infinity).found },
  { name: 'citations', memo: (m) => m.citations as never, context: cite, whole: (t) => scanCitations(t, cite, 0, Infinity).found },
  { name: 'drug names', memo: (m) => m.medications.names as never, context: k, whole: (t) => scanDrugNames(t, k).found },
  // A rule's finder, with its margin, as incremental/finders.ts runs it.
  {
    name: WRITTEN_AUTHORIZATIONS.id,
    memo: () =>
      new ScanMemo({ scan: (t, from, to) => WRITTEN_AUTHORIZATIONS.scan(t, from, to), move: shifted, margin: WRITTEN_AUTHORIZATIONS.margin }) as never,
    context: undefined,
    whole: (t) => WRITTEN_AUTHORIZATIONS.scan(t, 0, Infinity).found,
  },
  {
    name: ASKS_FINDER.id,
    memo: () => new ScanMemo({ scan: (t, from, to) => ASKS_FINDER.scan(t, from, to), move: shifted, margin: ASKS_FINDER.margin }) as never,
    context: undefined,
    whole: (t) => ASKS_FINDER.scan(t, 0, Infinity).found,
  },
];

// How far from a match the edits land, and what they write: sentence and line breaks, a blank
// line, and the words the finders judge a match by (a guideline's words, a negation, a figure
// list, "evaluation" after a treatment, side effects, a hope, a citation's pages).
const DISTANCES = [0, 1, 3, 11, 41, 150, 199, 201, 299, 301, 450, 900];
const BREAKS = ['.', '. ', '\n', '\n\n', ' ', '', ', ', '('];
const WORDS = [
  ' evaluation',
  ' not able to ',
  ' 9-10 visits over 8 weeks ',
  ' the MTUS guidelines recommend ',
  ' Page(s): 98-99, ',
  ' due to side effects ',
  ' wants to ',
  ' PT/INR ',
  ' the employer agreed ',
  ' please expedite ',
  ' requesting urgent ',
];

// The drafts, and the drafts run on (no full stops, no line breaks but blank lines): a sentence
// or a line then reaches as far as a finder reads, so an edit far from a match can still change it.
const AUTHORIZED = '\n\nThe employer authorized 6 additional visits in writing on 03/02/2017, and the adjuster agreed.\n';
const EXPEDITED = '\n\nPlease expedite: we are requesting this on an urgent basis, as it is needed urgently. Expedited review: yes.\n';
const BASES = [
  ...drafts,
  `${drafts[0]}${AUTHORIZED}${drafts[1]}`,
  `${drafts[1]}${EXPEDITED}${drafts[0]}`,
  ...drafts.map((d) => d.replace(/\.(?=\s)/g, ',').replace(/([^\n])\n(?=[^\n])/g, '$1 ')),
];

/** The edits near each match: at each distance before its start and after its end, a break and some words written, or a character deleted. */
function editsNear(text: string, spans: Span[]): string[] {
  const out = new Set<string>();
  let n = 0;
  for (const s of spans) {
    for (const d of DISTANCES) {
      for (const at of [s.start - d, s.end + d]) {
        if (at < 0 || at > text.length) continue;
        for (const piece of [BREAKS[n % BREAKS.length], WORDS[n % WORDS.length]])
          out.add(piece ? text.slice(0, at) + piece + text.slice(at) : text.slice(0, at) + text.slice(at + 1));
        n++;
      }
    }
  }
  return [...out];
}

test('each windowed finder equals its whole reading after edits at every distance from its matches', (t) => {
  let compared = 0;
  let windowed = 0;
  for (const stage of STAGES) {
    for (const base of BASES) {
      const memo = stage.memo(new AnalysisMemo());
      const expected = stage.whole(base);
      memo.read(base, stage.context);
      for (const edited of editsNear(
        base,
        expected.map((e) => e.span),
      )) {
        // The edit, then its undoing: both read in a window from the version before.
        for (const [before, after] of [
          [base, edited],
          [edited, base],
        ]) {
          const got = memo.read(after, stage.context, { before, change: textChange(before, after) });
          assert.deepStrictEqual(got, after === base ? expected : stage.whole(after), `${stage.name}: an edit near a match`);
          compared++;
          if (memo.last.reread < after.length) windowed++;
        }
      }
    }
  }
  // The short drafts were read in windows: the margins were tested, not the whole-text fallback.
  assert.ok(windowed >= compared / 2, `only ${windowed} of ${compared} read in a window`);
  t.diagnostic(`${compared} versions compared, ${windowed} read in a window`);
});

// A few characters before a match is what a finder's look-behinds and word boundaries read: a
// letter written against a name joins it to the word before, and "Non-" just before "MTUS" makes
// no citation of it. The window after an edit reaches only a little past it for finders that read
// little before a match (window.ts `behind`), so each finder is edited at each distance up to
// eight characters before each of its matches in one sentence, and compared with a whole reading.
test('an edit a few characters before a match, where look-behinds read, leaves each windowed finder equal to its whole reading', () => {
  const sentence = '\n\nSleep care follows the MTUS Sleep Disorders Guidelines; Norco and physical therapy 2x3 for the lumbar spine.\n';
  const base = `${drafts[0]}${sentence}${drafts[1]}`;
  const from = drafts[0].length;
  let compared = 0;
  for (const stage of STAGES) {
    const spans = stage
      .whole(base)
      .map((e) => e.span)
      .filter((s) => s.start >= from && s.start < from + sentence.length);
    for (const s of spans) {
      for (let d = 0; d <= 8; d++) {
        for (const piece of ['Non-', 'Non- ', 'x', '/']) {
          const at = s.start - d;
          const edited = base.slice(0, at) + piece + base.slice(at);
          const memo = stage.memo(new AnalysisMemo());
          memo.read(base, stage.context);
          for (const [before, after] of [
            [base, edited],
            [edited, base],
          ]) {
            assert.deepStrictEqual(
              memo.read(after, stage.context, { before, change: textChange(before, after) }),
              stage.whole(after),
              `${stage.name}: "${piece}" ${d} before a match`,
            );
            compared++;
          }
        }
      }
    }
  }
  assert.ok(compared > 100, `only ${compared} versions compared`);
});
