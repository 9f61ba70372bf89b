import type { Knowledge } from '../../knowledge/knowledge';
import type { Scan } from '../incremental/window';
import type { Citation, Span } from '../types';
import { searchable } from '../incremental/finders';
import { findCurrentCitations, mergeCitations } from '../mtus/current-citations';
import {
  ACOEM_CHAPTERS,
  BARE_PAGES,
  CHAPTER_RE,
  framed,
  kindOf,
  NEEDS_FRAME,
  nextOpener,
  OPENER,
  openerGroup,
  PAGES_RE,
  SECTIONS_RE,
  TITLE_CASED,
} from './citation-openers';
import { normalizeSection, resolve, sectionNames } from './citation-resolve';

// Citations as letters write them. A guideline name opens a citation; chapter, pages and
// section names that follow on the same line (or wrapped line) belong to it.

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

/**
 * Every guideline citation in the text, parsed and resolved against the knowledge base; with
 * `current`, today's forms too ("MTUS (ACOEM) Low Back Disorders Guideline", engine/mtus/).
 * A document dated before 12/1/2017 is read without them, as it always was (analyze.ts).
 */
export function findCitations(text: string, kb: Knowledge, limit = text.length, current = true): Citation[] {
  const scope = limit < text.length ? text.slice(0, limit) : text;
  return scanCitations(scope, { kb, current }, 0, Infinity).found;
}

/** The citations that start in [from, to) (a Scanner, engine/incremental/window.ts). */
export function scanCitations(scope: string, { kb, current }: { kb: Knowledge; current: boolean }, from: number, to: number): Scan<Citation> {
  const out: Citation[] = [];
  const matched: Span[] = [];
  const opener = new RegExp(OPENER.source, OPENER.flags);
  opener.lastIndex = from;
  // Where the next citation starts is searched for in the text only a little past `to`: a window
  // of a long document citing nothing would otherwise be searched on to its end (finders.ts).
  const hay = searchable(scope, from, to);
  let m: RegExpExecArray | null;
  let covered = 0;
  while ((m = opener.exec(hay)) && m.index < to) {
    matched.push({ start: m.index, end: m.index + m[0].length });
    if (m.index < covered) continue;
    const kind = kindOf(m);
    if (NEEDS_FRAME.has(kind) && !framed(m[0])) continue;
    // The pattern is matched without case, but a guideline's name is written in capitals:
    // "the MTUS does not address the treatment" is a sentence, not a citation.
    if (kind === 'unknown' && !TITLE_CASED.test(m[0])) continue;
    let end = m.index + m[0].length;
    const c: Citation = { span: { start: m.index, end }, text: m[0], resolved: [] };
    if (kind === 'regulation') {
      c.guideline = 'mtus-regulations';
      c.regulation = `8 CCR ${(openerGroup(m, 'reg') ?? openerGroup(m, 'reg2'))!.replace(/\s+/g, '')}`;
      const reg = c.regulation.replace(/^8 CCR /, '');
      const owner = kb.data.guidelines.find((x) => x.regulation && reg.startsWith(x.regulation.replace(/^8 CCR /, '')));
      if (owner) c.guideline = owner.id;
    } else if (kind === 'labor-code') {
      c.guideline = 'labor-code';
      c.regulation = `Labor Code ${openerGroup(m, 'lc')!.replace(/\s+/g, '')}`;
    } else {
      if (kind === 'cpmtg') {
        const year = openerGroup(m, 'year') ?? /\b(2009|2016)\b/.exec(m[0])?.[1];
        c.edition = year;
        c.guideline = year === '2016' ? 'cpmtg-2016' : year === '2009' ? 'cpmtg-2009' : undefined;
      } else if (kind === 'acoem-chapter') {
        c.guideline = 'acoem-2';
        const n = ACOEM_CHAPTERS.find(([num]) => openerGroup(m!, `ch${num}`) !== undefined)?.[0];
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
    matched.push({ start: c.span.start, end });
    covered = end;
  }
  // "Page(s): 98-99" standing alone refers to the guideline named before it on that line,
  // or, with none, to the 2009 Chronic Pain guideline whose citations take that form.
  const bare = new RegExp(BARE_PAGES.source, BARE_PAGES.flags);
  bare.lastIndex = from;
  const named = out.length;
  let k = 0;
  while ((m = bare.exec(hay)) && m.index < to) {
    const start = m.index;
    matched.push({ start, end: start + m[0].length });
    while (k < named && out[k].span.end <= start) k++;
    if (k < named && start >= out[k].span.start) continue;
    if (!/Page\s*\(s\)/i.test(m[0])) continue;
    const c: Citation = { span: { start, end: start + m[0].length }, text: m[0], guideline: 'cpmtg-2009', pages: pageList(m.groups!.barepages), resolved: [] };
    c.resolved = resolve(c, kb);
    out.push(c);
  }
  out.sort((a, b) => a.span.start - b.span.start);
  if (!current) return { found: out, matched };
  const today = findCurrentCitations(scope, from, to);
  for (const c of today) matched.push({ ...c.span });
  return { found: mergeCitations(out, today), matched };
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
