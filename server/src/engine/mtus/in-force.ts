import type { Knowledge } from '../../knowledge/knowledge';
import { isoOf, mtusAsOf, reached } from '../../knowledge/timeline';
import type { Timeline, TimelineGuideline } from '../../knowledge/timeline-schema';
import { formatDate } from '../parse/dates';
import { documentDate } from '../parse/document-date';
import type { DocumentDateCue, DocumentKind, MtusDateReason, MtusInForce } from '../types';
import type { DrugList } from '../../formulary/types';

// Which MTUS a document is judged by. The date comes from, in order: the caller (the CLI's
// --date), the document itself (request, report or service date; for an appeal the request
// under review), the setting "current" (today). An undated document is judged as before this
// existed, by the Chronic Pain edition it cites or the default: the checks on undated text stay
// what they were, and the explanation says how to have it judged by date.

/** The setting value that judges an undated document by today's MTUS. */
export const CURRENT = 'current';

export interface MtusDateOptions {
  /** Judge as of this date whatever the document says (the CLI's --date). */
  date?: Date;
  /** mtusLint.edition: "current" judges an undated document as of today. */
  edition?: string;
  today?: Date;
  drugLists?: DrugList[];
}

/** The imported Drug List that was in force on the date: the latest whose stated effective date is not after it. */
export function drugListOn(lists: readonly DrugList[] | undefined, iso: string): DrugList | undefined {
  return [...(lists ?? [])].filter((l) => !l.effective || l.effective <= iso).sort((a, b) => (b.effective ?? '').localeCompare(a.effective ?? ''))[0];
}

const NAMED = 2;

function changedList(changed: TimelineGuideline[]): string {
  const names = changed.map((g) => (g.name.endsWith(g.version) ? g.name : `${g.name}, ${g.version}`));
  return names.length > NAMED ? `${names.slice(0, NAMED).join('; ')}; and ${names.length - NAMED} more` : names.join('; ');
}

/**
 * Pure: what to tell a user about the MTUS a date falls under. `lead` says where the date came
 * from ("dated 03/14/2026", "--date 03/14/2026"). Also used by --explain.
 */
export function explainMtus(timeline: Timeline | undefined, iso: string | undefined, lead: string): string {
  if (!iso || !timeline) return lead;
  const as = mtusAsOf(timeline, iso);
  if (!as) return `${lead}: before the first MTUS adoption mtus-lint holds`;
  return `${lead}: MTUS as of ${as.asOf} (${changedList(as.changed)})`;
}

const CUE_WORDS: Record<DocumentDateCue, string> = {
  'request date': 'the date of the request',
  'report date': 'the date of the report or examination',
  'service date': 'the date of service',
  'form date': "the form's date",
  'request under review': 'the date of the request under review',
  'UR decision date': "the UR decision's date (the request under review is not dated; it came before the decision)",
  'letter date': "the letter's date (no request or UR decision date is given)",
};

/** Why this date: "the date of the request under review". */
export function dateReasonWords(m: MtusInForce): string {
  switch (m.reason) {
    case 'given':
      return 'the date given on the command line (--date)';
    case 'setting':
      return 'today: the document states no date, and mtusLint.edition is "current"';
    case 'undated':
      return 'the document states no request, report or letter date';
    default:
      return m.cue ? CUE_WORDS[m.cue] : 'its date';
  }
}

/** The MTUS this document is judged by, from its date (`dated`: documentDate, or what gives the same, incremental/document-date.ts). */
export function mtusInForce(text: string, kind: DocumentKind, kb: Knowledge, options: MtusDateOptions = {}, dated = documentDate): MtusInForce {
  const timeline = kb.data.timeline;
  let date: Date | undefined;
  let reason: MtusDateReason = 'undated';
  let found: ReturnType<typeof documentDate>;
  if (options.date) {
    date = options.date;
    reason = 'given';
  } else if ((found = dated(text, kind))) {
    date = found.date;
    reason = 'document';
  } else if (options.edition === CURRENT) {
    const t = options.today ?? new Date();
    date = new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate()));
    reason = 'setting';
  }
  if (!date || !timeline) {
    return {
      reason: 'undated',
      changed: [],
      acoem: false,
      formulary: false,
      ur2026: false,
      drugListsImported: options.drugLists?.length ?? 0,
      explanation: 'undated: judged by the Chronic Pain edition as before; write the request or report date to be judged by the MTUS in force on it',
    };
  }
  const iso = isoOf(date);
  const lead =
    reason === 'given' ? `--date ${formatDate(date)}` : reason === 'setting' ? `undated, judged as of today ${formatDate(date)}` : `dated ${formatDate(date)}`;
  const as = mtusAsOf(timeline, iso);
  return {
    date: iso,
    reason,
    span: found?.span,
    cue: found?.cue,
    asOf: as?.asOf,
    changed: as?.changed ?? [],
    acoem: reached(timeline, 'acoem-rebase', iso),
    formulary: reached(timeline, 'drug-formulary', iso),
    drugList: reached(timeline, 'drug-formulary', iso) ? drugListOn(options.drugLists, iso) : undefined,
    drugListsImported: options.drugLists?.length ?? 0,
    ur2026: reached(timeline, 'ur-regulations-2026', iso),
    explanation: explainMtus(timeline, iso, lead),
  };
}

/** The status bar's words: "as of 2021-11-23" from the rebase on, else the Chronic Pain edition's label. */
export function mtusLabel(m: MtusInForce | undefined, editionLabel: string): string {
  return m?.acoem && m.asOf ? `as of ${m.asOf}` : editionLabel;
}
