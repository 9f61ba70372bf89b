// What a memo keeps from one analysis is handed to the next as fresh copies, every span in them
// moved by the edit's length: the analysis may change what it is given in place (remap.ts,
// assembleItems), and a kept reading must stay as it was read.

const isSpan = (o: Record<string, unknown>) => typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2;

/** A deep copy of plain data (objects, arrays, primitives) with every {start, end} moved `by` characters. */
export function shifted<T>(value: T, by: number): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = shifted(value[i], by);
    return out as T;
  }
  const o = value as Record<string, unknown>;
  // Keys walked in place, no list of them made (this runs over every passage an edit moved).
  // Plain data inherits no enumerable keys, so for-in walks its own, as Object.keys lists them.
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    let n = 0;
    for (const _ in o) n++;
    if (n === 2) return { start: o.start + by, end: o.end + by } as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in o) out[k] = shifted(o[k], by);
  return out as T;
}

/** Whether `b` is `a` with every {start, end} moved `by` characters (plain data, as shifted() copies it). */
export function sameMoved(a: unknown, b: unknown, by: number): boolean {
  if (a === b && by === 0) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameMoved(x, b[i], by));
  if (Array.isArray(b)) return false;
  const o = a as Record<string, unknown>;
  const p = b as Record<string, unknown>;
  if (isSpan(o)) return isSpan(p) && (o.start as number) + by === p.start && (o.end as number) + by === p.end;
  const keys = Object.keys(o);
  return keys.length === Object.keys(p).length && keys.every((k) => Object.hasOwn(p, k) && sameMoved(o[k], p[k], by));
}
