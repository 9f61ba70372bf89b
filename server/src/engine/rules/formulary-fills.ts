import { usDate } from '../../knowledge/timeline';
import { formatDate, daysBetween } from '../parse/dates';
import type { Finding, MedicationItem } from '../types';
import type { RuleContext } from './rule';
import { describe } from './medication-common';
import { drugListStanding } from '../judgements/drug-list-standing';
import { citationRef } from '../wording/citation-label';
import { documentFacts } from '../parse/document-facts';

// The formulary's fills that need no list to recognise (8 CCR 9792.27.12, 9792.27.13), counted
// from the document's own dates. With a list imported, each drug's fill and its day limit are
// named too.

export interface DocDates {
  /** The document's date (the visit or request), YYYY-MM-DD. */
  visit: Date;
  injury?: Date;
  surgery?: { date: Date; span: { start: number; end: number } };
}

/** The dates the fills count from, for documents dated while the formulary is operative. */
export function docDates(ctx: RuleContext): DocDates | undefined {
  const m = ctx.doc.mtus;
  if (!m?.formulary || !m.date) return undefined;
  const facts = documentFacts(ctx);
  return { visit: new Date(`${m.date}T00:00:00Z`), injury: facts.injuryDate, surgery: facts.surgeryDate };
}

/**
 * The fill a list gives a drug, for the message ("; on the Special Fill of v13, up to 4 days"),
 * or undefined when a list is imported and the drug is not on that fill (nothing to say: the
 * Drug List rules say whether it needs review).
 */
export function listFill(ctx: RuleContext, item: MedicationItem, which: 'specialFill' | 'perioperativeFill'): string | undefined {
  const list = ctx.doc.mtus?.drugList;
  if (!list) return ' (import the MTUS Drug List to see which drugs are on this fill and their day limits)';
  const match = drugListStanding(item, ctx)?.match;
  const entry = match?.entry;
  const fill = entry?.[which];
  const label = which === 'specialFill' ? 'Special Fill' : 'Perioperative Fill';
  if (!entry || !fill) return undefined;
  const days = item.supply?.days;
  const limit = fill.days ? `up to ${fill.days} days` : 'eligible';
  const over =
    fill.days && days !== undefined && days > fill.days
      ? `: this request is ${days} days, more than the fill allows, so the rest needs prospective review`
      : '';
  return `; ${entry.name} is on the ${label} of the MTUS Drug List v${list.version}, ${limit}${over}`;
}

type Out = Omit<Finding, 'rule' | 'severity'>;

/**
 * With a list, one finding per drug on the fill; without one, a single finding on the first
 * drug (the window applies to the visit, and which drugs it covers needs the list).
 */
function fillFindings(
  ctx: RuleContext,
  meds: MedicationItem[],
  which: 'specialFill' | 'perioperativeFill',
  make: (item: MedicationItem, fill: string) => Out,
): Out[] {
  if (!ctx.doc.mtus?.drugList) return [make(meds[0], listFill(ctx, meds[0], which)!)];
  return meds.flatMap((item) => {
    const fill = listFill(ctx, item, which);
    return fill ? [make(item, fill)] : [];
  });
}

/** Special Fill: the single initial treatment visit within 7 days of injury (the day after the injury is day one). */
export function specialFillFindings(ctx: RuleContext): Out[] {
  const meds = ctx.doc.medications ?? [];
  const d = meds.length ? docDates(ctx) : undefined;
  if (!d?.injury) return [];
  const day = daysBetween(d.injury, d.visit);
  if (day < 0 || day > 7) return [];
  return fillFindings(ctx, meds, 'specialFill', (item, fill) => ({
    span: item.span,
    message: `${describe(item, ctx.kb)}: dated ${formatDate(d.visit)}, day ${day} after the injury of ${formatDate(d.injury!)}; at the single initial treatment visit within 7 days of injury a drug on the Drug List's Special Fill may be dispensed without prospective review, as a generic or single-source drug within the list's supply limit (8 CCR 9792.27.12)${fill}`,
    citation: citationRef(ctx.kb, 'ccr-9792.27.12-special-fill'),
    subject: `special-fill|${item.drug}|${item.quantity?.value ?? ''}`,
  }));
}

