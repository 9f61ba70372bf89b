// Issue 15: questions asked of each treatment name on every keystroke (does it ask for treatment?
// does the history say it was given before?) keep their answers from one version of a document
// to the next while the edit stays clear of what they read (engine/incremental/local-judgements.ts).
// The kept answer must never be stale: words that change the answer are typed at every distance
// before a name, and each version analysed with the memo is compared with one made from nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, AnalysisMemo } from '../../server/src/engine';
import { LocalJudgements, type EditClock } from '../../server/src/engine/incremental/local-judgements';
import { ruleMemoOf } from '../../server/src/engine/rules/rule-memo';
import { kb } from '../helpers/repo';

const TODAY = new Date('2017-03-01T12:00:00Z');

test('an answer is kept while edits stay clear of what it read, moved with the text, and read again otherwise', () => {
  const clock: EditClock = { version: 0 };
  const memo = new LocalJudgements<object, string>(clock);
  const key = {};
  let reads = 0;
  const ask = (at: number, deps = '') =>
    memo.judge(key, at, deps, undefined, () => {
      reads++;
      return { value: `read at ${at}`, lo: at - 10, hi: at + 10 };
    });
  const next = (from: number, oldTo: number, newTo: number) => {
    clock.version++;
    clock.change = { from, oldTo, newTo };
  };
  clock.version = 1;
  assert.equal(ask(100), 'read at 100');
  next(200, 200, 205); // after what it read
  assert.equal(ask(100), 'read at 100');
  next(0, 0, 3); // before: the name moved 3 on
  assert.equal(ask(103), 'read at 100');
  assert.equal(reads, 1);
  next(112, 112, 113); // inside the stretch read (93 to 113)
  assert.equal(ask(103), 'read at 103');
  next(0, 1, 0);
  assert.equal(ask(102, 'other'), 'read at 102', 'what else it read changed');
  // An analysis that did not ask, between two that did: the edits between are not all known.
  next(300, 300, 301);
  next(300, 300, 301);
  assert.equal(ask(102, 'other'), 'read at 102');
  clock.version++;
  clock.change = undefined; // another text
  ask(102, 'other');
  assert.equal(reads, 5);
  assert.deepEqual(memo.count, { read: 1, kept: 0 });
});

// Letters with no request structure: a treatment named in a sentence asks for it when the sentence
// says so (requested-care.ts); a history says what was given before (first-course.ts). Each
// name sits well inside a long sentence, so words typed within its reach but farther back than
// the name finders re-read (window.ts) leave the name itself kept.
const FILLER =
  'given the ongoing neck pain with stiffness and spasm on examination today, poor sleep, and slow progress over many months of care so far, with flares on lifting at work and on long drives home';
const SEEN = 'She was seen on 02/01/2017 for her neck, injured at work lifting boxes in 2014; her pain is 6/10 and the exam is as before.\n\n';
const LETTERS = [
  `Re: the neck\n\nDear reviewer,\n\n${SEEN}In this case, ${FILLER}, massage therapy for the neck, which she tolerated in the past without any trouble\n\nSincerely,\nDr. Lee\n`,
  `Re: the neck\n\nDear reviewer,\n\n${SEEN}We recommend, ${FILLER}, massage therapy for the neck, which she tolerated in the past without any trouble\n\nSincerely,\nDr. Lee\n`,
  `${SEEN}Treatment to date: in the months since the injury, ${FILLER}, she has had acupuncture for the neck with some relief\n\nREQUESTED TREATMENT:\n1. Acupuncture 6 sessions for the neck\n`,
  // The words that say so may run 60 characters back from the name.
  `${SEEN}Treatment to date: in the months since the injury, ${FILLER}, she completed a trial of a course of several multiple previous acupuncture for the neck with some relief\n\nREQUESTED TREATMENT:\n1. Acupuncture 6 sessions for the neck\n`,
];
// Words that turn an answer: asking, history, a denial, a guideline's talk, a sentence's end, surgery.
const TRIGGERS = [' we recommend ', ' previously had ', ' was denied ', ' MTUS guidelines state ', '. ', '\n\n', ' no '];

test("each name's answers equal a full analysis's when words are typed anywhere within their reach", (t) => {
  let edits = 0;
  let kept = 0;
  for (const letter of LETTERS) {
    const name = Math.max(letter.indexOf('massage therapy for'), letter.indexOf('acupuncture for the neck with'));
    assert.ok(name > 300, 'the name sits far into the letter');
    const memo = new AnalysisMemo();
    const answers = () => [ruleMemoOf(memo).slot('asked', () => undefined) as LocalJudgements<object, boolean> | undefined, memo.hadBefore];
    const outcomes = new Set<string>();
    // The letter as it was, analysed from nothing once: each edit is taken back again.
    const original = analyze(letter, kb(), { today: TODAY });
    const check = (text: string) => {
      const incremental = analyze(text, kb(), { today: TODAY }, memo);
      const full = text === letter ? original : analyze(text, kb(), { today: TODAY });
      assert.deepStrictEqual(incremental, full, `after an edit, at ${JSON.stringify(text.slice(name - 320, name + 20))}`);
      for (const a of answers()) kept += a?.count.kept ?? 0;
      outcomes.add(incremental.findings.map((f) => f.rule).join(' '));
    };
    check(letter);
    // From just before the name back past the longest reach (its sentence, 240 characters).
    for (let at = name - 1; at > name - 320; at -= 7) {
      for (const words of TRIGGERS) {
        check(letter.slice(0, at) + words + letter.slice(at));
        check(letter);
        edits += 2;
      }
    }
    // The words typed change what is reported: otherwise a stale answer could not show.
    assert.ok(outcomes.size > 1, `every version of a letter reports the same: ${[...outcomes].join(' / ')}`);
  }
  // Without answers kept this would prove nothing: most versions keep a name's answer.
  assert.ok(kept > edits / 2, `only ${kept} answers kept over ${edits} edits`);
  t.diagnostic(`${edits} edits, ${kept} answers kept`);
});
