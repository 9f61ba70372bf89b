import * as fs from 'node:fs';
import * as path from 'node:path';
import { findCitations, normalizeSection } from '../engine/parse/citations';
import type { Knowledge } from '../knowledge/knowledge';
import { defaultKnowledge } from '../knowledge/load';
import type { CitationEntry } from '../knowledge/schema';
import { parseLetter } from './parse-letter';
import { isLetterFile, readLetter } from './read-letter';
import type { CitationStats, CorpusIndex, DecidedItem, Decision, Outcome, TreatmentStats } from './types';

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

const MAX_EXAMPLES = 3;
const MAX_QUOTES_PER_CITATION = 3;
export const MAX_QUOTE_LENGTH = 300;

const caseOf = (d: Decision) => d.caseNumber ?? d.source.replace(/\.[^.]+$/, '');
const tally = () => ({ upheld: 0, overturned: 0 });

/** The limit a treatment's requests are split at: the trial's upper end, else the maximum's. */
export function limitOf(kb: Knowledge, treatment: string): number | undefined {
  const l = kb.limitFor(treatment);
  return l?.trial?.max ?? l?.maximum?.max;
}

export function buildIndex(decisions: Decision[], options: IndexOptions = {}): CorpusIndex {
  const kb = options.kb ?? defaultKnowledge();
  const citations: Record<string, CitationStats> = {};
  const treatments: Record<string, TreatmentStats> = {};

  for (const d of decisions) {
    for (const item of d.items) {
      // An item citing the same entry twice (both sides, or one side twice) counts once.
      const ids = new Set(item.citations.flatMap((c) => c.resolved));
      for (const id of ids) {
        const s = (citations[id] ??= { items: 0, ...tally(), examples: [] });
        s.items++;
        s[item.outcome]++;
        if (s.examples.length < MAX_EXAMPLES) s.examples.push({ caseNumber: caseOf(d), item: item.title, outcome: item.outcome });
      }
      if (item.treatment && item.total !== undefined && item.aboveLimit !== undefined && !item.postsurgical) {
        const limit = limitOf(kb, item.treatment);
        if (limit === undefined) continue;
        const t = (treatments[item.treatment] ??= { limit, withinLimit: tally(), aboveLimit: tally(), aboveLimitWithoutImprovement: tally() });
        if (!item.aboveLimit) t.withinLimit[item.outcome]++;
        else {
          t.aboveLimit[item.outcome]++;
          // The rationale says functional improvement was not documented.
          if (item.functionalImprovement === false) t.aboveLimitWithoutImprovement[item.outcome]++;
        }
      }
    }
  }

  const quotes = pickQuotes(decisions, kb);
  const kept = options.full ? decisions : decisions.map((d) => ({ ...d, items: d.items.map(withoutSentences) }));
  return {
    version: 1,
    knowledgeVersion: kb.version,
    letters: kept.length,
    items: kept.reduce((n, d) => n + d.items.length, 0),
    decisions: kept,
    citations: sortKeys(citations),
    treatments: sortKeys(treatments),
    quotes,
    problems: [...(options.problems ?? [])],
  };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
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
  const citations: CorpusIndex['citations'] = {};
  for (const [id, c] of Object.entries(index.citations)) citations[id] = { ...c, examples: c.examples.map((e) => ({ ...e, item: shortTitle(e.item) })) };
  return {
    ...index,
    citations,
    decisions: index.decisions.map((d) => {
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
    }),
    quotes: index.quotes.filter((q) => q.text.length <= MAX_QUOTE_LENGTH),
  };
}

// ---------------------------------------------------------------------------------------------
// Quotations
// ---------------------------------------------------------------------------------------------

// A quotation is the guideline's words, not the reviewer's account of this case.
const ABOUT_THE_CASE =
  /\b(?:injured\s+worker|IW|claimant|applicant|in\s+this\s+case|this\s+(?:patient|case|request)|the\s+patient\s+(?:has|had|is|was|does|did|reports?|underwent)|(?:he|she|his|her|him)|request(?:ed|ing)?|requesting|provider|physician|submitted|records?|medical\s+documents?|medically\s+necessary|denied|authori[sz]ed|certified|non-?certified|UR|utilization\s+review|(?:was|were)\s+used|Strength\s+of\s+Evidence|(?:does|did)\s+not\s+address|silent)\b|^(?:Please\s+)?see\b/i;
const GUIDELINE_FAMILY: [string, RegExp][] = [
  ['odg', /\bODG\b|Official\s+Disability/i],
  ['acoem', /\bACOEM\b/i],
  ['mtus', /\bMTUS\b|Chronic\s+Pain|CPMTG|Acupuncture\s+(?:Medical\s+)?Treatment\s+Guidelines|9792\.\d/i],
];
const familyOf = (e: CitationEntry) => (e.guideline === 'odg' ? ['odg'] : e.guideline === 'acoem-2' ? ['acoem', 'mtus'] : ['mtus']);
const words = (s: string) => ` ${normalizeSection(s)} `;

/**
 * Words that tie a sentence to one knowledge-base entry: its topic, sections and treatments,
 * leaving out words several entries share ("Special Studies" is in every ACOEM chapter).
 */
