import { readItems } from '../engine/analyze';
import { findCitations } from '../engine/parse/citations';
import { NUM, wordValue } from '../engine/parse/numbers';
import { segmentText } from '../engine/parse/segments';
import type { Citation } from '../engine/types';
import type { Knowledge } from '../knowledge/knowledge';
import { defaultKnowledge } from '../knowledge/load';
import type { CorpusCitation, DecidedItem, Decision, Outcome } from './types';

// One IMR Final Determination letter, as text, into a Decision: the header (case number,
// dates), the reviewer's specialty, and each disputed item of "IMR ISSUES, DECISIONS AND
// RATIONALES" with its outcome, the guidelines each side based its decision on, what the
// engine reads from the item's title and what the rationale says about functional improvement.
//
// Letters come as `pdftotext -layout` text (a header block, section citations), as text
// extracted with a blank line after every line (the 2014-2015 letters), or from our own PDF
// reader (read-letter.ts); titles and citations wrap across lines in all of them.

/** A letter that was read but is not an IMR decision this parser understands. */
export class LetterParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LetterParseError';
  }
}

export interface ParseOptions {
  kb?: Knowledge;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Text as the parser wants it: \n line ends, no form feeds or non-breaking spaces, and the
 * blank line some extractions put after every line taken out (a line holding only spaces,
 * which those extractions write for a paragraph break, stays).
 */
export function normalizeLetterText(text: string): string {
  let t = text
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f]/g, ' ');
  const lines = t.split('\n');
  let full = 0;
  let adjacent = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].length === 0) continue;
    full++;
    if (i + 1 < lines.length && lines[i + 1].length > 0) adjacent++;
  }
  if (full >= 10 && adjacent / full < 0.15) t = t.replace(/\n\n/g, '\n');
  return t;
}

const SECTION = /IMR\s+ISSUES,?\s+DECISIONS,?\s+AND\s+RATIONALES?/i;
// "<title>: Upheld" at the end of a line; a few letters put the outcome on the next line.
const ITEM_HEADER = /:[ \t]*(?:\n[ \t]*){0,3}(Upheld|Overturned)[ \t]*$/gim;
const LABELS: { key: 'ca' | 'maximus' | 'rationale'; re: RegExp }[] = [
  { key: 'ca', re: /^[ \t]*Claims\s+Administrator\s+guideline\s*:/im },
  { key: 'maximus', re: /^[ \t]*MAXIMUS\s+guideline\s*:/im },
  { key: 'rationale', re: /^[ \t]*Decision\s+rationale\s*:/im },
];

// A line that cannot be part of a title: the section's opening sentence, the last line of the
// previous item's rationale ("... is not medically necessary."), or a label.
const END_OF_PREVIOUS =
  /set forth below:|medically necessary|\bnecessary\.\s*$|^\s*(?:Decision rationale|MAXIMUS guideline|Claims Administrator guideline)\s*:/i;

const DATE = String.raw`(\d{1,2})\/(\d{1,2})\/(\d{4})`;
const isoDate = (m: RegExpExecArray | null) => (m ? `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}` : undefined);