/** Perioperative Fill: from 4 days before to 4 days after surgery, the day of surgery being day zero. */
export function perioperativeFillFindings(ctx: RuleContext): Out[] {
  const meds = ctx.doc.medications ?? [];
  const d = meds.length ? docDates(ctx) : undefined;
  if (!d?.surgery) return [];
  const day = daysBetween(d.surgery.date, d.visit);
  if (day < -4 || day > 4) return [];
  const when = day === 0 ? 'the day of surgery (day 0)' : `day ${day > 0 ? '+' : ''}${day} from the surgery of ${formatDate(d.surgery.date)}`;
  return fillFindings(ctx, meds, 'perioperativeFill', (item, fill) => ({
    span: item.span,
    message: `${describe(item, ctx.kb)}: dated ${formatDate(d.visit)}, ${when}; from 4 days before to 4 days after surgery a drug on the Drug List's Perioperative Fill may be dispensed without prospective review, within the list's supply limit (8 CCR 9792.27.13)${fill}`,
    citation: citationRef(ctx.kb, 'ccr-9792.27.13-perioperative-fill'),
    subject: `periop-fill|${item.drug}|${item.quantity?.value ?? ''}`,
  }));
}

// "dispensed in the office", "physician-dispensed", "dispensed at this visit", "in-office dispensing".
const DISPENSED =
  /\b(?:physician[- ]dispensed|dispens(?:ed|ing)\s+(?:in|at|from)\s+(?:the\s+|our\s+|this\s+)?(?:office|clinic|visit|practice)|in[- ]office\s+dispens\w*|dispensed\s+by\s+(?:the\s+|our\s+)?(?:physician|office|clinic|provider|doctor))\b/i;

/**
 * A physician may dispense an Exempt drug without review only as one 7-day supply at the initial
 * visit within 7 days of injury (MTUS Drug List header, from v3 of 10/1/2018): a longer supply,
 * or dispensing later, needs prospective review.
 */
export function physicianDispensedFindings(ctx: RuleContext, from: string | undefined): Out[] {
  if (!ctx.doc.medications?.length) return [];
  const d = docDates(ctx);
  if (!d || !from || `${d.visit.toISOString().slice(0, 10)}` < from) return [];
  const out: Out[] = [];
  for (const item of ctx.doc.medications ?? []) {
    const lineStart = ctx.text.lastIndexOf('\n', item.span.start - 1) + 1;
    const nl = ctx.text.indexOf('\n', item.span.end);
    const line = ctx.text.slice(lineStart, nl < 0 ? ctx.text.length : nl);
    if (!DISPENSED.test(line)) continue;
    const days = item.supply?.days;
    const day = d.injury ? daysBetween(d.injury, d.visit) : undefined;
    const late = day !== undefined && (day < 0 || day > 7);
    if (!late && (days === undefined || days <= 7)) continue;
    const why = late
      ? `this visit is day ${day} after the injury of ${formatDate(d.injury!)}, past the initial visit within 7 days`
      : `${days} days are dispensed`;
    out.push({
      span: item.span,
      message: `${describe(item, ctx.kb)}, dispensed by the physician: ${why}; a physician may dispense an Exempt drug without prospective review only as one 7-day supply at the initial visit within 7 days of injury (MTUS Drug List header, from ${usDate(from)}); dispense at most 7 days, or request the rest for review`,
      // The whole list is cited: citationLabel would name it twice ("MTUS Drug List, MTUS Drug List").
      citation: { id: 'mtus-drug-list', label: 'MTUS Drug List' },
      subject: `dispensed|${item.drug}|${item.quantity?.value ?? ''}`,
    });
  }
  return out;
}
