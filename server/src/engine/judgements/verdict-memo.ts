import type { Knowledge } from '../../knowledge/knowledge';
import { shifted } from '../incremental/shift';
import type { RuleContext } from '../rules/rule';
import type { NumberToken, RequestedItem, Span } from '../types';
import { factsStill, type FactsRead, recordFacts } from './facts-read';
import { PerAnalysis } from '../per-analysis';
import { originOf } from '../incremental/item-origins';

// A judgement of one item kept from the last version of a document for the next, as a keystroke
// elsewhere leaves most items as they were. It is reused when the next version has an item that
// reads the same (every field, its spans relative to its start, and the text under them), in a
// document whose facts the judgement reads are the same (`facts`, below, and the document facts
// it noted: facts-read.ts); its spans are moved to where the item now is. What reads more of the
// text than the item's own (a fill-in offered once per document) is no part of a kept judgement:
// its judge adds it to each answer handed out (therapy-verdict.ts withFill).

interface Kept<T> {
  /** Where the item started in the version it was judged in. */
  at: number;
  value: T | undefined;
  read: FactsRead;
}

/** What decides an item's judgement besides the item: one string per analysis. */
export type FactsKey = (ctx: RuleContext) => string;

export class VerdictMemo<T extends { item: RequestedItem }> {
  private last = new Map<string, Kept<T>>();
  private next = new Map<string, Kept<T>>();
  private doc?: object;
  private kb?: Knowledge;
  private facts = '';
  /** Items judged and items whose judgement was kept, in the last analysis (for tests). */
  readonly count = { judged: 0, kept: 0 };

  constructor(
    private readonly factsKey: FactsKey,
    /** A copy of a judgement with its spans moved `by` characters (the item is set by the caller): its fix's, unless told. */
    private readonly move: (value: T, by: number) => T = movedFix,
  ) {}

  /** The item's judgement: the last version's, moved, when it still holds; else `judge`'s. */
  judge(item: RequestedItem, ctx: RuleContext, judge: () => T | undefined): T | undefined {
    this.begin(ctx);
    const key = keyOf(item, ctx.text);
    const kept = this.last.get(key) ?? this.next.get(key);
    if (kept && factsStill(kept.read, ctx)) {
      this.next.set(key, kept);
      this.count.kept++;
      if (!kept.value) return undefined;
      // `move` makes a fresh copy: the item is set on it, not copied again with a spread.
      const value = this.move(kept.value, item.span.start - kept.at);
      value.item = item;
      return value;
    }
    const { value, read } = recordFacts(judge);
    this.count.judged++;
    // Kept as a copy: a finding's fix is changed in place later (merged restatements, remap.ts).
    this.next.set(key, { at: item.span.start, value: value && this.move(value, 0), read });
    return value;
  }

  /** A new analysis (a new doc object): what the last one judged is what may be kept. */
  private begin(ctx: RuleContext): void {
    if (ctx.doc === this.doc) return;
    this.doc = ctx.doc;
    const facts = this.factsKey(ctx);
    if (ctx.kb !== this.kb || facts !== this.facts) {
      this.next.clear();
      this.kb = ctx.kb;
      this.facts = facts;
    }
    this.last = this.next;
    this.next = new Map();
    this.count.judged = this.count.kept = 0;
  }
}

/** A copy of a judgement with its fix's spans moved `by` characters (the item is set by the caller). */
function movedFix<T extends { item: RequestedItem }>(value: T, by: number): T {
  const fix = (value as { fix?: unknown }).fix;
  return fix === undefined ? { ...value } : { ...value, fix: shifted(fix, by) };
}

// Asked by each memo of an item's judgements: made once per item (items are fresh objects per analysis).
const keys = new PerAnalysis<RequestedItem, { text: string; key: string }>();

// An item's key is kept with the kept reading it is, or is a copy of (incremental/item-origins.ts):
// it is not written out again on each keystroke for each of a long form's thousands of items, and
// the memos look it up as the string they hashed before. One field an analysis sets on its items
// after reading them, extendsPriorCourse, is part of the key and is compared.
const keptKeys = new WeakMap<RequestedItem, { key: string; extendsPriorCourse: boolean | undefined }>();

function keyOf(item: RequestedItem, text: string): string {
  const known = keys.get(item);
  if (known?.text === text) return known.key;
  const origin = originOf(item);
  const carried = keptKeys.get(origin);
  let key: string;
  if (carried && carried.extendsPriorCourse === item.extendsPriorCourse) key = carried.key;
  else {
    key = itemKey(item, text);
    keptKeys.set(origin, { key, extendsPriorCourse: item.extendsPriorCourse });
  }
  keys.set(item, { text, key });
  return key;
}

/**
 * The item as a string: what a judgement reads of it, spans relative to the item's start, and the
 * text from its first span's start to its last one's end (what a fix reads to rewrite the
 * quantity). Written out field by field, as this runs for every item on every keystroke: a test
 * (incremental-rules.test.ts) fails when an item gains a field this does not know of.
 */
export function itemKey(item: RequestedItem, text: string): string {
  const base = item.span.start;
  let from = Math.min(base, item.treatmentSpan.start);
  let to = Math.max(item.span.end, item.treatmentSpan.end);
  const rel = (s: Span) => {
    if (s.start < from) from = s.start;
    if (s.end > to) to = s.end;
    return `${s.start - base}:${s.end - base}`;
  };
  const tok = (t: NumberToken | undefined) => (t ? `${t.value}/${rel(t.span)}/${t.style}/${t.low ?? ''}` : '');
  let key = `${item.treatment}|${item.treatmentText}|${rel(item.treatmentSpan)}|${item.span.end - base}|${item.bodyRegions.join(',')}|${item.extendsPriorCourse}|${item.postsurgical}|${item.unit ?? ''}|${item.cue ?? ''}`;
  const q = item.quantity;
  if (q) {
    key += `|${q.total ?? ''}|${q.totalLow ?? ''}|${rel(q.span)}|${q.perWeek ?? ''}|${q.weeks ?? ''}|${q.invalid ?? ''}|${q.reading}`;
    for (const p of q.parts) key += `|${p.shape}/${rel(p.span)}/${tok(p.perWeek)}/${tok(p.weeks)}/${tok(p.count)}/${p.perWeekWord ?? ''}/${tok(p.countEcho)}`;
  }
  return `${key}|${from - base}|${text.slice(from, to)}`;
}

/** The fields itemKey reads, by the object they belong to (checked by a test against items read from drafts). */
export const ITEM_KEY_FIELDS = {
  item: ['treatment', 'treatmentText', 'treatmentSpan', 'span', 'quantity', 'bodyRegions', 'extendsPriorCourse', 'postsurgical', 'unit', 'cue'],
  quantity: ['total', 'totalLow', 'span', 'parts', 'perWeek', 'weeks', 'reading', 'invalid'],
  part: ['shape', 'span', 'perWeek', 'weeks', 'count', 'perWeekWord', 'countEcho'],
  token: ['value', 'span', 'style', 'low'],
};