/** Parse one letter. Throws LetterParseError when it has no disputed items to read. */
export function parseLetter(text: string, source: string, options: ParseOptions = {}): Decision {
  const kb = options.kb ?? defaultKnowledge();
  const body = normalizeLetterText(text);

  const decision: Decision = { source, dates: {}, items: [] };
  const head = body.slice(0, 4000);
  const caseNumber = /Case\s+Number:?\s*([A-Z]{2}\d{2}-\d{4,})/i.exec(head)?.[1];
  if (caseNumber) decision.caseNumber = caseNumber.toUpperCase();
  const injury = isoDate(new RegExp(`Date\\s+of\\s+Injury:?\\s*${DATE}`, 'i').exec(head));
  const urDenial = isoDate(new RegExp(`UR\\s+Denial\\s+Date:?\\s*${DATE}`, 'i').exec(head));
  const decided = isoDate(new RegExp(`Decision\\s+Date:?\\s*${DATE}`, 'i').exec(head));
  if (injury) decision.dates.injury = injury;
  if (urDenial) decision.dates.urDenial = urDenial;
  if (decided) decision.dates.decision = decided;
  const specialty =
    /Certification\(?s?\)?\s*\/\s*Specialty:[ \t]*([^\n]+)/i.exec(head)?.[1] ??
    // The older letters say it in a sentence: "The expert reviewer is Board Certified in X, ..."
    /\bis\s+Board\s+Certified\s+in\s+([^,.;]+?)(?:\s+and\s+is\s+licensed|\s*[,.;])/i.exec(head.replace(/\s+/g, ' '))?.[1];
  if (specialty && fold(specialty)) decision.specialty = fold(specialty);

  const start = body.search(SECTION);
  if (start < 0) throw new LetterParseError('no "IMR ISSUES, DECISIONS AND RATIONALES" section (not an IMR Final Determination letter?)');
  const sectionStart = body.indexOf('\n', start) + 1 || body.length;
  const section = body.slice(sectionStart);

  // Item headers, with where each title starts (the lines above the "...: Upheld" line back
  // to a blank line, the section's opening sentence or the end of the previous rationale).
  const headers: { titleStart: number; end: number; title: string; outcome: Outcome }[] = [];
  const re = new RegExp(ITEM_HEADER.source, ITEM_HEADER.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(section))) {
    let lineStart = section.lastIndexOf('\n', m.index - 1) + 1;
    let titleStart = lineStart;
    while (lineStart > 0) {
      const prevStart = section.lastIndexOf('\n', lineStart - 2) + 1;
      const prev = section.slice(prevStart, lineStart - 1);
      if (prev.trim() === '' || END_OF_PREVIOUS.test(prev)) break;
      titleStart = prevStart;
      lineStart = prevStart;
    }
    // The section's opening sentence sits on the title's own line in a few extractions.
    let title = section.slice(titleStart, m.index);
    const intro = /^[\s\S]*set forth below:\s*/i.exec(title);
    if (intro) title = title.slice(intro[0].length);
    headers.push({ titleStart, end: m.index + m[0].length, title: fold(title), outcome: m[1].toLowerCase() as Outcome });
  }
  if (headers.length === 0) throw new LetterParseError('the issues section names no disputed item ("<item>: Upheld" or "<item>: Overturned")');

  headers.forEach((h, i) => {
    const block = section.slice(h.end, i + 1 < headers.length ? headers[i + 1].titleStart : section.length);
    decision.items.push(readItem(h.title, h.outcome, block, kb));
  });
  return decision;
}

/** The labelled parts of an item's block: each runs to the next label or the block's end. */
function fieldsOf(block: string): Record<'ca' | 'maximus' | 'rationale', string | undefined> {
  const found = LABELS.map((l) => {
    const r = l.re.exec(block);
    return r ? { key: l.key, start: r.index, textStart: r.index + r[0].length } : undefined;
  }).filter((x): x is NonNullable<typeof x> => x !== undefined);
  found.sort((a, b) => a.start - b.start);
  const out: Record<'ca' | 'maximus' | 'rationale', string | undefined> = { ca: undefined, maximus: undefined, rationale: undefined };
  found.forEach((f, i) => {
    out[f.key] = block.slice(f.textStart, i + 1 < found.length ? found[i + 1].start : block.length);
  });
  return out;
}

