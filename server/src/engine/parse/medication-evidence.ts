import type { Knowledge } from '../../knowledge/knowledge';
import type { MedicationEvidence, MedicationEvidenceKind, MedicationItem, Span } from '../types';
import { EVIDENCE, GI_RISKS, type EvidenceKey } from '../vocabulary/medication-evidence';
import { inPlaceholder } from './sentences';
import { findIn, searchable, type FindAll, type Finder } from '../incremental/finders';
import { failedDrugs, type DrugFailure } from './drug-failures';
import { failedNear, guidelineTalk } from './failed-near';

// What a document says that bears on the medication rules: failed first-line drugs, GI risk
// factors, an oral NSAID not tolerated, pain and function measured, drug tests and risk
// assessments. The words are the vocabulary's (vocabulary/medication-evidence.ts); this reads them
// where they are not negated, not blank and not a guideline's talk.

// Short acronyms count only in capitals: "dire", "comm" and "oa" are other words.
const ACRONYM = /^(?:OA|ASA|ORT|COMM|DIRE|UDS|UDT|UTOX|VAS|PUD|DJD|AEDs?|TCAs?|SNRIs?|CURES|PDMP|GERD|ADLs?)$/i;
const WORD_END = '(?![A-Za-z])';
// Per kind, to tell which one matched where the fast scan stopped (sticky, in EVIDENCE order).
const KIND_RES: [EvidenceKey, RegExp][] = EVIDENCE.map(([k, alts]) => [k, new RegExp(`(?:${alts.join('|')})${WORD_END}`, 'iy')]);
// One scan for every kind: alternatives grouped by their first character, so the engine tries
// only those that can start where it stands (a third of the time of a flat alternation).
const FAST = (() => {
  const groups = new Map<string, string[]>();
  const others: string[] = [];
  for (const [, alts] of EVIDENCE) {
    for (const alt of alts) {
      const plain = alt.replace(/\(\?<\w+>/g, '(?:');
      if (/^[A-Za-z](?![?*+{])/.test(plain)) {
        const key = plain[0].toLowerCase();
        groups.set(key, [...(groups.get(key) ?? []), plain.slice(1)]);
      } else others.push(plain);
    }
  }
  const factored = [...[...groups].map(([k, rests]) => `${k}(?:${rests.join('|')})`), ...others];
  return new RegExp(`\\b(?:${factored.join('|')})${WORD_END}`, 'gi');
})();
// A negation shortly before a mention cancels it ("no history of GI bleed", "has not tried gabapentin").
// Its reach ends where the sentence turns to something the patient has ("denies nausea but has ...").
// A line break inside a sentence: the line before ends on no stop, the next opens no list item.
const WRAPPED = /([^.!?:;\n])[ \t]*\n[ \t]*(?![-*•▪◦]\s|\d{1,2}[.)]\s|\n)/g;
const NEGATED =
  /\b(?:no|not|never|without|denies|denied|negative for|absence of|lack of|has not|have not|hasn't|haven't|did not|does not|no documentation of|no evidence of|no indication)\b(?:(?!\b(?:but|however|although|though|except|has|have|had|is|was|takes|reports)\b)[^.\n;]){0,45}$/i;
// A reviewer's "the records do not indicate that the patient is being treated for ..." reaches further.
const NEGATED_REPORT =
  /\b(?:(?:do|does|did) not (?:indicate|document|show|support|demonstrate|reflect|mention|establish)|no (?:documentation|evidence|indication|mention|record)|lack of (?:documentation|evidence)|not documented|without documentation)\b[^.\n;]{0,60}$/i;
// Evidence that names its own result is a finding even when negated words follow ("denies side effects" is documentation).
const NEGATION_IS_FINDING = new Set<MedicationEvidenceKind>(['adverse-effects', 'aberrant-behavior']);

/** A blank still to fill in ("urine drug test [date, result]", "CURES: ___") documents nothing. */
function blankAfter(text: string, end: number): boolean {
  const m = /^[^\n]{0,30}?(?:\[[^\]\n]*\]|_{3,})/.exec(text.slice(end, end + 60));
  return !!m && !/\d/.test(m[0].replace(/\[[^\]\n]*\]|_{3,}$/, ''));
}

/** One statement of evidence, judged where it stands: what it adds to the document's evidence. */
export interface EvidenceFind {
  span: Span;
  kind?: MedicationEvidenceKind;
  /** A GI risk factor, as messages name it. */
  gi?: string;
}

