// The command line's exit statuses, its one-line usage errors, and files it must read whatever
// their encoding (UTF-16, Windows-1252) or refuse clearly (binary).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { cli, explain, scratchDir } from '../helpers/cli';
import { assertOneLineUsageError, checkReport, RFA, underlined } from '../helpers/cli-report';

const s = scratchDir('mtus-lint-cli-test-');
after(() => s.remove());
/** Write a scratch file and return its path. */
const scratch = (name: string, content: string | Uint8Array) => s.write(name, content);

test('exit status 1 when an error is found', () => {
  const file = scratch('error.rfa', 'Physical therapy, lumbar spine, QTY 12, with a home exercise program\n');
  const r = cli(['check', file]);
  assert.equal(r.status, 1, explain(r));
  assert.match(r.stdout, /\[therapy-over-maximum\]/);
  assert.match(r.stdout, /1 problem \(1 error\)/);
});

test('exit status 0 and "no problems found" for a clean file', () => {
  const file = scratch('clean.rfa', 'Physical therapy, lumbar spine, 2x4, with a home exercise program\nMassage therapy, lumbar spine, 4-6 visits\n');
  const r = cli(['check', file]);
  assert.equal(r.status, 0, explain(r));
  assert.match(r.stdout, /no problems found/);
  assert.equal(r.stderr, '');
  const { run, report } = checkReport([file]);
  assert.equal(run.status, 0);
  assert.deepEqual(report.files[0].diagnostics, []);
});

test('exit status 0 when only warnings are found', () => {
  const file = scratch('warning.rfa', 'Physical therapy, right knee, 4x2, with a home exercise program\n');
  const r = cli(['check', file]);
  assert.equal(r.status, 0, explain(r));
  assert.match(r.stdout, /warning .*\[frequency-over-limit\]/);
});

test('exit status 2 for a missing file, naming it on stderr', () => {
  const missing = path.join(s.dir, 'no-such-draft.rfa');
  const r = cli(['check', missing]);
  assert.equal(r.status, 2, explain(r));
  assert.ok(r.stderr.includes(missing), `stderr names ${missing}\n${r.stderr}`);
});

test('a missing file among good ones: the good ones are still checked, exit status 2', () => {
  const good = scratch('good.rfa', 'Physical therapy, lumbar spine, 2x4\n');
  const missing = path.join(s.dir, 'missing-too.rfa');
  const r = cli(['check', good, missing]);
  assert.equal(r.status, 2, explain(r));
  assert.ok(r.stdout.includes(good), r.stdout);
  assert.ok(r.stderr.includes(missing), r.stderr);
});

test('exit status 2 and one line for an unknown option', () => {
  assertOneLineUsageError(cli(['check', '--bogus', RFA]), /unknown option --bogus/);
});

test('exit status 2 and one line for --format xml', () => {
  for (const args of [['--format', 'xml'], ['--format=xml']])
    assertOneLineUsageError(cli(['check', ...args, RFA]), /--format must be text, json or sarif, not "xml"/);
});

test('exit status 2 and one line for an unknown command or no file; the overview without a command', () => {
  assertOneLineUsageError(cli(['frobnicate']), /unknown command "frobnicate"/, 'mtus-lint --help');
  assertOneLineUsageError(cli(['check']), /name at least one file, folder or glob/);
  const none = cli([]);
  assert.equal(none.status, 2, explain(none));
  assert.match(none.stderr, /Usage: mtus-lint COMMAND/);
});

test('exit status 2 for a binary file, with a clear message', () => {
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 0, 0xff, 0xd8, 0, 0]), Buffer.from('Acupuncture 2x4\n')]);
  const file = scratch('scan.rfa', bytes);
  const r = cli(['check', file]);
  assert.equal(r.status, 2, explain(r));
  assert.ok(r.stderr.includes(file), r.stderr);
  assert.match(r.stderr, /binary/i);
  assert.doesNotMatch(r.stdout, /\[therapy-/, 'nothing is reported from a binary file');
});

