import type { NumberToken, Quantity, QuantityPart, Span } from '../types';
import { NUM, NUMBER_WORDS, RANGE, readNumber } from './numbers';

// Each written form of a quantity is one pattern. They run over the whole text once;
// where two overlap, the one that starts first (then the longer) is kept.

const WEEK = String.raw`(?:wks?\b\.?|weeks?\b)`;
const PER = String.raw`\s*(?:\/\s*|a\s+|per\s+|each\s+|every\s+|in\s+a\s+)?`;
const FREQ_UNIT = String.raw`(?:x|×|times?|visits?|sessions?|treatments?)`;
const FREQ_WORD = String.raw`(?:once|twice|thrice)`;
// Named groups must be unique within one regex on node 20, so each use gets its own name.
const echo = (n: number) => String.raw`(?:\s*\(\s*(?<echo${n}>\d{1,3})(?:\s*(?:total\s+)?(?:sessions?|visits?|treatments?))?\s*\))?`;
const DURATION = String.raw`(?:\s*,?\s*(?:for|x|×|times|over|during|across|in)\s*(?:(?:a\s+)?(?:period|total|duration)\s+of\s+)?(?<weeks>${RANGE})\s*${WEEK}|\s*[x×]\s*(?<weeks2>${NUM})\b(?!\s*(?:sessions?|visits?|days?|months?|treatments?)))`;

const FREQUENCY_DURATION = new RegExp(
  String.raw`(?<![\w/])(?:(?<per>${RANGE})\s*${FREQ_UNIT}${PER}${WEEK}|(?<perWord>${FREQ_WORD})${PER}${WEEK}|(?<per2>${RANGE})\s*(?:x|times?)\s*weekly\b|(?<perWord2>${FREQ_WORD})\s+weekly\b)(?:${DURATION})?${echo(1)}`,
  'gi',
);

const WEEKLY_FOR = new RegExp(String.raw`\bweekly${DURATION}${echo(1)}`, 'gi');

const COMPACT = new RegExp(
  String.raw`(?<![\w./-])(?<per>\d{1,2}(?:\s*-\s*\d{1,2})?)\s*[x×X]\s*(?<weeks>\d{1,2})(?![\w%°]|[./]\d)(?!\s*(?:cm|mm|inch|in\b|sessions?|visits?))(?:\s*${WEEK})?${echo(1)}` +
    String.raw`|(?<![\w./-])(?<per3>${NUM})\s+times\s+(?<weeks3>${NUM})\b(?!\s*(?:a\b|per\b|weekly|\/|wks?|weeks?|days?|months?|sessions?|visits?|mg|%))${echo(2)}` +
    // "two times four visits (8)": the parenthesised total confirms a frequency x duration.
    String.raw`|(?<![\w./-])(?<per4>${NUM})\s+times\s+(?<weeks4>${NUM})\s+(?:visits?|sessions?)(?=\s*\(\s*\d)${echo(3)}`,
  'gi',
);

const INNER_WORD = String.raw`(?!(?:for|of|per|a|an|week|weeks|times?|to|the|and|or|in|with|at|x|over|each|every|is|are|was|were)\b)[A-Za-z][A-Za-z/&.-]*`;
const COUNT_NOUN = String.raw`(?:sessions?|visits?|treatments?|appointments?)`;

const COUNT_FORMS = [
  // QTY 12, qty: 1
  String.raw`\bqty\.?\s*[:#]?\s*(?<c1>${RANGE})\b`,
  // #6 (the therapy is named elsewhere in the item)
  String.raw`(?<![\w&])#\s*(?<c2>\d{1,3})\b`,
  // x 8, times 12 (no number before it: that is the compact form)
  // (not after a number: "2 x120" is a schedule written wrong, not a count of 120; after a
  // five-character code it is the code's count: "CPT 97810 x 6")
  String.raw`(?<![\w])(?<!(?<!\d)\d{1,3}[ \t]{0,3})(?:x|×|times)\s*(?<c3>${RANGE})\b(?!\s*(?:\/|wks?\b|weeks?\b|days?\b|months?\b|mg\b|%|times|x\b|a\s+week|per\b|weekly))`,
  // 8 sessions, eight physical therapy sessions, Eight (8) PT visits, 6 additional acupuncture sessions
  // (a short parenthesis among the words: "6 occupational therapy (hand therapy) visits")
  String.raw`(?<![\w./-])(?<c4>${RANGE})\s*(?:\(\s*(?<echo4>\d{1,3})\s*\)\s*)?(?:(?:${INNER_WORD}|\([A-Za-z][^()\d]{0,28}\))\s+){0,5}?${COUNT_NOUN}\b`,
  // sessions, 12 / visits: 6
  String.raw`\b${COUNT_NOUN}\s*(?:[:,]\s*|#\s*|x\s*|(?:=|total(?:\s+of)?)\s*)(?<c5>\d{1,3})\b(?!\s*(?:times|x\b|per\b|a\s+week|wks?\b|weeks?\b|\/|-\s*\d|%|days?\b|mg\b))`,
];
const COUNT = new RegExp(COUNT_FORMS.join('|'), 'gi');

