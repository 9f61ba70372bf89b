// The corpus miner on what goes wrong and what it ships: letters that cannot be read (named, the
// rest indexed), `corpus build` and `corpus gaps` from the command line, the bundled default
// index against a fresh build of ../shared/corpus, and partly authorised items.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { buildCorpus, buildCorpusWithStats, compact } from '../../server/src/corpus/build-index';
import { indexFigures } from '../../server/src/corpus/cli-corpus';
import { LetterParseError, parseLetter } from '../../server/src/corpus/parse-letter';
import type { CorpusIndex } from '../../server/src/corpus/types';
import { findCitations } from '../../server/src/engine/parse/citations';
import { cli, scratchDir } from '../helpers/cli';
import { inventedLetter } from '../helpers/invented-letter';
import { corpusDir, kb, repoRoot } from '../helpers/repo';

const dir = corpusDir();
const pdfDir = dir ? path.join(path.dirname(dir), 'imr-pdf') : undefined;
const skip = dir ? false : 'corpus absent (see message above)';
const ROOT = repoRoot();
const s = scratchDir('mtus-lint-corpus-test-');
after(() => s.remove());

describe('letters that cannot be read are named with the reason, and the rest go on', { skip }, () => {
  const folder = path.join(s.dir, 'mixed');
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
    const out = path.join(s.dir, 'index.json');
    const r = cli(['corpus', 'build', folder, '--out', out], { timeoutMs: 180_000 });
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
    const good = path.join(s.dir, 'good');
    fs.mkdirSync(good, { recursive: true });
    fs.copyFileSync(path.join(dir!, 'CM16-0230548.txt'), path.join(good, 'CM16-0230548.txt'));
    const ok = cli(['corpus', 'build', good, '--out', path.join(s.dir, 'good.json')], { timeoutMs: 180_000 });
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(cli(['corpus', 'build', good], { timeoutMs: 180_000 }).status, 2, '--out is required');
  });

  test('corpus gaps lists the citations the knowledge base cannot resolve, most cited first', () => {
    const r = cli(['corpus', 'gaps', dir!, '--top', '5', '--format', 'json'], { timeoutMs: 180_000 });
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
    const text = cli(['corpus', 'gaps', '--top', '3'], { timeoutMs: 180_000 });
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
