import type { Knowledge } from '../../knowledge/knowledge';
import type { CitationEntry } from '../../knowledge/schema';
import type { Citation } from '../types';
import { findCurrentCitations, mergeCitations } from '../mtus/current-citations';

// Citations as letters write them. A guideline name opens a citation; chapter, pages and
// section names that follow on the same line (or wrapped line) belong to it.

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
const framed = (s: string) => /^MTUS\b/i.test(s) || /(?:19|20)\d\d\)?$|Guidelines?$/i.test(s);
const NEEDS_FRAME = new Set(['acupuncture-mtg', 'postsurgical-mtg', 'opioids-mtg-2016', 'acoem-chapter', 'acoem-general']);

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
const OPENER = new RegExp(
  `(?<![A-Za-z0-9_])(?=[A-Za-z0-9§(])(?:${GUIDELINE_NAMES.map(([id, src]) => `(?<g_${id.replace(/-/g, '_')}>${src})`).join('|')})`,
  'gi',
);
const CHAPTER_RE = new RegExp(CHAPTER, 'i');
// (Title words may be joined by "and", "of", "&": "MTUS Hip and Pelvis Complaints 2004".)
// ("MTUS Carpal Tunnel Syndrome guideline": the closing word may be lower case.)
const TITLE_CASED = /^MTUS(?:\s+(?:[A-Z][A-Za-z&,-]*|and|of|the|&))+(?:\s+(?:guidelines?|treatment))?(?:\s+\(?(?:19|20)\d\d\)?)?$/;
const PAGES_RE = new RegExp(PAGES, 'i');
const SECTIONS_RE = /Section\s*\(?s?\)?\s*:\s*/i;
const BARE_PAGES = new RegExp(String.raw`(?<![\w])${PAGES.replace('(?<pages>', '(?<barepages>')}`, 'gi');

const KINDS = GUIDELINE_NAMES.map(([id]) => ({ id, group: `g_${id.replace(/-/g, '_')}` }));
const kindOf = (m: RegExpExecArray) => KINDS.find((k) => m.groups![k.group] !== undefined)!.id;
const NEXT = new RegExp(OPENER.source, OPENER.flags);

/** Where the next citation starts in `text` (its length if none): only framed titles count. */
function nextOpener(text: string): number {
  NEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NEXT.exec(text))) {
    if (!NEEDS_FRAME.has(kindOf(m)) || framed(m[0])) return m.index;
  }
  return text.length;
}

function pageList(text: string): number[] {
  const out: number[] = [];
  for (const piece of text.split(/\s*(?:,|and|&)\s*/)) {
    const m = /^(\d{1,3})\s*(?:-|–)\s*(\d{1,3})$/.exec(piece.trim());
    if (m) {
      const lo = Number(m[1]);
      let hi = Number(m[2]);
      if (hi < lo && m[2].length < m[1].length) hi = Number(m[1].slice(0, m[1].length - m[2].length) + m[2]);
      if (hi >= lo && hi - lo <= 40) for (let p = lo; p <= hi; p++) out.push(p);
      else out.push(lo);
    } else if (/^\d{1,3}$/.test(piece.trim())) out.push(Number(piece.trim()));
  }
  return out;
}

/**
 * Split a section list at commas outside parentheses, keeping together the pieces of a name
 * the knowledge base knows with a comma in it ("TENS, chronic pain", "Opioids, criteria for use").
 */
function sectionList(text: string, known: Set<string>): string[] {
  const pieces = splitAtCommas(text)
    .map((p) => p.replace(/^and\s+/i, '').trim())
    .filter((p) => p && !/^and$/i.test(p));
  const out: string[] = [];
  for (let i = 0; i < pieces.length;) {
    let take = 1;
    for (let j = Math.min(pieces.length, i + 4); j > i + 1; j--) {
      if (known.has(normalizeSection(pieces.slice(i, j).join(', ')))) {
        take = j - i;
        break;
      }
    }
    out.push(pieces.slice(i, i + take).join(', '));
    i += take;
  }
  return out;
}

const knownSections = new WeakMap<Knowledge, Set<string>>();
function sectionNames(kb: Knowledge): Set<string> {
  let set = knownSections.get(kb);
  if (!set) {
    set = new Set(kb.data.citations.flatMap((c) => (c.sections ?? []).map(normalizeSection)));
    knownSections.set(kb, set);
  }
  return set;
}

function splitAtCommas(text: string): string[] {
  const clean = text
    .replace(/\s+/g, ' ')
    .replace(/\.\s*$/, '')
    .trim();
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of clean) {
    if (ch === '(' || ch === '[') depth++;
    if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export const normalizeSection = (s: string) =>
  s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const normalizedSections = new WeakMap<CitationEntry, string[]>();
function sectionsOf(e: CitationEntry): string[] {
  let n = normalizedSections.get(e);
  if (!n) {
    n = (e.sections ?? []).map(normalizeSection);
    normalizedSections.set(e, n);
  }
  return n;
}

const normalizeRegulation = (s: string) =>
  s
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^(?:8ccr|laborcode)/, '');

