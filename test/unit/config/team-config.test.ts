// The team's `.mtuslintrc.json`: JSON with comments, checked with errors that name the file,
// the line and the column; found upward from each file (the nearest wins). The CLI obeying it
// is tested with the command itself, in test/cli/team-config.test.ts.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../../server/src/engine';
import { applyTeamConfig } from '../../../server/src/config/apply-config';
import { TeamConfigFinder } from '../../../server/src/config/find-config';
import { formatProblem, parseTeamConfig, type ConfigResult } from '../../../server/src/config/team-config';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { scratchDir } from '../../helpers/cli';

const RULE_IDS = RULES.map((r) => r.id);
const EDITIONS = ['2009', '2016'];
const parse = (text: string) => parseTeamConfig(text, '/team/.mtuslintrc.json', RULE_IDS, EDITIONS);
const problems = (r: ConfigResult) => (r.ok ? [] : r.problems.map(formatProblem));

describe('reading the file', () => {
  test('comments and trailing commas are allowed, as in VS Code settings files', () => {
    const r = parse(
      '// our practice\n{\n  "rules": { "frequency-over-limit": "off", /* agreed 2024 */ },\n  "edition": "2016",\n  "markdown": { "enable": true },\n}\n',
    );
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(r.config, { rules: { 'frequency-over-limit': 'off' }, edition: '2016', markdown: { enable: true } });
  });

  test('an empty file configures nothing', () => {
    const r = parse('  \n');
    assert.ok(r.ok);
    assert.deepEqual(r.config, {});
  });

  test('every error names the file, line and column of what is wrong', () => {
    assert.deepEqual(problems(parse('{\n  "rules": {\n    "therapy-over-trial": "loud"\n  }\n}')), [
      '/team/.mtuslintrc.json:3:27: rules.therapy-over-trial: Invalid option: expected one of "error"|"warning"|"information"|"hint"|"off"',
    ]);
    assert.deepEqual(problems(parse('{\n  "edition": "2016",\n  "rulez": {}\n}')), [
      '/team/.mtuslintrc.json:3:3: rulez: unknown setting (known: rules, edition, markdown, plaintext)',
    ]);
    assert.deepEqual(problems(parse('{\n  "markdown": { "enable": "yes" }\n}')), [
      '/team/.mtuslintrc.json:2:27: markdown.enable: Invalid input: expected boolean, received string',
    ]);
  });

  test('a misspelt rule is named with the rule it most likely means', () => {
    assert.deepEqual(problems(parse('{ "rules": {\n  "therapy-over-trail": "warning" } }')), [
      '/team/.mtuslintrc.json:2:3: rules: unknown rule "therapy-over-trail" (did you mean "therapy-over-trial"?)',
    ]);
  });

  test('an edition the knowledge base does not hold is an error', () => {
    assert.deepEqual(problems(parse('{"edition": "1999"}')), [
      '/team/.mtuslintrc.json:1:13: edition: "1999" is not an edition the knowledge base holds (auto, 2009, 2016)',
    ]);
  });

  test('broken JSON and a file that is not an object are errors at their place', () => {
    assert.deepEqual(problems(parse('{\n  "rules": { "a": "off" \n  "edition": "2016"\n}')), ['/team/.mtuslintrc.json:3:3: not valid JSON: comma expected']);
    assert.deepEqual(problems(parse('\n["rules"]')), [
      '/team/.mtuslintrc.json:2:1: should be an object like { "rules": { "frequency-over-limit": "off" } }, not a list',
    ]);
  });

  test('"__proto__" is an ordinary unknown key, never the object\'s prototype', () => {
    const r = parse('{ "__proto__": { "rules": { "therapy-over-trial": "off" } } }');
    assert.deepEqual(problems(r), ['/team/.mtuslintrc.json:1:3: __proto__: unknown setting (known: rules, edition, markdown, plaintext)']);
  });
});

describe('laying it over the settings', () => {
  test("the file wins over the editor's settings, rule by rule; what it leaves out is kept", () => {
    const editor = { ...DEFAULT_SETTINGS, rules: { 'frequency-over-limit': 'hint' as const, 'visit-cap-24': 'warning' as const }, edition: '2009' };
    const s = applyTeamConfig(editor, { rules: { 'frequency-over-limit': 'off' }, markdown: { enable: true } });
    assert.deepEqual(s.rules, { 'frequency-over-limit': 'off', 'visit-cap-24': 'warning' });
    assert.equal(s.edition, '2009');
    assert.equal(s.markdown.enable, true);
    assert.equal(s.plaintext.enable, false);
  });
});

describe('finding it', () => {
  const s = scratchDir('mtus-lint-config-');
  after(() => s.remove());
  const finder = new TeamConfigFinder(
    () => RULE_IDS,
    () => EDITIONS,
  );

  test('the nearest file in the folder or above applies', () => {
    const top = s.write('practice/.mtuslintrc.json', '{ "edition": "2009" }');
    const near = s.write('practice/team-b/.mtuslintrc.json', '{ "edition": "2016" }');
    const a = finder.forFile(path.join(s.dir, 'practice/team-a/drafts/x.rfa'));
    const b = finder.forFile(path.join(s.dir, 'practice/team-b/drafts/x.rfa'));
    assert.equal(a?.file, top);
    assert.equal(b?.file, near);
    assert.ok(b?.ok && b.config.edition === '2016');
    assert.equal(finder.forFile(path.join(path.parse(s.dir).root, 'elsewhere', 'x.rfa'))?.file, undefined);
  });

  test('an edited file is read again; a deleted one gives way to the next one up', () => {
    const near = path.join(s.dir, 'practice/team-b/.mtuslintrc.json');
    const draft = path.join(s.dir, 'practice/team-b/x.rfa');
    fs.writeFileSync(near, '{ "edition": "auto", "rules": {} }');
    const edited = finder.forFile(draft);
    assert.ok(edited?.ok && edited.config.edition === 'auto', JSON.stringify(edited));
    fs.rmSync(near);
    assert.equal(finder.forFile(draft)?.file, path.join(s.dir, 'practice/.mtuslintrc.json'));
  });

  test('a FIFO or an oversized file by that name is reported, never read', (t) => {
    const big = s.write('big/.mtuslintrc.json', `{"rules":{}}${' '.repeat(1_100_000)}`);
    assert.match(problems(finder.forFile(path.join(s.dir, 'big/x.rfa'))!).join(), /is 1,100,012 bytes; a configuration file is at most 1,000,000/);
    fs.rmSync(big);
    try {
      execFileSync('mkfifo', [big]);
    } catch {
      t.skip('mkfifo is not available on this machine');
      return;
    }
    assert.deepEqual(problems(new TeamConfigFinder(() => RULE_IDS).forFile(path.join(s.dir, 'big/x.rfa'))!), [`${big}:1:1: is not a regular file`]);
  });
});
