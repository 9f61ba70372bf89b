// How a citation opens, as letters write it: a guideline's name (the 2009 or 2016 Chronic Pain
// guideline, an ACOEM chapter by number or title, the guidelines adopted as regulations, 8 CCR
// and Labor Code sections, ODG), and the chapter, pages and sections that may follow it.
// findCitations (citations.ts) reads a citation from where one of these opens it.

import { numberedGroups } from './numbered-groups';

const PAGES = String.raw`(?:Page\s*\(s\)|Pages?|pp?\.)\s*:?\s*(?<pages>\d{1,3}(?:\s*(?:-|–|,|and|&)\s*\d{1,3})*)`;
const CHAPTER = String.raw`Chapter\s+(?<chapter>\d{1,2})`;

// ACOEM 2nd edition chapters as the MTUS adopted them, cited by title ("MTUS Low Back
// Complaints 2004, Section(s): Special Studies").
export const ACOEM_CHAPTERS: [number, string][] = [
  [8, String.raw`Neck\s+and\s+Upper\s+Back\s+Complaints`],
  [9, String.raw`Shoulder\s+Complaints`],
  [10, String.raw`Elbow\s+(?:Complaints|Disorders)`],
  [11, String.raw`Forearm,?\s+Wrist,?\s+(?:and|&)\s+Hand\s+Complaints`],
  [12, String.raw`Low\s+Back\s+Complaints`],
  [13, String.raw`Knee\s+Complaints`],
  [14, String.raw`Ankle\s+and\s+Foot\s+Complaints`],
];
const CHAPTER_TITLE = ACOEM_CHAPTERS.map(([n, t]) => `(?<ch${n}>${t})`).join('|');
// A title in prose ("low back complaints") is a citation only when "MTUS" or a year frames
// it; the regex makes both optional (so it stays fast) and `framed` checks afterwards.
const MTUS_OR_YEAR = (core: string, years: string) => String.raw`(?:\bMTUS\s+(?:ACOEM\s+)?)?(?:${core})(?:\s+\(?(?:${years})\)?)?`;
export const framed = (s: string) => /^MTUS\b/i.test(s) || /(?:19|20)\d\d\)?$|Guidelines?$/i.test(s);
export const NEEDS_FRAME = new Set(['acupuncture-mtg', 'postsurgical-mtg', 'opioids-mtg-2016', 'acoem-chapter', 'acoem-general']);

