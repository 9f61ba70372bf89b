import { milestone, usDate } from '../../knowledge/timeline';
import { DATE_SOURCE, dateOf, daysBetween, formatDate } from '../parse/dates';
import type { Span } from '../types';
import type { RuleContext } from './rule';

// What the rules for requests under the 4/1/2026 utilization review regulations share
// (DWC Newsline 2026-42, shared/reference/mtus-current.md Q2): is this a request at all, is it
// on the DWC Form RFA, and what supporting documentation it dates.

/** A request that asks for something: a therapy item or a medication. */
export const asksForTreatment = (ctx: RuleContext) => ctx.doc.kind === 'request' && (ctx.doc.items.length > 0 || (ctx.doc.medications?.length ?? 0) > 0);

const FORM_NAME = /\bDWC\s+Form\s+RFA\b|\bDWC\s+RFA\b/i;
const FORM_TITLE = /\bREQUEST\s+FOR\s+AUTHORI[SZ]ATION\b/;
const FORM_FIELDS = [
  /\bEmployee(?:\s+Information|\s+Name)?\s*:/i,
  /\bRequesting\s+Physician\b/i,
  /\bClaims?\s+Administrator\b/i,
  /\bRequested\s+Treatment\b/i,
  /\bClaim\s*(?:Number|No\.?|#)/i,
  /\bDate\s+of\s+Injury\b/i,
];

/** On the DWC Form RFA: named so, or titled so with the form's fields. */
export function onTheForm(text: string): boolean {
  const head = text.slice(0, 20_000);
  if (FORM_NAME.test(head)) return true;
  return FORM_TITLE.test(head) && FORM_FIELDS.filter((f) => f.test(head)).length >= 3;
}

/** The first date the 2026 regulations apply to, as the DWC writes it ("4/1/2026"). */
export const from2026 = (ctx: RuleContext) => usDate(milestone(ctx.kb.data.timeline!, 'ur-regulations-2026')!.date);

// "PR-2 dated 02/25/2026", "progress report of 01/05/2026", "examination on 12/01/2025".
const DOCUMENTATION = new RegExp(
  String.raw`\b(?:PR-?2|DLSR\s*5021|progress\s+(?:report|note)|(?:medical\s+)?report|exam(?:ination)?|evaluation|office\s+(?:visit|note)|visit\s+note|records?)\b[^.\n]{0,25}?\b(?:dated|of|on|from)\s+(?:${DATE_SOURCE})`,
  'gi',
);

/** Supporting documentation the request dates, and how old each is on the request's date. */
export function documentationAges(ctx: RuleContext): { span: Span; date: Date; days: number }[] {
  const m = ctx.doc.mtus;
  if (!m?.date) return [];
  const request = new Date(`${m.date}T00:00:00Z`);
  const out: { span: Span; date: Date; days: number }[] = [];
  const re = new RegExp(DOCUMENTATION.source, DOCUMENTATION.flags);
  const head = ctx.text.slice(0, 40_000);
  for (let x; (x = re.exec(head));) {
    const inner = new RegExp(DATE_SOURCE, 'gi');
    let last: RegExpExecArray | null = null;
    for (let d; (d = inner.exec(x[0]));) last = d;
    const date = last ? dateOf(last) : undefined;
    if (!last || !date) continue;
    // The document's own date is not its supporting documentation.
    if (m.span && x.index + last.index === m.span.start) continue;
    out.push({ span: { start: x.index + last.index, end: x.index + last.index + last[0].length }, date, days: daysBetween(date, request) });
  }
  return out;
}

export const requestDated = (ctx: RuleContext) => formatDate(new Date(`${ctx.doc.mtus!.date}T00:00:00Z`));
