import type { Citation, CorpusIndex, FixData, Span } from '../types';
import type { Knowledge } from '../../knowledge/knowledge';
import type { CitationEntry } from '../../knowledge/schema';
import { ACOEM_CHAPTERS } from '../parse/citation-openers';
import { normalizeSection } from '../parse/citation-resolve';

// What is wrong with a citation that does not resolve: shared by the three citation rules so
// each citation gets one diagnostic, the most specific one.

export type CitationProblem =
  | { kind: 'wrong-chapter'; chapter: number; correct: number; correctTitle: string; page: number; fix?: FixData }
  | { kind: 'edition-form'; page: number; section?: string; fix?: FixData }
  | { kind: 'not-found' };

/** Pages of each ACOEM chapter as the knowledge base holds them (lowest to highest cited). */
function chapterRanges(kb: Knowledge): Map<number, { from: number; to: number; title: string }> {
  const out = new Map<number, { from: number; to: number; title: string }>();
  for (const e of kb.data.citations) {
    if (e.guideline !== 'acoem-2' || e.chapter === undefined || !e.pages?.length) continue;
    const r = out.get(e.chapter) ?? { from: Infinity, to: -Infinity, title: e.topic };
    r.from = Math.min(r.from, ...e.pages);
    r.to = Math.max(r.to, ...e.pages);
    out.set(e.chapter, r);
  }
  return out;
}

const ranges = new WeakMap<Knowledge, ReturnType<typeof chapterRanges>>();

function within(text: string, re: RegExp, base: number): Span | undefined {
  const m = re.exec(text);
  return m ? { start: base + m.index, end: base + m.index + m[0].length } : undefined;
}

const key = (c: { guideline?: string; chapter?: number; pages?: number[]; sections?: string[]; text: string }) =>
  c.guideline
    ? `${c.guideline}|${c.chapter ?? ''}|${(c.pages ?? []).join(',')}|${(c.sections ?? []).map(normalizeSection).join(';')}`
    : c.text.toLowerCase().replace(/\s+/g, ' ');
const corpusKeys = new WeakMap<CorpusIndex, Set<string>>();

/** True when real IMR decisions cite this (the knowledge base is what lacks it). */
function citedInCorpus(c: Citation, corpus: CorpusIndex | undefined): boolean {
  if (!corpus) return false;
  let keys = corpusKeys.get(corpus);
  if (!keys) {
    keys = new Set(corpus.decisions.flatMap((d) => d.items.flatMap((i) => i.citations.map(key))));
    corpusKeys.set(corpus, keys);
  }
  return keys.has(key(c));
}

export function citationProblem(c: Citation, kb: Knowledge, corpus?: CorpusIndex): CitationProblem | undefined {
  if (c.resolved.length) return undefined;
  if (c.guideline === 'odg' || c.guideline === 'acoem-3') return undefined; // not part of the MTUS: a hierarchy question (guideline-hierarchy), not a lookup
  if (c.guideline === 'acoem-2' && c.chapter !== undefined && c.pages?.length) {
    let r = ranges.get(kb);
    if (!r) ranges.set(kb, (r = chapterRanges(kb)));
    const page = c.pages[0];
    const owners = [...r.entries()].filter(([, x]) => page >= x.from && page <= x.to).map(([n]) => n);
    if (owners.length === 1 && owners[0] !== c.chapter) {
      const correct = owners[0];
      const title = r.get(correct)!.title;
      const edits = [];
      const num = within(c.text, new RegExp(`(?<=Chapter\\s+)${c.chapter}\\b`, 'i'), c.span.start);
      if (num) edits.push({ span: num, newText: String(correct) });
      const oldTitle = ACOEM_CHAPTERS.find(([n]) => n === c.chapter)?.[1];
      const t = oldTitle ? within(c.text, new RegExp(oldTitle, 'i'), c.span.start) : undefined;
      if (t) edits.push({ span: t, newText: title });
      const fix = edits.length ? { title: `Change to ACOEM Chapter ${correct}${t ? ` ${title}` : ''}`, edits } : undefined;
      return { kind: 'wrong-chapter', chapter: c.chapter, correct, correctTitle: title, page, fix };
    }
  }
  if (c.guideline === 'cpmtg-2016' && c.pages?.length && !c.sections?.length) {
    const page = c.pages[0];
    const old = kb.data.citations.find((e) => e.guideline === 'cpmtg-2009' && e.pages?.includes(page));
    const now = old && kb.data.citations.find((e) => e.guideline === 'cpmtg-2016' && sameTopic(e, old));
    const section = now?.sections?.[0];
    const where = within(c.text, /(?:Page\s*\(s\)|Pages?|pp?\.)\s*:?\s*\d{1,3}(?:\s*(?:-|–|,|and|&)\s*\d{1,3})*/i, c.span.start);
    const fix =
      section && where ? { title: `Cite the 2016 section: "Section(s): ${section}"`, edits: [{ span: where, newText: `Section(s): ${section}` }] } : undefined;
    return { kind: 'edition-form', page, section, fix };
  }
  if (citedInCorpus(c, corpus)) return undefined;
  return { kind: 'not-found' };
}

function sameTopic(a: CitationEntry, b: CitationEntry): boolean {
  if (a.treatments.length && a.treatments.some((t) => b.treatments.includes(t))) return true;
  const names = new Set((b.sections ?? []).map(normalizeSection));
  return (a.sections ?? []).some((s) => names.has(normalizeSection(s)));
}