const GUIDELINE_NAMES: [string, string][] = [
  ['acupuncture-mtg', MTUS_OR_YEAR(String.raw`Acupuncture\s+(?:Medical\s+)?Treatment(?:\s+Guidelines?)?`, '2007')],
  ['postsurgical-mtg', MTUS_OR_YEAR(String.raw`Post[- ]?surgical\s+(?:Medical\s+)?Treatment(?:\s+Guidelines?)?`, '2009')],
  ['opioids-mtg-2016', MTUS_OR_YEAR(String.raw`Opioids?\s+Treatment(?:\s+Guidelines?)?`, '2016')],
  [
    'cpmtg',
    String.raw`(?:(?:CA|California)\s+)?(?:MTUS\s+)?(?:\(?(?:2009|2016)\)?\s+)?Chronic\s+Pain\s+(?:Medical\s+)?Treatment(?:\s+Guidelines?)?(?:,?\s*\(?(?<year>2009|2016)\)?)?|\bCPMTG\b`,
  ],
  ['acoem-chapter', MTUS_OR_YEAR(CHAPTER_TITLE, '2004|2007')],
  ['acoem-general', MTUS_OR_YEAR(String.raw`General\s+Approaches`, '2004')],
  // ACOEM's 3rd edition is not the edition the MTUS adopted: a guideline of its own, outside the MTUS.
  ['acoem-3', String.raw`\bACOEM\s+(?:(?:Occupational\s+Medicine\s+)?(?:Practice\s+)?Guidelines?,?\s*)?(?:3rd|Third)(?:\s+Ed(?:ition|\.)?)?`],
  ['acoem-2', String.raw`\bACOEM\b(?:\s+(?:Practice\s+)?Guidelines?)?(?:,?\s*2nd\s+Edition)?(?:,?\s*\(?2004\)?)?`],
  [
    'regulation',
    String.raw`(?:\b8\s*C\.?\s*C\.?\s*R\.?|California\s+Code\s+of\s+Regulations|\bCCR)\s*(?:,?\s*(?:§+|Sections?|Sec\.)\s*)?(?<reg>97\d\d(?:\.\d+)*(?:\s*\([a-z0-9]+\))*)|(?:§+|\bSection)\s*(?<reg2>9792\.\d+(?:\.\d+)*(?:\s*\([a-z0-9]+\))*)`,
  ],
  ['labor-code', String.raw`\bLab(?:or|\.)\s+Code\s*(?:,?\s*(?:§+|Sections?|Sec\.)\s*)?(?<lc>\d{4}(?:\.\d+)?(?:\s*\([a-z0-9]+\))*)`],
  ['odg', String.raw`\bODG\b|\bOfficial\s+Disability\s+Guidelines?`],
  // Anything else written as an MTUS guideline ("MTUS Hip Complaints 2004"): recognised as a
  // citation so it can be reported as not found, never resolved.
  [
    'unknown',
    String.raw`(?<!Non-\s{0,2})\bMTUS\s+(?!ACOEM\b|ODG\b|Official\s+Disability)(?:(?:[A-Z][A-Za-z&,-]*|and|of|the|&)\s+){1,6}?(?:Guidelines?|Complaints|Disorders|Treatment)(?:\s+\(?(?:19|20)\d\d\)?)?`,
  ],
];

// A citation starts at a word (or "§", or a parenthesised year); saying so first speeds the scan.
// Written with a name for each guideline and part, run with numbered groups (numbered-groups.ts).
const NAMED_OPENER = new RegExp(
  `(?<![A-Za-z0-9_])(?=[A-Za-z0-9§(])(?:${GUIDELINE_NAMES.map(([id, src]) => `(?<g_${id.replace(/-/g, '_')}>${src})`).join('|')})`,
  'gi',
);
const { re: OPENER_RE, index: OPENER_GROUPS } = numberedGroups(NAMED_OPENER);
export const OPENER = OPENER_RE;
/** A part of an opener's match by its name in the pattern ("reg", "year", "ch12"). */
export const openerGroup = (m: RegExpExecArray, name: string): string | undefined => m[OPENER_GROUPS[name]];
export const CHAPTER_RE = new RegExp(CHAPTER, 'i');
// (Title words may be joined by "and", "of", "&": "MTUS Hip and Pelvis Complaints 2004".)
// ("MTUS Carpal Tunnel Syndrome guideline": the closing word may be lower case.)
export const TITLE_CASED = /^MTUS(?:\s+(?:[A-Z][A-Za-z&,-]*|and|of|the|&))+(?:\s+(?:guidelines?|treatment))?(?:\s+\(?(?:19|20)\d\d\)?)?$/;
export const PAGES_RE = new RegExp(PAGES, 'i');
export const SECTIONS_RE = /Section\s*\(?s?\)?\s*:\s*/i;
export const BARE_PAGES = new RegExp(String.raw`(?<![\w])${PAGES.replace('(?<pages>', '(?<barepages>')}`, 'gi');

const KINDS = GUIDELINE_NAMES.map(([id]) => ({ id, group: OPENER_GROUPS[`g_${id.replace(/-/g, '_')}`] }));
export const kindOf = (m: RegExpExecArray) => KINDS.find((k) => m[k.group] !== undefined)!.id;
const NEXT = new RegExp(OPENER.source, OPENER.flags);

/** Where the next citation starts in `text` (its length if none): only framed titles count. */
export function nextOpener(text: string): number {
  NEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEXT.exec(text))) {
    if (!NEEDS_FRAME.has(kindOf(m)) || framed(m[0])) return m.index;
  }
  return text.length;
}
