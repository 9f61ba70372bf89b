import type { Knowledge } from '../../knowledge/knowledge';
import type { AnalysisResult, Finding, MedicationItem, RequestedItem, Span } from '../types';
import { citationLabel } from '../wording/citation-label';
import { exceeded, itemLimits, limitPhrase } from './applied-limits';
import { letterStructure } from './letter-outline';
import { capital, oneLine, type OutlineNode } from './outline-node';
import { lineEndAt, lineStartAt } from '../fill-in';

export type { OutlineKind, OutlineNode } from './outline-node';

// The outline of a draft: its requested items, medications and citations, and for an appeal
// letter the denial reasons it quotes and the paragraphs that answer them, so the editor's
// Outline and breadcrumbs show the letter's structure. Letters are written by people, not
// templates: headings are read when they are there, and the prose is read when they are not.

type Doc = Pick<
  AnalysisResult,
  'kind' | 'items' | 'medications' | 'citations' | 'findings' | 'segments' | 'edition' | 'evidence' | 'diagnoses' | 'surgeries' | 'truncatedAt'
>;

export function outline(doc: Doc, text: string, kb: Knowledge): OutlineNode[] {
  const scope = doc.truncatedAt !== undefined ? text.slice(0, doc.truncatedAt) : text;
  const top = doc.kind === 'appeal' ? letterStructure(scope, doc.segments ?? []) : [];
  const findings = findingsByPlace(doc.findings);
  for (const item of doc.items) place(top, itemNode(item, doc, scope, kb, findings));
  for (const med of doc.medications ?? []) place(top, medicationNode(med, scope));
  if (doc.citations.length) top.push(citationsNode(doc.citations, scope, kb));
  sortTree(top);
  return top;
}

// ---- items, medications, citations ----------------------------------------------------------

/** Findings and the other places they point to, by start, to find an item's without a scan per item. */
function findingsByPlace(findings: Finding[]): { span: Span; finding: Finding }[] {
  const out = findings.flatMap((f) => [{ span: f.span, finding: f }, ...(f.related ?? []).map((span) => ({ span, finding: f }))]);
  return out.sort((a, b) => a.span.start - b.span.start);
}

function findingsWithin(places: { span: Span; finding: Finding }[], s: Span): Finding[] {
  let lo = 0;
  let hi = places.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (places[mid].span.start < s.start) lo = mid + 1;
    else hi = mid;
  }
  const out: Finding[] = [];
  for (let i = lo; i < places.length && places[i].span.start < s.end; i++) if (places[i].span.end <= s.end) out.push(places[i].finding);
  return out;
}

// The rules that say something about an item's quantity or fitness, most serious first; the
// first one reported on the item names its state in the outline.
const ITEM_STATES: [string, string][] = [
  ['manual-therapy-body-region', 'not recommended for this body part'],
  ['visit-cap-24', 'over the 24-visit cap'],
  ['postsurgical-over-limit', 'over'],
  ['therapy-over-maximum', 'over'],
  ['therapy-over-trial', 'over'],
  ['pain-relief-only', 'no functional improvement documented'],
  ['extension-without-improvement', 'no functional improvement documented'],
  ['frequency-over-limit', 'too many a week'],
  ['prior-course-without-facts', 'prior course not described'],
];

function itemNode(item: RequestedItem, doc: Doc, text: string, kb: Knowledge, places: { span: Span; finding: Finding }[]): OutlineNode {
  const q = item.quantity;
  const unit = kb.treatment(item.treatment)?.unit ?? 'sessions';
  const written = q ? oneLine(text.slice(q.span.start, q.span.end), 60) : '';
  const regions = item.bodyRegions.map((r) => (kb.region(r)?.name ?? r).replace(/\s*\(.*\)$/, '')).join(', ');
  const total = q?.total !== undefined ? `${q.totalLow !== undefined && q.totalLow < q.total ? `${q.totalLow}–` : ''}${q.total} ${unit}` : '';
  // "6 additional acupuncture sessions" names the treatment itself; "2x4" needs it before.
  const named = q && q.span.start <= item.treatmentSpan.start && item.treatmentSpan.end <= q.span.end;
  const what = named ? written : `${item.treatmentText}${written ? ` ${written}` : ''}`;
  const name = [capital(oneLine(what)), regions, total].filter(Boolean).join(' — ');
  return {
    name: `${name}${total ? ` (${itemState(item, doc, kb, places)})` : ''}`,
    detail: kb.treatment(item.treatment)?.name,
    kind: 'item',
    range: lineAround(text, item.span),
    selection: item.span,
    children: [],
  };
}

function itemState(item: RequestedItem, doc: Doc, kb: Knowledge, places: { span: Span; finding: Finding }[]): string {
  const rules = new Set(
    findingsWithin(places, item.span)
      .filter((f) => f.severity === 'error' || f.severity === 'warning')
      .map((f) => f.rule),
  );
  const limits = itemLimits(item, doc, kb);
  for (const [rule, state] of ITEM_STATES) {
    if (!rules.has(rule)) continue;
    if (state !== 'over') return state;
    const over = exceeded(item.quantity!.total!, limits, doc.evidence.functionalImprovement);
    // Over the maximum only with the sessions already completed added.
    return over ? `over ${limitPhrase(over)}` : 'over the maximum with the completed sessions';
  }
  if (!limits.length) return item.postsurgical ? 'postsurgical' : 'no visit figure';
  return 'within limit';
}

function medicationNode(med: MedicationItem, text: string): OutlineNode {
  const days = med.supply ? ` — ${med.supply.days} days` : '';
  return {
    name: `${capital(oneLine(text.slice(med.span.start, med.span.end)))}${days}`,
    kind: 'medication',
    range: lineAround(text, med.span),
    selection: med.span,
    children: [],
  };
}

function citationsNode(citations: Doc['citations'], text: string, kb: Knowledge): OutlineNode {
  const children = citations.map<OutlineNode>((c) => ({
    name: oneLine(text.slice(c.span.start, c.span.end), 80) || c.text,
    detail: c.resolved.length ? citationLabel(kb, c.resolved[0]) : 'not found in the MTUS as indexed',
    kind: 'citation',
    range: c.span,
    selection: c.span,
    children: [],
  }));
  const range = { start: citations[0].span.start, end: Math.max(...citations.map((c) => c.span.end)) };
  return { name: 'Citations', detail: `${citations.length}`, kind: 'citations', range, selection: citations[0].span, children };
}

/** The whole line(s) a span stands on, so the outline follows the cursor anywhere on them. */
function lineAround(text: string, s: Span): Span {
  return { start: lineStartAt(text, s.start), end: lineEndAt(text, s.end) };
}

/** Put a leaf into the innermost section, denial or response that holds it. */
function place(nodes: OutlineNode[], leaf: OutlineNode): void {
  for (const n of nodes) {
    if ((n.kind === 'section' || n.kind === 'denial' || n.kind === 'response') && n.range.start <= leaf.range.start && leaf.range.end <= n.range.end) {
      place(n.children, leaf);
      return;
    }
  }
  nodes.push(leaf);
}

function sortTree(nodes: OutlineNode[]): void {
  nodes.sort((a, b) => a.range.start - b.range.start);
  for (const n of nodes) sortTree(n.children);
}
