import { spanToOriginal, type TextView } from './structure/spacing';

// The analysis of a re-spaced view (structure/spacing.ts) speaks in the view's offsets; every
// span in it is mapped back to the original text once, so nothing downstream needs to know.

const isSpan = (x: Record<string, unknown>) => typeof x.start === 'number' && typeof x.end === 'number' && Object.keys(x).length === 2;

/** Maps each {start, end} reached to the original text, in place, each object once however often it is reached. */
function remapper(view: TextView): (value: unknown) => void {
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
  return walk;
}

/** Map every {start, end} in a result back to the original text, in place. */
export function remapSpans<T>(value: T, view: TextView): T {
  if (!view.identity) remapper(view)(value);
  return value;
}

/**
 * remapSpans for an analysis: its findings at once, every other part when it is first read. An
 * editor asks for the findings after each keystroke, and for the items, mentions or structure
 * only to hover or complete; mapping all of a long OCR'd form's at every keystroke took 60 ms.
 */
export function remapAnalysis<T extends { findings: unknown }>(result: T, view: TextView): T {
  if (view.identity) return result;
  // One walk for every part: an object two parts share is mapped once.
  const walk = remapper(view);
  walk(result.findings);
  for (const key of Object.keys(result) as (keyof T & string)[]) {
    const value = result[key];
    if (key === 'findings' || value === null || typeof value !== 'object') continue;
    Object.defineProperty(result, key, {
      configurable: true,
      enumerable: true,
      get() {
        walk(value);
        Object.defineProperty(result, key, { value, writable: true, configurable: true, enumerable: true });
        return value;
      },
      set(v: unknown) {
        Object.defineProperty(result, key, { value: v, writable: true, configurable: true, enumerable: true });
      },
    });
  }
  return result;
}