test('--kind appeal is accepted (also as --kind=appeal) for a file without an .appeal extension', () => {
  const file = scratch('letter.txt', 'Re: IMR appeal, claim XX-000000.\nThe UR denial of acupuncture 2x4 for the low back should be overturned.\n');
  for (const args of [['--kind', 'appeal'], ['--kind=appeal']]) {
    const r = cli(['check', ...args, file]);
    assert.notEqual(r.status, 2, `${args.join(' ')}: ${explain(r)}`);
    assert.ok(r.stdout.includes(file), r.stdout);
    assert.match(r.stdout, /\[therapy-over-trial\]/);
  }
  assertOneLineUsageError(cli(['check', '--kind', 'memo', file]), /--kind must be request or appeal, not "memo"/);
});

test('a UTF-16 LE file with a byte order mark is read and checked', () => {
  const text = 'REQUEST FOR AUTHORIZATION \u2013 [Patient name]\r\nAcupuncture 2x4, low back\r\nDiagnosis: lumbar strain (S39.012A)\r\n';
  const file = scratch('utf16.rfa', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const r = cli(['check', file]);
  assert.equal(r.status, 1, explain(r));
  assert.match(r.stdout, /UTF-16/);
  assert.match(r.stdout, /8 acupuncture sessions .*\[therapy-over-trial\]/);
  const { report } = checkReport([file]);
  const [d] = report.files[0].diagnostics;
  assert.ok(d);
  assert.equal(d.range.start.line, 1);
  assert.ok(underlined(text, d).includes('2x4'), underlined(text, d));
});

test('a Windows-1252 file (0x96 en dash) is read and checked', () => {
  // Not valid UTF-8 (a lone 0x96 byte), so the CLI falls back to Windows-1252 and says so.
  const ascii = (s: string) => Buffer.from(s, 'latin1');
  const bytes = Buffer.concat([ascii('[Patient name] '), Buffer.from([0x96]), ascii(' lumbar strain\r\nAcupuncture 2x4, low back\r\n')]);
  const file = scratch('cp1252.rfa', bytes);
  const r = cli(['check', file]);
  assert.equal(r.status, 1, explain(r));
  assert.match(r.stdout, /Windows-1252/);
  assert.match(r.stdout, /8 acupuncture sessions .*\[therapy-over-trial\]/);
  const { report } = checkReport([file]);
  const [d] = report.files[0].diagnostics;
  assert.ok(d);
  assert.equal(d.range.start.line, 1);
  assert.equal(d.range.start.character, 0);
  assert.ok(underlined(bytes.toString('latin1'), d).includes('2x4'), underlined(bytes.toString('latin1'), d));
});

// Node 20.18.3+ and 22.13.0+ decode TextDecoder('windows-1252') bytes 0x80-0x9F as C1 control
// characters (nodejs/node#60888): the CLI must map them itself, or "3<0x96>4 weeks" is no range.
test('a Windows-1252 en dash (0x96) in a range is read as a dash', () => {
  // "for 3–4 weeks": only a correct reading of the dash gives 3 x 4 = 12 visits.
  const ascii = (s: string) => Buffer.from(s, 'latin1');
  const bytes = Buffer.concat([ascii('Physical therapy, lumbar spine, 3 times per week for 3'), Buffer.from([0x96]), ascii('4 weeks\r\n')]);
  const file = scratch('cp1252-range.rfa', bytes);
  const r = cli(['check', file]);
  assert.equal(r.status, 1, explain(r));
  assert.match(r.stdout, /12 physical therapy visits .*\[therapy-over-maximum\]/);
  const { report } = checkReport([file]);
  const [d] = report.files[0].diagnostics;
  assert.ok(d);
  // The reference decoding, written out: 0x96 is U+2013 EN DASH in Windows-1252.
  const decoded = bytes.toString('latin1').replace('\u0096', '\u2013');
  assert.ok(underlined(decoded, d).includes('3\u20134 weeks'), underlined(decoded, d));
});
