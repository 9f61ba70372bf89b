import type { DocumentKind } from '../engine';
import { parseDateOption } from '../engine/mtus/cli-words';
import { UsageError } from './io';
import { list, optionHelp, parseOptions, str, type OptionSpec } from './options';

// `mtus-lint check`: its options, its --help, and what they mean once read. To add an option:
// an entry in CHECK_OPTIONS, a field in CheckOptions, and a line in readCheckOptions.

const SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
type RuleSeverity = (typeof SEVERITIES)[number];
export type Format = 'text' | 'json' | 'sarif';

export const CHECK_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'format',
    short: 'f',
    type: 'string',
    arg: 'text|json|sarif',
    help: 'how to print the problems (default text; sarif is SARIF 2.1.0 for code scanning)',
  },
  { name: 'output', short: 'o', type: 'string', arg: 'FILE', help: 'write the report to FILE instead of standard output' },
  { name: 'quiet', short: 'q', type: 'boolean', help: 'report errors only (warnings still count for --max-warnings)' },
  { name: 'max-warnings', type: 'string', arg: 'N', help: 'exit with status 1 when there are more than N warnings' },
  { name: 'fix', type: 'boolean', help: 'apply the certain fixes (quantities, citations) and save the files' },
  { name: 'fix-dry-run', type: 'boolean', help: 'show what --fix would change, without saving anything' },
  { name: 'config', short: 'c', type: 'string', arg: 'FILE', help: 'use this configuration file instead of the nearest .mtuslintrc.json' },
  { name: 'rule', type: 'string', multiple: true, arg: 'ID:SEVERITY', help: 'set a rule to error, warning, information, hint or off (repeatable)' },
  {
    name: 'edition',
    type: 'string',
    arg: 'auto|YEAR|current',
    help: "undated documents: judge by this Chronic Pain guideline edition (auto, 2009, 2016), or current for today's MTUS",
  },
  { name: 'date', type: 'string', arg: 'YYYY-MM-DD', help: 'judge every document by the MTUS in force on this date, whatever date it gives' },
  {
    name: 'explain',
    type: 'boolean',
    help: 'print how each document was read: passages and their roles, boxes, fields, requested items, completed courses, which MTUS governs',
  },
  { name: 'kind', type: 'string', arg: 'request|appeal', help: 'read every file as a treatment request or an appeal letter' },
  { name: 'stdin-filename', type: 'string', arg: 'NAME', help: 'the name to report standard input ("-") under, and to find its configuration by' },
  { name: 'color', type: 'boolean', help: 'colour the text report even when not writing to a terminal' },
  { name: 'no-color', type: 'boolean', help: 'never colour (so does the NO_COLOR environment variable)' },
  { name: 'help', short: 'h', type: 'boolean', help: 'show this help' },
];

export const CHECK_USAGE = `Usage: mtus-lint check [options] FILE|FOLDER|GLOB|- ...

Checks treatment requests (.rfa) and IMR appeal letters (.appeal) against the MTUS. Folders are
searched for drafts; globs ("drafts/**/*.rfa") are expanded by mtus-lint itself, so they work in
every shell; "-" reads standard input. Each file uses the nearest .mtuslintrc.json in its folder
or above; the options below override it.

Options:
${optionHelp(CHECK_OPTIONS)}

Exit status: 0 no errors (and no more warnings than --max-warnings), 1 errors found or too many
warnings, 2 usage or configuration error, or a file that cannot be read.`;

export interface CheckOptions {
  inputs: string[];
  format: Format;
  output?: string;
  quiet: boolean;
  maxWarnings?: number;
  fix: boolean;
  fixDryRun: boolean;
  config?: string;
  rules: Record<string, RuleSeverity>;
  edition?: string;
  /** --date: the date every document is judged at. */
  date?: Date;
  explain: boolean;
  kind?: DocumentKind;
  stdinFilename?: string;
  /** --color / --no-color; undefined lets the environment and the terminal decide. */
  color?: boolean;
  help: boolean;
}

/** Read `check`'s command line. `knownRules` makes a misspelt --rule a usage error. */
export function readCheckOptions(args: string[], knownRules: readonly string[]): CheckOptions {
  const { values: v, positionals } = parseOptions('check', args, CHECK_OPTIONS);
  const fail = (message: string): never => {
    throw new UsageError(message, 'check');
  };
  const format = str(v.format) ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') fail(`--format must be text, json or sarif, not "${format}"`);
  const kind = str(v.kind);
  if (kind !== undefined && kind !== 'request' && kind !== 'appeal') fail(`--kind must be request or appeal, not "${kind}"`);
  let maxWarnings: number | undefined;
  if (v['max-warnings'] !== undefined) {
    maxWarnings = Number(v['max-warnings']);
    if (!/^\d+$/.test(String(v['max-warnings'])) || !Number.isSafeInteger(maxWarnings))
      fail(`--max-warnings must be a whole number of 0 or more, not "${v['max-warnings']}"`);
  }
  const edition = str(v.edition);
  if (edition !== undefined && !/^(?:auto|current|\d{4})$/.test(edition))
    fail(`--edition must be auto, current or an edition year such as 2009 or 2016, not "${edition}"`);
  const dateText = str(v.date);
  const date = dateText === undefined ? undefined : parseDateOption(dateText);
  if (dateText !== undefined && !date) fail(`--date must be a date as YYYY-MM-DD or MM/DD/YYYY, not "${dateText}"`);
  const rules: Record<string, RuleSeverity> = {};
  for (const r of list(v.rule)) {
    const m = /^([^:=]+)[:=](.+)$/.exec(r);
    if (!m) fail(`--rule needs ID:SEVERITY, such as therapy-over-trial:warning, not "${r}"`);
    const [, id, sev] = m!;
    if (!knownRules.includes(id.trim())) fail(`--rule names an unknown rule "${id}" (see docs/rules/ for the rule ids)`);
    if (!(SEVERITIES as readonly string[]).includes(sev.trim())) fail(`--rule ${id}: severity must be one of ${SEVERITIES.join(', ')}, not "${sev}"`);
    rules[id.trim()] = sev.trim() as RuleSeverity;
  }
  if (v.color && v['no-color']) fail('--color and --no-color cannot be used together');
  if (v.fix && v['fix-dry-run']) fail('--fix and --fix-dry-run cannot be used together');
  const output = str(v.output);
  if (output === '') fail('--output needs a file name');
  if (v.fix && positionals.includes('-')) fail('--fix cannot save standard input; use --fix-dry-run to see the fixes');
  if (positionals.filter((p) => p === '-').length > 1) fail('"-" (standard input) can be named only once');
  if (!v.help && positionals.length === 0) fail('name at least one file, folder or glob to check ("-" for standard input)');
  return {
    inputs: positionals,
    format: format as Format,
    output,
    quiet: Boolean(v.quiet),
    maxWarnings,
    fix: Boolean(v.fix),
    fixDryRun: Boolean(v['fix-dry-run']),
    config: str(v.config),
    rules,
    edition,
    date,
    explain: Boolean(v.explain),
    kind: kind as DocumentKind | undefined,
    stdinFilename: str(v['stdin-filename']),
    color: v.color ? true : v['no-color'] ? false : undefined,
    help: Boolean(v.help),
  };
}
