import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, editionLabel, RULES, type Analysis, type DocumentKind } from '../engine';
import { explain } from '../engine/explain';
import { cliMtusNote } from '../engine/mtus/cli-words';
import { loadDrugLists } from '../formulary/store';
import { defaultKnowledge } from '../knowledge/load';
import type { Knowledge } from '../knowledge/knowledge';
import { defaultCorpusIndex } from '../corpus/load-index';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { applyTeamConfig } from '../config/apply-config';
import { TeamConfigFinder } from '../config/find-config';
import { formatProblem, type ConfigResult } from '../config/team-config';
import { CHECK_USAGE, readCheckOptions, type CheckOptions } from './check-options';
import { fixedText, saveFixed } from './fix';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { expandInputs, type Target } from './inputs';
import { UsageError, wantsColour, type Io } from './io';
import { readDraftFile, readDraftStream, type Draft } from './read-input';
import { toReported, totals, type FileReport } from './report';

// `mtus-lint check`: expand the inputs, read each within its bound, check it with the
// settings its .mtuslintrc.json and the options give, fix it if asked, and report.

export function kindFromPath(file: string): DocumentKind | undefined {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.rfa') return 'request';
  if (ext === '.appeal') return 'appeal';
  return undefined;
}

const EDITION_REASON = { document: 'the edition it cites', default: 'the default edition' } as const;

export async function checkCommand(args: string[], io: Io, version: string): Promise<number> {
  const ruleIds = RULES.map((r) => r.id);
  const opts = readCheckOptions(args, ruleIds);
  if (opts.help) {
    io.out(`${CHECK_USAGE}\n`);
    return 0;
  }
  const kb = defaultKnowledge();
  if (opts.edition && opts.edition !== 'auto' && opts.edition !== 'current' && !kb.editions.includes(opts.edition)) {
    throw new UsageError(`--edition must be auto or one of ${kb.editions.join(', ')}, not "${opts.edition}"`, 'check');
  }
  const finder = new TeamConfigFinder(
    () => ruleIds,
    () => kb.editions,
  );
  const named = opts.config ? finder.load(path.resolve(io.cwd, opts.config)) : undefined;
  const configFor = (abs: string | undefined): ConfigResult | undefined => named ?? finder.forFile(abs ?? path.join(io.cwd, '-'));
  const badConfigs = new Set<string>();
  let status = 0;
  const fail = (message: string) => {
    io.err(`mtus-lint: ${message}\n`);
    status = 2;
  };
  /** The file's settings, or undefined (reported once) when its configuration has errors. */
  const settingsFor = (abs: string | undefined): Settings | undefined => {
    const config = configFor(abs);
    if (config && !config.ok) {
      if (!badConfigs.has(config.file)) {
        badConfigs.add(config.file);
        for (const p of config.problems) fail(formatProblem(p));
        io.err(`mtus-lint: the files under ${path.dirname(config.file)} are not checked until ${path.basename(config.file)} is fixed\n`);
      }
      return undefined;
    }
    const s = applyTeamConfig(DEFAULT_SETTINGS, config?.config);
    return { ...s, rules: { ...s.rules, ...opts.rules }, edition: opts.edition ?? s.edition };
  };

  const { targets, problems } = await expandInputs(opts.inputs, io.cwd, (abs, kind) => settingsFor(abs)?.[kind].enable ?? false, opts.stdinFilename);
  problems.forEach(fail);
  const corpus = defaultCorpusIndex();
  const reports: FileReport[] = [];
  for (const target of targets) {
    const settings = settingsFor(target.abs);
    if (!settings) continue;
    const read = target.stdin ? await readDraftStream(io.stdin, settings.maxDocumentSize) : readDraftFile(target.abs!, settings.maxDocumentSize);
    if (!read.ok) {
      fail(`cannot read ${target.display}: ${read.reason}`);
      continue;
    }
    const report = checkOne(target, read.draft, settings, opts, kb, corpus, fail);
    reports.push(report);
  }

  const t = totals(reports);
  const toFile = opts.output !== undefined;
  const text =
    opts.format === 'json'
      ? formatJson(reports, t, opts.quiet)
      : opts.format === 'sarif'
        ? formatSarif(reports, { cwd: io.cwd, version, quiet: opts.quiet })
        : formatText(reports, t, { colour: wantsColour(opts.color, !toFile && io.outIsTty, io.env), quiet: opts.quiet });
  if (toFile) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, opts.output!), text);
    } catch (e) {
      fail(`cannot write the report to ${opts.output}: ${(e as Error).message}`);
    }
  } else if (reports.length || opts.format !== 'text') io.out(text);

  if (status) return status;
  if (opts.maxWarnings !== undefined && t.warning > opts.maxWarnings) {
    io.err(`mtus-lint: ${t.warning} warnings, more than --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return t.error > 0 ? 1 : 0;
}

function checkOne(
  target: Target,
  draft: Draft,
  settings: Settings,
  opts: CheckOptions,
  kb: Knowledge,
  corpus: ReturnType<typeof defaultCorpusIndex>,
  fail: (m: string) => void,
): FileReport {
  const kind = opts.kind ?? kindFromPath(target.display) ?? (target.abs ? kindFromPath(target.abs) : undefined);
  const run = (text: string): Analysis =>
    analyze(text, kb, {
      kind,
      corpus,
      maxLength: settings.maxDocumentSize,
      ruleSeverity: settings.rules,
      edition: settings.edition,
      date: opts.date,
      drugLists: drugLists(),
    });
  let text = draft.text;
  let analysis = run(text);
  const notes: string[] = [];
  if (draft.note) notes.push(draft.note);
  const report: FileReport = { path: target.display, diagnostics: [], notes };
  if (opts.fix || opts.fixDryRun) {
    const fixed = fixedText(text, analysis, draft.truncated);
    if (!fixed.changed && fixed.reason) notes.push(fixed.reason);
    if (fixed.changed && opts.fixDryRun) {
      report.output = fixed.text;
      report.changes = fixed.changes;
    }
    if (fixed.changed && opts.fix) {
      const problem = saveFixed(target.abs!, fixed.text, draft.encoding, draft.stat!);
      if (problem) fail(`${target.display}: ${problem}`);
      else {
        report.fixed = fixed.applied;
        text = fixed.text;
        analysis = run(text);
      }
    }
  }
  const reason = analysis.editionReason === 'setting' ? (opts.edition ? '--edition' : 'the configuration file') : EDITION_REASON[analysis.editionReason];
  notes.push(cliMtusNote(analysis, `judged by ${editionLabel(kb, analysis.edition)} (${reason})`));
  if (opts.explain) report.reading = explain(text, analysis, kb);
  if (analysis.truncatedAt !== undefined) notes.push(`only the first ${analysis.truncatedAt.toLocaleString('en-US')} characters were checked`);
  report.diagnostics = toReported(text, analysis.findings);
  return report;
}

/** The Drug Lists the user imported (mtus-lint formulary import), read once per run. */
let lists: ReturnType<typeof loadDrugLists>['lists'] | undefined;
function drugLists(): ReturnType<typeof loadDrugLists>['lists'] {
  return (lists ??= loadDrugLists().lists);
}
