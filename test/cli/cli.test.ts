// Runs the real command-line tool (bin/mtus-lint.js) as a child process, the way a user or a
// script would, and checks what it prints and the exit status it returns.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../server/src/engine';

// ---------------------------------------------------------------------------------------------
// Locations (the compiled test runs from out/test/unit/)
// ---------------------------------------------------------------------------------------------

function findRepoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json found above ${__dirname}`);
    dir = parent;
  }
}

const ROOT = findRepoRoot();
const BIN = path.join(ROOT, 'bin', 'mtus-lint.js');
const RFA = path.join(ROOT, 'examples', 'knee-and-back.rfa');
const APPEAL = path.join(ROOT, 'examples', 'acupuncture-appeal.appeal');
const THERAPY_RULES = ['therapy-over-maximum', 'therapy-over-trial', 'extension-without-improvement', 'frequency-over-limit', 'manual-therapy-body-region'];
const CITATION_RULES = ['citation-wrong-chapter'];
const RULE_IDS = [...THERAPY_RULES, ...CITATION_RULES];
const SEVERITIES = ['error', 'warning', 'information', 'hint'];

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'mtus-lint-cli-test-'));
after(() => fs.rmSync(TMP, { recursive: true, force: true }));

/** Write a scratch file under the temporary folder and return its path. */
function scratch(name: string, content: string | Uint8Array): string {
  const file = path.join(TMP, name);
  fs.writeFileSync(file, content);
  return file;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Fail with everything the CLI printed, so a wrong status is easy to diagnose. */
function explain(r: Run): string {
  return `status ${r.status}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`;
}

// ---------------------------------------------------------------------------------------------
// The JSON report
// ---------------------------------------------------------------------------------------------

interface Position {
  line: number;
  character: number;
}
interface JsonDiagnostic {
  rule: string;
  severity: string;
  message: string;
  range: { start: Position; end: Position };
}
interface JsonReport {
  files: { path: string; diagnostics: JsonDiagnostic[] }[];
}

function assertPosition(p: unknown, where: string): asserts p is Position {
  assert.equal(typeof p, 'object', `${where} is an object`);
  const pos = p as Record<string, unknown>;
  for (const k of ['line', 'character']) {
    assert.ok(Number.isInteger(pos[k]) && (pos[k] as number) >= 0, `${where}.${k} is a whole number >= 0, got ${String(pos[k])}`);
  }
}

/** Check the report against {"files":[{"path","diagnostics":[{"rule","severity","message","range"}]}]}. */
function assertReportShape(value: unknown): asserts value is JsonReport {
  assert.equal(typeof value, 'object');
  const files = (value as { files?: unknown }).files;
  assert.ok(Array.isArray(files), 'report.files is an array');
  for (const [i, f] of files.entries()) {
    assert.equal(typeof f.path, 'string', `files[${i}].path is a string`);
    assert.ok(Array.isArray(f.diagnostics), `files[${i}].diagnostics is an array`);
    for (const [j, d] of (f.diagnostics as unknown[]).entries()) {
      const where = `files[${i}].diagnostics[${j}]`;
      const diag = d as Record<string, unknown>;
      assert.ok(
        RULES.some((r) => r.id === diag.rule),
        `${where}.rule is a known rule id, got ${String(diag.rule)}`,
      );
      assert.ok(SEVERITIES.includes(diag.severity as string), `${where}.severity is a severity, got ${String(diag.severity)}`);
      assert.ok(typeof diag.message === 'string' && diag.message.length > 0, `${where}.message is a non-empty string`);
      const range = diag.range as Record<string, unknown> | undefined;
      assert.equal(typeof range, 'object', `${where}.range is an object`);
      assertPosition(range!.start, `${where}.range.start`);
      assertPosition(range!.end, `${where}.range.end`);
      const s = range!.start as Position;
      const e = range!.end as Position;
      assert.ok(s.line < e.line || (s.line === e.line && s.character < e.character), `${where}.range is not empty and not reversed`);
    }
  }
}

/** The UTF-16 offset of a 0-based LSP position in text (lines end at \n; \r\n leaves \r in the line). */
function offsetAt(text: string, p: Position): number {
  let offset = 0;
  for (let line = 0; line < p.line; line++) {
    const nl = text.indexOf('\n', offset);
    assert.notEqual(nl, -1, `line ${p.line} is past the end of the text`);
    offset = nl + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const lineLength = (lineEnd === -1 ? text.length : lineEnd) - offset;
  assert.ok(p.character <= lineLength, `character ${p.character} is past the end of line ${p.line} (length ${lineLength})`);
  return offset + p.character;
}

/** The text a diagnostic underlines. */
function underlined(text: string, d: JsonDiagnostic): string {
  return text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));
}

function checkJson(...args: string[]): { run: Run; report: JsonReport } {
  const run = cli('check', '--format', 'json', ...args);
  let report: unknown;
  assert.doesNotThrow(() => (report = JSON.parse(run.stdout)), `--format json prints JSON\n${explain(run)}`);
  assertReportShape(report);
  return { run, report };
}

// ---------------------------------------------------------------------------------------------
// The examples
// ---------------------------------------------------------------------------------------------

test('text output for the two examples names every rule and ends with a summary', () => {
  const r = cli('check', RFA, APPEAL);
  assert.equal(r.status, 1, explain(r));
  for (const id of RULE_IDS) assert.match(r.stdout, new RegExp(`\\[${id}\\]`), `the output names ${id}\n${r.stdout}`);
  assert.ok(r.stdout.includes(path.join(ROOT, 'examples', 'knee-and-back.rfa')), 'the request is listed by the path given');
  assert.ok(r.stdout.includes(path.join(ROOT, 'examples', 'acupuncture-appeal.appeal')), 'the appeal is listed by the path given');
  const problemLines = r.stdout.split('\n').filter((l) => /\s\[[a-z-]+\]$/.test(l));
  const summary = /^(\d+) problems? \((.*)\)$/m.exec(r.stdout);
  assert.ok(summary, `a summary line "N problems (...)" is printed\n${r.stdout}`);
  assert.equal(Number(summary[1]), problemLines.length, 'the summary counts the problems listed');
  assert.match(summary[2], /\berrors?\b/);
  assert.equal(r.stderr, '');
});

test('each problem line starts with line:column, then the severity', () => {
  const r = cli('check', RFA);
  const lines = r.stdout.split('\n').filter((l) => /\s\[[a-z-]+\]$/.test(l));
  assert.ok(lines.length > 0, r.stdout);
  for (const l of lines) assert.match(l, /^ {2}\d+:\d+\s+(?:error|warning|information|hint)\s+\S/, l);
});

test('--format json matches the schema and each range underlines the item with its quantity', () => {
  const { run, report } = checkJson(RFA, APPEAL);
  assert.equal(run.status, 1, explain(run));
  assert.equal(report.files.length, 2);
  assert.deepEqual(
    report.files.map((f) => path.basename(f.path)),
    ['knee-and-back.rfa', 'acupuncture-appeal.appeal'],
  );

  const seen = new Set<string>();
  // What each flagged line in the examples asks for, as written.
  const QUANTITY =
    /\b(?:\d+\s*-\s*)?\d+\s*x\s*\d+\b|\bQTY\s*\d+|\b(?:once|twice|\d+(?:-\d+)?\s+times)\s+(?:a|per)\s+week\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:additional\s+)?(?:\w+\s+)?(?:sessions?|visits?)\b/i;
  const THERAPY = /acupuncture|chiropractic|manipulation|physical therapy|massage/i;
  for (const f of report.files) {
    const text = fs.readFileSync(f.path, 'utf8');
    assert.ok(f.diagnostics.length > 0, `${f.path} has findings`);
    for (const d of f.diagnostics) {
      seen.add(d.rule);
      const under = underlined(text, d);
      if (CITATION_RULES.includes(d.rule)) {
        assert.match(under, /ACOEM Chapter \d+[\s\S]*Page\(s\): \d+/, `${d.rule} underlines the whole citation: "${under}"`);
        continue;
      }
      assert.match(under, THERAPY, `${d.rule} underlines the therapy's name: "${under}"`);
      assert.match(under, QUANTITY, `${d.rule} underlines the quantity: "${under}"`);
      // The number the message judges is in the underlined text (as digits, a word, or a product).
      const judged = /^(\d+) /.exec(d.message)?.[1];
      if (judged && d.rule !== 'frequency-over-limit' && d.rule !== 'manual-therapy-body-region')
        assert.ok(readTotal(under) === Number(judged), `"${under}" reads as ${judged} (${d.message})`);
    }
  }
  assert.deepEqual([...seen].sort(), [...RULE_IDS].sort(), 'the examples together show every rule');
});

const WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : WORDS[s.toLowerCase()]);

/** The total an underlined quantity asks for, read independently of the engine (upper end of ranges, a count wins). */
function readTotal(under: string): number | undefined {
  const count = /\b(?:QTY\s*(\d+)|(\d+|[a-z]+)\s+(?:additional\s+)?(?:[a-z]+\s+)?(?:sessions?|visits?))\b/i.exec(under);
  if (count) {
    const n = num(count[1] ?? count[2]);
    if (n !== undefined) return n;
  }
  const compact = /\b(?:\d+\s*-\s*)?(\d+)\s*x\s*(\d+)\b/i.exec(under);
  if (compact) return Number(compact[1]) * Number(compact[2]);
  const words = /\b(once|twice|(?:\d+\s*-\s*)?(\d+)\s+times)\s+(?:a|per)\s+week\s+for\s+(\d+|[a-z]+)\s+weeks?/i.exec(under);
  if (words) {
    const per = words[1].toLowerCase() === 'once' ? 1 : words[1].toLowerCase() === 'twice' ? 2 : Number(words[2]);
    return per * num(words[3]);
  }
  return undefined;
}

test('text and JSON report the same findings at the same places', () => {
  const text = cli('check', RFA, APPEAL);
  const { report } = checkJson(RFA, APPEAL);
  const fromText = text.stdout
    .split('\n')
    .map((l) => /^ {2}(\d+):(\d+)\s+(\S+)\s+(.*)\s{2}\[([a-z-]+)\]$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}:${m[2]} ${m[3]} ${m[5]} ${m[4]}`);
  const fromJson = report.files.flatMap((f) =>
    f.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.rule} ${d.message}`),
  );
  assert.deepEqual(fromText, fromJson);
});

