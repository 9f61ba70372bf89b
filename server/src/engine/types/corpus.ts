// The corpus index: what mtus-lint learns from IMR Final Determination letters. Derived data
// only (case numbers, item titles, outcomes, citations, counts, short guideline quotations with
// the case quoting them); never the letters' text.

export type Outcome = 'upheld' | 'overturned';

export interface CorpusCitation {
  /** The citation as the letter writes it (one line, whitespace folded). */
  text: string;
  /** Who cited it: the claims administrator (UR) or MAXIMUS (the IMR reviewer). */
  by: 'claims-administrator' | 'maximus';
  guideline?: string;
  edition?: string;
  chapter?: number;
  pages?: number[];
  sections?: string[];
  /** A regulation or statute as written ("8 CCR 9792.20(e)", "Labor Code 4604.5(c)(1)"). */
  regulation?: string;
  /** Knowledge-base citation ids it resolves to (empty: a gap in the knowledge base). */
  resolved: string[];
}

export interface DecidedItem {
  title: string;
  outcome: Outcome;
  citations: CorpusCitation[];
  /** Treatment id and total when the title is a therapy request the engine reads. */
  treatment?: string;
  total?: number;
  /** Above the guideline's trial (or maximum, where there is no trial) for that treatment. */
  aboveLimit?: boolean;
  /** Postoperative therapy: judged by the Postsurgical guidelines, so no aboveLimit. */
  postsurgical?: boolean;
  /** Whether the rationale says functional improvement was documented (undefined: not said). */
  functionalImprovement?: boolean;
  /** Sentences of the rationale that quote or paraphrase a guideline (full build only). */
  guidelineSentences?: string[];
}

export interface Decision {
  /** File name the decision was read from. */
  source: string;
  caseNumber?: string;
  dates: { injury?: string; urDenial?: string; decision?: string };
  specialty?: string;
  items: DecidedItem[];
}

export interface OutcomeCount {
  upheld: number;
  overturned: number;
}

export interface CitationStats extends OutcomeCount {
  /** Disputed items citing it (claims administrator or MAXIMUS). */
  items: number;
  examples: { caseNumber: string; item: string; outcome: Outcome }[];
}

export interface TreatmentStats {
  withinLimit: OutcomeCount;
  aboveLimit: OutcomeCount;
  /** Above the limit and the rationale finds no documented functional improvement. */
  aboveLimitWithoutImprovement: OutcomeCount;
  /** The limit the split was made at (trial max, or maximum max). */
  limit: number;
}

export interface CorpusIndex {
  version: 1;
  /** Knowledge-base version the citations were resolved against. */
  knowledgeVersion: string;
  letters: number;
  items: number;
  decisions: Decision[];
  /** By knowledge-base citation id. */
  citations: Record<string, CitationStats>;
  /** By treatment id. */
  treatments: Record<string, TreatmentStats>;
  /** Short guideline quotations found in rationales, with the case quoting them. */
  quotes: { citation: string; text: string; caseNumber: string }[];
  /** Letters that could not be read, by name, with the reason. */
  problems: { source: string; reason: string }[];
}