/** What the match `m` of one kind of evidence adds, judged by the text around it; undefined for nothing. */
function judgeEvidence(text: string, kind: EvidenceKey, m: RegExpExecArray): EvidenceFind | undefined {
  const span = { start: m.index, end: m.index + m[0].length };
  if (ACRONYM.test(m[0]) && m[0].replace(/s$/, '') !== m[0].replace(/s$/, '').toUpperCase()) return undefined;
  if (inPlaceholder(text, span.start) || blankAfter(text, span.end)) return undefined;
  // A line wrapped mid-sentence ("reports no\n  dyspepsia") keeps its negation.
  const lead = text.slice(Math.max(0, span.start - 100), span.start).replace(WRAPPED, '$1 ');
  const negated =
    NEGATED.test(lead) ||
    NEGATED_REPORT.test(lead) ||
    /^\s*(?:was |were |has |have )?(?:not|never) (?:done|performed|checked|reviewed|obtained|documented)\b/i.test(text.slice(span.end, span.end + 30));
  if (kind === 'first-line-word') return failedNear(text, span) ? { span, kind: 'failed-first-line' } : undefined;
  if (negated && !(NEGATION_IS_FINDING.has(kind as MedicationEvidenceKind) && /^(?:no|without|denies)\b/i.test(m[0]))) return undefined;
  if (guidelineTalk(text, span.start)) return undefined;
  if (kind === 'age') {
    const g = m.groups!;
    const age = Number(g.age1 ?? g.age2 ?? g.age3 ?? g.age4 ?? g.age5 ?? g.age6);
    // "age over 65", "older than 65" say so themselves; a stated age counts from 66.
    return age > 65 || ((g.age4 ?? g.age5 ?? g.age6) && age >= 65) ? { span, gi: 'age over 65' } : undefined;
  }
  if (kind.startsWith('gi:')) return { span, gi: GI_RISKS[Number(kind.slice(3))][0] };
  return { span, kind: kind as MedicationEvidenceKind };
}

/**
 * The evidence stated in [from, to): found by one scan for every kind, each match then judged
 * (negated, blank, a guideline's talk). An incremental analysis reads it again only near an edit
 * (incremental/finders.ts): on a long progress report it was a fifth of a keystroke.
 */
export const MEDICATION_EVIDENCE: Finder<EvidenceFind> = {
  id: 'medication-evidence',
  // A match is judged by what stands up to some 320 characters either side of it (a failure word
  // 70 characters past a first-line drug, and the sentence 250 characters around that word).
  margin: 800,
  scan(whole, from, to) {
    const text = searchable(whole, from, to);
    const found: EvidenceFind[] = [];
    const matched: Span[] = [];
    FAST.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = FAST.exec(text)) && m.index < to) {
      let kind: EvidenceKey | undefined;
      let km: RegExpExecArray | null = null;
      for (const [k, re] of KIND_RES) {
        re.lastIndex = m.index;
        if ((km = re.exec(whole))) {
          kind = k;
          break;
        }
      }
      const end = Math.max(m.index + m[0].length, km ? km.index + km[0].length : 0);
      matched.push({ start: m.index, end });
      if (!kind || !km) continue;
      if (km[0].length > m[0].length) FAST.lastIndex = m.index + km[0].length;
      const f = judgeEvidence(whole, kind, km);
      if (f) found.push(f);
    }
    return { found, matched };
  },
};

/**
 * What the document says that bears on the medication rules. Run only for documents that
 * request a medication; `find` reads the statements again only near an edit.
 */
export function findMedicationEvidence(text: string, kb: Knowledge, items: MedicationItem[], find?: FindAll): MedicationEvidence {
  const found = new Set<MedicationEvidenceKind>();
  const giRisks = new Set<string>();
  for (const f of findIn({ text, find }, MEDICATION_EVIDENCE)) {
    if (f.kind) found.add(f.kind);
    if (f.gi) giRisks.add(f.gi);
  }
  // Failed drugs named: first-line ones only a topical request asks about, oral NSAIDs only topical diclofenac.
  // (Either may be stated in words already: "failed anticonvulsants".)
  const wanted: DrugFailure['kind'][] = [];
  if (!found.has('failed-first-line') && items.some((x) => x.route === 'topical' || x.route === 'patch')) wanted.push('failed-first-line');
  if (!found.has('oral-nsaid-failed') && items.some((x) => x.class === 'topical-nsaid')) wanted.push('oral-nsaid-failed');
  for (const kind of failedDrugs(kb, text, wanted, find)) found.add(kind);
  const nsaids = new Set(items.filter((x) => x.class === 'nsaid' && x.route === 'oral').map((x) => x.drug));
  if (nsaids.size > 1) giRisks.add('high-dose or multiple NSAIDs');
  if (giRisks.size) found.add('gi-risk');
  return { has: (k) => found.has(k), giRisks: [...giRisks] };
}
