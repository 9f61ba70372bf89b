// Issue 15: the rules' judgements kept from one version of a document for the next
// (engine/judgements/verdict-memo.ts) stand only while what they read is unchanged. Each case
// edits a draft so that a kept judgement would be stale, and compares the analysis made with the
// memo of the versions before it with one made from nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, AnalysisMemo } from '../../server/src/engine';
import { keptVerdicts } from '../../server/src/engine/judgements/therapy-verdict';
import { ITEM_KEY_FIELDS } from '../../server/src/engine/judgements/verdict-memo';
import { ruleMemoOf } from '../../server/src/engine/rules/rule-memo';
import { paragraphOf, paragraphsAfterEdit } from '../../server/src/engine/rules/paragraphs';
import { textChange } from '../../server/src/engine/incremental/change';
import { drafts } from '../helpers/random-edits';
import { kb } from '../helpers/repo';

const TODAY = new Date('2017-03-01T12:00:00Z');
const HEAD = 'Date: 02/01/2017\nDate of injury: 05/06/2014\nDiagnosis: lumbar radiculopathy (M54.16)\n\nREQUESTED TREATMENT:\n';

/** Analyses each version with one memo, each compared with a full analysis; returns the findings' rules per version. */
function session(versions: string[]): { rules: string[][]; memo: AnalysisMemo } {
  const memo = new AnalysisMemo();
  const rules = versions.map((v) => {
    const kept = analyze(v, kb(), { today: TODAY }, memo);
    assert.deepStrictEqual(kept, analyze(v, kb(), { today: TODAY }));
    return kept.findings.map((f) => f.rule);
  });
  return { rules, memo };
}

test('a verdict far from an edit is kept, moved, and equals a full analysis', () => {
  const draft = `${HEAD}1. Acupuncture eight sessions (2x4) for the low back\n2. Massage therapy 2x6 for the neck\n\nThe patient reports pain.\n`;
  const at = draft.indexOf('pain.');
  const { rules, memo } = session([draft, `Re: ${draft}`, draft, `${draft.slice(0, at)}severe ${draft.slice(at)}`]);
  assert.ok(rules[0].includes('therapy-over-trial'), rules[0].join(' '));
  const verdicts = keptVerdicts(ruleMemoOf(memo));
  assert.ok(verdicts.count.kept >= 2 && verdicts.count.judged === 0, JSON.stringify(verdicts.count));
});

test('verdicts with a fill-in offered once are kept too: the fill-in is made again where the text now stands', () => {
  // Extensions whose only stated gain is pain relief, and one with no count of its prior course:
  // the first of each claims a fill-in (a block after the pain score, a line under the item).
  const draft = `${HEAD}1. Additional acupuncture 6 sessions for the low back\n2. Additional massage therapy 4 sessions for the neck\n3. Additional acupuncture 4 sessions for the neck\n\nShe completed 6 acupuncture sessions in 2016. Her pain decreased from 8/10 to 4/10 with acupuncture.\n`;
  const score = draft.indexOf('Her pain');
  const versions = [draft, `${draft.slice(0, score)}Seen today. ${draft.slice(score)}`, draft, `Re: the low back\n${draft}`];
  const memo = new AnalysisMemo();
  const blocks = versions.map((v) => {
    const kept = analyze(v, kb(), { today: TODAY }, memo);
    assert.deepStrictEqual(kept, analyze(v, kb(), { today: TODAY }));
    return kept.findings.filter((f) => f.rule === 'pain-relief-only' && f.fix).map((f) => f.fix!.edits[0].span.start);
  });
  // One block, offered once, placed after the pain score as the text moved.
  assert.deepEqual(blocks, [[blocks[0][0]], [blocks[0][0] + 'Seen today. '.length], [blocks[0][0]], [blocks[0][0] + 'Re: the low back\n'.length]]);
  const verdicts = keptVerdicts(ruleMemoOf(memo));
  assert.ok(verdicts.count.kept >= 3 && verdicts.count.judged === 0, JSON.stringify(verdicts.count));
});

