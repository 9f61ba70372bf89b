// The team's `.mtuslintrc.json` obeyed by the command line, with its options laid over it (the
// file's reading and finding are tested in-process in test/unit/config/team-config.test.ts).
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkJson, cli, DRAFTS, explain, scratchDir } from '../helpers/cli';

describe('the CLI obeys it', () => {
  const s = scratchDir('mtus-lint-config-cli-');
  after(() => s.remove());
  const draft = s.write('clinic/drafts/a.rfa', DRAFTS.overTrial);
  s.write('clinic/.mtuslintrc.json', '{\n  // reviewers here accept the trial as a warning\n  "rules": { "therapy-over-trial": "warning" }\n}\n');

  test('a rule set in the folder above changes what is reported and the exit status', () => {
    const { run, report } = checkJson([draft]);
    assert.equal(run.status, 0, explain(run));
    assert.equal(report.files[0].diagnostics[0].severity, 'warning');
  });

  test('--rule wins over the file; --config names another file for every input', () => {
    assert.equal(checkJson(['--rule', 'therapy-over-trial:error', draft]).run.status, 1);
    const other = s.write('other.json', '{ "rules": { "therapy-over-trial": "off" } }');
    assert.deepEqual(checkJson(['--config', other, draft]).report.files[0].diagnostics, []);
  });

  test('a file with an error: its message names file and line, its drafts are not checked, status 2', () => {
    const broken = s.write('broken/.mtuslintrc.json', '{\n  "rules": { "therapy-over-trial": "warn" }\n}');
    const inside = s.write('broken/a.rfa', DRAFTS.overTrial);
    const r = cli(['check', inside, draft]);
    assert.equal(r.status, 2, explain(r));
    assert.ok(r.stderr.includes(`${broken}:2:36: rules.therapy-over-trial: Invalid option`), r.stderr);
    assert.match(r.stderr, /are not checked until \.mtuslintrc\.json is fixed/);
    assert.doesNotMatch(r.stdout, /broken\/a\.rfa/, 'the draft under it is not checked');
    assert.match(r.stdout, /clinic\/drafts\/a\.rfa/, 'the other draft still is');
  });
});
