import { findRegionMentions } from '../parse/mentions';
import { documentFacts } from '../parse/document-facts';
import type { Span } from '../types';
import type { RuleContext } from '../rules/rule';
import { requestDate } from './request-date';

// A request written in the weeks right after a surgery the document dates ("Revision fusion
// 10/14/2016" on a form dated 10/21/2016) asks for post-operative care: an opioid written "prn pain"
// there is for acute post-operative pain, not chronic opioid therapy with its monitoring. An opioid
// whose own line says where the pain is ("prn neck and elbow pain") has its indication stated and is
// judged as written.

/** The acute post-operative weeks. */
const ACUTE_WEEKS = 6;

/** Whether the document dates a surgery at most ACUTE_WEEKS before the request (read once per analysis). */
export function recentSurgery(ctx: Pick<RuleContext, 'text' | 'doc' | 'kb'>): boolean {
  const surgery = documentFacts(ctx).surgeryDate?.date;
  const asked = surgery ? requestDate(ctx.text, ctx.doc) : undefined;
  if (!surgery || !asked) return false;
  const days = (asked.getTime() - surgery.getTime()) / 86_400_000;
  return days >= 0 && days <= ACUTE_WEEKS * 7;
}

/** Whether a medication written at `span` is post-operative care by the document's surgery date. */
export function forRecentSurgery(ctx: Pick<RuleContext, 'text' | 'doc' | 'kb'>, span: Span): boolean {
  let end = ctx.text.indexOf('\n', span.end);
  if (end < 0) end = ctx.text.length;
  if (findRegionMentions(ctx.text.slice(span.end, Math.min(end, span.end + 160)), ctx.kb).length > 0) return false;
  return recentSurgery(ctx);
}