test('a verdict that quotes the pain relief is judged again when its words change, not when it only moves', () => {
  const draft = `${HEAD}1. Additional acupuncture 6 sessions for the low back\n\nShe completed 6 acupuncture sessions in 2016. Her pain decreased from 8/10 to 4/10 with acupuncture.\n`;
  const score = draft.indexOf('4/10');
  const { memo } = session([draft, `${draft.slice(0, score)}3${draft.slice(score + 1)}`]);
  assert.deepEqual(keptVerdicts(ruleMemoOf(memo)).count, { judged: 1, kept: 0 });
});

test("a verdict is judged again when a fact it read changes elsewhere (the employer's written authorization)", () => {
  // 30 physical therapy visits are over the statutory cap of 24: the cap is reported, not the guideline's figure.
  const draft = `${HEAD}1. Physical therapy 3x10 for the lumbar spine\n\nPlan: continue home exercise.\n`;
  const authorized = draft.replace('Plan:', 'The employer authorized additional visits in writing. Plan:');
  const { rules } = session([draft, authorized, draft]);
  assert.ok(rules[0].includes('visit-cap-24'), rules[0].join(' '));
  assert.ok(!rules[1].includes('visit-cap-24') && rules[1].includes('therapy-over-maximum'), rules[1].join(' '));
  assert.deepEqual(rules[2], rules[0]);
});

test('a verdict is judged again when the text under its item changes, though its reading does not', () => {
  // "eight sessions - 2x4" and "eight sessions / 2x4" read as the same quantity; the fix's title quotes what is written.
  const draft = `${HEAD}1. Acupuncture eight sessions - 2x4 for the low back\n`;
  const slashed = draft.replace(' - ', ' / ');
  const { memo } = session([draft, slashed, draft]);
  const fix = analyze(slashed, kb(), { today: TODAY }, memo).findings.find((f) => f.rule === 'therapy-over-trial')?.fix;
  assert.match(fix?.title ?? '', /"eight sessions \/ 2x4"/);
});

test("the paragraphs rules read, after random edits, are the whole text's", () => {
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const pieces = ['\n', '\n\n', '\r\n', '\r\n\r\n', ' \t', 'x', 'Item 1: massage.', '\n  \n', '\n\t\n\n'];
  let text = 'History:\n\nShe had massage.\n \nPlan:\r\n\r\nMore.\n\n\n';
  for (let step = 0; step < 2000; step++) {
    const at = random(text.length + 1);
    const cut = random(3) === 0 ? random(6) : 0;
    const before = text;
    text = `${text.slice(0, at)}${random(4) === 0 ? '' : pieces[random(pieces.length)]}${text.slice(at + cut)}`;
    paragraphOf(before, { start: 0, end: 0 });
    paragraphsAfterEdit(text, { before, change: textChange(before, text) });
    const spans = Array.from({ length: 20 }, () => random(text.length + 1)).map((s) => ({ start: s, end: Math.min(text.length, s + random(8)) }));
    const kept = spans.map((s) => paragraphOf(text, s));
    paragraphOf('', { start: 0, end: 0 });
    assert.deepStrictEqual(
      kept,
      spans.map((s) => paragraphOf(text, s)),
      JSON.stringify(text),
    );
  }
});

test("an item's key for its kept verdict reads every field an item has (a new field must be added to it)", () => {
  const seen = { item: new Set<string>(), quantity: new Set<string>(), part: new Set<string>(), token: new Set<string>() };
  for (const draft of drafts) {
    for (const item of analyze(draft, kb()).items) {
      for (const k of Object.keys(item)) seen.item.add(k);
      for (const k of Object.keys(item.quantity ?? {})) seen.quantity.add(k);
      for (const p of item.quantity?.parts ?? []) {
        for (const k of Object.keys(p)) seen.part.add(k);
        for (const t of [p.perWeek, p.weeks, p.count, p.countEcho]) for (const k of Object.keys(t ?? {})) seen.token.add(k);
      }
    }
  }
  for (const [what, keys] of Object.entries(seen)) {
    const known = ITEM_KEY_FIELDS[what as keyof typeof ITEM_KEY_FIELDS];
    assert.deepEqual(
      [...keys].filter((k) => !known.includes(k)),
      [],
      `${what} fields itemKey does not read`,
    );
    assert.ok(keys.size >= 3, `${what}: only ${[...keys].join(', ')} seen`);
  }
});