interface RawMatch {
  part: QuantityPart;
  start: number;
  end: number;
}

function group(m: RegExpExecArray, name: string): { text: string; offset: number } | undefined {
  const text = m.groups?.[name];
  if (text === undefined) return undefined;
  const idx = m.indices?.groups?.[name];
  if (!idx) return undefined;
  return { text, offset: idx[0] };
}

function token(m: RegExpExecArray, ...names: string[]): NumberToken | undefined {
  for (const n of names) {
    const g = group(m, n);
    if (g) return readNumber(g.text, g.offset);
  }
  return undefined;
}

const WORD_FREQUENCY: Record<string, number> = { once: 1, twice: 2, thrice: 3, weekly: 1 };

function wordFrequency(m: RegExpExecArray, ...names: string[]): NumberToken | undefined {
  for (const n of names) {
    const g = group(m, n);
    if (g) {
      const v = WORD_FREQUENCY[g.text.toLowerCase()];
      return { value: v, span: { start: g.offset, end: g.offset + g.text.length }, style: 'word' };
    }
  }
  return undefined;
}

// Each pattern twice: one to search with, and one with indices ("d", which makes a match
// several times dearer to build) read only where the first matched, at that place ("y").
interface Pattern {
  find: RegExp;
  read: RegExp;
}
const withIndices = (re: RegExp): Pattern => ({ find: re, read: new RegExp(re.source, `${re.flags.replace(/[dy]/g, '')}dy`) });
const COMPILED = {
  frequencyDuration: withIndices(FREQUENCY_DURATION),
  weeklyFor: withIndices(WEEKLY_FOR),
  compact: withIndices(COMPACT),
  count: withIndices(COUNT),
};

/** Run a global regex over the given ranges of the text only (lookbehinds still see the whole text). */
function runPattern(p: Pattern, text: string, ranges: readonly Span[], build: (m: RegExpExecArray) => QuantityPart | undefined, out: RawMatch[]): void {
  const r = p.find;
  for (const range of ranges) {
    // Bound the search: on the whole text a range with no match would scan to its end.
    // (A slice shares the text's memory; a little room past the end serves lookaheads.)
    const bounded = range.end + 24 >= text.length ? text : text.slice(0, range.end + 24);
    r.lastIndex = range.start;
    let found: RegExpExecArray | null;
    while ((found = r.exec(bounded)) && found.index < range.end) {
      if (found[0].length === 0) {
        r.lastIndex++;
        continue;
      }
      // The same pattern at the same place matches the same text, now with its groups' offsets.
      p.read.lastIndex = found.index;
      const m = p.read.exec(bounded)!;
      const part = build(m);
      if (part) out.push({ part, start: part.span.start, end: part.span.end });
    }
  }
}

function withEcho(part: QuantityPart, m: RegExpExecArray): QuantityPart {
  const echoed = token(m, 'echo1', 'echo2', 'echo3', 'echo4');
  if (echoed) part.countEcho = echoed;
  return part;
}

// Every form above holds a number (digits or a word) or "once", "twice", "thrice", "weekly":
// a range with none of them (most sentences) is not searched with the four patterns. A test
// for the words anywhere, not only as words, so it never skips a range a pattern would match.
const MAY_HOLD = new RegExp(String.raw`\d|${Object.keys(NUMBER_WORDS).join('|')}|once|twice|thrice|weekly`, 'i');
const mayHold = (text: string, r: Span) => MAY_HOLD.test(text.slice(r.start, Math.min(text.length, r.end + 24)));

