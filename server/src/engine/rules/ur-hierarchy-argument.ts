import { segmentText } from '../parse/segments';
import { within as inside } from '../parse/spans-within';
import type { RequestedItem, Span } from '../types';
import { HIERARCHY_REGULATION, guidelineName, isNonMtus, lower, mtusCitationsFor, paragraphOf, treatmentName } from './guideline-hierarchy';
import type { Rule, RuleContext } from './rule';
import { citationLabel } from '../wording/citation-label';

// "UR non-certified this item citing the Official Disability Guidelines", "the UR reviewer
// relied on ODG", "the utilization review denial was based on ODG".
// ("Decision based on Non-MTUS Citation: ODG ..." is how UR decisions word it, quoted in the appeal.)
const UR = /\b(?:UR|utilization\s+review|(?:peer\s+)?reviewer|claims\s+administrator|non-?certif\w*|denied|denial|decision)\b/i;
const RELIED = /\b(?:citing|cited|cites|relied|relying|relies|based|basing|applied|applying|under|per|according\s+to|referenc\w+|quot\w+|using|used)\b/i;
// The letter already answers it: the sentence rejects ODG, or argues the MTUS comes first.
const ALREADY_ARGUED =
  /\b9792\.21\.1\b|\bMTUS\b[^.]{0,80}\b(?:first|precedence|governs?|controls?|presumptively\s+correct)\b|\b(?:ODG|Official\s+Disability\s+Guidelines?)\b[^.]{0,40}\b(?:does\s+not|doesn't|cannot|can\s+not)\s+(?:apply|govern|control)/i;

/**
 * What the rule works out from words alone, kept between versions of a document: whether a
 * paragraph already argues the MTUS comes first, and each finding's wording. A keystroke in a
 * long appeal leaves hundreds of ODG sentences as they were; their paragraphs and wording are
 * then looked up, not read and written again. Kept for one knowledge base and edition.
 */
interface Wording {
  message: string;
  citation: { id: string; label: string };
}

interface Kept {
  kb: unknown;
  edition: string;
  argued: Map<string, boolean>;
  ids: Map<string, string[]>;
  /** Each treatment's name as the message words it, by its words in the letter. */
  names: Map<string, string>;
  /** By the guidelines' names, the treatment's name, the treatment. */
  wording: Map<string, Map<string, Map<string, Wording>>>;
  /** How many wordings are kept. */
  size: number;
}

const LIMIT = 10_000;

/**
 * A copy of `s` that holds on to nothing else: a string sliced from a document holds its whole
 * text, and a key kept across versions would keep every version it was read from.
 */
const own = (s: string) => (' ' + s).slice(1);
const fresh = (kb: unknown, edition: string): Kept => ({ kb, edition, argued: new Map(), ids: new Map(), names: new Map(), wording: new Map(), size: 0 });

function keptFor(ctx: RuleContext): Kept {
  const kept = ctx.memo?.slot<{ v: Kept }>('ur-hierarchy-argument', () => ({ v: fresh(ctx.kb, ctx.edition) }));
  if (!kept) return fresh(ctx.kb, ctx.edition);
  const v = kept.v;
  if (v.kb !== ctx.kb || v.edition !== ctx.edition || v.argued.size + v.size > LIMIT) kept.v = fresh(ctx.kb, ctx.edition);
  return kept.v;
}

/** `items`: those whose treatment the MTUS addresses, in the document's order. */
function itemFor(items: RequestedItem[], sentence: Span): RequestedItem | undefined {
  // One pass, no copies: asked for every sentence citing ODG in a long appeal.
  let before: RequestedItem | undefined;
  for (const i of items) {
    if (i.treatmentSpan.start >= sentence.start && i.treatmentSpan.end <= sentence.end) return i;
    // "this item": the request named last before the sentence, in the same section of the letter.
    if (i.span.end <= sentence.start) before = i;
  }
  return before;
}

/** In an appeal: the UR decision relied on ODG (or ACOEM 3rd) for a therapy the MTUS addresses. */
export const urHierarchyArgument: Rule = {
  id: 'ur-hierarchy-argument',
  summary: 'An appeal that says the UR decision relied on ODG or ACOEM 3rd edition for a therapy the MTUS addresses: argue that the MTUS governs',
  defaultSeverity: 'information',
  kinds: ['appeal'],
  docs: {
    readme: 'An appeal letter saying the UR decision relied on ODG for one of those therapies, without yet arguing that the MTUS governs (8 CCR 9792.21.1).',
    flags:
      'An appeal letter saying the UR decision relied on ODG or ACOEM 3rd edition for one of those therapies, where the paragraph does not already argue that the MTUS governs',
    figures: 'MTUS first, 8 CCR 9792.21.1',
    fix: 'None: make the argument',
  },
  check(ctx: RuleContext) {
    const { text, kb, doc } = ctx;
    const nonMtus = doc.citations.filter(isNonMtus);
    if (!nonMtus.length) return [];
    // Asked for every item before every sentence citing ODG: answered once per treatment.
    const known = new Map<string, boolean>();
    const hasMtus = (t: string) => {
      let v = known.get(t);
      if (v === undefined) known.set(t, (v = mtusCitationsFor(kb, t).length > 0));
      return v;
    };
    const kept = keptFor(ctx);
    // The items whose treatment the MTUS addresses, found once, when a sentence first needs them.
    let addressed: RequestedItem[] | undefined;
    const out: ReturnType<Rule['check']> = [];
    const seen = new Set<string>();
    let seenAt = -1;
    // Segments and citations are both in document order: walk them together.
    // (An indexed loop that copies nothing for a sentence citing none: a long appeal has tens of thousands.)
    let k = 0;
    const segments = doc.segments ?? segmentText(text);
    for (let at = 0; at < segments.length; at++) {
      const s = segments[at];
      while (k < nonMtus.length && nonMtus[k].span.start < s.start) k++;
      // Past the last citation: no later sentence cites one.
      if (k === nonMtus.length) break;
      if (nonMtus[k].span.start >= s.end) continue;
      const sentence = text.slice(s.start, s.end);
      if (!UR.test(sentence) || !RELIED.test(sentence)) continue;
      const item = itemFor((addressed ??= doc.items.filter((i) => hasMtus(i.treatment))), s);
      if (!item) continue;
      let ids = kept.ids.get(item.treatment);
      if (!ids) kept.ids.set(item.treatment, (ids = mtusCitationsFor(kb, item.treatment, ctx.edition)));
      // The letter already makes the argument in this paragraph: nothing to point out.
      const para = paragraphOf(text, s);
      const paraText = text.slice(para.start, para.end);
      let says = kept.argued.get(paraText);
      if (says === undefined) kept.argued.set(own(paraText), (says = ALREADY_ARGUED.test(paraText)));
      const argued = says || inside(doc.citations, [para]).some((c) => c.resolved.some((r) => ids.includes(r)));
      if (argued) continue;
      // One finding per treatment and sentence (segments ascend: a sentence's repeats are adjacent).
      if (s.start !== seenAt) {
        seenAt = s.start;
        seen.clear();
      }
      if (seen.has(item.treatment)) continue;
      seen.add(item.treatment);
      let names = guidelineName(kb, nonMtus[k]);
      if (k + 1 < nonMtus.length && nonMtus[k + 1].span.start < s.end) {
        const cited = new Set<string>();
        for (let j = k; j < nonMtus.length && nonMtus[j].span.start < s.end; j++) cited.add(guidelineName(kb, nonMtus[j]));
        names = [...cited].join(' and ');
      }
      let name = kept.names.get(item.treatmentText);
      if (name === undefined) kept.names.set(own(item.treatmentText), (name = lower(treatmentName(item))));
      // Keyed by its three parts in turn: no key string made for every finding.
      let byName = kept.wording.get(names);
      if (!byName) kept.wording.set(own(names), (byName = new Map()));
      let byTreatment = byName.get(name);
      if (!byTreatment) byName.set(name, (byTreatment = new Map()));
      let wording = byTreatment.get(item.treatment);
      if (!wording) {
        const ids1 = ids;
        kept.size++;
        byTreatment.set(
          item.treatment,
          (wording = {
            message: `The UR decision relied on ${names} for ${name}, which the MTUS addresses (${ids1.map((id) => citationLabel(kb, id)).join(', ')}): argue that the MTUS governs (${HIERARCHY_REGULATION})`,
            citation: { id: ids1[0], label: citationLabel(kb, ids1[0]) },
          }),
        );
      }
      // The citation object is the finding's own: a reader may change it.
      out.push({ span: s, message: wording.message, citation: { ...wording.citation } });
    }
    return out;
  },
};