function readItem(title: string, outcome: Outcome, block: string, kb: Knowledge): DecidedItem {
  const item: DecidedItem = { title, outcome, citations: [] };
  const fields = fieldsOf(block);
  for (const [by, text] of [
    ['claims-administrator', fields.ca],
    ['maximus', fields.maximus],
  ] as const) {
    if (!text) continue;
    // "Non-\nMTUS Citation": a word broken at its hyphen is read whole.
    for (const c of findCitations(text.replace(/(\w)-[ \t]*\n[ \t]*(?=\w)/g, '$1-'), kb)) item.citations.push(corpusCitation(c, by));
  }

  // What the engine reads from the title: the last quantity is the disputed one (a partly
  // authorised item names the original request, the part authorised and the rest, in order).
  const read = readItems(title, kb, 'request');
  const withTotal = read.filter((x) => x.quantity?.total !== undefined);
  const chosen = withTotal[withTotal.length - 1] ?? read[read.length - 1];
  if (chosen) {
    item.treatment = chosen.treatment;
    if (chosen.postsurgical) item.postsurgical = true;
    // "... three are disputed", "The remaining ... portion, three sessions": the disputed part may
    // give its count without naming the treatment again; the count is the part's, not the request's.
    const disputed = disputedCount(title);
    const total = disputed !== undefined && disputed < (chosen.quantity?.total ?? Infinity) ? disputed : chosen.quantity?.total;
    if (total !== undefined) {
      item.total = total;
      const limit = kb.limitFor(chosen.treatment);
      const cap = limit?.trial?.max ?? limit?.maximum?.max;
      if (cap !== undefined && !chosen.postsurgical) item.aboveLimit = total > cap;
    }
  }

  if (fields.rationale) {
    const sentences = sentencesOf(fields.rationale);
    const fi = functionalImprovementOf(sentences);
    if (fi !== undefined) item.functionalImprovement = fi;
    const guideline = sentences.filter((s) => GUIDELINE_TALK.test(s));
    if (guideline.length) item.guidelineSentences = guideline;
  }
  return item;
}

const PORTION = /(?:remaining IMR eligible portion of the original request,?|the remaining|(?:that|which) (?:are|is|remain) disputed:?)\s*/gi;
const DISPUTED_COUNT = new RegExp(
  `^(?:[^.]*?\\b)?(${NUM})\\s+(?:more\\s+|additional\\s+|remaining\\s+)?(?:sessions?|visits?|treatments?)?\\s*(?:(?:are|is|remain|were)\\s+(?:disputed|in dispute|at issue)|is\\s*$)`,
  'i',
);
const ARE_DISPUTED = new RegExp(
  `\\b(${NUM})\\s+(?:more\\s+|additional\\s+|remaining\\s+)?(?:sessions?\\s+|visits?\\s+|treatments?\\s+)?(?:are|is|remain)\\s+(?:disputed|in dispute|at issue)\\b`,
  'i',
);

/** The count of a partly authorised item's disputed part, when its own words give one. */
function disputedCount(title: string): number | undefined {
  const stated = ARE_DISPUTED.exec(title);
  if (stated) return wordValue(stated[1]);
  let last: RegExpExecArray | null = null;
  PORTION.lastIndex = 0;
  for (let m; (m = PORTION.exec(title));) last = m;
  if (!last) return undefined;
  const rest = title.slice(last.index + last[0].length);
  const m = DISPUTED_COUNT.exec(rest);
  return m ? wordValue(m[1]) : undefined;
}

function corpusCitation(c: Citation, by: CorpusCitation['by']): CorpusCitation {
  return {
    text: fold(c.text),
    by,
    ...(c.guideline ? { guideline: c.guideline } : {}),
    ...(c.edition ? { edition: c.edition } : {}),
    ...(c.chapter !== undefined ? { chapter: c.chapter } : {}),
    ...(c.pages?.length ? { pages: [...c.pages] } : {}),
    // As the engine reads them, so a document's citation and the corpus's compare alike.
    ...(c.sections?.length ? { sections: c.sections.map(fold) } : {}),
    ...(c.regulation ? { regulation: c.regulation } : {}),
    resolved: [...c.resolved],
  };
}

