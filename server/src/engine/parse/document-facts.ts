import type { AnalysisResult } from '../types';
import { dateOfInjury } from './injury-date';
import { findPainRelief, type PainRelief } from './pain-relief';
import { employerAuthorizedInWriting } from './written-authorization';

// What the rules read of a document beyond its items, citations and evidence: each fact is read
// from the text the first time a rule asks, then kept for the rest of the analysis. Reading here,
// not in the rules, keeps a rule to judging and reporting, and a fact two rules read is read once.
// (The facts live beside the analysis, keyed by its evidence object, which every rule of one
// analysis shares and the next analysis replaces.)

type Doc = Pick<AnalysisResult, 'evidence'>;

export interface DocumentFacts {
  /** The first date of injury the document states. */
  readonly injuryDate: Date | undefined;
  /** The document says the employer authorized visits beyond the cap in writing. */
  readonly employerAuthorized: boolean;
  /** The first pain score the document says went down. */
  readonly painRelief: PainRelief | undefined;
}

class LazyFacts implements DocumentFacts {
  private readonly known = new Map<keyof DocumentFacts, unknown>();

  constructor(
    private readonly text: string,
    private readonly doc: Doc,
  ) {}

  private once<K extends keyof DocumentFacts>(key: K, read: () => DocumentFacts[K]): DocumentFacts[K] {
    if (!this.known.has(key)) this.known.set(key, read());
    return this.known.get(key) as DocumentFacts[K];
  }

  get injuryDate() {
    return this.once('injuryDate', () => dateOfInjury(this.text));
  }
  get employerAuthorized() {
    // Read only when asked (an item over the cap): the search is the costliest part on long letters.
    return this.once('employerAuthorized', () => employerAuthorizedInWriting(this.text));
  }
  get painRelief() {
    return this.once('painRelief', () => findPainRelief(this.text, this.doc.evidence.mentions));
  }
}

const facts = new WeakMap<object, DocumentFacts>();

/** The document's facts for this analysis. */
export function documentFacts(ctx: { text: string; doc: Doc }): DocumentFacts {
  let f = facts.get(ctx.doc.evidence);
  if (!f) facts.set(ctx.doc.evidence, (f = new LazyFacts(ctx.text, ctx.doc)));
  return f;
}
