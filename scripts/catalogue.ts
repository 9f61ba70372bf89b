// The rule catalogue: every place a user reads the list of rules is written from the rules
// themselves (server/src/engine/rules: id, summary, default severity, docs), so adding a rule
// is its file, its page and its test, and `npm run catalogue` writes the rest:
//   - package.json, the mtusLint.rules settings (one severity setting per rule, linking its page);
//   - README.md, the table under "What it checks";
//   - docs/rules/README.md, the table of figures and fixes.
// `node out/scripts/catalogue.js --write` rewrites them; without --write it only says whether they
// are current (the unit test rule-catalog.test.ts fails when they are not).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../server/src/engine/rules';
import type { Rule } from '../server/src/engine/rules/rule';

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'];

/**
 * The order of the tables: related rules together, and the therapy rules in the order one wins
 * over the next for an item (docs/rules/README.md says so). RULES is in reporting order instead.
 */
export const TABLE_ORDER = [
  'manual-therapy-body-region',
  'visit-cap-24',
  'therapy-over-maximum',
  'therapy-over-trial',
  'pain-relief-only',
  'extension-without-improvement',
  'frequency-over-limit',
  'prior-course-without-facts',
  'postsurgical-over-limit',
  'massage-without-exercise',
  'passive-modality-without-active-care',
  'physical-medicine-taper',
  'citation-wrong-chapter',
  'citation-edition-form',
  'citation-not-found',
  'guideline-hierarchy',
  'guideline-not-cited',
  'ur-hierarchy-argument',
  'appeal-deadline',
  'appeal-ur-decision-attached',
  'appeal-signature',
  'appeal-unanswered-denial',
  'rfa-item-incomplete',
  'quantity-not-valid',
  'rfa-diagnosis-missing',
  'expedited-without-threat',
  'repeat-request-within-12-months',
  'directive-unknown-rule',
  'medication-muscle-relaxant-duration',
  'medication-nsaid-duration',
  'medication-topical-first-line',
  'medication-compound-ingredient',
  'medication-ppi-without-gi-risk',
  'medication-opioid-monitoring',
  'superseded-figure',
  'citation-not-in-force',
  'formulary-non-exempt',
  'formulary-exempt',
  'formulary-brand',
  'formulary-special-fill',
  'formulary-perioperative-fill',
  'formulary-physician-dispensed',
  'rfa-form-2026',
  'rfa-documentation-age',
  'sb1160-30-day-exemption',
];

/** The rules in table order; a rule missing from TABLE_ORDER is a mistake said by name. */
export function orderedRules(rules: readonly Rule[] = RULES): Rule[] {
  const missing = rules.filter((r) => !TABLE_ORDER.includes(r.id)).map((r) => r.id);
  const unknown = TABLE_ORDER.filter((id) => !rules.some((r) => r.id === id));
  if (missing.length || unknown.length) {
    throw new Error(`scripts/catalogue.ts TABLE_ORDER: add ${missing.join(', ') || 'nothing'}; remove ${unknown.join(', ') || 'nothing'}`);
  }
  return TABLE_ORDER.map((id) => rules.find((r) => r.id === id)!);
}

/** The Settings editor's entry of one rule: what it flags, its default, and a link to its page. */
export function ruleSetting(rule: Rule): { type: 'string'; enum: string[]; description: string; markdownDescription: string } {
  const description = `${rule.summary} Default: ${rule.defaultSeverity}.`;
  const link = `command:mtusLint.openRuleDocs?${encodeURIComponent(JSON.stringify([rule.id]))}`;
  return { type: 'string', enum: SEVERITIES, description, markdownDescription: `${description} [Read the rule's page](${link}).` };
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

export function readmeTable(rules: readonly Rule[]): string {
  const lines = ['| Rule | Severity | What it flags |', '|---|---|---|'];
  for (const r of rules) lines.push(row([`[${r.id}](docs/rules/${r.id}.md)`, r.defaultSeverity, r.docs.readme]));
  return lines.join('\n');
}

export function rulesReadmeTable(rules: readonly Rule[]): string {
  const lines = ['| Rule | Default severity | Flags | Figures used (source, edition) | Quick fix |', '|---|---|---|---|---|'];
  for (const r of rules) lines.push(row([`[${r.id}](${r.id}.md)`, r.defaultSeverity, r.docs.flags, r.docs.figures, r.docs.fix]));
  return lines.join('\n');
}

const BEGIN = '<!-- rule table: written by `npm run catalogue` from the rules; edit the rules, not this table -->';
const END = '<!-- end of rule table -->';

/** Replace the text between the markers; a file without them is a mistake said by name. */
function spliceTable(text: string, table: string, file: string): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file}: the markers around the rule table are missing (${BEGIN} ... ${END})`);
  return `${text.slice(0, start)}${BEGIN}\n\n${table}\n\n${text.slice(end)}`;
}

export interface CatalogueFile {
  /** Relative to the repository root. */
  path: string;
  /** What the file holds with the catalogue written in. */
  expected(current: string): string;
}

export const CATALOGUE_FILES: CatalogueFile[] = [
  {
    path: 'package.json',
    expected(current) {
      const pkg = JSON.parse(current);
      const rules = pkg.contributes.configuration.properties['mtusLint.rules'];
      rules.properties = Object.fromEntries(orderedRules().map((r) => [r.id, ruleSetting(r)]));
      return `${JSON.stringify(pkg, null, 2)}\n`;
    },
  },
  { path: 'README.md', expected: (current) => spliceTable(current, readmeTable(orderedRules()), 'README.md') },
  { path: 'docs/rules/README.md', expected: (current) => spliceTable(current, rulesReadmeTable(orderedRules()), 'docs/rules/README.md') },
];

/** The files whose catalogue is not current, with what they should hold. */
export function staleFiles(root: string): { path: string; expected: string }[] {
  const out: { path: string; expected: string }[] = [];
  for (const f of CATALOGUE_FILES) {
    const current = fs.readFileSync(path.join(root, f.path), 'utf8');
    const expected = f.expected(current);
    if (expected !== current) out.push({ path: f.path, expected });
  }
  return out;
}

if (require.main === module) {
  const root = path.join(__dirname, '..', '..');
  const stale = staleFiles(root);
  if (process.argv.includes('--write')) {
    for (const f of stale) fs.writeFileSync(path.join(root, f.path), f.expected);
    console.log(stale.length ? `wrote ${stale.map((f) => f.path).join(', ')}` : 'the rule catalogue is current');
  } else if (stale.length) {
    console.error(`the rule catalogue is not current in ${stale.map((f) => f.path).join(', ')}: run npm run catalogue`);
    process.exitCode = 1;
  } else console.log('the rule catalogue is current');
}
