// How `mtus-lint check` reports, as eslint and markdownlint-cli2 users expect: --quiet,
// --max-warnings, -o FILE, colour only on a terminal or when asked, --rule and --edition, and
// a JSON report that links each rule's page and says whether a certain fix exists.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkJson, cli, DRAFTS, explain, scratchDir, type JsonReport } from '../helpers/cli';

const s = scratchDir();
after(() => s.remove());
const overTrial = s.write('over-trial.rfa', DRAFTS.overTrial);
const warnings = s.write('warnings.rfa', DRAFTS.twoWarnings);
const ANSI = /\u001b\[\d+m/;

describe('--quiet and --max-warnings', () => {
  test('--quiet prints errors only; the exit status still follows the errors', () => {
    const loud = cli(['check', overTrial, warnings]);
    assert.match(loud.stdout, /\[frequency-over-limit\]/);
    const quiet = cli(['check', '--quiet', overTrial, warnings]);
    assert.equal(quiet.status, 1, explain(quiet));
    assert.match(quiet.stdout, /\[therapy-over-trial\]/);
    assert.doesNotMatch(quiet.stdout, /warning|note:/, quiet.stdout);
    const onlyWarnings = cli(['check', '-q', warnings]);
    assert.equal(onlyWarnings.status, 0, explain(onlyWarnings));
    assert.equal(onlyWarnings.stdout, '', 'nothing to say when there is no error');
  });

  test('--max-warnings N: status 1 above N warnings, with a line saying so; 0 at N', () => {
    const over = cli(['check', '--max-warnings', '1', warnings]);
    assert.equal(over.status, 1, explain(over));
    assert.match(over.stderr, /2 warnings, more than --max-warnings 1/);
    const at = cli(['check', '--max-warnings=2', warnings]);
    assert.equal(at.status, 0, explain(at));
    const quietStillCounts = cli(['check', '--quiet', '--max-warnings', '0', warnings]);
    assert.equal(quietStillCounts.status, 1, explain(quietStillCounts));
  });
});

describe('-o FILE', () => {
  test('writes the report to the file and nothing to standard output', () => {
    const out = `${s.dir}/report.json`;
    const r = cli(['check', '-f', 'json', '-o', out, overTrial]);
    assert.equal(r.status, 1, explain(r));
    assert.equal(r.stdout, '');
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as JsonReport;
    assert.equal(report.files[0].diagnostics[0].rule, 'therapy-over-trial');
  });

  test('a report that cannot be written is a clear error, status 2', () => {
    const r = cli(['check', '-o', `${s.dir}/no/such/folder/report.txt`, overTrial]);
    assert.equal(r.status, 2, explain(r));
    assert.match(r.stderr, /cannot write the report to/);
  });
});

describe('colour', () => {
  test('none when not writing to a terminal, or with --no-color or NO_COLOR; with --color or FORCE_COLOR', () => {
    assert.doesNotMatch(cli(['check', overTrial]).stdout, ANSI, 'a pipe gets plain text');
    const coloured = cli(['check', '--color', overTrial]).stdout;
    assert.match(coloured, /\u001b\[31merror/, 'errors in red');
    assert.equal(coloured.replace(/\u001b\[\d+m/g, ''), cli(['check', overTrial]).stdout, 'colour adds nothing but colour');
    assert.match(cli(['check', overTrial], { env: { FORCE_COLOR: '1' } }).stdout, ANSI);
    assert.doesNotMatch(cli(['check', '--no-color', overTrial], { env: { FORCE_COLOR: '1' } }).stdout, ANSI);
    assert.doesNotMatch(cli(['check', overTrial], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, ANSI);
    assert.doesNotMatch(cli(['check', '-f', 'json', '--color', overTrial]).stdout, ANSI, 'never in JSON');
  });
});

describe('--rule and --edition', () => {
  test("--rule ID:SEVERITY changes a rule's severity or turns it off", () => {
    const warning = checkJson(['--rule', 'therapy-over-trial:warning', overTrial]);
    assert.equal(warning.run.status, 0, explain(warning.run));
    assert.equal(warning.report.files[0].diagnostics[0].severity, 'warning');
    const off = checkJson(['--rule', 'therapy-over-trial:off', overTrial]);
    assert.deepEqual(off.report.files[0].diagnostics, []);
  });

  test('a misspelt rule or severity is a one-line usage error', () => {
    for (const [arg, msg] of [
      ['therapy-over-trail:off', /unknown rule "therapy-over-trail"/],
      ['therapy-over-trial:loud', /severity must be one of error, warning, information, hint, off, not "loud"/],
      ['therapy-over-trial', /--rule needs ID:SEVERITY/],
    ] as const) {
      const r = cli(['check', '--rule', arg, overTrial]);
      assert.equal(r.status, 2, explain(r));
      assert.match(r.stderr, msg);
      assert.equal(r.stderr.trim().split('\n').length, 1);
    }
  });

  test('--edition chooses the edition, and the report says so; one the knowledge base lacks is refused', () => {
    const r = checkJson(['--edition', '2009', overTrial]);
    assert.ok(r.report.files[0].notes?.includes('judged by CPMTG 2009 (--edition)'), JSON.stringify(r.report.files[0].notes));
    const bad = cli(['check', '--edition', '1999', overTrial]);
    assert.equal(bad.status, 2, explain(bad));
    assert.match(bad.stderr, /--edition must be auto or one of 2009, 2016, not "1999"/);
  });
});

describe('the JSON report', () => {
  test("each problem links its rule's page, which exists, and says whether a certain fix exists", () => {
    const draft = s.write(
      'form.rfa',
      'REQUEST FOR AUTHORIZATION\nRequested treatment: Acupuncture 2x4, lumbar spine. Guideline: MTUS.\nAdditional 6 physical therapy visits for the neck after 6 completed.\n',
    );
    const { report } = checkJson([draft]);
    const ds = report.files[0].diagnostics;
    assert.ok(ds.length >= 2, JSON.stringify(ds));
    for (const d of ds) {
      assert.ok(d.docs, `${d.rule} has a page`);
      const file = fileURLToPath(d.docs);
      assert.ok(file.endsWith(`docs/rules/${d.rule}.md`), file);
      assert.ok(fs.existsSync(file), `${file} exists`);
      assert.equal(typeof d.fixable, 'boolean');
    }
    const fixable = Object.fromEntries(ds.map((d) => [d.rule, d.fixable]));
    assert.equal(fixable['therapy-over-trial'], true, 'capping the quantity is certain');
    assert.equal(fixable['extension-without-improvement'], false, 'only the writer can document improvement');
    assert.equal(report.summary.fixable, ds.filter((d) => d.fixable).length);
  });
});
