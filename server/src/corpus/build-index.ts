import * as fs from 'node:fs';
import * as path from 'node:path';
import { findCitations } from '../engine/parse/citations';
import { normalizeSection } from '../engine/parse/citation-resolve';
import type { Knowledge } from '../knowledge/knowledge';
import { defaultKnowledge } from '../knowledge/load';
import { caseOf, IndexAggregates } from './index-aggregates';
import { MAX_QUOTE_LENGTH } from './quote-picker';
import { readDecisions, type ReadStats } from './read-decisions';
import { isLetterFile } from './read-letter';
import type { CorpusIndex, DecidedItem, Decision, Outcome } from './types';

// Decisions into the corpus index (types.ts): how often each knowledge-base citation is cited
// in disputed items and how those items were decided, how therapy requests fared within and
// above the guideline's limit, and short guideline quotations with the case quoting them.

export interface IndexOptions {
  kb?: Knowledge;
  /** Letters that could not be read or parsed. */
  problems?: CorpusIndex['problems'];
  /** Keep each item's guideline sentences (they are dropped otherwise, after quotes are taken). */
  full?: boolean;
}

export { limitOf } from './index-aggregates';
export { MAX_QUOTE_LENGTH } from './quote-picker';

export function buildIndex(decisions: Decision[], options: IndexOptions = {}): CorpusIndex {
  const kb = options.kb ?? defaultKnowledge();
  const aggregates = new IndexAggregates(kb);
  for (const d of decisions) aggregates.add(d);
  const { knowledgeVersion, letters, items, citations, treatments, quotes } = aggregates.result();
  return {
    version: 1,
    knowledgeVersion,
    letters,
    items,
    decisions: options.full ? decisions : decisions.map(withoutGuidelineSentences),
    citations,
    treatments,
    quotes,
    problems: [...(options.problems ?? [])],
  };
}

/** A decision as the index keeps it when not --full: the rationale sentences go. */
export function withoutGuidelineSentences(d: Decision): Decision {
  return { ...d, items: d.items.map(withoutSentences) };
}

function withoutSentences(item: DecidedItem): DecidedItem {
  if (!item.guidelineSentences) return item;
  const { guidelineSentences: _dropped, ...rest } = item;
  return rest;
}

/**
 * The index as shipped with mtus-lint: derived data only. Rationale sentences go (the short
 * quotations stay), and so does each worker's date of injury; the decision and UR denial
 * dates, which say which guideline edition was in force, stay.
 */
/**
 * A partly authorised item's title is a paragraph of the letter ("X was the original request. Y
 * was authorized ... The remaining IMR eligible portion ..., Z is"); the compact index keeps
 * only its disputed part, so it holds no passage of a letter.
 */
export const MAX_TITLE_LENGTH = 120;

export function shortTitle(title: string): string {
  if (title.length <= MAX_TITLE_LENGTH) return title;
  const last = title.slice(title.lastIndexOf('. ') + 2).trim();
  return last.length <= MAX_TITLE_LENGTH - 1 ? `…${last}` : `…${last.slice(-(MAX_TITLE_LENGTH - 1))}`;
}

export function compact(index: CorpusIndex): CorpusIndex {
  return { ...index, ...compactAggregates(index), decisions: index.decisions.map(compactDecision) };
}

/** One decision as the compact index keeps it. */
export function compactDecision(d: Decision): Decision {
  const dates: Decision['dates'] = {};
  if (d.dates.urDenial) dates.urDenial = d.dates.urDenial;
  if (d.dates.decision) dates.decision = d.dates.decision;
  return {
    source: d.source,
    ...(d.caseNumber ? { caseNumber: d.caseNumber } : {}),
    dates,
    ...(d.specialty ? { specialty: d.specialty } : {}),
    items: d.items.map((i) => ({ ...withoutSentences(i), title: shortTitle(i.title) })),
  };
}

/** The citation examples and quotations as the compact index keeps them. */
export function compactAggregates(index: Pick<CorpusIndex, 'citations' | 'quotes'>): Pick<CorpusIndex, 'citations' | 'quotes'> {
  const citations: CorpusIndex['citations'] = {};
  for (const [id, c] of Object.entries(index.citations)) citations[id] = { ...c, examples: c.examples.map((e) => ({ ...e, item: shortTitle(e.item) })) };
  return { citations, quotes: index.quotes.filter((q) => q.text.length <= MAX_QUOTE_LENGTH) };
}

// ---------------------------------------------------------------------------------------------
// Reading files and folders
// ---------------------------------------------------------------------------------------------

export interface BuildOptions {
  /** Called after each letter: how many are done, of how many, and the file's name. */
  progress?: (done: number, total: number, file: string) => void;
  /** Keep the rationale sentences that quote guidelines (guidelineSentences). */
  full?: boolean;
  kb?: Knowledge;
}

export type BuildStats = ReadStats;

/** The letter files under these paths: folders (searched to a depth of 4) and files. */
export function letterFiles(paths: string[]): { files: string[]; problems: CorpusIndex['problems'] } {
  const files: string[] = [];
  const problems: CorpusIndex['problems'] = [];
  const walk = (dir: string, depth: number) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ source: dir, reason: `cannot list the folder: ${(e as Error).message}` });
      return;
    }
    const here = entries.filter((e) => e.isFile() && isLetterFile(e.name)).map((e) => e.name);
    // A letter kept both as text and as PDF is read once, from the text.
    const texts = new Set(here.filter((n) => /\.txt$/i.test(n)).map((n) => n.slice(0, -4).toLowerCase()));
    for (const n of here.sort()) {
      if (/\.pdf$/i.test(n) && texts.has(n.slice(0, -4).toLowerCase())) continue;
      files.push(path.join(dir, n));
    }
    if (depth >= 4) return;
    for (const e of entries.filter((x) => x.isDirectory() && !x.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name)))
      walk(path.join(dir, e.name), depth + 1);
  };
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      problems.push({ source: p, reason: 'no such file or folder' });
      continue;
    }
    if (st.isDirectory()) walk(p, 0);
    else files.push(p);
  }
  return { files, problems };
}

