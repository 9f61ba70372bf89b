import type { Knowledge } from '../../knowledge/knowledge';
import type { FindAll } from '../incremental/finders';
import type { AnalysisResult, MedicationEvidence, TreatmentNameMention } from '../types';
import { statesDiagnosis } from './diagnosis-stated';
import { dateOfInjury } from './injury-date';
import { findMedicationEvidence } from './medication-evidence';
import { findPainRelief, type PainRelief } from './pain-relief';
import { findActiveCare, indexItems, isRequested, itemOverlaps, type ItemIndex } from './requested-care';
import { surgeryDate, type SurgeryDate } from './surgery-date';
import { employerAuthorizedInWriting } from './written-authorization';
import { PerAnalysis } from '../per-analysis';
import { LocalJudgements } from '../incremental/local-judgements';
import type { RuleMemo } from '../rules/rule-memo';

// What the rules read of a document beyond its items, citations and evidence: each fact is read
// from the text the first time a rule asks, then kept for the rest of the analysis. Reading here,
// not in the rules, keeps a rule to judging and reporting, and a fact two rules read is read once.
// (The facts live beside the analysis, keyed by its evidence object, which every rule of one
// analysis shares and the next analysis replaces.)

type Doc = Pick<AnalysisResult, 'evidence' | 'structure' | 'diagnoses' | 'medications' | 'items' | 'mentions'>;

export interface DocumentFacts {
  /** The first date of injury the document states. */
  readonly injuryDate: Date | undefined;
  /** The document says the employer authorized visits beyond the cap in writing. */
  readonly employerAuthorized: boolean;
  /** The first pain score the document says went down. */
  readonly painRelief: PainRelief | undefined;
  /** The surgery date the document gives, if any. */
  readonly surgeryDate: SurgeryDate | undefined;
  /** The document states a diagnosis somewhere (a field, a code, a named condition). */
  readonly statesDiagnosis: boolean;
  /** What bears on the medication rules; read only when one asks (a medication is requested). */
  readonly medicationEvidence: MedicationEvidence;
  /** The document states a gain in function (daily activities, work status, an objective measure), not only less medication. */
  readonly functionGained: boolean;
  /** Active care: an exercise or home program, or physical therapy requested (requested-care.ts). */
  readonly activeCare: boolean;
  /** The names of treatments of one category the document asks for, in document order. */
  requested(category: string): TreatmentNameMention[];
  /** The names of treatments of one category, asking or not, in document order: `asks` tells, one at a time. */
  named(category: string): TreatmentNameMention[];
  /** Whether a treatment's name asks for it now (requested-care.ts): a rule that needs few of them asks only of those. */
  asks(mention: TreatmentNameMention): boolean;
  /** Does a requested item overlap [start, end)? */
  itemOverlaps(start: number, end: number): boolean;
}

class LazyFacts implements DocumentFacts {
  private readonly known = new Map<keyof DocumentFacts, unknown>();
  private readonly byCategory = new Map<string, TreatmentNameMention[]>();
  private readonly namedBy = new Map<string, TreatmentNameMention[]>();
  private index?: ItemIndex;
  /** Each name's isRequested, kept across a document's versions (incremental/local-judgements.ts). */
  private readonly asked?: LocalJudgements<TreatmentNameMention, boolean>;

  constructor(
    readonly text: string,
    readonly doc: Doc,
    private readonly kb: Knowledge,
    private readonly find?: FindAll,
    memo?: RuleMemo,
  ) {
    this.asked = memo?.slot('asked', () => new LocalJudgements<TreatmentNameMention, boolean>(memo.clock));
  }

  private once<K extends keyof DocumentFacts>(key: K, read: () => DocumentFacts[K]): DocumentFacts[K] {
    if (!this.known.has(key)) this.known.set(key, read());
    return this.known.get(key) as DocumentFacts[K];
  }

  get injuryDate() {
    return this.once('injuryDate', () => dateOfInjury(this.text, this.find));
  }
  get employerAuthorized() {
    // Read only when asked (an item over the cap): the search is the costliest part on long letters.
    return this.once('employerAuthorized', () => employerAuthorizedInWriting(this.text, this.find));
  }
  get painRelief() {
    return this.once('painRelief', () => findPainRelief(this.text, this.doc.evidence.mentions));
  }
  get surgeryDate() {
    return this.once('surgeryDate', () => surgeryDate(this.text));
  }
  get statesDiagnosis() {
    return this.once('statesDiagnosis', () => statesDiagnosis(this.text, this.doc));
  }
  get functionGained() {
    return this.once('functionGained', () =>
      this.doc.evidence.mentions.some((m) => m.kind === 'adl' || m.kind === 'work-status' || m.kind === 'objective-measure'),
    );
  }
  get activeCare() {
    return this.once('activeCare', () => findActiveCare(this, (m) => this.asks(m), this.find));
  }
  requested(category: string): TreatmentNameMention[] {
    let v = this.byCategory.get(category);
    if (!v) this.byCategory.set(category, (v = this.named(category).filter((m) => this.asks(m))));
    return v;
  }
  named(category: string): TreatmentNameMention[] {
    // Every category's names sorted out in one pass: the rules ask for four or five of them.
    if (!this.namedBy.size)
      for (const m of this.doc.mentions) {
        const c = this.kb.treatment(m.treatment)?.category ?? '';
        const list = this.namedBy.get(c);
        if (list) list.push(m);
        else this.namedBy.set(c, [m]);
      }
    return this.namedBy.get(category) ?? [];
  }
  asks(mention: TreatmentNameMention): boolean {
    return isRequested(this, this.items(), mention, this.asked);
  }
  itemOverlaps(start: number, end: number): boolean {
    return itemOverlaps(this.items(), start, end);
  }
  private items(): ItemIndex {
    return (this.index ??= indexItems(this.doc.items));
  }
  get medicationEvidence() {
    return this.once('medicationEvidence', () => findMedicationEvidence(this.text, this.kb, this.doc.medications ?? [], this.find));
  }
}

const facts = new PerAnalysis<object, DocumentFacts>();

/** The document's facts for this analysis. */
export function documentFacts(ctx: { text: string; doc: Doc; kb: Knowledge; find?: FindAll; memo?: RuleMemo }): DocumentFacts {
  let f = facts.get(ctx.doc.evidence);
  if (!f) facts.set(ctx.doc.evidence, (f = new LazyFacts(ctx.text, ctx.doc, ctx.kb, ctx.find, ctx.memo)));
  return f;
}
