import type { FindAll } from '../incremental/finders';
import type { RuleMemo } from './rule-memo';
import type { Knowledge } from '../../knowledge/knowledge';
import type { AnalysisResult, CorpusIndex, DocumentKind, Finding, RequestedItem, Severity } from '../types';

export interface RuleContext {
  text: string;
  kb: Knowledge;
  doc: Omit<AnalysisResult, 'findings'>;
  /** What real IMR decisions cited, when an index is loaded. */
  corpus?: CorpusIndex;
  /** Today's date when the caller set one (tests); rules default to new Date(). */
  today?: Date;
  /** The edition limits are taken from (see AnalysisResult.edition). */
  edition: string;
  /** Every rule's id (a silencing comment may name any of them). */
  ruleIds: readonly string[];
  /** Runs a whole-text search, incrementally when the analysis has a memo (engine/incremental/finders.ts). */
  find?: FindAll;
  /** What the rules kept from the last version of the document, when the analysis has a memo (rule-memo.ts). */
  memo?: RuleMemo;
}

export interface Rule {
  /** Stable id: the diagnostic code and the name of docs/rules/<id>.md. */
  id: string;
  /** One line: what the rule flags. */
  summary: string;
  defaultSeverity: Severity;
  /** The kinds of document the rule reads: the analysis runs it on no other. */
  kinds: readonly DocumentKind[];
  /** Its rows in the rule tables, which `npm run catalogue` writes from these. */
  docs: RuleDocs;
  check(ctx: RuleContext): Omit<Finding, 'rule' | 'severity'>[];
}

/** A rule's rows in README.md ("What it checks") and docs/rules/README.md. */
export interface RuleDocs {
  /** README.md: what a writer meets, with the figure and where it comes from. */
  readme: string;
  /** docs/rules/README.md, "Flags": what is reported and when. */
  flags: string;
  /** docs/rules/README.md, "Figures used (source, edition)". */
  figures: string;
  /** docs/rules/README.md, "Quick fix": what the fix does, or "None". */
  fix: string;
}

/**
 * A rule from a family's description and its check: only the fields a rule has, so what the
 * family's factory takes besides (the verdict it reports, its judge) stays out of the catalogue.
 */
export function ruleWith(def: Omit<Rule, 'check'>, check: Rule['check']): Rule {
  return { id: def.id, summary: def.summary, defaultSeverity: def.defaultSeverity, kinds: def.kinds, docs: def.docs, check };
}

/** Where a rule's documentation page lives, relative to the repository root. */
export const ruleDocPath = (id: string) => `docs/rules/${id}.md`;

/**
 * What a finding about an item is about, to report a request restated in a letter once:
 * "treatment|total|aspect#regions", and "@" when the item stands in a form's table, fields or
 * list. Two such items are two requests however alike they are (manual and electro-
 * acupuncture, 12 each); a sentence restating one of them is the same request.
 */
export function itemSubject(item: RequestedItem, aspect: string = String(item.extendsPriorCourse)): string {
  const structured = item.unit && item.unit !== 'sentence' ? '@' : '';
  return `${item.treatment}|${item.quantity?.total}|${aspect}#${[...item.bodyRegions].sort().join(',')}${structured}`;
}

/** The part of an item a diagnostic underlines: from the treatment's name through its quantity. */
export function itemCore(item: RequestedItem): { start: number; end: number } {
  const q = item.quantity?.span ?? item.treatmentSpan;
  return { start: Math.min(item.treatmentSpan.start, q.start), end: Math.max(item.treatmentSpan.end, q.end) };
}
