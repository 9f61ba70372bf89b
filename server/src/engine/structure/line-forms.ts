import type { PassageRole } from './types';
import { endNonSpace, firstNonSpace } from './chars';
import { INLINE_ONLY, normalizeLabel, roleOfHeading, roleOfLabel } from './vocabulary';

// The forms a line takes before its words are read: a list item opens with a marker; a heading
// is a known label standing alone ("Treatment plan:"), a sentence that closes on a request label
// ("Those 18 are disputed:"), or a short title in capitals that states no quantity.

export const LIST_MARKER = /^(\s*)(?:[-*•▪◦]|\d{1,2}\s?[.)]|[a-z][.)]|[A-Z]\)|\(\s?[a-z0-9]{1,2}\s?\)|#\s?\d{1,2}|Rx\s*\d{1,2})(?=\s)/;
export const indentOf = (s: string) => s.length - s.trimStart().length;

const COLON = 58;
const NUMBER_WORD = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|sixteen|eighteen|twenty|thirty)\b/i;
/** At least three letters, four in five of them capitals (in s[from, to)). */
const isCaps = (s: string, from = 0, to = s.length) => {
  let letters = 0;
  let capitals = 0;
  // Past a fifth of the string in small letters no count of capitals can reach four in five: most
  // lines of prose stop early.
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters++;
      capitals++;
    } else if (c >= 97 && c <= 122) {
      letters++;
      if (5 * (letters - capitals) > to - from) return false;
    }
  }
  return letters >= 3 && capitals >= 0.8 * letters;
};

/** Whether t[from, to) has more than `n` words (counted at spaces), counting no further than that. */
function moreWordsThan(t: string, from: number, to: number, n: number): boolean {
  let words = 1;
  for (let i = from + 1; i < to; i++) if (t.charCodeAt(i) === 32 && t.charCodeAt(i - 1) !== 32 && ++words > n) return true;
  return false;
}

/** A heading: a line that is only a known label (with or without its colon), or a capitalised title. */
export function headingOf(text: string): { label: string; role: PassageRole } | undefined {
  // Most lines are ruled out by their trimmed length and words, read in place: no trimmed copy.
  const from = firstNonSpace(text);
  const to = endNonSpace(text);
  const length = to - from;
  const closesOnColon = length > 0 && text.charCodeAt(to - 1) === COLON;
  if (length <= 0 || length > 140 || (length > 100 && !closesOnColon)) return undefined;
  // A line of prose (more than ten words, no closing colon) is a heading only as a title in capitals.
  if (!closesOnColon && moreWordsThan(text, from, to, 10) && !isCaps(text, from, to)) return undefined;
  const t = text.slice(from, to);
  // "Requested treatment: Massage therapy" is a field, not a heading.
  if (t.includes(':') && /:\s*\S/.test(t.replace(/\b\d{1,2}:\d{2}\b/g, ''))) return undefined;
  const bare = t.replace(/:\s*$/, '');
  // "Those 18 are disputed:" closing a sentence of prose introduces the list below it.
  if (/:\s*$/.test(t) && /[.!?]\s/.test(bare)) {
    const lastSentence = bare.split(/[.!?]\s+/).pop() ?? bare;
    const r = roleOfHeading(lastSentence);
    return r === 'request' ? { label: lastSentence, role: r } : undefined;
  }
  const n = normalizeLabel(bare);
  const named = roleOfLabel(n);
  const role = INLINE_ONLY.test(n) ? undefined : named;
  if (role && (t.length <= 100 || /:\s*$/.test(t))) return { label: bare, role };
  // A title in capitals; not a line that states a quantity ("ACUPUNCTURE VISITS QTY 12", "EIGHT MASSAGE VISITS").
  const words = bare.replace(/\([^)]*\)/g, '');
  if (t.length <= 80 && isCaps(words) && !/[.!?]$/.test(bare) && !/\d/.test(words) && !NUMBER_WORD.test(words))
    return { label: bare, role: named ?? 'narrative' };
  return undefined;
}