// ---------------------------------------------------------------------------------------------
// Positions and exit status on small files
// ---------------------------------------------------------------------------------------------

test('positions are 0-based UTF-16 line/character and point at the quantity', () => {
  // An astral character (two UTF-16 code units) and a multi-byte accent before the item.
  const text = 'Señora [Patient name], claim XX-000000\n💡 Acupuncture 2x4, low back\n';
  const file = scratch('positions.rfa', text);
  const { run, report } = checkJson(file);
  assert.equal(run.status, 1, explain(run));
  const [d] = report.files[0].diagnostics;
  assert.ok(d, explain(run));
  assert.equal(d.rule, 'therapy-over-trial');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range.start, { line: 1, character: 3 });
  const under = underlined(text, d);
  assert.ok(under.startsWith('Acupuncture'), under);
  assert.ok(under.includes('2x4'), under);
});

test('exit status 1 when an error is found', () => {
  const file = scratch('error.rfa', 'Physical therapy, lumbar spine, QTY 12, with a home exercise program\n');
  const r = cli('check', file);
  assert.equal(r.status, 1, explain(r));
  assert.match(r.stdout, /\[therapy-over-maximum\]/);
  assert.match(r.stdout, /1 problem \(1 error\)/);
});

test('exit status 0 and "no problems found" for a clean file', () => {
  const file = scratch('clean.rfa', 'Physical therapy, lumbar spine, 2x4, with a home exercise program\nMassage therapy, lumbar spine, 4-6 visits\n');
  const r = cli('check', file);
  assert.equal(r.status, 0, explain(r));
  assert.match(r.stdout, /no problems found/);
  assert.equal(r.stderr, '');
  const { run, report } = checkJson(file);
  assert.equal(run.status, 0);
  assert.deepEqual(report.files[0].diagnostics, []);
});

test('exit status 0 when only warnings are found', () => {
  const file = scratch('warning.rfa', 'Physical therapy, right knee, 4x2, with a home exercise program\n');
  const r = cli('check', file);
  assert.equal(r.status, 0, explain(r));
  assert.match(r.stdout, /warning .*\[frequency-over-limit\]/);
});

// ---------------------------------------------------------------------------------------------
// Usage errors and unreadable files
// ---------------------------------------------------------------------------------------------

test('exit status 2 for a missing file, naming it on stderr', () => {
  const missing = path.join(TMP, 'no-such-draft.rfa');
  const r = cli('check', missing);
  assert.equal(r.status, 2, explain(r));
  assert.ok(r.stderr.includes(missing), `stderr names ${missing}\n${r.stderr}`);
});

