import type { Knowledge } from '../../knowledge/knowledge';
import { findRegionMentions } from '../parse/mentions';
import { surgeryDate } from '../parse/surgery-date';
import type { AnalysisResult, Span } from '../types';
import { requestDate } from './request-date';

// A request written in the weeks right after a surgery the document dates ("Revision fusion
// 10/14/2016" on a form dated 10/21/2016) asks for post-operative care: an opioid written "prn pain"
// there is for acute post-operative pain, not chronic opioid therapy with its monitoring. An opioid
// whose own line says where the pain is ("prn neck and elbow pain") has its indication stated and is
// judged as written.

/** The acute post-operative weeks. */
const ACUTE_WEEKS = 6;

export function recentSurgery(text: string, doc: Pick<AnalysisResult, 'structure'>): boolean {
  const surgery = surgeryDate(text)?.date;
  const asked = surgery ? requestDate(text, doc) : undefined;
  if (!surgery || !asked) return false;
  const days = (asked.getTime() - surgery.getTime()) / 86_400_000;
  return days >= 0 && days <= ACUTE_WEEKS * 7;
}

/** Whether a medication written at `span` is post-operative care by the document's surgery date. */
export function forRecentSurgery(text: string, doc: Pick<AnalysisResult, 'structure'>, span: Span, kb: Knowledge): boolean {
  let end = text.indexOf('\n', span.end);
  if (end < 0) end = text.length;
  const rest = text.slice(span.end, Math.min(end, span.end + 160));
  if (findRegionMentions(rest, kb).length > 0) return false;
  return recentSurgery(text, doc);
}
