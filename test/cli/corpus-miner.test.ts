// The corpus miner over the real IMR letters in ../shared/corpus (read at test time, never
// copied into the repository): every disputed item and outcome, the header fields, the
// therapy totals a person checked, and PDFs against their text (corpus-index.test.ts: broken
// files, the CLI, the bundled default index, partly authorised items).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { buildCorpus, compact } from '../../server/src/corpus/build-index';
import { functionalImprovementOf, parseLetter } from '../../server/src/corpus/parse-letter';
import { readLetter } from '../../server/src/corpus/read-letter';
import type { Decision } from '../../server/src/corpus/types';
import { disputedItems, labelMatches, labelName, normalizeTitle, readLetters, type TitleLabel } from '../helpers/letters';
import { corpusDir, kb, repoRoot } from '../helpers/repo';

const dir = corpusDir();
const pdfDir = dir ? path.join(path.dirname(dir), 'imr-pdf') : undefined;
const skip = dir ? false : 'corpus absent (see message above)';
const ROOT = repoRoot();

interface Label extends TitleLabel {
  file: string;
  treatment: string;
  totals: number[];
  ambiguous?: boolean;
}

describe('the corpus miner reads the real IMR letters', { skip }, () => {
  const letters = dir ? readLetters(dir) : [];
  const decisions = new Map<string, Decision>();
  before(() => {
    for (const l of letters) decisions.set(l.file, parseLetter(l.text, l.file));
  });

  test('every letter yields the items of its issues section, each with its outcome (310: 266 upheld, 44 overturned)', () => {
    assert.equal(letters.length, 142);
    const wrong: string[] = [];
    let items = 0;
    let upheld = 0;
    for (const l of letters) {
      const expected = disputedItems(l.file, l.text);
      const got = decisions.get(l.file)!.items;
      items += got.length;
      upheld += got.filter((i) => i.outcome === 'upheld').length;
      if (got.length !== expected.length) {
        wrong.push(`${l.file}: ${got.length} items, the issues section has ${expected.length}`);
        continue;
      }
      expected.forEach((e, n) => {
        const g = got[n];
        if (g.outcome !== e.outcome) wrong.push(`${l.file} #${n + 1}: ${g.outcome}, the letter says ${e.outcome}`);
        // The helper's title runs on into the previous rationale when no blank line parts them
        // (one letter); the miner's stops there, so it ends the helper's.
        if (!g.title || !normalizeTitle(e.title).endsWith(g.title)) wrong.push(`${l.file} #${n + 1}: title "${g.title}", expected "${e.title}"`);
      });
    }
    assert.deepEqual(wrong, []);
    assert.equal(items, 310);
    assert.equal(upheld, 266);
    assert.equal(items - upheld, 44);
  });

  test("the 137 newer letters give their case number, dates and the reviewer's specialty", () => {
    const newer = letters.filter((l) => /^CM1\d-/.test(l.file));
    assert.equal(newer.length, 137);
    const wrong: string[] = [];
    for (const l of newer) {
      const d = decisions.get(l.file)!;
      if (d.caseNumber !== l.file.replace(/\.txt$/, '')) wrong.push(`${l.file}: case number ${d.caseNumber}`);
      for (const k of ['injury', 'urDenial', 'decision'] as const) {
        if (!/^(?:19|20)\d\d-[01]\d-[0-3]\d$/.test(d.dates[k] ?? '')) wrong.push(`${l.file}: ${k} date ${d.dates[k]}`);
      }
      if (d.dates.decision && d.dates.urDenial && d.dates.decision < d.dates.urDenial) wrong.push(`${l.file}: decided before the UR denial`);
      if (!d.specialty || d.specialty.length > 120) wrong.push(`${l.file}: specialty ${d.specialty}`);
    }
    assert.deepEqual(wrong, []);
  });

  test("every therapy item's total equals the hand-checked label (ambiguous ones skipped)", () => {
    const labels: Label[] = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'corpus-therapy-items.json'), 'utf8'));
    const wrong: string[] = [];
    let checked = 0;
    for (const label of labels.filter((x) => !x.ambiguous)) {
      const item = decisions.get(label.file)?.items.find((i) => labelMatches(label, i.title));
      if (!item) {
        wrong.push(`${label.file}: "${labelName(label).slice(0, 60)}" not found`);
        continue;
      }
      checked++;
      const expected = label.totals[label.totals.length - 1];
      if (item.total !== expected) wrong.push(`${label.file}: "${item.title.slice(0, 60)}" total ${item.total}, label ${expected}`);
      if (expected !== undefined && item.treatment !== label.treatment)
        wrong.push(`${label.file}: "${item.title.slice(0, 60)}" treatment ${item.treatment}, label ${label.treatment}`);
    }
    assert.deepEqual(wrong, []);
    assert.ok(checked >= 70, `${checked} labelled therapy items checked`);
  });

  test('guideline citations are read from both sides, and a guideline line without one gives none', () => {
    const all = [...decisions.values()].flatMap((d) => d.items);
    const cites = all.flatMap((i) => i.citations);
    assert.ok(cites.some((c) => c.by === 'claims-administrator') && cites.some((c) => c.by === 'maximus'));
    assert.ok(cites.filter((c) => c.resolved.length).length / cites.length > 0.6, 'most citations resolve to the knowledge base');
    const acupuncture = decisions.get('CM16-0230548.txt')!.items[1];
    assert.deepEqual(
      acupuncture.citations.map((c) => [c.by, c.guideline, c.resolved.length > 0]),
      [
        ['claims-administrator', 'acupuncture-mtg', true],
        ['maximus', 'acupuncture-mtg', true],
      ],
    );
    // "The Expert Reviewer did not cite any medical evidence for its decision."
    const uncited = decisions.get('CM16-0238035.txt')!.items.find((i) => /^Post-op physical therapy/.test(i.title))!;
    assert.deepEqual(uncited.citations, []);
    assert.equal(uncited.postsurgical, true);
    assert.equal(uncited.aboveLimit, undefined, 'postoperative therapy is not judged against the chronic-pain limits');
  });

  test('functional improvement is read from the rationale when it says so, and only then', () => {
    const fi = (file: string, title: RegExp) => decisions.get(file)!.items.find((i) => title.test(i.title))!.functionalImprovement;
    assert.equal(fi('CM17-0004738.txt', /^Chiropractic care/), true);
    assert.equal(fi('CM17-0006045.txt', /^Eight physical therapy/), false);
    assert.equal(
      fi('CM16-0230548.txt', /^Acupuncture/),
      undefined,
      'the guideline\'s "may be extended if functional improvement is documented" says nothing of the patient',
    );
    assert.equal(functionalImprovementOf(['There is no documentation of objective functional improvement from the prior sessions.']), false);
    assert.equal(functionalImprovementOf(['Acupuncture treatments may be extended if functional improvement is documented.']), undefined);
    assert.equal(functionalImprovementOf(['Objective functional improvement has been documented with prior treatment.']), true);
  });

  test('the index counts citations per item, splits therapy at the limit and keeps short quotations', async () => {
    const index = await buildCorpus([dir!], { full: true });
    assert.equal(index.letters, 142);
    assert.equal(index.items, 310);
    assert.deepEqual(index.problems, []);
    for (const [id, s] of Object.entries(index.citations)) {
      assert.ok(kb().citation(id), `${id} is a knowledge-base citation`);
      assert.equal(s.upheld + s.overturned, s.items, id);
      assert.ok(s.examples.length >= 1 && s.examples.length <= 3, id);
    }
    // An item citing the same entry on both sides counts once.
    const both = index.decisions.flatMap((d) => d.items).filter((i) => i.citations.filter((c) => c.resolved.includes('ccr-9792.24.1-acupuncture')).length > 1);
    assert.ok(both.length > 0);
    const acu = index.decisions.flatMap((d) => d.items).filter((i) => i.citations.some((c) => c.resolved.includes('ccr-9792.24.1-acupuncture')));
    assert.equal(index.citations['ccr-9792.24.1-acupuncture'].items, acu.length);
    const pt = index.treatments['physical-medicine'];
    assert.equal(pt.limit, 10);
    const ptItems = index.decisions.flatMap((d) => d.items).filter((i) => i.treatment === 'physical-medicine' && i.aboveLimit !== undefined);
    const sum = (o: { upheld: number; overturned: number }) => o.upheld + o.overturned;
    assert.equal(sum(pt.withinLimit) + sum(pt.aboveLimit), ptItems.length);
    assert.ok(sum(pt.aboveLimitWithoutImprovement) <= sum(pt.aboveLimit));
    assert.ok(index.quotes.length >= 10, `${index.quotes.length} quotations`);
    const perId = new Map<string, number>();
    for (const q of index.quotes) {
      assert.ok(q.text.length <= 300 && q.text.length >= 40, q.text);
      assert.ok(kb().citation(q.citation), q.citation);
      assert.ok(
        index.decisions.some((d) => (d.caseNumber ?? d.source.replace(/\.txt$/, '')) === q.caseNumber),
        q.caseNumber,
      );
      perId.set(q.citation, (perId.get(q.citation) ?? 0) + 1);
    }
    assert.ok([...perId.values()].every((n) => n <= 3));
    assert.ok(
      index.decisions.some((d) => d.items.some((i) => i.guidelineSentences?.length)),
      '--full keeps guideline sentences',
    );
    const small = compact(index);
    assert.ok(small.decisions.every((d) => d.items.every((i) => i.guidelineSentences === undefined) && d.dates.injury === undefined));
  });
});

describe('PDFs give what their text gives', { skip: dir && pdfDir && fs.existsSync(pdfDir) ? false : 'corpus PDFs absent (see message above)' }, () => {
  test('the 137 PDFs: the same case, items, outcomes and citations as the text of each', async () => {
    const pdfs = fs
      .readdirSync(pdfDir!)
      .filter((f) => f.endsWith('.pdf'))
      .sort();
    assert.equal(pdfs.length, 137);
    const wrong: string[] = [];
    const started = Date.now();
    for (const f of pdfs) {
      const fromPdf = parseLetter(await readLetter(path.join(pdfDir!, f)), f);
      const fromText = parseLetter(fs.readFileSync(path.join(dir!, f.replace(/\.pdf$/, '.txt')), 'utf8'), f);
      const same = (d: Decision) => JSON.stringify({ c: d.caseNumber, dates: d.dates, s: d.specialty, items: d.items });
      if (same(fromPdf) !== same(fromText)) wrong.push(f);
    }
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(`# read and parsed 137 PDFs (and their texts) in ${seconds.toFixed(1)} s\n`);
    assert.deepEqual(wrong, []);
  });
});
