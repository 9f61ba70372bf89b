import type { Knowledge } from '../../knowledge/knowledge';
import type { CitationEntry } from '../../knowledge/schema';
import type { Citation } from '../types';

// Which knowledge-base entries a citation as read names: by regulation or statute section, else
// within its guideline (and ACOEM chapter) by section name, pages or chapter, else the whole
// guideline.

const knownSections = new WeakMap<Knowledge, Set<string>>();
export function sectionNames(kb: Knowledge): Set<string> {
  let set = knownSections.get(kb);
  if (!set) {
    set = new Set(kb.data.citations.flatMap((c) => (c.sections ?? []).map(normalizeSection)));
    knownSections.set(kb, set);
  }
  return set;
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

/** The knowledge base's citations as resolve() compares them, normalized once per knowledge base. */
interface Lookup {
  regulations: { id: string; have: string; base: string }[];
  byGuideline: Map<string, CitationEntry[]>;
}
const lookups = new WeakMap<Knowledge, Lookup>();

function lookupOf(kb: Knowledge): Lookup {
  let l = lookups.get(kb);
  if (!l) {
    l = { regulations: [], byGuideline: new Map() };
    for (const e of kb.data.citations) {
      for (const r of e.regulations ?? []) {
        const have = normalizeRegulation(r.replace(/^8 CCR\s*|^Labor Code\s*/i, ''));
        l.regulations.push({ id: e.id, have, base: have.replace(/\(.*$/, '') });
      }
      const same = l.byGuideline.get(e.guideline);
      if (same) same.push(e);
      else l.byGuideline.set(e.guideline, [e]);
    }
    lookups.set(kb, l);
  }
  return l;
}

export function resolve(c: Citation, kb: Knowledge): string[] {
  const lookup = lookupOf(kb);
  const hits = new Set<string>();
  if (c.regulation) {
    const want = normalizeRegulation(c.regulation);
    const wantBase = want.replace(/\(.*$/, '');
    const bare = !/\(/.test(want);
    for (const { id, have, base } of lookup.regulations) if (want === have || want.startsWith(have) || (wantBase === base && bare)) hits.add(id);
    return [...hits];
  }
  if (!c.guideline) return [];
  let pool: CitationEntry[] = lookup.byGuideline.get(c.guideline) ?? [];
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
