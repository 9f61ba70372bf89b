import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { RULES } from '../../server/src/engine/rules';
import { ruleDocPath } from '../../server/src/engine/rules/rule';
import { repoRoot } from '../helpers/repo';

// Every rule a user can meet must be explained where they look for it: its page (the
// diagnostic links there), the settings (per-rule severity), and both rules tables.
describe('every rule is documented, configurable and tested', () => {
  const root = repoRoot();
  const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
  const pkg = JSON.parse(read('package.json'));
  const settings = pkg.contributes.configuration.properties['mtusLint.rules'].properties as Record<string, { enum: string[]; description?: string; markdownDescription?: string }>;
  const readme = read('README.md');
  const rulesReadme = read('docs/rules/README.md');
  const testFiles = fs.readdirSync(path.join(root, 'test/unit/rules')).map((f) => fs.readFileSync(path.join(root, 'test/unit/rules', f), 'utf8'));

  test('rule ids are unique', () => assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length));

  for (const rule of RULES) {
    test(rule.id, () => {
      const page = read(ruleDocPath(rule.id));
      assert.match(page, new RegExp(`^# ${rule.id}\\b`), 'the page starts with the rule id');
      assert.match(page, /## Examples that are flagged/i, 'the page shows flagged examples');
      assert.match(page, /## Examples that are not flagged/i, 'the page shows examples that are not flagged');
      assert.ok(rule.summary.length > 10, 'a one-line summary');
      assert.deepEqual(settings[rule.id]?.enum, ['error', 'warning', 'information', 'hint', 'off'], 'a severity setting in package.json');
      assert.equal(settings[rule.id].description, `${rule.summary} Default: ${rule.defaultSeverity}.`, 'the setting says what the rule flags and its default');
      const link = `command:mtusLint.openRuleDocs?${encodeURIComponent(JSON.stringify([rule.id]))}`;
      assert.equal(settings[rule.id].markdownDescription, `${settings[rule.id].description} [Read the rule's page](${link}).`, 'the Settings editor links the rule\'s page');
      assert.ok(readme.includes(`[${rule.id}](docs/rules/${rule.id}.md)`), 'a row in the README table');
      assert.ok(rulesReadme.includes(`[${rule.id}](${rule.id}.md)`), 'a row in docs/rules/README.md');
      assert.ok(testFiles.some((t) => t.includes(`'${rule.id}'`)), 'a test file under test/unit/rules names it');
    });
  }

  test('no setting names a rule that does not exist', () => {
    const ids = new Set(RULES.map((r) => r.id));
    assert.deepEqual(Object.keys(settings).filter((k) => !ids.has(k)), []);
  });
});
