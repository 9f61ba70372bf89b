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

/** Every {start, end} in plain data moved `by` characters, in place: each span object must be held once (as shifted() copies leave them). */
export function moveInPlace(value: unknown, by: number): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) moveInPlace(value[i], by);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    let n = 0;
    for (const _ in o) n++;
    if (n === 2) {
      o.start += by;
      o.end += by;
      return;
    }
  }
  for (const k in o) moveInPlace(o[k], by);
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

// A string sliced from a document holds the whole text it was sliced from. What a memo keeps
// across versions must not: a reading made at one version and kept while the editor moves on
// would keep that version's text alive, one for each keystroke at a new place (a long document
// edited here and there grew by its own size every few keystrokes). Strings in new readings are
// copied before they are kept; the few a keystroke makes, not the thousands it keeps.

/** A copy of `s` that holds nothing else (a slice of under 13 characters is a copy already). */
export const ownString = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));

/** `value` (plain data) with every string in it replaced by its own copy, in place; returned. */
export function detach<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  const o = value as Record<string, unknown>;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = typeof value[i] === 'string' ? ownString(value[i] as string) : detach(value[i]);
    return value;
  }
  for (const k in o) {
    const v = o[k];
    if (typeof v === 'string') o[k] = ownString(v);
    else if (v !== null && typeof v === 'object') detach(v);
  }
  return value;
}
