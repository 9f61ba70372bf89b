import type { Span } from '../types';

// The sentence a word sits in, for judging it by its own words: bounded either side, ending at a
// full stop, a blank line, or a new line that starts a new item, label or sentence (a capital,
// a number, a bullet), since drafts put one request per line without full stops.

const SENTENCE_END = /[.!?](?=\s)|\n[ \t]*\r?\n|\r?\n(?=[ \t]*(?:[A-Z0-9]|[-*•]))/g;

/** The sentence around a span (bounded): where it starts and ends. */
export function sentenceSpan(text: string, span: Span): Span {
  const from = Math.max(0, span.start - 240);
  const before = text.slice(from, span.start);
  let start = from;
  for (const m of before.matchAll(SENTENCE_END)) start = from + m.index + m[0].length;
  const after = text.slice(span.end, span.end + 240);
  const stop = after.search(/[.!?](?:\s|$)|\n[ \t]*\r?\n|\r?\n(?=[ \t]*(?:[A-Z0-9]|[-*•]))/);
  return { start, end: stop >= 0 ? span.end + stop : span.end + after.length };
}

/** The sentence around a span (bounded). */
export function sentenceOf(text: string, span: Span): string {
  const s = sentenceSpan(text, span);
  return text.slice(s.start, s.end);
}

/** True when `at` sits inside [square brackets] on its line: a fill-in placeholder, not a statement. */
export function inPlaceholder(text: string, at: number): boolean {
  // Only the 200 characters before it are read: searching back for the line's start instead
  // made a text without line breaks quadratic (the growth table's "no newlines").
  const window = text.slice(Math.max(0, at - 200), at);
  const before = window.slice(window.lastIndexOf('\n') + 1);
  return before.lastIndexOf('[') > before.lastIndexOf(']');
}
