import { itemCore, type RuleContext } from '../rules/rule';
import { therapyVerdict } from '../judgements/therapy-verdict';
import type { Finding, MtusInForce, Severity, Span } from '../types';
import { asReference, citeGoverning, governingFor, itemOf, SUPERSEDED_RULE, supersededAdjustment, supersededGuideline, supersededMessage } from './superseded';
import { currentCitationText } from '../rules/citation-not-in-force';
import { judgeByUserFigures } from './user-figures';
import { usDate, milestone } from '../../knowledge/timeline';

// The two places the date changes the analysis (engine/analyze.ts calls both): which citation
// forms are read, and the rules' findings revised for the MTUS in force. Before the 12/1/2017
// rebase both leave everything exactly as it was.

/** Whether today's citation forms are read: not in a document dated before the 12/1/2017 rebase, which is read as it always was. */
export const readsTodaysCitations = (mtus: MtusInForce) => !mtus.date || mtus.acoem;

/** The citation rules: one diagnostic per citation, and citation-not-in-force is the most telling. */
const CITATION_RULES = new Set(['citation-wrong-chapter', 'citation-edition-form', 'citation-not-found']);
/** Findings about which guideline is cited or relied on: not figures, never turned into references. */
const NOT_FIGURES = new Set([...CITATION_RULES, 'citation-not-in-force', 'guideline-hierarchy', 'guideline-not-cited', 'ur-hierarchy-argument']);
const THERAPY_RULES = new Set([
  'therapy-over-maximum',
  'therapy-over-trial',
  'frequency-over-limit',
  'pain-relief-only',
  'extension-without-improvement',
  'prior-course-without-facts',
]);

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The findings as the MTUS in force on the document's date has them: a figure of a superseded
 * guideline becomes a reference (superseded-figure), a user's own figure for the governing
 * guideline judges the quantity instead, and a citation not in force gets one diagnostic.
 */
export function reviseForMtusInForce(findings: Finding[], ctx: RuleContext, ruleSeverity: Record<string, Severity | 'off'> | undefined): Finding[] {
  const mtus = ctx.doc.mtus;
  if (!mtus?.acoem) return findings;
  const notInForce = findings.filter((f) => f.rule === 'citation-not-in-force');
  const users = judgeByUserFigures(ctx, ruleSeverity);
  const severity = ruleSeverity?.[SUPERSEDED_RULE] ?? 'warning';
  const rebase = usDate(milestone(ctx.kb.data.timeline!, 'acoem-rebase')!.date);
  const out: Finding[] = [];
  for (const f of findings) {
    if (CITATION_RULES.has(f.rule) && notInForce.some((n) => overlaps(n.span, f.span))) continue;
    if (f.rule === 'guideline-hierarchy' && f.citation && supersededGuideline(ctx.kb, mtus, f.citation.id)) {
      const item = ctx.doc.items.find((i) => i.span.start === f.span.start && i.span.end === f.span.end);
      const g = governingFor(ctx.kb, mtus, item?.bodyRegions ?? []);
      out.push(g?.licensed ? citeGoverning(f, f.citation.label, currentCitationText(g)) : f);
      continue;
    }
    const old = NOT_FIGURES.has(f.rule) ? undefined : supersededGuideline(ctx.kb, mtus, f.citation?.id);
    if (!old) {
      out.push(f);
      continue;
    }
    const item = itemOf(ctx.doc.items, f, itemCore);
    // The user's figure for the governing guideline judges this item's quantity instead.
    if (item && THERAPY_RULES.has(f.rule) && users.judged.has(item)) continue;
    if (severity === 'off') continue;
    const verdict = item && THERAPY_RULES.has(f.rule) ? therapyVerdict(item, ctx) : undefined;
    const adjusted = verdict ? supersededAdjustment(verdict, mtus, ctx.kb) : undefined;
    const topic = f.rule === 'medication-opioid-monitoring' ? 'opioids' : f.rule.startsWith('medication-') ? 'chronic-pain' : undefined;
    const message =
      adjusted?.message ??
      supersededMessage(f.message, f.citation!.label, `superseded ${rebase}`, governingFor(ctx.kb, mtus, item?.bodyRegions ?? regionsAt(ctx, f.span), topic));
    out.push(asReference(f, message, severity));
  }
  out.push(...users.findings);
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Body regions named on the finding's line, for findings that are not about one item. */
function regionsAt(ctx: RuleContext, span: Span): string[] {
  const from = ctx.text.lastIndexOf('\n', span.start - 1) + 1;
  const nl = ctx.text.indexOf('\n', span.end);
  const to = nl < 0 ? ctx.text.length : nl;
  return ctx.doc.regions.filter((r) => r.span.start >= from && r.span.end <= to).map((r) => r.region);
}
