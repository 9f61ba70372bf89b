import type { NumberStyle, NumberToken } from '../types';

const WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  'twenty-four': 24,
  'twenty four': 24,
  thirty: 30,
};

/** The numbers written as words ("twenty four" with a space or a hyphen). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = WORDS;

const BY_VALUE = new Map<number, string>();
for (const [w, v] of Object.entries(WORDS)) if (!BY_VALUE.has(v) && !w.includes(' ')) BY_VALUE.set(v, w);

/** Regex source for one number, digits or a word. */
export const NUM = `(?:\\d{1,3}|${Object.keys(WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(' ', '[ -]'))
  .join('|')})`;

/** Regex source for a number or a range of numbers ("1-3", "1 to 2", "12–18"). */
// (A range stays on its line: "QTY 12\n-0 lumbar" is a count and a stray dash, not "12-0".)
export const RANGE = `${NUM}(?:[ \\t]*(?:-|–|—|to)[ \\t]*${NUM})?`;

export function wordValue(text: string): number | undefined {
  // Most numbers are digits: nothing to lower-case or join.
  if (/^\d+$/.test(text)) return Number(text);
  const t = text.toLowerCase().replace(/\s+|-/g, (m) => (m.trim() === '' ? ' ' : '-'));
  if (/^\d+$/.test(t)) return Number(t);
  return WORDS[t] ?? WORDS[t.replace('-', ' ')];
}

function styleOf(text: string): NumberStyle {
  if (/^\d/.test(text)) return 'digits';
  if (text === text.toUpperCase()) return 'WORD';
  if (text[0] === text[0].toUpperCase()) return 'Word';
  return 'word';
}

const RANGE_SPLIT = /^(.*?)\s*(?:-|–|—|\bto\b)\s*(.*)$/i;

/**
 * Read a number or range written at `offset` in the text. For a range the value is the
 * upper end (reviewers judge the most asked for) and `low` the lower end.
 */
export function readNumber(text: string, offset: number): NumberToken | undefined {
  const trimmed = text.trim();
  const start = offset + text.indexOf(trimmed);
  const span = { start, end: start + trimmed.length };
  const direct = wordValue(trimmed);
  if (direct !== undefined) return { value: direct, span, style: styleOf(trimmed) };
  const m = RANGE_SPLIT.exec(trimmed);
  if (!m) return undefined;
  const lo = wordValue(m[1]);
  const hi = wordValue(m[2]);
  if (lo === undefined || hi === undefined) return undefined;
  return { value: Math.max(lo, hi), low: Math.min(lo, hi), span, style: styleOf(m[2]) };
}

/** Write a number in the style the writer used. */
export function writeNumber(value: number, style: NumberStyle): string {
  if (style === 'digits') return String(value);
  const word = BY_VALUE.get(value);
  if (!word) return String(value);
  if (style === 'WORD') return word.toUpperCase();
  if (style === 'Word') return word[0].toUpperCase() + word.slice(1);
  return word;
}