/** The rationale's sentences, whitespace folded. */
export function sentencesOf(text: string): string[] {
  // A word broken at a hyphen across lines ("anti-\ninflammatories") is one word.
  const flat = fold(text.replace(/(\w)-[ \t]*\n\s*(?=[a-z])/g, '$1-'));
  // The engine's segments end at a full stop followed by a space; a quotation's closing mark
  // after the stop ('... mobility." The records') ends a sentence too.
  return segmentText(flat).flatMap((s) => flat.slice(s.start, s.end).split(/(?<=[.!?]["”’])\s+(?=["“]?[A-Z])/));
}

/** A sentence that quotes or paraphrases a guideline. */
export const GUIDELINE_TALK = /\b(?:MTUS|ACOEM|ODG|CPMTG|guidelines?|Official\s+Disability|Chronic\s+Pain\s+Medical\s+Treatment|recommend\w*|9792\.\d+)\b/i;

// Functional improvement as the MTUS means it (8 CCR 9792.20(e)), not a "functional
// restoration program", which is a treatment.
const FI =
  /\b(?:functional\s+(?:objective\s+)?(?:improvement|benefits?|gains?)|(?:subjective\s+or\s+)?objective\s+improvement|documented\s+improvement|improvement\s+in\s+(?:pain\s+(?:and|or)\s+)?(?:function|functional\s+status|ADLs|activities\s+of\s+daily\s+living)|improved\s+function(?:ing|al\s+status)?)\b/i;
const NEGATED = /\b(?:no|not|never|without|lacks?|lacking|lack\s+of|absence|absent|failed|fails|unclear|insufficient|neither|nor|none)\b|n't\b/i;
const NOT_NEGATION = /\b(?:no|not)\s+(?:more|longer|greater)\s+than\b/gi;
// A guideline's own condition ("may be extended if functional improvement is documented")
// says nothing about this patient, unless the sentence also speaks of the case.
const CONDITIONAL =
  /\b(?:if|may|might|would|should|must|recommend\w*|requires?|required|critical|key|based\s+upon|defined|means|to\s+produce|to\s+establish|goal|appropriate|indicated|unless|such\s+treatment)\b/i;
const ABOUT_CASE =
  /\b(?:in\s+this\s+case|this\s+(?:patient|claimant|injured\s+worker|employee|applicant)|the\s+(?:claimant|injured\s+worker|IW|employee|applicant)|the\s+patient\s+(?:has|had|does|did|is|was|made|gained)|(?:he|she)\s+(?:has|had|is|was|may\s+have)|there\s+(?:is|was|has\s+been|have\s+been)|(?:medical\s+)?records?|submitted|provided|reviewed|presented|prior|previous)\b/i;
// A sentence naming a guideline is the guideline talking, unless it plainly turns to the case.
const STRONG_CASE =
  /\b(?:in\s+this\s+case|this\s+(?:patient|claimant|injured\s+worker)|the\s+(?:claimant|injured\s+worker|IW)\b|the\s+patient\s+(?:has|had|does|did)|there\s+(?:is|was)\s+(?:no|a\s+lack|lack|insufficient))\b/i;

/**
 * Whether the rationale says functional improvement was documented: its last sentence about
 * the patient's functional improvement decides (reviewers end on their finding), a negated
 * one ("no documentation of functional improvement") meaning false.
 */
export function functionalImprovementOf(sentences: string[]): boolean | undefined {
  let verdict: boolean | undefined;
  for (const s of sentences) {
    const fi = FI.exec(s);
    if (!fi || /\bprogram\s+of\s+$/i.test(s.slice(0, fi.index))) continue;
    if (GUIDELINE_TALK.test(s) && !STRONG_CASE.test(s)) continue;
    if (CONDITIONAL.test(s) && !ABOUT_CASE.test(s)) continue;
    verdict = !NEGATED.test(s.replace(NOT_NEGATION, ''));
  }
  return verdict;
}
