import type { Span } from '../types';

// Finding what lies where, among things sorted by where they start (mentions, regions,
// citations): a binary search, not a scan per passage.

/** The index of the first element starting at or after `pos`. */
export function lowerBound<T extends { span: Span }>(xs: T[], pos: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid].span.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The elements lying inside any of the spans. */
export function within<T extends { span: Span }>(xs: T[], spans: Span[]): T[] {
  const out: T[] = [];
  for (const s of spans) for (let i = lowerBound(xs, s.start); i < xs.length && xs[i].span.start < s.end; i++) if (xs[i].span.end <= s.end) out.push(xs[i]);
  return out;
}

/** The first element lying inside `s`. */
export function firstWithin<T extends { span: Span }>(xs: T[], s: Span): T | undefined {
  for (let i = lowerBound(xs, s.start); i < xs.length && xs[i].span.start < s.end; i++) if (xs[i].span.end <= s.end) return xs[i];
  return undefined;
}
