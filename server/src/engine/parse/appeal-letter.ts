// Reading an IMR appeal letter's dates, enclosures and signature, for the appeal-* rules and
// the document's date. Plain regexes over the text; offsets are UTF-16 like everything else in the engine.

import { findDates, type DateToken } from './dates';
import { findIn, regexFinder, type FindAll } from '../incremental/finders';
import type { Span } from '../types';

/** "UR decision", "utilization review denial", "UR determination", "UR letter", "non-certification". */
export const UR_DECISION = /\b(?:UR|utilization review)\s+(?:decision|denial|determination|non-?certification|letter|notice)s?\b|\bnon-?certification\b/gi;

function lineAt(text: string, at: number): Span {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl < 0 ? text.length : nl };
}

/**
 * The UR decision's date: the first date written after a mention of the UR decision, in the
 * same line and within 80 characters ("UR decision dated 12/28/2016", "the utilization review
 * denial of January 5, 2017"). A placeholder there means the date is not filled in.
 */
export function urDecisionDate(text: string): DateToken | undefined {
  const re = new RegExp(UR_DECISION.source, 'gi');
  for (let m; (m = re.exec(text));) {
    const line = lineAt(text, m.index);
    const to = Math.min(line.end, m.index + m[0].length + 80);
    const between = findDates(text, m.index + m[0].length, to)[0];
    if (between) {
      // Only "dated", "of", "on", "issued", "from" and the like between: not a later, unrelated date.
      const gap = text.slice(m.index + m[0].length, between.span.start);
      if (/^[\s,(]*(?:\w+\s+){0,3}?(?:dated|of|on|issued(?:\s+on)?|from|date[d:]?|signed(?:\s+on)?)?\s*:?\s*$/i.test(gap)) return between;
    }
  }
  return undefined;
}

/**
 * When the letter says when the UR decision was served or received ("served by mail on
 * 01/05/2017", "received on January 5, 2017"): the 30 days run from service, not from the date
 * the decision bears.
 */
export function urServiceDate(text: string): DateToken | undefined {
  const re = /(?:served|mailed|delivered|received)/gi;
  for (let m; (m = re.exec(text));) {
    const line = lineAt(text, m.index);
    const d = findDates(text, m.index + m[0].length, Math.min(line.end, m.index + m[0].length + 60))[0];
    if (!d?.date) continue;
    const gap = text.slice(m.index + m[0].length, d.span.start);
    if (/^\s*(?:(?:by|via)\s+(?:first[- ]class\s+|U\.?S\.?\s+|regular\s+|certified\s+)?(?:mail|fax|e-?mail)\s*)?(?:on|dated)?\s*:?\s*$/i.test(gap)) return d;
  }
  return undefined;
}

/**
 * The letter's own date: a "Date:" line, else a line near the top that is only a date (or a
 * date placeholder). Undefined when the letter has none.
 */
export function letterDate(text: string): DateToken | undefined {
  const dateLine = /^[ \t]*Date[ \t]*:[ \t]*(.*)$/im.exec(text);
  if (dateLine) {
    const from = dateLine.index + dateLine[0].length - dateLine[1].length;
    const d = findDates(text, from, dateLine.index + dateLine[0].length)[0];
    if (d) return d;
  }
  // A dated line at the top: the first 15 lines, a line that is a date and nothing else.
  const lines = text.slice(0, 4000).split('\n').slice(0, 15);
  let at = 0;
  for (const l of lines) {
    const d = findDates(text, at, at + l.length)[0];
    if (
      d &&
      l
        .trim()
        .replace(/^Dated?:?\s*/i, '')
        .replace(/[.,]$/, '') === d.text
    )
      return d;
    at += l.length + 1;
  }
  return undefined;
}

/** The letter says the UR decision was served, sent or delivered by mail. */
export const SERVED_BY_MAIL =
  /(?<![A-Za-z0-9_])(?=[A-Za-z])(?:\b(?:served|sent|delivered|received)\b[^.\n]{0,60}?\b(?:by|via|through the)\s+(?:first[- ]class\s+|U\.?S\.?\s+|regular\s+|certified\s+)?mail\b|\bmailed\b|\bservice by mail\b|\bby (?:first[- ]class |U\.?S\.? |regular |certified )?mail\b)/i;

export const ATTACHED_NEAR = regexFinder(
  'ur-attached-near',
  /\b(?:UR|utilization review)\s+(?:decision|denial|determination|non-?certification|letter|notice)s?\b[^\n]{0,100}?\b(?:attached|enclosed|included|appended)\b/i,
);
export const ATTACHED_BEFORE = regexFinder(
  'ur-attached-before',
  /\b(?:attached|enclosed|enclosing|attaching|attach|enclose)\b[^.\n]{0,60}?\b(?:UR|utilization review)\s+(?:decision|denial|determination|non-?certification|letter|notice)/i,
);

/** The letter says the UR decision is attached or enclosed. */
export function saysUrAttached(text: string, find?: FindAll): boolean {
  const enclosures =
    /^[ \t]*(?:Enclosures?|Encl\.?|Attachments?|Attached|Enclosed)[ \t]*:?[\s\S]{0,300}?\b(?:UR|utilization review)\s+(?:decision|denial|determination|non-?certification|letter|notice)/im;
  // "The UR decision is not attached" says the opposite.
  const nearHit = findIn({ text, find }, ATTACHED_NEAR)[0]?.span;
  const hit = nearHit && text.slice(nearHit.start, nearHit.end);
  const negated = hit && /\b(?:not|never|without)\b|n't\b/i.test(hit.slice(hit.search(/\s/)));
  // An enclosures list closes a letter: look in its last part only.
  return (hit !== undefined && !negated) || findIn({ text, find }, ATTACHED_BEFORE).length > 0 || enclosures.test(text.slice(-LETTER_TAIL));
}

/** A closing line: "Sincerely,", "Respectfully submitted,", "Very truly yours,". */
export const CLOSING =
  /^[ \t]*(?:Sincerely(?: yours)?|Respectfully(?: submitted| yours)?|(?:Best |Kind |Warm(?:est)? )?(?:Regards|wishes)|Very truly yours|Yours (?:truly|sincerely|faithfully)|Cordially|With (?:thanks|gratitude|appreciation|kind regards|best regards)|Thanks(?: again)?|Thank you|Warmly|Yours)[ \t]*,?[ \t]*$/gim;

/** A line that is a name with a professional credential: "Victoria Lindqvist-Park, M.D.". */
const NAME_WITH_CREDENTIAL =
  /^[ \t]*(?:Dr\.?\s+)?[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,4},?\s+(?:M\.?\s?D\.?|D\.?\s?O\.?|D\.?\s?C\.?|Ph\.?\s?D\.?|Psy\.?D\.?|PA-C|N\.?P\.?|L\.?Ac\.?|D\.?P\.?M\.?|DPT|M\.?P\.?T\.?|FNP|RN)\b/m;

const PLACEHOLDER = /\[[^\]\n]*\]/g;
/** Letters other than placeholders: "[Physician name], M.D." has "MD"; "[Name]" has none. */
const hasRealWords = (s: string) => (s.replace(PLACEHOLDER, '').match(/[A-Za-z]/g)?.length ?? 0) >= 2;

