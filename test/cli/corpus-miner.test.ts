// The corpus miner over the real IMR letters in ../shared/corpus (read at test time, never
// copied into the repository): every disputed item and outcome, the header fields, the
// therapy totals a person checked, PDFs against their text, broken files, the CLI, and the
// bundled default index against a fresh build.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildCorpus, buildCorpusWithStats, compact } from '../../server/src/corpus/build-index';
import { indexFigures } from '../../server/src/corpus/cli-corpus';
import { functionalImprovementOf, LetterParseError, parseLetter } from '../../server/src/corpus/parse-letter';
import { readLetter } from '../../server/src/corpus/read-letter';
import type { CorpusIndex, Decision } from '../../server/src/corpus/types';
import { findCitations } from '../../server/src/engine/parse/citations';
import { disputedItems, labelMatches, labelName, normalizeTitle, readLetters, type TitleLabel } from '../helpers/letters';
import { corpusDir, kb, repoRoot } from '../helpers/repo';
import { inventedLetter } from '../helpers/invented-letter';

const dir = corpusDir();
const pdfDir = dir ? path.join(path.dirname(dir), 'imr-pdf') : undefined;
const skip = dir ? false : 'corpus absent (see message above)';
const ROOT = repoRoot();
const BIN = path.join(ROOT, 'bin', 'mtus-lint.js');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-lint-corpus-test-'));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

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

describe('letters that cannot be read are named with the reason, and the rest go on', { skip }, () => {
  const folder = path.join(TMP, 'mixed');
  before(() => {
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(path.join(dir!, 'CM16-0230548.txt'), path.join(folder, 'CM16-0230548.txt'));
    fs.copyFileSync(path.join(pdfDir!, 'CM16-0230548.pdf'), path.join(folder, 'CM16-0230548.pdf')); // read once, from the .txt
    fs.copyFileSync(path.join(pdfDir!, 'CM17-0006045.pdf'), path.join(folder, 'CM17-0006045.pdf'));
    const junk = Buffer.alloc(4096);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
    fs.writeFileSync(path.join(folder, 'scrambled.pdf'), junk);
    fs.writeFileSync(path.join(folder, 'truncated.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), junk]));
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'Dear adjuster,\nplease find the request for authorization enclosed.\n');
  });

  test('buildCorpus reports each broken file by name and indexes the others', async () => {
    const seen: string[] = [];
    const { index, stats } = await buildCorpusWithStats([folder], { progress: (done, total, file) => seen.push(`${done}/${total} ${file}`) });
    assert.deepEqual(index.decisions.map((d) => d.source).sort(), ['CM16-0230548.txt', 'CM17-0006045.pdf']);
    assert.equal(stats.files, 5, 'the .pdf beside CM16-0230548.txt is not read');
    assert.equal(seen.length, 5);
    const reasons = Object.fromEntries(index.problems.map((p) => [p.source, p.reason]));
    assert.deepEqual(Object.keys(reasons).sort(), ['notes.txt', 'scrambled.pdf', 'truncated.pdf']);
    assert.match(reasons['scrambled.pdf'], /not a PDF/);
    assert.match(reasons['truncated.pdf'], /PDF/);
    assert.match(reasons['notes.txt'], /IMR ISSUES, DECISIONS AND RATIONALES/);
  });

  test('parseLetter throws a LetterParseError for a letter without the issues section', () => {
    assert.throws(() => parseLetter('Dear adjuster,\nplease authorise.\n', 'x.txt'), LetterParseError);
  });

  test('corpus build writes the documented JSON and exits 1 naming the unreadable letters', () => {
    const out = path.join(TMP, 'index.json');
    const r = cli('corpus', 'build', folder, '--out', out);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, /indexed 5\/5 /);
    assert.match(r.stderr, /2 letters indexed from 5 files .*3 disputed items, 3 outcomes read/);
    assert.match(r.stderr, /citations, \d+ resolved to the knowledge base \(\d+(?:\.\d)?%\)/);
    assert.match(r.stderr, /letters\/second/);
    assert.match(r.stderr, /scrambled\.pdf: .*PDF/);
    assert.match(r.stderr, /notes\.txt: .*IMR ISSUES/);
    assert.match(r.stderr, /truncated\.pdf: /);
    const index = JSON.parse(fs.readFileSync(out, 'utf8')) as CorpusIndex;
    assert.equal(index.version, 1);
    assert.ok(Array.isArray(index.decisions) && index.decisions.length === 2);
    for (const d of index.decisions) {
      assert.equal(typeof d.source, 'string');
      assert.match(d.caseNumber!, /^CM1\d-\d{7}$/);
      assert.ok(Array.isArray(d.items) && d.items.length > 0);
      for (const i of d.items) {
        assert.equal(typeof i.title, 'string');
        assert.ok(i.outcome === 'upheld' || i.outcome === 'overturned');
        assert.ok(Array.isArray(i.citations));
        for (const c of i.citations) {
          assert.equal(typeof c.text, 'string');
          if (c.guideline !== undefined) assert.equal(typeof c.guideline, 'string');
          if (c.edition !== undefined) assert.equal(typeof c.edition, 'string');
          if (c.pages !== undefined) assert.ok(c.pages.every((p) => Number.isInteger(p)));
          if (c.sections !== undefined) assert.ok(c.sections.every((s) => typeof s === 'string'));
          assert.ok(Array.isArray(c.resolved));
        }
      }
    }
    const good = path.join(TMP, 'good');
    fs.mkdirSync(good, { recursive: true });
    fs.copyFileSync(path.join(dir!, 'CM16-0230548.txt'), path.join(good, 'CM16-0230548.txt'));
    const ok = cli('corpus', 'build', good, '--out', path.join(TMP, 'good.json'));
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(cli('corpus', 'build', good).status, 2, '--out is required');
  });

  test('corpus gaps lists the citations the knowledge base cannot resolve, most cited first', () => {
    const r = cli('corpus', 'gaps', dir!, '--top', '5', '--format', 'json');
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { letters: number; items: number; gaps: { citation: string; items: number; byMaximus: number }[] };
    assert.equal(out.letters, 142);
    assert.ok(out.gaps.length > 0 && out.gaps.length <= 5);
    for (let i = 1; i < out.gaps.length; i++) assert.ok(out.gaps[i - 1].items >= out.gaps[i].items, 'most cited first');
    for (const g of out.gaps) {
      assert.ok(g.items >= 1 && g.byMaximus <= g.items);
      assert.ok(
        findCitations(g.citation, kb()).every((c) => c.resolved.length === 0),
        `"${g.citation}" does not resolve`,
      );
    }
    const text = cli('corpus', 'gaps', '--top', '3');
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^\s+\d+\s+\d+\s+\d+\s+\S.*$/m, 'a line per citation with its counts');
  });
});

