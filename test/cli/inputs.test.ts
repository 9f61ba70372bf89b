// What `mtus-lint check` reads: folders, globs it expands itself, standard input, and inputs
// that must not hang or flood it (a FIFO, /dev/zero, a 50 MB file, `lsp` without a transport).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkJson, cli, cliFeeding, DRAFTS, explain, reportedPaths, scratchDir, type JsonReport } from '../helpers/cli';

const s = scratchDir();
after(() => s.remove());

describe('folders and globs', () => {
  const ws = path.join(s.dir, 'ws');
  s.write('ws/a.rfa', DRAFTS.overTrial);
  s.write('ws/sub/b.appeal', DRAFTS.clean);
  s.write('ws/sub/deeper/c.rfa', DRAFTS.clean);
  s.write('ws/notes.md', DRAFTS.overTrial);
  s.write('ws/letter.txt', DRAFTS.overTrial);
  s.write('ws/node_modules/pkg/x.rfa', DRAFTS.overTrial);
  s.write('ws/.hidden/y.rfa', DRAFTS.overTrial);
  s.write('ws/scan.pdf', '%PDF-1.7');

  test('a folder is searched for .rfa and .appeal drafts, leaving out node_modules, hidden folders and other files', () => {
    const { run, report } = checkJson(['ws'], { cwd: s.dir });
    assert.equal(run.status, 1, explain(run));
    assert.deepEqual(reportedPaths(report), ['ws/a.rfa', 'ws/sub/b.appeal', 'ws/sub/deeper/c.rfa']);
    assert.equal(report.summary.errors, 1, 'the one over-limit request');
  });

  test('Markdown and plain-text files in a folder are checked when its .mtuslintrc.json turns them on', () => {
    const on = s.write('ws2/.mtuslintrc.json', '{ "markdown": { "enable": true }, // letters in Markdown\n "plaintext": { "enable": true } }\n');
    s.write('ws2/notes.md', DRAFTS.overTrial);
    s.write('ws2/letter.txt', DRAFTS.overTrial);
    s.write('ws2/other.json', '{}');
    const { run, report } = checkJson(['ws2'], { cwd: s.dir });
    assert.equal(run.status, 1, explain(run));
    assert.deepEqual(reportedPaths(report), ['ws2/letter.txt', 'ws2/notes.md']);
    fs.writeFileSync(on, '{ "markdown": { "enable": true } }');
    assert.deepEqual(reportedPaths(checkJson(['ws2'], { cwd: s.dir }).report), ['ws2/notes.md']);
  });

  test('a glob is expanded by mtus-lint itself (no shell here), and a named file is checked whatever its extension', () => {
    const { run, report } = checkJson(['ws/**/*.rfa', 'ws/letter.txt'], { cwd: s.dir });
    assert.equal(run.status, 1, explain(run));
    assert.deepEqual(reportedPaths(report), ['ws/a.rfa', 'ws/letter.txt', 'ws/sub/deeper/c.rfa']);
  });

  test('a file named twice, or named and found in a folder, is checked once', () => {
    const { report } = checkJson(['ws/a.rfa', 'ws', path.join(ws, 'a.rfa')], { cwd: s.dir });
    assert.deepEqual(reportedPaths(report), ['ws/a.rfa', 'ws/sub/b.appeal', 'ws/sub/deeper/c.rfa']);
  });

  test('a glob that matches nothing, a folder without drafts and a missing file each say so; the rest are still checked; status 2', () => {
    s.write('empty/readme.doc', 'x');
    const r = cli(['check', 'nothing/**/*.rfa', 'empty', 'missing.rfa', 'ws/a.rfa'], { cwd: s.dir });
    assert.equal(r.status, 2, explain(r));
    assert.match(r.stderr, /nothing\/\*\*\/\*\.rfa: no files match this pattern/);
    assert.match(r.stderr, /empty: no drafts/);
    assert.match(r.stderr, /cannot read missing\.rfa: no such file/);
    assert.match(r.stdout, /ws\/a\.rfa\n.*\n.*\[therapy-over-trial\]/);
  });
});