function resolve(c: Citation, kb: Knowledge): string[] {
  const entries = kb.data.citations;
  const hits = new Set<string>();
  const byGuideline = (g: string) => entries.filter((e) => e.guideline === g);
  if (c.regulation) {
    const want = normalizeRegulation(c.regulation);
    for (const e of entries) {
      for (const r of e.regulations ?? []) {
        const have = normalizeRegulation(r.replace(/^8 CCR\s*|^Labor Code\s*/i, ''));
        const base = have.replace(/\(.*$/, '');
        if (want === have || want.startsWith(have) || (want.replace(/\(.*$/, '') === base && !/\(/.test(want))) hits.add(e.id);
      }
    }
    return [...hits];
  }
  if (!c.guideline) return [];
  let pool: CitationEntry[] = byGuideline(c.guideline);
  // Section names repeat across ACOEM chapters ("Special Studies"): the chapter decides.
  if (c.guideline === 'acoem-2') {
    pool =
      c.chapter !== undefined
        ? pool.filter((e) => e.chapter === c.chapter)
        : c.generalApproaches
          ? pool.filter((e) => e.chapter === undefined || e.chapter <= 7)
          : pool;
  }
  if (c.sections?.length) {
    for (const s of c.sections) {
      const n = normalizeSection(s);
      const e = pool.find((x) => sectionsOf(x).some((y) => y === n)) ?? pool.find((x) => sectionsOf(x).some((y) => n.startsWith(y) || y.startsWith(n)));
      if (e) hits.add(e.id);
    }
  }
  if (c.pages?.length) {
    for (const e of pool) {
      if (c.chapter !== undefined && e.chapter !== undefined && e.chapter !== c.chapter) continue;
      if (e.pages?.some((p) => c.pages!.includes(p))) hits.add(e.id);
    }
  } else if (c.chapter !== undefined) {
    for (const e of pool) if (e.chapter === c.chapter) hits.add(e.id);
  }
  if (!c.pages?.length && !c.sections?.length && c.chapter === undefined) {
    for (const e of pool) if (e.wholeGuideline) hits.add(e.id);
  }
  return [...hits];
}

/**
 * Every guideline citation in the text, parsed and resolved against the knowledge base; with
 * `current`, today's forms too ("MTUS (ACOEM) Low Back Disorders Guideline", engine/mtus/).
 * A document dated before 12/1/2017 is read without them, as it always was (analyze.ts).
 */
export function findCitations(text: string, kb: Knowledge, limit = text.length, current = true): Citation[] {
  const scope = limit < text.length ? text.slice(0, limit) : text;
  const out: Citation[] = [];
  const opener = new RegExp(OPENER.source, OPENER.flags);
  let m: RegExpExecArray | null;
  let covered = 0;
  while ((m = opener.exec(scope))) {
    if (m.index < covered) continue;
    const g = m.groups!;
    const kind = kindOf(m);
    if (NEEDS_FRAME.has(kind) && !framed(m[0])) continue;
    // The pattern is matched without case, but a guideline's name is written in capitals:
    // "the MTUS does not address the treatment" is a sentence, not a citation.
    if (kind === 'unknown' && !TITLE_CASED.test(m[0])) continue;
    let end = m.index + m[0].length;
    const c: Citation = { span: { start: m.index, end }, text: m[0], resolved: [] };
    if (kind === 'regulation') {
      c.guideline = 'mtus-regulations';
      c.regulation = `8 CCR ${(g.reg ?? g.reg2).replace(/\s+/g, '')}`;
      const reg = c.regulation.replace(/^8 CCR /, '');
      const owner = kb.data.guidelines.find((x) => x.regulation && reg.startsWith(x.regulation.replace(/^8 CCR /, '')));
      if (owner) c.guideline = owner.id;
    } else if (kind === 'labor-code') {
      c.guideline = 'labor-code';
      c.regulation = `Labor Code ${g.lc.replace(/\s+/g, '')}`;
    } else {
      if (kind === 'cpmtg') {
        const year = g.year ?? /\b(2009|2016)\b/.exec(m[0])?.[1];
        c.edition = year;
        c.guideline = year === '2016' ? 'cpmtg-2016' : year === '2009' ? 'cpmtg-2009' : undefined;
      } else if (kind === 'acoem-chapter') {
        c.guideline = 'acoem-2';
        const n = ACOEM_CHAPTERS.find(([num]) => g[`ch${num}`] !== undefined)?.[0];
        if (n !== undefined) c.chapter = n;
      } else if (kind === 'acoem-general') {
        c.guideline = 'acoem-2';
        c.generalApproaches = true;
      } else if (kind !== 'unknown') c.guideline = kind;
      const tail = readTail(scope, end, kb);
      if (tail) {
        if (tail.chapter !== undefined && c.chapter === undefined) c.chapter = tail.chapter;
        if (tail.pages?.length) c.pages = tail.pages;
        if (tail.sections?.length) c.sections = tail.sections;
        end = tail.end;
      }
      if (c.guideline === undefined && kind === 'cpmtg') {
        // No year written: the form tells the edition (pages are 2009's way, sections 2016's).
        c.guideline = c.sections?.length && !c.pages?.length ? 'cpmtg-2016' : 'cpmtg-2009';
      }
      if (kind === 'acoem-2' && c.chapter === undefined && !c.pages) {
        // "ACOEM" alone is a reference to the guideline, not yet a citation of a page.
      }
    }
    c.span.end = end;
    c.text = scope.slice(c.span.start, end);
    c.resolved = resolve(c, kb);
    out.push(c);
    covered = end;
  }
  // "Page(s): 98-99" standing alone refers to the guideline named before it on that line,
  // or, with none, to the 2009 Chronic Pain guideline whose citations take that form.
  const bare = new RegExp(BARE_PAGES.source, BARE_PAGES.flags);
  const named = out.length;
  let k = 0;
  while ((m = bare.exec(scope))) {
    const start = m.index;
    while (k < named && out[k].span.end <= start) k++;
    if (k < named && start >= out[k].span.start) continue;
    if (!/Page\s*\(s\)/i.test(m[0])) continue;
    const c: Citation = { span: { start, end: start + m[0].length }, text: m[0], guideline: 'cpmtg-2009', pages: pageList(m.groups!.barepages), resolved: [] };
    c.resolved = resolve(c, kb);
    out.push(c);
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return current ? mergeCitations(out, findCurrentCitations(scope)) : out;
}

interface Tail {
  chapter?: number;
  pages?: number[];
  sections?: string[];
  end: number;
}

/**
 * The rest of a citation after the guideline's name: chapter, pages, sections. It may wrap
 * onto the next line when the line ends mid-list (a comma, an open parenthesis); it stops at
 * a blank line, the end of a sentence, or the next guideline named.
 */
function readTail(scope: string, from: number, kb: Knowledge): Tail | undefined {
  let end = from;
  let depth = 0;
  const max = Math.min(scope.length, from + 300);
  while (end < max) {
    const ch = scope[end];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '\n') {
      const line = scope.slice(scope.lastIndexOf('\n', end - 1) + 1, end).trimEnd();
      const next = scope.slice(end + 1, scope.indexOf('\n', end + 1) >>> 0).trimStart();
      const inSections = /Section\s*\(?s?\)?\s*:/i.test(scope.slice(from, end));
      const continues =
        depth > 0 ||
        /[,(&]$/.test(line) ||
        /\b(?:Section\s*\(s\)|Page\s*\(s\)|pages?|Chapter)\s*:?$/i.test(line) ||
        /^(?:Section|Page|Chapter|pp?\.)\b/i.test(next) ||
        /^\d{4}\b/.test(next) ||
        // a section name wrapped onto a short last line: "Section(s): Special / Studies."
        (inSections && next.length <= 40 && /\.\s*$/.test(next) && !next.includes(':'));
      if (!continues || next.length === 0) break;
    } else if ((ch === '.' || ch === ';') && depth === 0 && /^\s?$/.test(scope[end + 1] ?? '')) {
      const word = /(\S+)$/.exec(scope.slice(Math.max(from, end - 6), end))?.[1] ?? '';
      if (!/^(?:p|pp|Pg|No|Sec|e\.g|i\.e|C\.C\.R|Lab)$/i.test(word)) break;
    }
    end++;
  }
  const window = scope.slice(from, end);
  const text = window.slice(0, nextOpener(window));
  const tail: Tail = { end: from };
  const ch = CHAPTER_RE.exec(text);
  if (ch?.groups?.chapter) {
    tail.chapter = Number(ch.groups.chapter);
    tail.end = from + ch.index + ch[0].length;
  }
  const pg = PAGES_RE.exec(text);
  if (pg?.groups?.pages) {
    tail.pages = pageList(pg.groups.pages);
    tail.end = Math.max(tail.end, from + pg.index + pg[0].length);
  }
  const sec = SECTIONS_RE.exec(text);
  if (sec) {
    const list = text.slice(sec.index + sec[0].length).replace(/[\s.]+$/, '');
    tail.sections = sectionList(list, sectionNames(kb));
    tail.end = Math.max(tail.end, from + sec.index + sec[0].length + list.length);
  }
  return tail.end > from ? tail : undefined;
}