describe('the bundled default index', { skip }, () => {
  test('equals a fresh compact build of the shared corpus in its counts (run "npm run corpus" when it does not)', async () => {
    const file = path.join(ROOT, 'server', 'src', 'corpus', 'data', 'default-index.json');
    assert.ok(fs.existsSync(file), `${file} is missing: run "npm run corpus"`);
    const bytes = fs.statSync(file).size;
    assert.ok(bytes < 300 * 1024, `default-index.json is ${Math.round(bytes / 1024)} KB`);
    const committed = JSON.parse(fs.readFileSync(file, 'utf8')) as CorpusIndex;
    const fresh = compact(await buildCorpus([dir!]));
    const counts = (ix: CorpusIndex) => ({
      figures: indexFigures(ix),
      knowledgeVersion: ix.knowledgeVersion,
      perLetter: ix.decisions.map(
        (d) =>
          `${d.caseNumber ?? d.source}:${d.items.map((i) => `${i.outcome[0]}${i.citations.length}${i.treatment ? `/${i.treatment}/${i.total}` : ''}`).join(',')}`,
      ),
      citations: Object.fromEntries(Object.entries(ix.citations).map(([id, s]) => [id, [s.items, s.upheld, s.overturned]])),
      treatments: ix.treatments,
      quotes: ix.quotes.length,
      problems: ix.problems.length,
    });
    assert.deepEqual(counts(committed), counts(fresh), 'the committed default index is stale: run "npm run corpus"');
    assert.ok(
      committed.decisions.every((d) => d.items.every((i) => i.guidelineSentences === undefined) && d.dates.injury === undefined),
      'compact: derived data only',
    );
  });
});

describe('partly authorised items', () => {
  const kbOf = () => kb();
  test('the disputed part is the item: "nine ... original request ... six authorized ... three are disputed" is three sessions', () => {
    const title =
      'Acupuncture for the low back, nine sessions, was the original request. Six sessions were authorized by the Claims Administrator; three are disputed';
    const letter = parseLetter(inventedLetter('CM99-0000001', 'Upheld', title), 'invented.txt', { kb: kbOf() });
    assert.equal(letter.items.length, 1);
    assert.equal(letter.items[0].treatment, 'acupuncture');
    assert.equal(letter.items[0].total, 3);
  });
  test('the remaining portion named by its count alone', () => {
    const title =
      'Chiropractic manipulation eight sessions was the original request. Chiropractic manipulation six sessions was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, two sessions is';
    const letter = parseLetter(inventedLetter('CM99-0000002', 'Upheld', title), 'invented.txt', { kb: kbOf() });
    assert.equal(letter.items[0].treatment, 'manual-therapy');
    assert.equal(letter.items[0].total, 2);
  });
});
