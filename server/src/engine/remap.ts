import { spanToOriginal, type TextView } from './structure/spacing';

// The analysis of a re-spaced view (structure/spacing.ts) speaks in the view's offsets; every
// span in it is mapped back to the original text once, so nothing downstream needs to know.

const isSpan = (x: Record<string, unknown>) => typeof x.start === 'number' && typeof x.end === 'number' && Object.keys(x).length === 2;

/** Map every {start, end} in a result back to the original text, in place. */
export function remapSpans<T>(value: T, view: TextView): T {
  if (view.identity) return value;
  const seen = new Set<object>();
  const walk = (x: unknown) => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    if (Array.isArray(x)) {
      for (const v of x) walk(v);
      return;
    }
    if (x instanceof Set || x instanceof Map || x instanceof RegExp) return;
    const o = x as Record<string, unknown>;
    if (isSpan(o)) {
      const m = spanToOriginal(view, o as { start: number; end: number });
      o.start = m.start;
      o.end = m.end;
      return;
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(value);
  return value;
}
