// Issue 11, section 1: fixes never damage a document. A property test (fast-check, fixed seed,
// bounded count) over generated requests and over real drafts and letters from ../shared,
// mutated; each invariant is its own test, so every class of failure shows, each with a minimal
// counterexample. Then the cases the issue observed, one by one.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as fc from 'fast-check';
import { kb } from '../helpers/repo';
import { budgetScale, fuzzSeed, generatedDocument, mutate, mutation, sharedDocuments } from './documents';
import { checkFixInvariants, type Invariant, type Violation } from './fix-checks';
import { minimizeText } from './minimize';
import { tally } from './tally';

const TODAY = new Date('2017-03-01T12:00:00Z');
const INVARIANTS: [Invariant, string][] = [
  ['edit-in-bounds', 'every edit lies inside the document'],
  ['edit-scope', 'an edit replaces only the quantity (or citation) its finding names, within one line'],
  ['edits-apart', 'no two edits of one action (a fix, or fix-all) overlap or touch'],
  ['number-form', "every number written is a finite positive whole number in the writer's form"],
  ['never-raises', 'a fix never raises a number'],
  ['therapy-spares-medication', 'a therapy fix never touches a medication'],
  ['fixed-point', 'after one fix-all no certain fix is left, so a second fix-all changes nothing'],
];

const violations = (text: string, kind?: 'request' | 'appeal') => checkFixInvariants(text, kb(), { kind, today: TODAY });

function report(inv: Invariant, source: string, text: string, kind: 'request' | 'appeal' | undefined, seed: number): string {
  const fails = (t: string) => violations(t, kind).some((v) => v.invariant === inv);
  const minimal = minimizeText(text, fails);
  const found = violations(minimal, kind).filter((v) => v.invariant === inv);
  return [
    `${INVARIANTS.find(([i]) => i === inv)![1]}: broken (${source}, seed ${seed}).`,
    `minimal counterexample (${kind ?? 'kind inferred'}): ${JSON.stringify(minimal)}`,
    ...found.map((v) => `  ${v.rule}: ${v.detail}`),
  ].join('\n');
}

describe('fix invariants, property-based', () => {
  const scale = budgetScale();
  const seed = fuzzSeed();
  const docs = sharedDocuments();
  const generatedRuns = Math.round(150 * scale);
  const mutatedRuns = Math.round(40 * scale);

  for (const [inv, what] of INVARIANTS) {
    test(`${what} (${generatedRuns} generated + ${mutatedRuns} mutated documents)`, () => {
      const holds = (text: string, kind?: 'request' | 'appeal') => !violations(text, kind).some((v) => v.invariant === inv);
      const gen = fc.check(
        fc.property(generatedDocument, (t) => holds(t, 'request')),
        { seed, numRuns: generatedRuns },
      );
      tally('fix-invariants', gen.numRuns, gen.failed ? 1 : 0);
      if (gen.failed) assert.fail(report(inv, 'a generated request', gen.counterexample![0], 'request', seed));
      const real = fc.record({ doc: fc.nat(docs.length - 1), ops: fc.array(mutation, { minLength: 1, maxLength: 4 }) });
      const mut = fc.check(
        fc.property(real, ({ doc, ops }) => holds(mutate(docs[doc].text, ops), docs[doc].kind)),
        { seed, numRuns: mutatedRuns },
      );
      tally('fix-invariants', mut.numRuns, mut.failed ? 1 : 0);
      if (mut.failed) {
        const { doc, ops } = mut.counterexample![0];
        assert.fail(report(inv, `${docs[doc].name}, mutated`, mutate(docs[doc].text, ops), docs[doc].kind, seed));
      }
    });
  }
});

describe('fix invariants: the cases issue 11 observed', () => {
  const CASES: [string, string][] = [
    ['a medication count read as therapy visits', 'Naproxen 550 mg #60 and physical therapy for the low back\n'],
    ['the same with a muscle relaxant', 'Cyclobenzaprine 10 mg #90, physical therapy 2x3\n'],
    ['two edits on one range', 'Cyclobenzaprine 10 mg #90, physical therapy daily\n'],
    ['a zero frequency', 'Chiropractic manipulation 0x4 (8 visits)\n'],
    ['a zero duration', 'Acupuncture 2x0 (8 visits) for the low back\n'],
    ['completed sessions counted at once', 'Physical therapy 12 sessions. The patient has completed 6 sessions of physical therapy.\n'],
    ['the 24-visit cap and the maximum together', 'Physical therapy 3x10 for the low back. She has completed 2 sessions of physical therapy.\n'],
    ['a quantity across a line break', 'Physical therapy QTY 12\n-0 lumbar\n'],
  ];
  for (const [name, text] of CASES) {
    test(`${name}: ${JSON.stringify(text)}`, () => {
      const found: Violation[] = violations(text, 'request');
      tally('fix-invariants', 1, found.length ? 1 : 0);
      assert.deepEqual(
        found.map((v) => `${v.invariant} (${v.rule}): ${v.detail}`),
        [],
      );
    });
  }
});