function distinctiveCues(kb: Knowledge): Map<string, string[]> {
  const byEntry = new Map<string, string[]>();
  const owners = new Map<string, Set<string>>();
  for (const e of kb.data.citations) {
    const cues = [e.topic, ...(e.sections ?? [])];
    for (const t of e.treatments) {
      const tr = kb.treatment(t);
      if (tr) cues.push(tr.name, ...tr.aliases.filter((a) => !a.startsWith('/')));
    }
    const norm = [...new Set(cues.map((c) => normalizeSection(c)).filter((c) => c.length >= 3))];
    byEntry.set(e.id, norm);
    for (const c of norm) (owners.get(c) ?? owners.set(c, new Set()).get(c)!).add(e.id);
  }
  for (const [id, cues] of byEntry) byEntry.set(id, cues.filter((c) => owners.get(c)!.size === 1));
  return byEntry;
}

function pickQuotes(decisions: Decision[], kb: Knowledge): CorpusIndex['quotes'] {
  const cueMap = distinctiveCues(kb);
  const cues = (id: string) => cueMap.get(id) ?? [];
  const candidates: { citation: string; text: string; caseNumber: string; score: number; order: number }[] = [];
  let order = 0;
  for (const d of decisions) {
    for (const item of d.items) {
      const cited = new Set(item.citations.filter((c) => c.by === 'maximus').flatMap((c) => c.resolved));
      if (cited.size === 0) for (const c of item.citations) for (const id of c.resolved) cited.add(id);
      for (const sentence of item.guidelineSentences ?? []) {
        order++;
        if (sentence.length < 40 || sentence.length > MAX_QUOTE_LENGTH || !/^["“(]?[A-Z]/.test(sentence) || ABOUT_THE_CASE.test(sentence)) continue;
        const families = GUIDELINE_FAMILY.filter(([, re]) => re.test(sentence)).map(([f]) => f);
        const quoted = /["“”]/.test(sentence) ? 1 : 0;
        const own = new Set(findCitations(sentence, kb).flatMap((c) => c.resolved));
        const w = words(sentence);
        const ids = own.size ? own : cited;
        for (const id of ids) {
          const e = kb.citation(id);
          if (!e) continue;
          if (families.length && !familyOf(e).some((f) => families.includes(f))) continue;
          const relevant = cues(id).some((c) => w.includes(` ${c} `));
          // Attributed by a citation in the sentence itself, or by the words of the entry the
          // reviewer based the decision on.
          if (!own.has(id) && !relevant) continue;
          const score = (own.has(id) ? 3 : 0) + (relevant ? 2 : 0) + quoted + (families.length ? 1 : 0);
          candidates.push({ citation: id, text: sentence, caseNumber: caseOf(d), score, order });
        }
      }
    }
  }
  candidates.sort((a, b) => a.citation.localeCompare(b.citation) || b.score - a.score || a.order - b.order);
  const out: CorpusIndex['quotes'] = [];
  const seen = new Set<string>();
  const perId = new Map<string, number>();
  for (const c of candidates) {
    const key = `${c.citation}|${c.text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')}`;
    if (seen.has(key) || (perId.get(c.citation) ?? 0) >= MAX_QUOTES_PER_CITATION) continue;
    seen.add(key);
    perId.set(c.citation, (perId.get(c.citation) ?? 0) + 1);
    out.push({ citation: c.citation, text: c.text, caseNumber: c.caseNumber });
  }
  return out;
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

export interface BuildStats {
  /** Letter files found (a letter kept both as .txt and .pdf counts once). */
  files: number;
  texts: number;
  pdfs: number;
  /** Letters whose case number was already indexed from another file; left out. */
  duplicates: string[];
  seconds: number;
}

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
    for (const e of entries.filter((x) => x.isDirectory() && !x.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name))) walk(path.join(dir, e.name), depth + 1);
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

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Read, parse and index letters; what cannot be read is listed in `problems` and skipped. */
export async function buildCorpusWithStats(paths: string[], options: BuildOptions = {}): Promise<{ index: CorpusIndex; stats: BuildStats }> {
  const started = process.hrtime.bigint();
  const kb = options.kb ?? defaultKnowledge();
  const { files, problems } = letterFiles(paths);
  const decisions: Decision[] = [];
  const seenCases = new Set<string>();
  const stats: BuildStats = { files: files.length, texts: 0, pdfs: 0, duplicates: [], seconds: 0 };
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const name = path.basename(file);
    if (/\.pdf$/i.test(name)) stats.pdfs++;
    else stats.texts++;
    try {
      const text = await readLetter(file);
      const d = parseLetter(text, name, { kb });
      if (d.caseNumber && seenCases.has(d.caseNumber)) stats.duplicates.push(name);
      else {
        if (d.caseNumber) seenCases.add(d.caseNumber);
        decisions.push(d);
      }
    } catch (e) {
      problems.push({ source: name, reason: (e as Error).message || String(e) });
    }
    options.progress?.(i + 1, files.length, name);
    // Let a language server answer its editor between letters.
    if (i + 1 < files.length) await nextTurn();
  }
  const index = buildIndex(decisions, { kb, problems, full: options.full });
  stats.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { index, stats };
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
          if (!g) gaps.set(unit.key, (g = { citation: unit.text, guideline: unit.guideline, items: 0, byMaximus: 0, upheld: 0, overturned: 0, examples: [], forms: new Map(), seen: new Set() }));
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
    const written = c.text.replace(/\s+/g, ' ').replace(/,?\s*(?:and|&)$/i, '').trim();
    out.push({ key: `${where}|${detail}`, text: written, guideline: c.guideline, resolved: c.resolved.length > 0 });
  }
  return out;
}