test('a missing file among good ones: the good ones are still checked, exit status 2', () => {
  const good = scratch('good.rfa', 'Physical therapy, lumbar spine, 2x4\n');
  const missing = path.join(TMP, 'missing-too.rfa');
  const r = cli('check', good, missing);
  assert.equal(r.status, 2, explain(r));
  assert.ok(r.stdout.includes(good), r.stdout);
  assert.ok(r.stderr.includes(missing), r.stderr);
});

/** A usage error is one line naming the mistake and where to read more, never the whole usage. */
function assertOneLineUsageError(r: Run, mentions: RegExp, help = 'mtus-lint check --help'): void {
  assert.equal(r.status, 2, explain(r));
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr:\n${r.stderr}`);
  assert.match(lines[0], mentions);
  assert.ok(lines[0].includes(`"${help}"`), `points at ${help}: ${lines[0]}`);
  assert.doesNotMatch(r.stderr, /Usage:/);
}

test('exit status 2 and one line for an unknown option', () => {
  assertOneLineUsageError(cli('check', '--bogus', RFA), /unknown option --bogus/);
});

test('exit status 2 and one line for --format xml', () => {
  for (const args of [['--format', 'xml'], ['--format=xml']])
    assertOneLineUsageError(cli('check', ...args, RFA), /--format must be text, json or sarif, not "xml"/);
});

test('exit status 2 and one line for an unknown command or no file; the overview without a command', () => {
  assertOneLineUsageError(cli('frobnicate'), /unknown command "frobnicate"/, 'mtus-lint --help');
  assertOneLineUsageError(cli('check'), /name at least one file, folder or glob/);
  const none = cli();
  assert.equal(none.status, 2, explain(none));
  assert.match(none.stderr, /Usage: mtus-lint COMMAND/);
});

test('exit status 2 for a binary file, with a clear message', () => {
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 0, 0xff, 0xd8, 0, 0]), Buffer.from('Acupuncture 2x4\n')]);
  const file = scratch('scan.rfa', bytes);
  const r = cli('check', file);
  assert.equal(r.status, 2, explain(r));
  assert.ok(r.stderr.includes(file), r.stderr);
  assert.match(r.stderr, /binary/i);
  assert.doesNotMatch(r.stdout, /\[therapy-/, 'nothing is reported from a binary file');
});

// ---------------------------------------------------------------------------------------------
// Options and encodings
// ---------------------------------------------------------------------------------------------

test('--kind appeal is accepted (also as --kind=appeal) for a file without an .appeal extension', () => {
  const file = scratch('letter.txt', 'Re: IMR appeal, claim XX-000000.\nThe UR denial of acupuncture 2x4 for the low back should be overturned.\n');
  for (const args of [['--kind', 'appeal'], ['--kind=appeal']]) {
    const r = cli('check', ...args, file);
    assert.notEqual(r.status, 2, `${args.join(' ')}: ${explain(r)}`);
    assert.ok(r.stdout.includes(file), r.stdout);
    assert.match(r.stdout, /\[therapy-over-trial\]/);
  }
  assertOneLineUsageError(cli('check', '--kind', 'memo', file), /--kind must be request or appeal, not "memo"/);
});

test('a UTF-16 LE file with a byte order mark is read and checked', () => {
  const text = 'REQUEST FOR AUTHORIZATION \u2013 [Patient name]\r\nAcupuncture 2x4, low back\r\nDiagnosis: lumbar strain (S39.012A)\r\n';
  const file = scratch('utf16.rfa', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  const r = cli('check', file);
  assert.equal(r.status, 1, explain(r));
  assert.match(r.stdout, /UTF-16/);
  assert.match(r.stdout, /8 acupuncture sessions .*\[therapy-over-trial\]/);
  const { report } = checkJson(file);
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
  const r = cli('check', file);
  assert.equal(r.status, 1, explain(r));
  assert.match(r.stdout, /Windows-1252/);
  assert.match(r.stdout, /8 acupuncture sessions .*\[therapy-over-trial\]/);
  const { report } = checkJson(file);
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
  const r = cli('check', file);
  assert.equal(r.status, 1, explain(r));
  assert.match(r.stdout, /12 physical therapy visits .*\[therapy-over-maximum\]/);
  const { report } = checkJson(file);
  const [d] = report.files[0].diagnostics;
  assert.ok(d);
  // The reference decoding, written out: 0x96 is U+2013 EN DASH in Windows-1252.
  const decoded = bytes.toString('latin1').replace('\u0096', '\u2013');
  assert.ok(underlined(decoded, d).includes('3\u20134 weeks'), underlined(decoded, d));
});

test('--version prints the package version', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const r = cli('--version');
  assert.equal(r.status, 0, explain(r));
  assert.equal(r.stdout.trim(), pkg.version);
});

test("--help lists the commands; COMMAND --help (and help COMMAND) gives each one's options", () => {
  const r = cli('--help');
  assert.equal(r.status, 0, explain(r));
  assert.match(r.stdout, /Usage: mtus-lint COMMAND/);
  for (const c of ['check', 'lsp', 'corpus']) assert.match(r.stdout, new RegExp(`^  ${c} `, 'm'));
  assert.equal(r.stderr, '');
  const wanted: Record<string, RegExp[]> = {
    check: [
      /--format text\|json\|sarif/,
      /--max-warnings N/,
      /--fix-dry-run/,
      /--stdin-filename/,
      /--no-color/,
      /--config FILE/,
      /--rule ID:SEVERITY/,
      /Exit status/,
    ],
    lsp: [/--stdio/],
    corpus: [/corpus build/, /corpus measure/],
  };
  for (const [command, patterns] of Object.entries(wanted)) {
    for (const args of [
      [command, '--help'],
      [command, '-h'],
      ['help', command],
    ]) {
      const h = cli(...args);
      assert.equal(h.status, 0, `${args.join(' ')}: ${explain(h)}`);
      for (const p of patterns) assert.match(h.stdout, p, `${args.join(' ')}`);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// The language server entry point
// ---------------------------------------------------------------------------------------------

test('lsp --stdio answers an initialize request', async () => {
  const child = spawn(process.execPath, [BIN, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (s: string) => (stderr += s));
  try {
    const response = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no initialize response within 20 s; stderr: ${stderr}`)), 20_000);
      let buffer = Buffer.alloc(0);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code}) before answering; stderr: ${stderr}`));
      });
      child.stdout.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        // Read every complete Content-Length framed message; resolve on the answer to id 1.
        for (;;) {
          const headerEnd = buffer.indexOf('\r\n\r\n');
          if (headerEnd === -1) return;
          const length = /Content-Length:\s*(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'));
          if (!length) {
            clearTimeout(timer);
            reject(new Error(`a message without Content-Length: ${buffer.subarray(0, headerEnd).toString()}`));
            return;
          }
          const end = headerEnd + 4 + Number(length[1]);
          if (buffer.length < end) return;
          const message = JSON.parse(buffer.subarray(headerEnd + 4, end).toString('utf8')) as Record<string, unknown>;
          buffer = buffer.subarray(end);
          if (message.id === 1 && ('result' in message || 'error' in message)) {
            clearTimeout(timer);
            resolve(message);
            return;
          }
        }
      });
      const body = JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { processId: process.pid, rootUri: null, capabilities: {}, clientInfo: { name: 'cli.test' } },
      });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
    });
    assert.equal(response.jsonrpc, '2.0');
    assert.equal(response.error, undefined, JSON.stringify(response.error));
    const result = response.result as { capabilities?: Record<string, unknown>; serverInfo?: { name?: string } };
    assert.equal(typeof result.capabilities, 'object');
    assert.ok(result.capabilities!.textDocumentSync !== undefined, 'the server syncs documents');
  } finally {
    child.stdout.removeAllListeners('data');
    child.removeAllListeners('exit');
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    }
  }
});

test('--edition chooses the Chronic Pain edition; the report says which one judged each file', () => {
  const file = scratch('edition.rfa', 'Chiropractic 2x4, low back\n');
  const byDefault = cli('check', file);
  assert.match(byDefault.stdout, /note: judged by CPMTG 2016 \(the default edition\)/);
  assert.match(byDefault.stdout, /\(CPMTG 2016, Manual therapy & manipulation\)/);
  const chosen = cli('check', '--edition', '2009', file);
  assert.match(chosen.stdout, /note: judged by CPMTG 2009 \(--edition\)/);
  assert.match(chosen.stdout, /\(CPMTG 2009 pp\. 58-59\)/);
  const wrong = cli('check', '--edition=1999', file);
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--edition must be auto or one of 2009, 2016, not "1999"/);
});
