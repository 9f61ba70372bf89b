import type { EvidenceMention } from '../types';
import { GUIDELINE_OR_RECOMMENDING } from '../vocabulary/guideline-talk';

// Pain relief: a pain score in a sentence that says it went down ("from 8/10 to 5/10",
// "4/10, down from 7/10", "pain decreased"). A score alone ("rated 7/10") states no benefit.
const RELIEF =
  /\b(?:decreas\w*|reduc\w*|improv\w*|dropp?\w*|lower\w*|down (?:from|to)|lessen\w*|better|reliev\w*|relief|went from)\b|\bfrom\s+\d{1,2}(?:\.\d)?\s*\/\s*10\s*(?:to|-+>|→)|\/\s*10\s*(?:-+>|→)/i;
const NO_RELIEF = /\b(?:no|not|without|never|failed to|denies)\b[^.]{0,40}?\b(?:decreas|reduc|improv|reliev|relief|better|lower|change)/i;
const NUMERIC_SCORE = /^\d/;

/** A stated pain relief: the scores as written ("8/10 to 5/10"), and where the first one stands. */
export interface PainRelief {
  quote?: string;
  at: number;
}

/** The first pain score the document says went down, or undefined. */
export function findPainRelief(text: string, evidence: EvidenceMention[]): PainRelief | undefined {
  const scores = evidence.filter((m) => m.kind === 'pain-score');
  for (const s of scores) {
    // The sentence holding the score: it may run over line breaks, not over a blank line.
    const back = Math.max(0, s.span.start - 300);
    const before = text.slice(back, s.span.start);
    let from = back;
    for (const m of before.matchAll(/[.!?](?=\s)|\n[ \t]*\r?\n|\r[ \t]*\r/g)) from = back + m.index + m[0].length;
    const ahead = text.slice(s.span.end, s.span.end + 300);
    const stop = ahead.search(/[.!?](?:\s|$)|\n[ \t]*\r?\n|\r[ \t]*\r/);
    const to = stop >= 0 ? s.span.end + stop : Math.min(text.length, s.span.end + 300);
    const sentence = text.slice(from, to);
    // What a guideline expects ("at least 30% pain relief") is not what this patient reports.
    if (!RELIEF.test(sentence) || NO_RELIEF.test(sentence) || GUIDELINE_OR_RECOMMENDING.test(sentence)) continue;
    const numeric = scores.filter((x) => x.span.start >= from && x.span.end <= to && NUMERIC_SCORE.test(text.slice(x.span.start, x.span.end)));
    let quote: string | undefined;
    if (numeric.length) {
      const first = numeric[0];
      const last = numeric[numeric.length - 1];
      quote = last.span.end - first.span.start <= 40 ? text.slice(first.span.start, last.span.end) : text.slice(first.span.start, first.span.end);
      quote = quote.replace(/\s+/g, ' ');
    }
    return { quote, at: s.span.start };
  }
  return undefined;
}
