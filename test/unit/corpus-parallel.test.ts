// `corpus build` on several cores (worker threads) must write the index one thread writes, byte
// for byte: the same decisions in the same order, the same duplicates left out, the same letters
// named as unreadable, the same progress. Made-up letters only, text and PDF, written at run time.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { speedLine } from '../../server/src/corpus/read-decisions';
import { buildCorpusToStream } from '../../server/src/corpus/stream-build';
import type { CorpusIndex } from '../../server/src/corpus/types';
import { defaultKnowledge } from '../../server/src/knowledge/load';
import { inventedLetter } from '../helpers/invented-letter';
import { simplePdf } from '../helpers/simple-pdf';
import { syntheticLetter, writeSyntheticLetters } from '../helpers/synthetic-letters';

async function build(dir: string, jobs: number, full = false) {
  let text = '';
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      text += chunk.toString();
      done();
    },
  });
  const progress: string[] = [];
  const r = await buildCorpusToStream([dir], out, {
    kb: defaultKnowledge(),
    full,
    compact: false,
    jobs,
    minLettersPerWorker: 1,
    progress: (done, total, file) => progress.push(`${done}/${total} ${file}`),
  });
  return { text, progress, ...r };
}

describe('corpus build with worker threads', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-corpus-parallel-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  before(() => {
    writeSyntheticLetters(path.join(dir, 'text'), 0, 24);
    const pdfs = path.join(dir, 'pdf');
    fs.mkdirSync(pdfs);
    // New decisions as PDFs, one PDF of a letter already read as text, and one that is no PDF.
    fs.writeFileSync(path.join(pdfs, 'CM99-0000201.pdf'), simplePdf(inventedLetter('CM99-0000201', 'Overturned')));
    fs.writeFileSync(path.join(pdfs, 'CM99-0000202.pdf'), simplePdf(inventedLetter('CM99-0000202', 'Upheld', 'Physical therapy 3x4 lumbar spine')));
    fs.writeFileSync(path.join(pdfs, 'again-3.pdf'), simplePdf(syntheticLetter(3)));
    fs.writeFileSync(path.join(pdfs, 'broken.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 7)]));
    // The same case under another name, and a letter without a case number kept twice.
    const again = path.join(dir, 'copies');
    fs.mkdirSync(again);
    fs.writeFileSync(path.join(again, 'copy-of-5.txt'), syntheticLetter(5));
    fs.writeFileSync(path.join(again, 'copy-of-19.txt'), `${syntheticLetter(19)}\n\n`);
    fs.writeFileSync(path.join(again, 'binary.txt'), Buffer.alloc(512, 0));
  });

  test('writes the same index, byte for byte, as one thread does, with the same duplicates, problems and progress', async () => {
    const one = await build(dir, 1);
    const two = await build(dir, 2);
    assert.equal(one.stats.workers, 0);
    assert.equal(two.stats.workers, 2, 'two worker threads read the letters');
    assert.ok(
      one.figures.letters >= 24 && one.problems.length === 2 && one.stats.duplicateCount === 3,
      JSON.stringify({ figures: one.figures, problems: one.problems, duplicates: one.stats.duplicates }),
    );
    assert.equal(two.text, one.text);
    assert.deepEqual(two.problems, one.problems);
    assert.deepEqual(two.stats.duplicates, one.stats.duplicates);
    assert.deepEqual(two.progress, one.progress);
    assert.deepEqual(two.figures, one.figures);
    assert.equal(two.stats.time.pdf.letters, 4, 'the time of each PDF is counted for the letters per second per core');
    // What the command prints of its speed: with workers, the writing thread's CPU time a letter
    // too, where the system gives a thread's own (Linux).
    assert.match(speedLine(two.stats), /^\d+\.\d letters\/second \(\d+\.\d\d s, 2 worker threads\); per core: [\d.]+ text letters\/s, [\d.]+ PDF letters\/s/);
    if (process.platform === 'linux') {
      assert.ok(two.stats.writerSeconds! > 0, `the writing thread's CPU time: ${two.stats.writerSeconds}`);
      assert.match(speedLine(two.stats), /; the thread writing the index: \d+\.\d\d ms a letter$/);
    }
    assert.doesNotMatch(speedLine(one.stats), /thread writing/, 'in one thread, the per-core figure says it all');
  });
});

describe('corpus build to standard output', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-corpus-stdout-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('characters outside ASCII come through whole, however the index divides into writes', async () => {
    // Rationales that quote the guidelines with long runs of "—" (three bytes in UTF-8), kept in
    // the index with --full: most of its bytes are inside a character, so pieces of 64 KB cut
    // some in two, which a writer reading each piece on its own would turn into U+FFFD.
    fs.mkdirSync(dir, { recursive: true });
    const dashes = '—'.repeat(200);
    for (let n = 0; n < 120; n++) fs.writeFileSync(path.join(dir, `letter-${n}.txt`), syntheticLetter(n).replace(/measure /g, `measure ${dashes} `));
    for (const jobs of [1, 2]) {
      const { text } = await build(dir, jobs, true);
      assert.ok(text.length > 4 * 65_536, `${text.length} characters: more than a few pieces`);
      assert.ok(!text.includes('\uFFFD'), `jobs ${jobs}: a character was cut in two`);
      const sentences = (JSON.parse(text) as CorpusIndex).decisions.flatMap((d) => d.items.flatMap((i) => i.guidelineSentences ?? []));
      assert.ok(sentences.filter((x) => x.includes(dashes)).length >= 120, 'the rationale sentences are kept as written');
    }
  });
});