test('an item rule kept from the last version is judged again when the courses it counts change elsewhere', () => {
  const draft = `${HEAD}1. Physical therapy 3x10 for the lumbar spine\n\nPlan: continue home exercise.\n`;
  const withPrior = draft.replace('Plan:', 'Treatment to date: physical therapy 12 visits.\n\nPlan:');
  const { rules, memo } = session([draft, withPrior, draft, `${draft}\n`]);
  assert.ok(rules[1].includes('visit-cap-24'), rules[1].join(' '));
  const messages = [draft, withPrior].map((v) => analyze(v, kb(), { today: TODAY }, memo).findings.find((f) => f.rule === 'visit-cap-24')?.message);
  assert.notEqual(messages[0], messages[1]);
  assert.match(messages[1] ?? '', /12 completed/);
});

test('kept judgements equal a full analysis over random edits that add and remove the facts they read', () => {
  // Lines that change what an item's judgement reads from elsewhere in the document: the date of
  // injury, the employer's authorization, courses given before, diagnoses, improvement, pain relief.
  const lines = [
    'The employer authorized additional visits in writing.',
    'Date of injury: 05/06/2003',
    'Date of injury: 05/06/2014',
    'Treatment to date: physical therapy 30 visits.',
    'She completed 12 acupuncture sessions.',
    'Diagnosis: myalgia and myositis (M79.1)',
    'She never had acupuncture before.',
    'Pain decreased from 8/10 to 4/10 with treatment.',
    'Physical therapy 3x10 for the lumbar spine',
    'Chiropractic 2x4 for the knee',
    'Additional acupuncture 2x6 for the low back',
    'ADLs improved: she is now able to walk 2 blocks.',
    '1. Massage therapy eight sessions - 2x4 for the neck',
    'REQUESTED TREATMENT:',
    '',
  ];
  let seed = 15;
  const random = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  let edits = 0;
  for (let s = 0; s < 6; s++) {
    let text = drafts[s % drafts.length];
    const memo = new AnalysisMemo();
    for (let e = 0; e < 25; e++, edits++) {
      const at = random(text.length + 1);
      const cut = random(3) === 0 ? random(40) : 0;
      const piece = random(4) === 0 ? ' ' : `${lines[random(lines.length)]}\n`;
      text = `${text.slice(0, at)}${piece}${text.slice(at + cut)}`;
      assert.deepStrictEqual(analyze(text, kb(), { today: TODAY }, memo), analyze(text, kb(), { today: TODAY }), `session ${s}, edit ${e}`);
    }
  }
  assert.equal(edits, 150);
});

test("a kept item's verdict is judged again when an edit far from it says the course it extends is the first", () => {
  // "Continue" before the item makes it an extension of a prior course; a sentence elsewhere saying
  // the patient never had acupuncture makes it a first course, though the passage was not read again.
  const filler = 'The patient reports ongoing low back pain with sitting.\n\n'.repeat(30);
  const draft = `${HEAD}Continue with acupuncture 2x6 for the low back.\n\n${filler}Plan reviewed.\n`;
  const at = draft.indexOf('Plan reviewed.');
  const first = `${draft.slice(0, at)}She has never had acupuncture. ${draft.slice(at)}`;
  const memo = new AnalysisMemo();
  for (const v of [draft, first, draft, first]) {
    const kept = analyze(v, kb(), { today: TODAY }, memo);
    const whole = analyze(v, kb(), { today: TODAY });
    assert.deepStrictEqual(kept, whole);
    assert.ok(memo.passages.last.reused > 0 || v === draft, 'the item passage was kept, not read again');
  }
  assert.notDeepStrictEqual(
    analyze(draft, kb(), { today: TODAY }).findings.map((f) => f.message),
    analyze(first, kb(), { today: TODAY }).findings.map((f) => f.message),
  );
});
