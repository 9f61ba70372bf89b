import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { RULES } from '../../server/src/engine/rules';
import { ruleDocPath } from '../../server/src/engine/rules/rule';
import { orderedRules, staleFiles } from '../../scripts/catalogue';
import { check, repoRoot } from '../helpers/repo';

// Every rule a user can meet must be explained where they look for it: its page (the
// diagnostic links there), the settings (per-rule severity), and both rules tables. The
// settings and tables are written from the rules by `npm run catalogue`; this says when they
// were not written again after a rule changed.
describe('every rule is documented, configurable and tested', () => {
  const root = repoRoot();
  const read = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
  const pkg = JSON.parse(read('package.json'));
  const settings = pkg.contributes.configuration.properties['mtusLint.rules'].properties as Record<string, { enum: string[]; description?: string }>;
  const testFiles = fs.readdirSync(path.join(root, 'test/unit/rules')).map((f) => fs.readFileSync(path.join(root, 'test/unit/rules', f), 'utf8'));

  test('rule ids are unique', () => assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length));

  test('package.json, README.md and docs/rules/README.md hold the catalogue of the rules as they are (npm run catalogue)', () => {
    assert.deepEqual(
      staleFiles(root).map((f) => f.path),
      [],
    );
  });

  test('the tables list every rule once', () => {
    assert.deepEqual(
      orderedRules()
        .map((r) => r.id)
        .sort(),
      RULES.map((r) => r.id).sort(),
    );
  });

  for (const rule of RULES) {
    test(rule.id, () => {
      const page = read(ruleDocPath(rule.id));
      assert.match(page, new RegExp(`^# ${rule.id}\\b`), 'the page starts with the rule id');
      assert.match(page, /## Examples that are flagged/i, 'the page shows flagged examples');
      assert.match(page, /## Examples that are not flagged/i, 'the page shows examples that are not flagged');
      assert.ok(rule.summary.length > 10, 'a one-line summary');
      assert.ok(rule.kinds.length > 0, 'the kinds of document it reads');
      for (const [column, text] of Object.entries(rule.docs))
        assert.ok(text.trim().length > 3 && !text.includes('\n') && !text.includes(' | '), `docs.${column}: one line of a table cell`);
      assert.deepEqual(settings[rule.id]?.enum, ['error', 'warning', 'information', 'hint', 'off'], 'a severity setting in package.json');
      assert.ok(
        testFiles.some((t) => t.includes(`'${rule.id}'`)),
        'a test file under test/unit/rules names it',
      );
    });
  }

  test('no setting names a rule that does not exist', () => {
    const ids = new Set(RULES.map((r) => r.id));
    assert.deepEqual(
      Object.keys(settings).filter((k) => !ids.has(k)),
      [],
    );
  });
});

describe('a rule runs only on the kinds of document it declares', () => {
  // The same text read as a request and as an appeal letter: the request form's rule speaks
  // only on the request, the appeal's only on the letter.
  const text = 'REQUEST FOR AUTHORIZATION\nPatient: J. Doe\n1. Acupuncture 2x3 for the low back.\n';
  const rules = (kind: 'request' | 'appeal') => check(text, { kind }).findings.map((f) => f.rule);

  test('rfa-diagnosis-missing (requests) on the request, not on the letter', () => {
    assert.ok(rules('request').includes('rfa-diagnosis-missing'));
    assert.ok(!rules('appeal').includes('rfa-diagnosis-missing'));
  });

  test('appeal-signature (appeal letters) on the letter, not on the request', () => {
    assert.ok(rules('appeal').includes('appeal-signature'));
    assert.ok(!rules('request').includes('appeal-signature'));
  });
});
