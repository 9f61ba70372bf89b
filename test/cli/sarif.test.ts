// `check --format sarif`: valid SARIF 2.1.0 (checked against the schema by ajv, offline),
// with every rule's metadata and help, and results that point where the JSON report points.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { RULES } from '../../server/src/engine';
import { checkJson, cli, DRAFTS, explain, ROOT, scratchDir } from '../helpers/cli';

// The schema is draft-04; its one "language" pattern is not valid as a Unicode regular
// expression, hence unicodeRegExp: false (the pattern itself is checked as written).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')));

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        rules: {
          id: string;
          shortDescription: { text: string };
          helpUri?: string;
          help: { text: string; markdown?: string };
          defaultConfiguration: { level: string };
        }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }[];
      fixes?: { artifactChanges: { replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

const s = scratchDir();
after(() => s.remove());

function sarif(args: string[], cwd = ROOT): SarifLog {
  const r = cli(['check', '--format', 'sarif', ...args], { cwd });
  assert.ok(r.status === 0 || r.status === 1, explain(r));
  const log = JSON.parse(r.stdout) as SarifLog;
  const ok = validate(log);
  assert.ok(ok, `not valid SARIF 2.1.0:\n${JSON.stringify(validate.errors, null, 1)}`);
  return log;
}

describe('SARIF 2.1.0', () => {
  test('the report on the examples is valid against the SARIF 2.1.0 schema', () => {
    const log = sarif(['examples']);
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs[0].results.length >= 5, 'the examples hold several problems');
  });

  test('the schema check can fail: a log with a wrong field is refused', () => {
    const log = sarif(['examples']);
    (log.runs[0].results[0] as unknown as { level: string }).level = 'severe';
    assert.equal(validate(log), false);
  });

  test('a clean file gives a valid log with no results', () => {
    const clean = s.write('clean.rfa', DRAFTS.clean);
    assert.deepEqual(sarif([clean]).runs[0].results, []);
  });

  test('the driver lists every rule with its description, default level, help text and page', () => {
    const { rules, name } = sarif(['examples']).runs[0].tool.driver;
    assert.equal(name, 'mtus-lint');
    assert.deepEqual(
      rules.map((r) => r.id),
      RULES.map((r) => r.id),
    );
    for (const r of rules) {
      const rule = RULES.find((x) => x.id === r.id)!;
      assert.equal(r.shortDescription.text, rule.summary);
      assert.equal(r.defaultConfiguration.level, { error: 'error', warning: 'warning', information: 'note', hint: 'note' }[rule.defaultSeverity]);
      assert.ok(r.helpUri?.startsWith('file://') && r.helpUri.endsWith(`/docs/rules/${r.id}.md`), r.helpUri);
      const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${r.id}.md`), 'utf8');
      assert.equal(r.help.markdown, page, `${r.id} carries its page as help`);
    }
  });

  test('each result points where the JSON report does, 1-based, relative to the working folder, with its certain fix', () => {
    const log = sarif(['examples']);
    const { report } = checkJson(['examples']);
    const expected = report.files.flatMap((f) => f.diagnostics.map((d) => ({ file: f.path, d })));
    const results = log.runs[0].results;
    assert.equal(results.length, expected.length);
    const rules = log.runs[0].tool.driver.rules;
    for (const [i, r] of results.entries()) {
      const { file, d } = expected[i];
      const loc = r.locations[0].physicalLocation;
      assert.equal(r.ruleId, d.rule);
      assert.equal(rules[r.ruleIndex].id, d.rule, 'ruleIndex points at the rule');
      assert.equal(r.message.text, d.message);
      assert.equal(loc.artifactLocation.uri, file.split(path.sep).join('/'));
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.deepEqual(loc.region, {
        startLine: d.range.start.line + 1,
        startColumn: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
      });
      assert.equal(Boolean(r.fixes), d.fixable, `${d.rule}: a SARIF fix exactly when a certain fix exists`);
    }
    const acupuncture = results.find((r) => r.message.text.startsWith('8 acupuncture sessions'));
    const replacement = acupuncture?.fixes?.[0].artifactChanges[0].replacements.map((x) => x.insertedContent.text).join(' ');
    assert.match(replacement ?? '', /six|2x3/, 'the fix writes the capped quantity');
  });
});
