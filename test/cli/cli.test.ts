// Runs the real command-line tool (bin/mtus-lint.js) as a child process, the way a user or a
// script would, and checks what it prints for the examples: text and JSON, and where each finding points.
// (cli-exit.test.ts: exit statuses and input errors; cli-commands.test.ts: the other commands.)
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, explain, ROOT, scratchDir } from '../helpers/cli';
import { APPEAL, checkReport, CITATION_RULES, readTotal, RFA, RULE_IDS, underlined } from '../helpers/cli-report';

const s = scratchDir('mtus-lint-cli-test-');
after(() => s.remove());
/** Write a scratch file and return its path. */
const scratch = (name: string, content: string | Uint8Array) => s.write(name, content);

test('text output for the two examples names every rule and ends with a summary', () => {
  const r = cli(['check', RFA, APPEAL]);
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
  const r = cli(['check', RFA]);
  const lines = r.stdout.split('\n').filter((l) => /\s\[[a-z-]+\]$/.test(l));
  assert.ok(lines.length > 0, r.stdout);
  for (const l of lines) assert.match(l, /^ {2}\d+:\d+\s+(?:error|warning|information|hint)\s+\S/, l);
});

test('--format json matches the schema and each range underlines the item with its quantity', () => {
  const { run, report } = checkReport([RFA, APPEAL]);
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

test('text and JSON report the same findings at the same places', () => {
  const text = cli(['check', RFA, APPEAL]);
  const { report } = checkReport([RFA, APPEAL]);
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

test('positions are 0-based UTF-16 line/character and point at the quantity', () => {
  // An astral character (two UTF-16 code units) and a multi-byte accent before the item.
  const text = 'Señora [Patient name], claim XX-000000\n💡 Acupuncture 2x4, low back\n';
  const file = scratch('positions.rfa', text);
  const { run, report } = checkReport([file]);
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
