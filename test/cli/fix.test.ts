// `check --fix` and `--fix-dry-run`: the certain fixes are applied and saved (or only shown),
// nothing else in the file changes, the file keeps its encoding and line endings, and a file
// that was only partly read is never saved.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { checkJson, cli, DRAFTS, explain, scratchDir } from '../helpers/cli';

const s = scratchDir();
after(() => s.remove());

const TWO_ITEMS = [
  'REQUEST FOR AUTHORIZATION — Employee: José García',
  'Acupuncture, CPT 97810, eight sessions (2x4), lumbar spine.',
  'Chiropractic manipulation, CPT 98940, QTY 12, lumbar spine.',
  'Additional 6 physical therapy visits for the neck after 6 completed.',
  '',
].join('\n');
const FIXED = TWO_ITEMS.replace('eight sessions (2x4)', 'six sessions (2x3)').replace('QTY 12', 'QTY 6');

describe('--fix', () => {
  test('saves the certain fixes, changes nothing else, and reports what is left', () => {
    const file = s.write('two-items.rfa', TWO_ITEMS);
    const { run, report } = checkJson(['--fix', file]);
    assert.equal(run.status, 0, explain(run));
    assert.equal(fs.readFileSync(file, 'utf8'), FIXED);
    assert.equal(report.files[0].fixed, 2);
    assert.deepEqual(
      report.files[0].diagnostics.map((d) => d.rule),
      ['rfa-diagnosis-missing', 'extension-without-improvement'],
      'only the problems no certain fix can settle are left',
    );
  });

  test('a second --fix changes nothing (one application reaches the fixed point)', () => {
    const file = s.write('again.rfa', TWO_ITEMS);
    cli(['check', '--fix', file]);
    const once = fs.readFileSync(file);
    const second = checkJson(['--fix', file]);
    assert.equal(second.report.files[0].fixed, undefined, 'nothing applied the second time');
    assert.deepEqual(fs.readFileSync(file), once);
  });

  test('the text report says the file was fixed', () => {
    const file = s.write('text.rfa', DRAFTS.overTrial);
    const r = cli(['check', '--fix', file]);
    assert.equal(r.status, 0, explain(r));
    assert.match(r.stdout, /fixed 1 problem and saved the file/);
    assert.equal(fs.readFileSync(file, 'utf8'), DRAFTS.clean);
  });

  test('UTF-16 with a byte-order mark and CRLF line endings stay so', () => {
    const text = TWO_ITEMS.replace(/\n/g, '\r\n');
    const file = s.write('utf16.rfa', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    cli(['check', '--fix', file]);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(bytes.subarray(2).toString('utf16le'), FIXED.replace(/\n/g, '\r\n'));
  });

  test('a Windows-1252 file stays Windows-1252 (its 0x96 dash byte and all)', () => {
    const latin = (t: string) => Buffer.from(t, 'latin1');
    const file = s.write(
      'cp1252.rfa',
      Buffer.concat([latin('Employee: Jos\xe9 '), Buffer.from([0x96]), latin(' lumbar strain\r\nAcupuncture 2x4, low back\r\n')]),
    );
    const r = cli(['check', '--fix', file]);
    assert.equal(r.status, 0, explain(r));
    assert.deepEqual(
      fs.readFileSync(file),
      Buffer.concat([latin('Employee: Jos\xe9 '), Buffer.from([0x96]), latin(' lumbar strain\r\nAcupuncture 2x3, low back\r\n')]),
    );
  });

  test('a UTF-8 byte-order mark is kept', () => {
    const file = s.write('bom.rfa', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DRAFTS.overTrial)]));
    cli(['check', '--fix', file]);
    assert.deepEqual(fs.readFileSync(file), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(DRAFTS.clean)]));
  });

  test('a file longer than what is checked is not saved, and the report says why', () => {
    const text = `${DRAFTS.overTrial}${'Progress note. '.repeat(140_000)}\n`; // 2.1 million characters
    const file = s.write('long.rfa', text);
    const { report } = checkJson(['--fix', file]);
    assert.equal(fs.readFileSync(file, 'utf8'), text, 'the file is as it was');
    assert.ok(
      report.files[0].notes?.some((n) => n.startsWith('not fixed: only the start of this file was read')),
      JSON.stringify(report.files[0].notes),
    );
    assert.equal(report.files[0].diagnostics[0].rule, 'therapy-over-trial', 'the problem is still reported');
  });

  test('--fix cannot save standard input: a usage error pointing at --fix-dry-run', () => {
    const r = cli(['check', '--fix', '-'], { input: DRAFTS.overTrial });
    assert.equal(r.status, 2, explain(r));
    assert.match(r.stderr, /use --fix-dry-run/);
  });
});

describe('--fix-dry-run', () => {
  test('shows the changed lines and saves nothing', () => {
    const file = s.write('dry.rfa', TWO_ITEMS);
    const before = fs.statSync(file).mtimeMs;
    const r = cli(['check', '--fix-dry-run', file]);
    assert.equal(r.status, 1, explain(r));
    assert.equal(fs.readFileSync(file, 'utf8'), TWO_ITEMS);
    assert.equal(fs.statSync(file).mtimeMs, before);
    assert.match(
      r.stdout,
      /--fix would change:\n\s+2 - Acupuncture, CPT 97810, eight sessions \(2x4\), lumbar spine\.\n\s+2 \+ Acupuncture, CPT 97810, six sessions \(2x3\), lumbar spine\./,
    );
    assert.match(r.stdout, /3 - Chiropractic manipulation, CPT 98940, QTY 12/);
  });

  test('JSON carries the text --fix would save, from standard input too', () => {
    const { report } = checkJson(['--fix-dry-run', '-', '--stdin-filename', 'draft.rfa'], { input: TWO_ITEMS });
    assert.equal(report.files[0].output, FIXED);
    assert.ok(
      report.files[0].diagnostics.some((d) => d.rule === 'therapy-over-trial'),
      'the problems found before fixing are reported',
    );
  });
});
