// Issue 15: an analysis made with the memo of the versions before it is the analysis of the whole
// text, exactly. The unit tier proves it over random edits of drafts made from the repository's
// own examples; this types into the real development drafts, each written three times one after
// another (as a long document repeats its forms and passages), at random places, with the words
// and marks that turn a reading: a full stop, a line break, a blank line (inside a table too),
// "no", "request", a history, a denial, a drug, a pain score, a table's bar. It found a table
// whose rows are set apart by blank lines read as sentences by the memo, and a ticked box whose
// item shared its span with the box's label (moved twice).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, AnalysisMemo } from '../../server/src/engine';
import { kb } from '../helpers/repo';
import { budgetScale, sharedDocuments } from './documents';

const PIECES = [
  'x',
  ' ',
  '.',
  '\n',
  '\n\n',
  'no ',
  'request ',
  'previously had ',
  'was denied ',
  ' Naproxen 550 mg #90 ',
  ' gabapentin failed ',
  'Acupuncture 2x4 ',
  'MTUS guidelines state ',
  'pain 8/10 to 4/10 ',
  '|',
  ': ',
];

test('typing anywhere in the development drafts gives what a fresh analysis of the same text gives', (t) => {
  // A fixed sequence (a linear congruential generator): a failure names the draft and the edit.
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const drafts = sharedDocuments().filter((d) => d.name.startsWith('drafts/'));
  const perDraft = 12 * budgetScale();
  let edits = 0;
  for (const d of drafts) {
    const options = { kind: d.kind, today: new Date('2017-03-01T12:00:00Z') };
    let text = `${d.text}\n${d.text}\n${d.text}`;
    const memo = new AnalysisMemo();
    analyze(text, kb(), options, memo);
    for (let i = 0; i < perDraft; i++) {
      const at = Math.floor(random() * text.length);
      const what = random() < 0.35 ? `${1 + Math.floor(random() * 6)} characters deleted` : JSON.stringify(PIECES[Math.floor(random() * PIECES.length)]);
      text = what.endsWith('deleted') ? text.slice(0, at) + text.slice(at + Number.parseInt(what, 10)) : text.slice(0, at) + JSON.parse(what) + text.slice(at);
      assert.deepStrictEqual(analyze(text, kb(), options, memo), analyze(text, kb(), options), `${d.name}, edit ${i}: ${what} at ${at}`);
      edits++;
    }
  }
  t.diagnostic(`${edits} edits of ${drafts.length} drafts`);
});