export type Signature = { state: 'signed' } | { state: 'placeholders'; span: Span } | { state: 'closing-only'; span: Span } | { state: 'missing' };

/**
 * Whether the letter is signed. Signed: "/s/ Name", "Signature: Name" or "Electronically signed
 * by Name", or a closing followed within 4 lines by a name line. A name line that is only
 * placeholders ("[Physician name]") does not sign; one with real words beside its placeholders
 * ("[Physician name], M.D.", a title line) does (a template the writer is filling in).
 */
// Signatures and enclosure lists close a letter; on a very long document only its last part is
// searched for them.
export const LETTER_TAIL = 20_000;

export function readSignature(text: string): Signature {
  const from = Math.max(0, text.length - LETTER_TAIL);
  if (from === 0) return readSignatureIn(text);
  const r = readSignatureIn(text.slice(from));
  return 'span' in r ? { ...r, span: { start: r.span.start + from, end: r.span.end + from } } : r;
}

function readSignatureIn(text: string): Signature {
  if (/\/s\/[ \t]*[A-Za-z]/.test(text)) return { state: 'signed' };
  const sig = /^[ \t]*(?:Signature|Signed(?: by)?|Electronically signed(?: by)?)[ \t]*:?[ \t]*(.*)$/gim;
  for (let m; (m = sig.exec(text));) if (hasRealWords(m[1]) && !/^by$/i.test(m[1].trim())) return { state: 'signed' };
  let found: Signature = { state: 'missing' };
  // A letter may close with the physician's name and credentials alone, no closing word.
  // (Not a name copied to, "cc: Rodrigo Valdivia, M.D.", nor one in the enclosures list.)
  const signedByName = text
    .split(/\r?\n/)
    .slice(-14)
    .some((l) => !/^\s*(?:Enclosures?|Encl\.?|Attachments?|cc|re)\b/i.test(l) && NAME_WITH_CREDENTIAL.test(l));
  const re = new RegExp(CLOSING.source, 'gim');
  for (let m; (m = re.exec(text));) {
    const span = { start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].trimEnd().length };
    const after = text
      .slice(m.index + m[0].length, m.index + m[0].length + 1000)
      .split('\n')
      .slice(1, 6);
    const block: string[] = [];
    for (const l of after) {
      if (/^\s*(?:Enclosures?|Encl\.?|Attachments?|cc|CC)\b/.test(l)) break;
      if (l.trim()) block.push(l.trim());
    }
    if (block.length === 0) found = { state: 'closing-only', span };
    else if (block.some(hasRealWords)) return { state: 'signed' };
    else found = { state: 'placeholders', span };
  }
  return found.state === 'missing' && signedByName ? { state: 'signed' } : found;
}
