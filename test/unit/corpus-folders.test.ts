import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { buildCorpus } from '../../server/src/corpus/build-index';
import type { CorpusIndex } from '../../server/src/corpus/types';
import { CorpusFolders, type Progress } from '../../server/src/features/corpus-folders';
import { inventedLetter } from '../helpers/invented-letter';

// The user's own folders of letters: indexed in the background, cached, re-indexed on change.
const made: string[] = [];
after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-corpus-folders-'));
  made.push(d);
  return d;
};

function harness(cacheDir: string, pdfReader = true) {
  const built: string[] = [];
  const reports: string[] = [];
  const warnings: string[] = [];
  const indexes: (CorpusIndex | undefined)[] = [];
  const unread: { folder: string; count: number }[] = [];
  let notify: (() => void) | undefined;
  const progress = (): Progress => ({
    begin: (title, total) => reports.push(`begin ${total}`),
    report: (done, total) => reports.push(`${done}/${total}`),
    done: (message) => reports.push(`done ${message}`),
  });
  const folders = new CorpusFolders({
    buildOne: (file) => {
      built.push(path.basename(file));
      return buildCorpus([file]);
    },
    cacheDir,
    progress,
    warn: (m) => warnings.push(m),
    onIndex: (ix) => {
      indexes.push(ix);
      notify?.();
    },
    settleMs: 50,
    canReadPdf: () => pdfReader,
    onPdfsUnread: (folder, count) => unread.push({ folder, count }),
  });
  /** Resolves on the next published index (an event, not a timer). */
  const next = () =>
    new Promise<CorpusIndex | undefined>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no index published within 10 s')), 10_000);
      notify = () => {
        clearTimeout(t);
        notify = undefined;
        resolve(indexes[indexes.length - 1]);
      };
    });
  return { folders, built, reports, warnings, next, unread };
}

describe('corpus folders (mtusLint.corpus.paths)', () => {
  test('indexes a folder in the background, reporting progress letter by letter', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'CM99-0000001.txt'), inventedLetter('CM99-0000001'));
    fs.writeFileSync(path.join(dir, 'notes.docx'), 'not a letter');
    const h = harness(tmp());
    const published = h.next();
    h.folders.update([dir]);
    const ix = await published;
    h.folders.dispose();
    assert.equal(ix?.letters, 1);
    assert.equal(ix?.decisions[0].caseNumber, 'CM99-0000001');
    assert.equal(ix?.citations['ccr-9792.24.1-acupuncture']?.upheld, 1);
    assert.deepEqual(h.built, ['CM99-0000001.txt']);
    assert.deepEqual(h.reports.slice(0, 2), ['begin 1', '1/1']);
    assert.match(h.reports[2], /^done 1 decisions indexed/);
  });

  test('a second start reads the cache instead of the letters', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'CM99-0000001.txt'), inventedLetter('CM99-0000001'));
    const cache = tmp();
    const first = harness(cache);
    const p1 = first.next();
    first.folders.update([dir]);
    await p1;
    first.folders.dispose();
    const second = harness(cache);
    const p2 = second.next();
    second.folders.update([dir]);
    const ix = await p2;
    second.folders.dispose();
    assert.equal(ix?.letters, 1);
    assert.deepEqual(second.built, [], 'nothing re-read');
  });

  test('a letter added to the folder is noticed and indexed', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'CM99-0000001.txt'), inventedLetter('CM99-0000001'));
    const h = harness(tmp());
    const p1 = h.next();
    h.folders.update([dir]);
    await p1;
    const p2 = h.next();
    fs.writeFileSync(path.join(dir, 'CM99-0000002.txt'), inventedLetter('CM99-0000002', 'Overturned'));
    const ix = await p2;
    h.folders.dispose();
    assert.equal(ix?.letters, 2);
    assert.deepEqual(
      ix?.citations['ccr-9792.24.1-acupuncture'] && [ix.citations['ccr-9792.24.1-acupuncture'].upheld, ix.citations['ccr-9792.24.1-acupuncture'].overturned],
      [1, 1],
    );
  });

  test('a letter that cannot be read is reported by name and the rest go on', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'CM99-0000001.txt'), inventedLetter('CM99-0000001'));
    fs.writeFileSync(path.join(dir, 'broken.pdf'), Buffer.from([0, 1, 2, 3, 4, 5]));
    const h = harness(tmp());
    const p = h.next();
    h.folders.update([dir]);
    const ix = await p;
    h.folders.dispose();
    assert.equal(ix?.letters, 1);
    assert.equal(ix?.problems.length, 1);
    assert.equal(ix?.problems[0].source, 'broken.pdf');
  });

  test('without a PDF reader the PDF letters are counted, not read, and read once there is one', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'CM99-0000001.txt'), inventedLetter('CM99-0000001'));
    fs.writeFileSync(path.join(dir, 'CM99-0000002.pdf'), '%PDF-1.4 not read here');
    const cache = tmp();
    const without = harness(cache, false);
    const p1 = without.next();
    without.folders.update([dir]);
    assert.equal((await p1)?.letters, 1);
    without.folders.dispose();
    assert.deepEqual(without.built, ['CM99-0000001.txt']);
    assert.deepEqual(without.unread, [{ folder: dir, count: 1 }]);
    assert.match(without.reports.at(-1) ?? '', /1 PDF letter not read \(no PDF reader\)/);
    // The index cached without the PDF is not taken for one with it.
    const withReader = harness(cache);
    const p2 = withReader.next();
    withReader.folders.update([dir]);
    await p2;
    withReader.folders.dispose();
    assert.deepEqual(withReader.built, ['CM99-0000001.txt', 'CM99-0000002.pdf']);
    assert.deepEqual(withReader.unread, []);
  });

  test('a path that is not a folder gets a warning naming it', async () => {
    const h = harness(tmp());
    const p = h.next();
    h.folders.update([path.join(os.tmpdir(), 'no-such-folder-for-mtus-lint')]);
    await p;
    h.folders.dispose();
    assert.deepEqual(h.warnings, [
      `1 corpus folder does not exist (mtusLint.corpus.paths); the first: "${path.join(os.tmpdir(), 'no-such-folder-for-mtus-lint')}". It is skipped.`,
    ]);
  });
});