/** Every quantity part written in the text (or in the given ranges of it), in order, without overlaps. */
export function findQuantityParts(text: string, within: readonly Span[] = [{ start: 0, end: text.length }]): QuantityPart[] {
  const ranges = within.filter((r) => mayHold(text, r));
  if (!ranges.length) return [];
  const raw: RawMatch[] = [];
  runPattern(
    COMPILED.frequencyDuration,
    text,
    ranges,
    (m) => {
      const perWeek = token(m, 'per', 'per2') ?? wordFrequency(m, 'perWord', 'perWord2');
      const weeks = token(m, 'weeks', 'weeks2');
      if (!perWeek) return undefined;
      const span = { start: m.index, end: m.index + m[0].length };
      const perWeekWord = Boolean(m.groups?.perWord || m.groups?.perWord2);
      return withEcho({ shape: 'frequency-duration', span, perWeek, weeks, perWeekWord }, m);
    },
    raw,
  );
  runPattern(
    COMPILED.weeklyFor,
    text,
    ranges,
    (m) => {
      const weeks = token(m, 'weeks', 'weeks2');
      if (!weeks) return undefined;
      const start = m.index;
      const perWeek: NumberToken = { value: 1, span: { start, end: start + 6 }, style: 'word' };
      return withEcho({ shape: 'frequency-duration', span: { start, end: start + m[0].length }, perWeek, weeks, perWeekWord: true }, m);
    },
    raw,
  );
  runPattern(
    COMPILED.compact,
    text,
    ranges,
    (m) => {
      const perWeek = token(m, 'per', 'per3', 'per4');
      const weeks = token(m, 'weeks', 'weeks3', 'weeks4');
      if (!perWeek || !weeks) return undefined;
      return withEcho({ shape: 'frequency-duration', span: { start: m.index, end: m.index + m[0].length }, perWeek, weeks }, m);
    },
    raw,
  );
  runPattern(
    COMPILED.count,
    text,
    ranges,
    (m) => {
      const count = token(m, 'c1', 'c2', 'c3', 'c4', 'c5');
      if (!count || count.value === 0) return undefined;
      return withEcho({ shape: 'count', span: { start: m.index, end: m.index + m[0].length }, count }, m);
    },
    raw,
  );

  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: QuantityPart[] = [];
  let lastEnd = -1;
  for (const r of raw) {
    if (r.start < lastEnd) continue;
    kept.push(r.part);
    lastEnd = r.end;
  }
  return kept;
}

/** Combine the parts of one requested item into its quantity. An explicit count wins. */
export function combineParts(parts: QuantityPart[], text: string): Quantity {
  const span = { start: parts[0].span.start, end: parts[parts.length - 1].span.end };
  // "eight sessions (2x4)": take the closing bracket the quantity opened.
  const inside = text.slice(span.start, span.end);
  if ((inside.match(/\(/g)?.length ?? 0) > (inside.match(/\)/g)?.length ?? 0) && text[span.end] === ')') span.end++;
  let total: number | undefined;
  let totalLow: number | undefined;
  let perWeek: number | undefined;
  let weeks: number | undefined;
  const readings: string[] = [];
  for (const p of parts) {
    const written = text.slice(p.span.start, p.span.end).replace(/\s+/g, ' ').trim();
    if (p.shape === 'count' && p.count) {
      if (total === undefined || p.count.value > total) {
        total = p.count.value;
        totalLow = p.count.low;
      }
      readings.push(
        `${written} = ${p.count.low !== undefined ? `${p.count.low}–${p.count.value} sessions (judged at ${p.count.value})` : `${p.count.value} ${p.count.value === 1 ? 'session' : 'sessions'}`}`,
      );
    } else if (p.perWeek) {
      perWeek = Math.max(perWeek ?? 0, p.perWeek.value);
      if (p.weeks) {
        weeks = p.weeks.value;
        const product = p.perWeek.value * p.weeks.value;
        const low = (p.perWeek.low ?? p.perWeek.value) * (p.weeks.low ?? p.weeks.value);
        readings.push(`${written} = ${p.perWeek.value} per week × ${p.weeks.value} weeks = ${product} sessions${low !== product ? ` (at least ${low})` : ''}`);
        if (!parts.some((q) => q.shape === 'count')) {
          if (total === undefined || product > total) {
            total = product;
            totalLow = low !== product ? low : undefined;
          }
        }
      } else {
        readings.push(`${written} = ${p.perWeek.value} per week, no duration`);
      }
    }
    // A total the writer states in parentheses is what they ask for, whatever the schedule says.
    if (p.countEcho && !parts.some((q) => q.shape === 'count')) {
      total = p.countEcho.value;
      totalLow = undefined;
    }
  }
  const reading = readings.join('; ') + (total !== undefined && parts.length > 1 ? `; judged as ${total} sessions` : '');
  const invalid = invalidReason(parts, text);
  // (Set, not spread in: spreading an object into a literal is slow once its shapes vary.)
  const quantity: Quantity = { total, totalLow, span, parts, perWeek, weeks, reading };
  if (invalid) quantity.invalid = invalid;
  return quantity;
}

/** Why the written figures are no quantity (a zero, or totals that disagree), or undefined. */
function invalidReason(parts: QuantityPart[], text: string): string | undefined {
  const written = (t: NumberToken) => text.slice(t.span.start, t.span.end);
  for (const p of parts) {
    for (const t of [p.perWeek, p.weeks, p.count, p.countEcho]) {
      if (t && (t.value === 0 || t.low === 0)) return `"${written(t)}" is zero`;
    }
    if (p.count && p.countEcho && p.count.value !== p.countEcho.value) return `"${written(p.count)}" and "(${written(p.countEcho)})" disagree`;
  }
  const counts = parts.filter((p) => p.shape === 'count' && p.count).map((p) => p.count!);
  if (new Set(counts.map((c) => c.value)).size > 1) return `${counts.map((c) => `"${written(c)}"`).join(' and ')} disagree`;
  return undefined;
}
