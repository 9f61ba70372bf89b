import { findCitations } from '../engine/parse/citations';
import { normalizeSection } from '../engine/parse/citation-resolve';
import type { Knowledge } from '../knowledge/knowledge';
import type { CitationEntry } from '../knowledge/schema';
import type { CorpusIndex, Decision } from './types';

// Short guideline quotations for the index: per knowledge-base citation, the best few sentences
// of the rationales that quote it. Decisions are offered one at a time and only the best few
// candidates per citation are kept, so memory does not grow with the number of letters.

export const MAX_QUOTES_PER_CITATION = 3;
export const MAX_QUOTE_LENGTH = 300;

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
  for (const [id, cues] of byEntry)
    byEntry.set(
      id,
      cues.filter((c) => owners.get(c)!.size === 1),
    );
  return byEntry;
}

interface Candidate {
  citation: string;
  text: string;
  caseNumber: string;
  score: number;
  /** Position among all the sentences offered: an earlier one wins a tie. */
  order: number;
}

/** A sentence of a decision that could quote a citation, scored; `sentence` counts the decision's guideline sentences from 0. */
export interface QuoteCandidate {
  citation: string;
  text: string;
  score: number;
  sentence: number;
}

const better = (a: Candidate, b: Candidate) => a.score > b.score || (a.score === b.score && a.order < b.order);

/**
 * The sentences of one decision that could quote a citation, with their scores: the decision's
 * own, whatever was read before it, so `corpus build`'s worker threads find them while the
 * thread that writes the index only keeps the best (QuotePicker).
 */
export class QuoteFinder {
  private readonly cues: Map<string, string[]>;

  constructor(private readonly kb: Knowledge) {
    this.cues = distinctiveCues(kb);
  }

  candidates(d: Decision): QuoteCandidate[] {
    const found: QuoteCandidate[] = [];
    let n = 0;
    for (const item of d.items) {
      const cited = new Set(item.citations.filter((c) => c.by === 'maximus').flatMap((c) => c.resolved));
      if (cited.size === 0) for (const c of item.citations) for (const id of c.resolved) cited.add(id);
      for (const sentence of item.guidelineSentences ?? []) {
        const at = n++;
        if (sentence.length < 40 || sentence.length > MAX_QUOTE_LENGTH || !/^["“(]?[A-Z]/.test(sentence) || ABOUT_THE_CASE.test(sentence)) continue;
        const families = GUIDELINE_FAMILY.filter(([, re]) => re.test(sentence)).map(([f]) => f);
        const quoted = /["“”]/.test(sentence) ? 1 : 0;
        const own = new Set(findCitations(sentence, this.kb).flatMap((c) => c.resolved));
        const w = words(sentence);
        for (const id of own.size ? own : cited) {
          const e = this.kb.citation(id);
          if (!e) continue;
          if (families.length && !familyOf(e).some((f) => families.includes(f))) continue;
          const relevant = (this.cues.get(id) ?? []).some((c) => w.includes(` ${c} `));
          // Attributed by a citation in the sentence itself, or by the words of the entry the
          // reviewer based the decision on.
          if (!own.has(id) && !relevant) continue;
          const score = (own.has(id) ? 3 : 0) + (relevant ? 2 : 0) + quoted + (families.length ? 1 : 0);
          found.push({ citation: id, text: sentence, score, sentence: at });
        }
      }
    }
    return found;
  }
}

const finders = new WeakMap<Knowledge, QuoteFinder>();
/** The QuoteFinder of a knowledge base, made once (its cues take a pass over every entry). */
export const quoteFinder = (kb: Knowledge) => finders.get(kb) ?? finders.set(kb, new QuoteFinder(kb)).get(kb)!;

export class QuotePicker {
  /** Per citation, the best candidate of each of at most MAX_QUOTES_PER_CITATION distinct texts. */
  private readonly kept = new Map<string, Map<string, Candidate>>();
  private order = 0;

  constructor(private readonly kb: Knowledge) {}

  /** Offer a decision's sentences; `found`: its candidates when a worker thread found them already. */
  add(d: Decision, caseNumber: string, found = quoteFinder(this.kb).candidates(d)): void {
    for (const c of found) this.offer({ citation: c.citation, text: c.text, caseNumber, score: c.score, order: this.order + c.sentence + 1 });
    for (const item of d.items) this.order += item.guidelineSentences?.length ?? 0;
  }

  /**
   * Keep the candidate if its text is among the best few for its citation. The k-th best of a
   * citation only ever improves, so a text dropped now could never have been chosen at the end.
   */
  private offer(c: Candidate): void {
    const key = c.text.toLowerCase().replace(/[^a-z0-9]+/g, ' ');
    let forCitation = this.kept.get(c.citation);
    if (!forCitation) this.kept.set(c.citation, (forCitation = new Map()));
    const same = forCitation.get(key);
    if (same) {
      if (better(c, same)) forCitation.set(key, c);
      return;
    }
    if (forCitation.size < MAX_QUOTES_PER_CITATION) {
      forCitation.set(key, c);
      return;
    }
    let worstKey: string | undefined;
    let worst: Candidate | undefined;
    for (const [k, x] of forCitation) {
      if (!worst || better(worst, x)) {
        worst = x;
        worstKey = k;
      }
    }
    if (worst && better(c, worst)) {
      forCitation.delete(worstKey!);
      forCitation.set(key, c);
    }
  }

  /** The quotations: by citation id, then best first. */
  quotes(): CorpusIndex['quotes'] {
    const out: CorpusIndex['quotes'] = [];
    for (const id of [...this.kept.keys()].sort((a, b) => a.localeCompare(b))) {
      const best = [...this.kept.get(id)!.values()].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
      for (const c of best) out.push({ citation: c.citation, text: c.text, caseNumber: c.caseNumber });
    }
    return out;
  }
}