describe('standard input', () => {
  test('"-" reads the draft from standard input; --stdin-filename names it, gives its kind and finds its configuration', () => {
    s.write('team/.mtuslintrc.json', '{ "rules": { "therapy-over-trial": "warning" } }');
    const plain = checkJson(['-'], { cwd: s.dir, input: DRAFTS.overTrial });
    assert.equal(plain.report.files[0].path, '<stdin>');
    assert.equal(plain.report.files[0].diagnostics[0].severity, 'error');
    const named = checkJson(['-', '--stdin-filename', 'team/draft.rfa'], { cwd: s.dir, input: DRAFTS.overTrial });
    assert.equal(named.run.status, 0, explain(named.run));
    assert.equal(named.report.files[0].path, 'team/draft.rfa');
    assert.equal(named.report.files[0].diagnostics[0].severity, 'warning', 'team/.mtuslintrc.json applied');
  });

  test('standard input larger than what is checked is read only up to that bound', async () => {
    // 30 MB of "a", past the 6 MB that 2,000,000 characters can take.
    const run = await cliFeeding(['check', '--format', 'json', '-'], Buffer.alloc(30_000_000, 0x61), { cwd: s.dir, nodeArgs: ['--max-old-space-size=200'] });
    assert.equal(run.status, 0, explain(run));
    const notes = (JSON.parse(run.stdout) as JsonReport).files[0].notes ?? [];
    assert.ok(notes.includes('only the first 2,000,000 characters were checked'), JSON.stringify(notes));
  });
});

describe('inputs that must not hang or flood', () => {
  test('a FIFO is refused at once, not waited on', (t) => {
    const fifo = path.join(s.dir, 'draft.rfa.fifo');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      t.skip('mkfifo is not available on this machine');
      return;
    }
    const r = cli(['check', fifo], { timeoutMs: 15_000 });
    assert.equal(r.status, 2, explain(r));
    assert.match(r.stderr, /is not a regular file/);
  });

  test('/dev/zero is refused at once, without reading it', (t) => {
    if (!fs.existsSync('/dev/zero')) {
      t.skip('no /dev/zero on this machine');
      return;
    }
    const r = cli(['check', '/dev/zero'], { timeoutMs: 15_000, nodeArgs: ['--max-old-space-size=100'] });
    assert.equal(r.status, 2, explain(r));
    assert.match(r.stderr, /cannot read \/dev\/zero: is not a regular file/);
  });

  test('a 50 MB Windows-1252 file is read only as far as will be checked: under a 300 MB heap, in seconds', () => {
    // One request the check flags, then progress notes: how much is read is at issue here, not
    // how fast the rules go through requests (npm run bench measures that, up to 4 MB of them).
    const request = Buffer.from('Acupuncture 2x8 for the low back \x96 pain 8/10.\r\n', 'latin1');
    const line = Buffer.from('She walks \x93better\x94 since the last visit \x96 pain 6/10, worse when sitting.\r\n', 'latin1');
    const big = path.join(s.dir, 'big-1252.rfa');
    fs.writeFileSync(big, Buffer.concat([request, ...Array.from({ length: Math.ceil(50_000_000 / line.length) }, () => line)]));
    const { run, report } = checkJson([big], { nodeArgs: ['--max-old-space-size=300'], timeoutMs: 60_000 });
    assert.equal(run.status, 1, explain(run));
    const notes = report.files[0].notes ?? [];
    assert.ok(notes.includes('not valid UTF-8; read as Windows-1252'), JSON.stringify(notes));
    assert.ok(notes.includes('only the first 2,000,000 characters were checked'), JSON.stringify(notes));
    assert.ok(run.ms < 30_000, `took ${run.ms} ms`);
  });

  test('an unreadable file is named with the reason', (t) => {
    if (process.getuid?.() === 0) {
      t.skip('running as root, every file is readable: the case cannot be made on this machine');
      return;
    }
    const locked = s.write('locked.rfa', DRAFTS.overTrial);
    fs.chmodSync(locked, 0o000);
    const denied = cli(['check', locked]);
    assert.equal(denied.status, 2, explain(denied));
    assert.match(denied.stderr, /permission denied/);
  });
});

describe('mtus-lint lsp', () => {
  test('without a transport: one usage line pointing at --help, status 2, no stack trace, no server left running', () => {
    const r = cli(['lsp'], { timeoutMs: 15_000 });
    assert.equal(r.status, 2, explain(r));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /mtus-lint lsp: say how the editor talks to the server, usually --stdio \(see "mtus-lint lsp --help"\)/);
    assert.doesNotMatch(r.stderr, /\bat \S+ \(/, 'no stack trace');
  });

  test('two transports, or a stray argument, are usage errors too', () => {
    for (const args of [
      ['lsp', '--stdio', '--node-ipc'],
      ['lsp', '--stdio', 'extra'],
    ]) {
      const r = cli(args, { timeoutMs: 15_000 });
      assert.equal(r.status, 2, `${args.join(' ')}: ${explain(r)}`);
    }
  });
});