/** Read, parse and index letters; what cannot be read is listed in `problems` and skipped. */
export async function buildCorpusWithStats(paths: string[], options: BuildOptions = {}): Promise<{ index: CorpusIndex; stats: BuildStats }> {
  const kb = options.kb ?? defaultKnowledge();
  const { files, problems } = letterFiles(paths);
  const decisions: Decision[] = [];
  const stats = await readDecisions(files, problems, { kb, progress: options.progress }, (d) => {
    decisions.push(d);
  });
  return { index: buildIndex(decisions, { kb, problems, full: options.full }), stats };
}

/** Read, parse and index letters (files, or folders of .txt and .pdf letters). */
export async function buildCorpus(paths: string[], options: BuildOptions = {}): Promise<CorpusIndex> {
  return (await buildCorpusWithStats(paths, options)).index;
}

// ---------------------------------------------------------------------------------------------
// Gaps: what the corpus cites that the knowledge base cannot resolve
// ---------------------------------------------------------------------------------------------

export interface Gap {
  /** The citation as most often written (one section or page list of it). */
  citation: string;
  guideline?: string;
  /** Disputed items citing it. */
  items: number;
  /** Of those, the items where MAXIMUS (the IMR reviewer) cited it. */
  byMaximus: number;
  upheld: number;
  overturned: number;
  examples: string[];
}

/**
 * The corpus's citations the knowledge base does not resolve, most cited first. A citation
 * naming several sections is looked at one section at a time (the knowledge base may hold one
 * and not the other), each resolved again against the knowledge base given, so the list
 * follows the knowledge base as it grows.
 */
export function corpusGaps(index: CorpusIndex, kb: Knowledge = defaultKnowledge()): Gap[] {
  const gaps = new Map<string, Gap & { forms: Map<string, number>; seen: Set<string> }>();
  for (const d of index.decisions) {
    d.items.forEach((item, n) => {
      const itemKey = `${d.source}#${n}`;
      for (const c of item.citations) {
        for (const unit of citationUnits(c.text, kb)) {
          if (unit.resolved) continue;
          let g = gaps.get(unit.key);
          if (!g)
            gaps.set(
              unit.key,
              (g = {
                citation: unit.text,
                guideline: unit.guideline,
                items: 0,
                byMaximus: 0,
                upheld: 0,
                overturned: 0,
                examples: [],
                forms: new Map(),
                seen: new Set(),
              }),
            );
          g.forms.set(unit.text, (g.forms.get(unit.text) ?? 0) + 1);
          if (c.by === 'maximus' && !g.seen.has(`${itemKey}|m`)) {
            g.seen.add(`${itemKey}|m`);
            g.byMaximus++;
          }
          if (g.seen.has(itemKey)) continue;
          g.seen.add(itemKey);
          g.items++;
          g[item.outcome as Outcome]++;
          if (g.examples.length < 3) g.examples.push(caseOf(d));
        }
      }
    });
  }
  return [...gaps.values()]
    .map(({ forms, seen: _seen, ...g }) => ({ ...g, citation: [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0] }))
    .sort((a, b) => b.items - a.items || a.citation.localeCompare(b.citation));
}

interface Unit {
  key: string;
  text: string;
  guideline?: string;
  resolved: boolean;
}

/** A written citation split into what resolves on its own: each section, or the whole. */
function citationUnits(text: string, kb: Knowledge): Unit[] {
  const out: Unit[] = [];
  for (const c of findCitations(text, kb)) {
    const where = `${c.guideline ?? c.text.toLowerCase()}|${c.chapter ?? (c.generalApproaches ? 'general' : '')}`;
    const sections = (c.sections ?? []).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s && !/^(?:and|or|&)$/i.test(s));
    const at = /Section\s*\(?s?\)?\s*:/i.exec(c.text);
    if (sections.length > 1 && at) {
      // Section names hold commas ("Opioids, criteria for use", "NSAIDs, GI symptoms &
      // cardiovascular risk"), which the engine splits at: a piece in lower case, or one that
      // resolves only with the piece before it, belongs to that piece.
      const head = c.text.slice(0, at.index + at[0].length);
      const resolves = (section: string) => (findCitations(`${head} ${section}`, kb)[0]?.resolved.length ?? 0) > 0;
      const units: string[] = [];
      for (const raw of sections) {
        const s = raw.replace(/^(?:and|&)\s+/i, '');
        const last = units[units.length - 1];
        if (last !== undefined && (/^[a-z]/.test(s) || (!resolves(s) && resolves(`${last}, ${s}`)))) units[units.length - 1] = `${last}, ${s}`;
        else units.push(s);
      }
      for (const s of units) {
        out.push({ key: `${where}|${normalizeSection(s)}`, text: `${head} ${s}`.replace(/\s+/g, ' ').trim(), guideline: c.guideline, resolved: resolves(s) });
      }
      continue;
    }
    const detail = c.regulation ?? (sections.length ? normalizeSection(sections[0]) : (c.pages ?? []).join(','));
    const written = c.text
      .replace(/\s+/g, ' ')
      .replace(/,?\s*(?:and|&)$/i, '')
      .trim();
    out.push({ key: `${where}|${detail}`, text: written, guideline: c.guideline, resolved: c.resolved.length > 0 });
  }
  return out;
}
