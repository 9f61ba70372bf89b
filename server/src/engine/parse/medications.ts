import type { Knowledge } from '../../knowledge/knowledge';
import type { Drug } from '../../knowledge/medication-schema';
import type { DaysOfSupply, MedicationEvidence, MedicationEvidenceKind, MedicationIngredient, MedicationItem, Route, Span } from '../types';
import { wordValue } from './numbers';
import { inPlaceholder } from './sentences';

// Requested medications: "Cyclobenzaprine 7.5mg #60", "Norco 5/325mg oral tablet, one tablet
// twice daily 14 days #40", "Two refills of Ibuprofen 600mg #90", "Flurbiprofen 10%,
// Cyclobenzaprine 3%, Lidocaine 5% cream". One pass finds every drug name (one alternation
// built once in the knowledge base); everything else is read from a bounded slice around
// each name, so the work stays linear in the text.

interface Mention {
  drug: Drug;
  text: string;
  span: Span;
}

type Role = 'request' | 'history' | 'current' | 'none';

// ---------------------------------------------------------------- reading one item

const SALT = String.raw`(?:HCl|hydrochloride|sodium|sod|potassium|citrate|tartrate|bitartrate|besylate|magnesium|sulfate|ER|XR|SR|CR|DR|EC|DS|IR|XL|LA|CD|extended[- ]release|delayed[- ]release|immediate[- ]release|oral|tabs?|tablets?|caps?|capsules?|patch(?:es)?|cream|gel|ointment|lotion|solution|suspension|topical)`;
const NUM_UNIT = String.raw`\d+(?:\.\d+)?\s*(?:%|mg|mcg)?`;
// "7.5mg", "10/325", "7.5-325mg", "4%-27.5%-0.0325%", "30.5/30/16mg", "10mg/1ml", "300mg/g", "12 mcg/hr".
const PER_VOLUME = String.raw`(?!\s*(?:ml|g|gm|hr|h)\b)`;
const STRENGTH = new RegExp(
  String.raw`^[\s,()]*(?:${SALT}\b[\s,()]*)*(${NUM_UNIT}(?:\s*[\/-]\s*${NUM_UNIT}${PER_VOLUME})*(?:\s*\/\s*(?:\d+(?:\.\d+)?\s*)?(?:ml|g|gm|hr|h)\b)?)`,
  'i',
);
const HAS_UNIT = /%|mg|mcg|\d\s*[/-]\s*\d/i;

// How much of a cream, gel or liquid: "120 grams", "121gm", "500ml".
const AMOUNT = /\b\d+(?:\.\d+)?\s*(?:grams?|gm|g|ml|mL|oz)\b/i;
const QUANTITY = [
  /#\s*(\d{1,4})(?!\d|\.\d|\/)/,
  /\b(?:QTY|quantity|disp(?:ense)?|dispensed)\s*[:#.]?\s*#?\s*(\d{1,4})\b/i,
  /\b(\d{1,4})\s*(?:tablets?|tabs?|capsules?|caps|pills|patch(?:es)?|pads?)\b(?!\s*(?:by mouth|po\b|p\.o|orally|daily|each|every|per|a day|twice|once|three|four|at bedtime|q\d|qd|bid|tid|qid|prn|as needed|in the morning))/i,
];

const FREQUENCY = new RegExp(
  [
    String.raw`(?<hours>\b(?:every|q)\s*(?<h1>\d{1,2})(?:\s*(?:-|to)\s*(?<h2>\d{1,2}))?\s*(?:h|hrs?|hours?)\b)`,
    String.raw`(?<d4>\b(?:four|4)\s*(?:times|x)\s*(?:a|per|each)?\s*(?:day|daily)\b|\bq\.?i\.?d\.?(?![a-z]))`,
    String.raw`(?<d3>\b(?:three|3)\s*(?:times|x)\s*(?:a|per|each)?\s*(?:day|daily)\b|\bt\.?i\.?d\.?(?![a-z]))`,
    String.raw`(?<d2>\b(?:twice|(?:two|2)\s*(?:times|x))\s*(?:a|per|each)?\s*(?:day|daily)\b|\bb\.?i\.?d\.?(?![a-z]))`,
    String.raw`(?<d1>\b(?:once|(?:one|1)\s*(?:time|x))\s*(?:a|per|each)?\s*(?:day|daily)\b|\bdaily\b|\bq\.?d\.?(?![a-z])|\bqday\b|\bevery (?:day|morning|evening|night)\b|\bat bedtime\b|\bnightly\b|\bq\.?h\.?s\.?(?![a-z])|\bqam\b|\bqpm\b)`,
  ].join('|'),
  'i',
);
const PER_DOSE =
  /(?<![#\w./])(\d+(?:\.\d+)?|one|two|three|four|half|1\/2)(?:\s*(?:-|to|or)\s*(\d+|one|two|three|four))?\s*(?:tabs?|tablets?|caps?|capsules?|pills?|patch(?:es)?)?\s*(?:(?:by mouth|po|p\.o\.?|orally)\s*)?,?\s*$/i;

const WRITTEN_DAYS: [RegExp, number][] = [
  [/\bdays?['’]?\s*supply\s*[:=]?\s*(\d{1,3})\b/i, 1],
  [/\b(\d{1,3})\s*[- ]?days?\b(?!\s*(?:ago|prior|before|after|later|earlier|post))/i, 1],
  [/\b(\d{1,2}|one|two|three|four|six|a)\s*[- ]?(?:months?|mo)\b(?:['’]s|s['’])?\s*(?:supply|coverage|worth)\b/i, 30],
  [/\b(?:for|x|times)\s*(\d{1,2}|one|two|three|four|six)\s*weeks?\b/i, 7],
];
const DAYS_BEFORE: [RegExp, number][] = [
  [/\b(\d{1,2}|one|two|three|four|six|a)\s*[- ]?(?:months?|mo)\b(?:['’]s|s['’])?\s*(?:supply|coverage|worth)\s+of\s*$/i, 30],
  [/\b(\d{1,3})[- ]days?\s*supply\s+of\s*$/i, 1],
];

const REFILLS = [
  /\b(\d|one|two|three|four|five|six|no)\s*(?:additional\s*)?refills?\b/i,
  /\brefills?\s*[:x#]?\s*(\d|one|two|three|four|five|six)\b/i,
  /\bx\s*(\d)\s*refills?\b/i,
  /\bRF\s*[:x#]?\s*(\d)\b/,
];
const REFILLS_BEFORE = /\b(\d|one|two|three|four|five|six)\s*(?:additional\s*)?refills?\s+of\s*$/i;

const FORM_WORDS: [Route, RegExp][] = [
  ['other', /\b(?:injections?|injectable|inj|IM|IV|intramuscular|intravenous|infusion|shot)\b/i],
  ['patch', /\b(?:patch(?:es)?|pads?|plasters?)\b/i],
  [
    'topical',
    /\b(?:creams?|gels?|ointments?|lotions?|liniments?|balms?|sprays?|roll-on|topical(?:ly)?|compound(?:ed)?|foam|containers?|tubes?|jars?|pumps?|\d+(?:\.\d+)?\s*(?:grams?|gm|g)\b)/i,
  ],
  ['oral', /\b(?:tabs?|tablets?|capsules?|caps|oral(?:ly)?|po|by mouth|suspension|elixir|syrup|liquid)\b/i],
];

const POST_OP =
  /\bpost[- ]?(?:op|operative(?:ly)?|surgical|surgery)\b|\b(?:after|following) (?:the |his |her |their )?(?:surgery|operation)\b|\bperi-?operative\b/i;
const RETRO = /\bretro(?:spective)?\b|\bDOS\b/i;

// What the words before a drug say it is. The cue nearest the name decides.
const REQUEST_CUE =
  /\b(?:request(?:ed|ing|s)?|RFA|prescrib(?:e|es|ing)|Rx|dispens\w*|refill(?:ed|s)?|renew\w*|continu\w*|resum\w*|start(?:ed|ing)?|begin|initiat\w*|add(?:ed|ing)?|switch(?:ed|ing)? to|chang(?:e|ed|ing) to|recommend(?:ed|ing)?|plan(?:ned)?|order(?:ed)?|authoriz\w*|certif\w*|appeal\w*|denied|denial of|non-?certif\w*|modified|disputed?|medically necessary|new prescription)\b/gi;
const HISTORY_CUE =
  /\b(?:previous(?:ly)?|prior|past|history of|hx of|to date|(?:has|have) included|tried|failed|failure|trials of|was (?:on|given|prescribed|taking|using)|were (?:given|prescribed)|took|had taken|had been (?:on|taking|using)|used to|stopp?(?:ed|ing)|discontinu\w*|reduc\w*|decreas\w*|taper\w*|wean\w*|intoleran\w*|allerg\w*|not tolerated|did not tolerate|could not tolerate|unable to tolerate|side effects|no longer|instead of|in place of|denies|other than|such as|e\.g\.|for example)\b/gi;
const CURRENT_CUE =
  /\b(?:current(?:ly)?|takes|taking|uses|using|is on|remains on|still on|has been on|have been on|(?:has|have) (?:taken|used|had)|maintained on|regimen|medications? include[sd]?|medications?:|meds:)/gi;
const CONTINUES = /^(?:continu\w*|refill\w*|renew\w*|resum\w*)$/i;
const REQUESTED_AFTER =
  /^[^.;\n]{0,40}?\b(?:is|are|was|were|has been|have been) (?:requested|prescribed|recommended|denied|non-?certified|modified|dispensed)\b/i;
const HISTORY_AFTER =
  /^[^.;\n]{0,40}?\b(?:was|were|has been|had been) (?:reduced|decreased|tapered|weaned|stopped|discontinued|tried)\b|^[^.;\n]{0,25}?\b(?:in the past|previously|before|did not help|was not tolerated|caused)\b/i;
// ("refill" as a verb continues use; "with 1 refill" counts refills of a new prescription.)
const ONGOING_AFTER =
  /^[^.;\n]{0,30}?\b(?:continu\w*|renew\w*|since|ongoing|long[- ]term|chronically|maintenance|as before)\b|^[^.;\n]{0,30}?(?<!\b(?:\d{1,2}|one|two|three|four|five)\s{1,3})\brefill\b(?!s)/i;
const ONGOING_BEFORE = /\b(?:long[- ]term|chronic)\s+(?:use of\s+)?$/i;

// Guideline talk with no strength or quantity ("NSAIDs such as Naprosyn are recommended") is not a request.
const GUIDELINE_TALK = /\b(?:guidelines?|MTUS|ACOEM|ODG|CPMTG|9792\.\d+)\b/i;

function lastCue(re: RegExp, text: string): { at: number; word: string } | undefined {
  re.lastIndex = 0;
  let last: { at: number; word: string } | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) last = { at: m.index + m[0].length, word: m[0] };
  return last;
}

function countWord(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const t = s.toLowerCase();
  if (t === 'a') return 1;
  if (t === 'no') return 0;
  return wordValue(t);
}

function firstOf(res: RegExp[], s: string): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  for (const re of res) {
    const m = re.exec(s);
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best;
}

/** Where each drug name starts a word: one pass with the knowledge base's alternation. */
function findMentions(text: string, kb: Knowledge, skip?: (s: { span: Span }) => boolean): Mention[] {
  const out: Mention[] = [];
  const re = kb.drugPattern;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const drug = kb.drugOf(m[0]);
    if (!drug) continue;
    const span = { start: m.index, end: m.index + m[0].length };
    if (skip?.({ span }) || inPlaceholder(text, span.start)) continue;
    out.push({ drug, text: m[0], span });
  }
  return out;
}

function segmentAt(segments: Span[], pos: number, from: number): number {
  let i = from;
  while (i < segments.length && segments[i].end <= pos) i++;
  return i;
}

const STRENGTH_GAP = /^(?:\s*(?:\(?\d+(?:\.\d+)?\s*(?:%|mg|mcg)?\)?|[/,+&-]|and|with|plus))*\s*$/i;
const DIRECT_JOIN = /^[\s)]*[/+-][\s(]*$/;
const OPEN_PAREN = /^\s*\(\s*$/;

/** Find requested medication items in the text. */
/**
 * `asked` tells whether the passage at an offset may ask for treatment (a request list, not a
 * history paragraph or a current-medications line); without it the words around a drug decide.
 */
export function findMedications(
  text: string,
  kb: Knowledge,
  segments: Span[],
  skip?: (s: { span: Span }) => boolean,
  asked?: (at: number) => boolean,
  therapyStarts: number[] = [],
): MedicationItem[] {
  const mentions = findMentions(text, kb, skip);
  if (mentions.length === 0) return [];
  const items: MedicationItem[] = [];
  // Drugs (and classes) the document says are being taken: an item of the same is a continuation.
  const takenDrugs = new Set<string>();
  const takenClasses = new Set<string>();
  let segIndex = 0;
  let i = 0;
  while (i < mentions.length) {
    // Group the names of one product: a combination ("hydrocodone/APAP"), a brand and its
    // generic ("Meloxicam (Mobic)"), a compound's ingredients ("Flurbiprofen 10%, Lidocaine 5%").
    const group: Mention[] = [mentions[i]];
    let j = i + 1;
    while (j < mentions.length) {
      const last = group[group.length - 1];
      const next = mentions[j];
      const gap = text.slice(last.span.end, next.span.start);
      if (gap.length > 40) break;
      if (OPEN_PAREN.test(gap) || DIRECT_JOIN.test(gap)) {
        group.push(next);
        j++;
        continue;
      }
      const topicalPair = gap.includes('%') || (isTopicalDrug(last.drug, kb) && isTopicalDrug(next.drug, kb));
      if (topicalPair && STRENGTH_GAP.test(gap)) {
        group.push(next);
        j++;
        continue;
      }
      break;
    }
    const first = group[0];
    const last = group[group.length - 1];
    segIndex = segmentAt(segments, first.span.start, segIndex);
    const seg = segments[segIndex] ?? { start: 0, end: text.length };
    // A drug's details end where the next drug, or a therapy ("Naproxen ... massage 1x/week"), is named.
    const nextDrug = j < mentions.length ? mentions[j].span.start : text.length;
    const nextStart = Math.min(nextDrug, firstAfter(therapyStarts, last.span.end) ?? text.length);
    const item = readItem(text, kb, group, seg, nextStart, items.length ? items[items.length - 1].span.end : 0);
    // A drug outside the passages that ask is not asked for here: it is being taken when its
    // words say so ("since 10/2016", "continue"), else only named ("UR denied a request for Naprosyn").
    const inAsking = asked?.(first.span.start);
    if (item.role === 'request' && asked && !inAsking) item.role = item.item.ongoing ? 'current' : 'none';
    // Written as an order in a request list, row or field ("Medication: Soma 350 mg #60, 1 PO BID -
    // refill"), it is asked for whatever label precedes it; its use goes on.
    else if (item.role === 'current' && inAsking && item.item.quantity) {
      item.role = 'request';
      item.item.ongoing = true;
    }
    i = j;
    if (item.role === 'current' || item.item.ongoing) {
      for (const g of item.item.ingredients) takenDrugs.add(g.drug);
      takenDrugs.add(item.item.drug);
      takenClasses.add(item.item.class);
    }
    if (item.role === 'request') items.push(item.item);
  }
  for (const it of items) {
    if (!it.ongoing && (takenDrugs.has(it.drug) || (CLASS_CONTINUES.has(it.class) && takenClasses.has(it.class)))) it.ongoing = true;
  }
  return items;
}

/** The first of sorted offsets at or after `at`. */
function firstAfter(sorted: number[], at: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}

// Switching within these classes continues the same course (cyclobenzaprine after orphenadrine).
const CLASS_CONTINUES = new Set(['muscle-relaxant', 'nsaid', 'opioid']);

function isTopicalDrug(d: Drug, kb: Knowledge): boolean {
  if (d.form === 'topical' || d.form === 'patch') return true;
  return kb.drugClass(d.class)?.id.startsWith('topical') ?? false;
}

function readItem(text: string, kb: Knowledge, group: Mention[], seg: Span, nextStart: number, prevEnd: number): { item: MedicationItem; role: Role } {
  const first = group[0];
  const last = group[group.length - 1];
  // The slice after the names: up to the next drug, the end of the segment, or a semicolon.
  let afterEnd = Math.min(seg.end > last.span.end ? seg.end : text.length, nextStart, last.span.end + 220);
  const semi = text.slice(last.span.end, afterEnd).indexOf(';');
  if (semi >= 0) afterEnd = last.span.end + semi;
  const afterStart = last.span.end;
  const after = text.slice(afterStart, afterEnd);
  const beforeStart = Math.max(seg.start <= first.span.start ? seg.start : 0, first.span.start - 150, 0);
  const before = text.slice(beforeStart, first.span.start);

  // Ingredients, with a strength written right after each name.
  const ingredients: MedicationIngredient[] = [];
  // A brand in parentheses after its generic ("Meloxicam (Mobic)") names the same drug: keep one.
  const seen = new Set<string>();
  let strength: { text: string; span: Span } | undefined;
  let strengthsEnd = 0;
  group.forEach((g, k) => {
    const tailEnd = k + 1 < group.length ? group[k + 1].span.start : afterEnd;
    const tail = text.slice(g.span.end, tailEnd);
    const s = STRENGTH.exec(tail);
    const st = s && HAS_UNIT.test(s[1]) ? s[1].trim() : undefined;
    if (st) strengthsEnd = g.span.end + s!.index + s![0].trimEnd().length;
    if (st && !strength) {
      const at = g.span.end + s!.index + s![0].length - s![1].length;
      strength = { text: st, span: { start: at, end: at + s![1].trimEnd().length } };
    }
    const held = g.drug.ingredients?.length ? g.drug.ingredients : [g.drug.id];
    for (const id of held) {
      if (seen.has(id)) continue;
      seen.add(id);
      ingredients.push({ drug: id, text: g.text, span: g.span, strength: held.length === 1 ? st : undefined });
    }
  });
  const primary = first.drug;

  // How much, how often, for how long.
  const qm = firstOf(QUANTITY, after);
  const am = AMOUNT.exec(after.slice(0, 60));
  const quantity = qm
    ? { value: Number(qm[1]), span: { start: afterStart + qm.index + qm[0].indexOf(qm[1]), end: afterStart + qm.index + qm[0].indexOf(qm[1]) + qm[1].length } }
    : undefined;
  const dosing = readDosing(after, afterStart);
  let writtenDays: { value: number; span: Span } | undefined;
  for (const [re, mult] of WRITTEN_DAYS) {
    const m = re.exec(after);
    const v = m ? countWord(m[1]) : undefined;
    if (m && v) {
      writtenDays = { value: v * mult, span: { start: afterStart + m.index, end: afterStart + m.index + m[0].length } };
      break;
    }
  }
  if (!writtenDays) {
    for (const [re, mult] of DAYS_BEFORE) {
      const m = re.exec(before);
      const v = m ? countWord(m[1]) : undefined;
      if (m && v) {
        writtenDays = { value: v * mult, span: { start: beforeStart + m.index, end: beforeStart + m.index + m[0].length } };
        break;
      }
    }
  }
  let refills = 0;
  let refillsOnly = false;
  let refillSpan: Span | undefined;
  const rb = REFILLS_BEFORE.exec(before);
  if (rb) {
    refills = countWord(rb[1]) ?? 0;
    refillsOnly = refills > 0;
    refillSpan = { start: beforeStart + rb.index, end: beforeStart + rb.index + rb[0].length };
  } else {
    const rm = firstOf(REFILLS, after);
    if (rm) {
      refills = countWord(rm[1]) ?? 0;
      refillSpan = { start: afterStart + rm.index, end: afterStart + rm.index + rm[0].length };
    }
  }

  // Form: the words around the name, then the product's own form, then its class.
  const near = after.slice(0, 80);
  let route: Route | undefined;
  let formAt = Infinity;
  for (const [r, re] of FORM_WORDS) {
    const m = re.exec(near);
    if (m && m.index < formAt) {
      route = r;
      formAt = m.index;
    }
  }
  if (/\bcompound(?:ed)?\b[^.;\n]{0,40}$|\b(?:container|tube|jar)s? of\s*$/i.test(before)) route = route === 'patch' ? 'patch' : 'topical';
  if (!route && group.some((g) => g.drug.form === 'patch')) route = 'patch';
  if (
    !route &&
    (group.some((g) => g.drug.form === 'topical') || /%/.test(strength?.text ?? '') || (group.length > 1 && /%/.test(text.slice(first.span.start, afterEnd))))
  )
    route = 'topical';
  if (!route) route = primary.form === 'oral' || primary.form === 'any' ? 'oral' : primary.form;
  if (route === 'oral' && primary.form !== 'any' && primary.form !== 'oral') route = primary.form;

  const drugs = ingredients.map((g) => kb.drug(g.drug)!).filter(Boolean);
  const klass = classOf(kb, primary, drugs, route);
  const compound =
    (route === 'topical' || route === 'patch') && klass !== 'opioid' && (ingredients.length > 1 || /\bcompound(?:ed)?\b/i.test(before.slice(-60)));

  const postOp = POST_OP.test(before.slice(-100)) || POST_OP.test(after.slice(0, 80));
  const retrospective = RETRO.test(before.slice(-100)) || /\bDOS\b/.test(after);

  // Role: the cue nearest the name, within its segment and after the previous item.
  const cueFrom = Math.max(0, prevEnd - beforeStart);
  let cueText = before.slice(cueFrom);
  // A list under a heading ("Current medications:", "Medications requested:") takes the
  // heading's word when the line itself has none.
  if (![REQUEST_CUE, HISTORY_CUE, CURRENT_CUE].some((re) => lastCue(re, cueText)))
    cueText = `${headingBefore(text, seg.start <= first.span.start ? seg.start : first.span.start)} ${cueText}`;
  const req = lastCue(REQUEST_CUE, cueText);
  const hist = lastCue(HISTORY_CUE, cueText);
  const cur = lastCue(CURRENT_CUE, cueText);
  const itemLike = !!(strength || quantity || dosing || writtenDays || am);
  let role: Role;
  const best = Math.max(req?.at ?? -1, hist?.at ?? -1, cur?.at ?? -1);
  if (best < 0) {
    if (HISTORY_AFTER.test(after)) role = 'history';
    else if (REQUESTED_AFTER.test(after) || itemLike) role = 'request';
    else role = 'none';
  } else if (best === (hist?.at ?? -1)) role = 'history';
  else if (best === (req?.at ?? -1)) role = HISTORY_AFTER.test(after) ? 'history' : 'request';
  else role = REQUESTED_AFTER.test(after) ? 'request' : 'current';
  if (role === 'request' && !quantity && !strength && GUIDELINE_TALK.test(text.slice(seg.start, seg.end))) role = 'none';
  // "Continue Norco 10/325 #60 and Flexeril 10 mg #60": the verb covers the whole list.
  const listVerb = role === 'request' && best < 0 ? lastCue(REQUEST_CUE, before) : undefined;
  const continues =
    (role === 'request' &&
      ((!!req && best === req.at && CONTINUES.test(req.word)) ||
        (!!listVerb && CONTINUES.test(listVerb.word) && (lastCue(HISTORY_CUE, before)?.at ?? -1) < listVerb.at))) ||
    (role !== 'history' && (ONGOING_AFTER.test(after) || ONGOING_BEFORE.test(before)));

  let end = last.span.end;
  const amountSpan = am ? { start: afterStart + am.index, end: afterStart + am.index + am[0].length } : undefined;
  for (const s of [strength?.span, quantity?.span, dosing?.span, writtenDays?.span, refillSpan, amountSpan])
    if (s && s.end > end && s.start >= afterStart) end = s.end;
  if (strengthsEnd > end) end = strengthsEnd;
  let start = first.span.start;
  for (const s of [writtenDays?.span, refillSpan]) if (s && s.start < start) start = s.start;

  const item: MedicationItem = {
    drug: primary.id,
    drugText: first.text,
    drugSpan: first.span,
    ingredients,
    class: klass,
    route,
    compound,
    span: { start, end },
    strength,
    quantity,
    dosing,
    writtenDays,
    refills,
    refillsOnly,
    postOp,
    retrospective,
    ongoing: continues,
  };
  item.supply = daysOfSupply(item, primary);
  return { item, role };
}

/** The heading a list line sits under: the nearest line above ending in ":", across list lines only. */
function headingBefore(text: string, pos: number): string {
  const from = Math.max(0, pos - 600);
  const lines = text.slice(from, pos).split(/\r?\n|\r/);
  // The last piece is the start of the current line; the first is cut mid-line unless at the start.
  for (let i = lines.length - 2, seen = 0; i >= (from === 0 ? 0 : 1) && seen < 8; i--, seen++) {
    const line = lines[i].trim();
    if (!line) continue;
    if (line.endsWith(':')) return line;
    // Prose ends the list: a heading above it is not this line's.
    if (line.length > 90 || (/[.!?]$/.test(line) && !/^(?:[-*•]|\d{1,2}[.)])\s/.test(line) && line.split(/\s+/).length > 12)) return '';
  }
  return '';
}

function classOf(kb: Knowledge, primary: Drug, drugs: Drug[], route: Route): string {
  if (route === 'oral' || route === 'other') return primary.class;
  if (primary.class === 'opioid') return 'opioid';
  const topical = (d: Drug) => d.topicalClass ?? (kb.drugClass(d.class)?.id.startsWith('topical') ? d.class : 'topical-analgesic');
  const own = primary.ingredients?.length ? primary.class : topical(primary);
  if (drugs.length && drugs.every((d) => topical(d) === 'topical-salicylate')) return 'topical-salicylate';
  if (drugs.length && drugs.every((d) => topical(d) === 'topical-nsaid')) return 'topical-nsaid';
  return own === 'topical-salicylate' || own === 'topical-nsaid' ? 'topical-analgesic' : own;
}

function readDosing(after: string, offset: number): MedicationItem['dosing'] {
  const f = FREQUENCY.exec(after);
  if (!f) return undefined;
  const g = f.groups!;
  let perDay: number;
  let exact = true;
  if (g.hours) {
    const lo = Number(g.h1);
    if (!lo) return undefined;
    perDay = Math.floor(24 / lo);
    if (g.h2) exact = false;
  } else perDay = g.d4 ? 4 : g.d3 ? 3 : g.d2 ? 2 : 1;
  let perDose = 1;
  let start = f.index;
  const lead = after.slice(Math.max(0, f.index - 40), f.index);
  const u = PER_DOSE.exec(lead);
  if (u) {
    const a = u[1].toLowerCase() === 'half' || u[1] === '1/2' ? 0.5 : (countWord(u[1]) ?? Number(u[1]));
    const b = u[2] ? (countWord(u[2]) ?? Number(u[2])) : undefined;
    if (a > 0 && a <= 4) {
      perDose = b && b > a && b <= 4 ? b : a;
      if (b && b > a) exact = false;
      start = f.index - lead.length + u.index;
    }
  }
  const end = f.index + f[0].length;
  return {
    text: after.slice(start, end).replace(/\s+/g, ' ').trim(),
    span: { start: offset + start, end: offset + end },
    unitsPerDay: perDose * perDay,
    exact,
  };
}

/** Days the request lasts: written days, else quantity over the dosing, else over the usual maximum. */
function daysOfSupply(item: MedicationItem, drug: Drug): DaysOfSupply | undefined {
  if (item.route !== 'oral') return undefined;
  const fills = item.refillsOnly ? item.refills : 1 + item.refills;
  if (item.writtenDays) return { days: item.writtenDays.value * fills, basis: 'written' };
  if (!item.quantity) return undefined;
  if (item.dosing) return { days: (item.quantity.value * fills) / item.dosing.unitsPerDay, basis: 'dosing', unitsPerDay: item.dosing.unitsPerDay };
  if (drug.maxUnitsPerDay) return { days: (item.quantity.value * fills) / drug.maxUnitsPerDay, basis: 'usual-maximum', unitsPerDay: drug.maxUnitsPerDay };
  return undefined;
}

// ---------------------------------------------------------------- evidence the rules weigh

// Each pattern is a list of alternatives that start with a letter or a digit, so that all of
// them can be grouped by first letter into one fast scan (see FAST below).
const GI_RISKS: [string, string[]][] = [
  [
    'peptic ulcer, GI bleeding or perforation',
    [
      String.raw`peptic ulcers?`,
      String.raw`gastric ulcers?`,
      String.raw`duodenal ulcers?`,
      String.raw`stomach ulcers?`,
      String.raw`bleeding ulcers?`,
      String.raw`ulcers?`,
      'PUD',
      String.raw`GI (?:bleed\w*|hemorrhage)`,
      String.raw`upper GI (?:bleed\w*|hemorrhage)`,
      String.raw`gastrointestinal (?:bleed\w*|hemorrhage)`,
      String.raw`perforat\w*`,
      'melena',
      'hematemesis',
    ],
  ],
  [
    'anticoagulant or antiplatelet use',
    [
      String.raw`anti-?coagula\w*`,
      String.raw`anti-?platelet\w*`,
      'warfarin',
      'Coumadin',
      'Eliquis',
      'apixaban',
      'Xarelto',
      'rivaroxaban',
      'Pradaxa',
      'dabigatran',
      'heparin',
      'Lovenox',
      'enoxaparin',
      'clopidogrel',
      'Plavix',
    ],
  ],
  ['aspirin use', ['aspirin', 'ASA']],
  [
    'corticosteroid use',
    [
      String.raw`corticosteroids?`,
      String.raw`oral corticosteroids?`,
      String.raw`systemic corticosteroids?`,
      String.raw`oral steroids?`,
      'prednisone',
      'prednisolone',
      'methylprednisolone',
      'Medrol',
      'dexamethasone',
    ],
  ],
  [
    'high-dose or multiple NSAIDs',
    [String.raw`high[- ]dose (?:of )?(?:NSAIDs?|anti-?inflammator\w*|ibuprofen|naproxen)`, 'multiple NSAIDs', 'two NSAIDs', 'more than one NSAID'],
  ],
  [
    'dyspepsia, GERD or gastritis',
    [
      'dyspepsia',
      'GERD',
      String.raw`gastro-?esophageal reflux`,
      'acid reflux',
      'reflux',
      'gastritis',
      'heartburn',
      String.raw`GI (?:upset|distress|irritation|symptoms|complaints|side effects)`,
      String.raw`gastrointestinal (?:upset|distress|irritation|symptoms|complaints|side effects)`,
      String.raw`stomach (?:upset|pain|irritation|ache|problems)`,
      'upset stomach',
      String.raw`epigastric (?:pain|discomfort)`,
    ],
  ],
];

type EvidenceKey = MedicationEvidenceKind | 'age' | 'first-line-word' | `gi:${number}`;

const EVIDENCE: [EvidenceKey, string[]][] = [
  [
    'age',
    [
      String.raw`(?<age1>\d{2,3})[- ](?:years?|yrs?)[- ]old`,
      String.raw`(?<age3>\d{2,3})\s*(?:y\/o|yo|y\.o\.)`,
      String.raw`aged?\s*:?\s*(?<age2>\d{2,3})\b`,
      String.raw`age (?:over|above|greater than) (?<age4>\d{2})`,
      String.raw`older than (?<age5>\d{2})`,
      String.raw`over the age of (?<age6>\d{2})`,
    ],
  ],
  ...GI_RISKS.map(([, alts], i) => [`gi:${i}`, alts] as [EvidenceKey, string[]]),
  [
    'osteoarthritis',
    ['osteoarthritis', 'osteoarthrosis', 'OA', 'DJD', 'degenerative joint disease', 'rheumatoid arthritis', 'inflammatory arthritis', 'arthritis', 'arthritic'],
  ],
  [
    'flare',
    [
      String.raw`acute exacerbations?`,
      String.raw`exacerbations?`,
      String.raw`flare[- ]?ups?`,
      'flared',
      String.raw`flares?`,
      String.raw`acute (?:muscle )?spasms?`,
      'new injury',
      String.raw`re-?injur\w*`,
    ],
  ],
  [
    'first-line-word',
    [
      String.raw`anti-?depressants?`,
      String.raw`anti-?convulsants?`,
      String.raw`anti-?epileptics?`,
      String.raw`AEDs?`,
      String.raw`TCAs?`,
      String.raw`SNRIs?`,
      String.raw`tricyclics?`,
      String.raw`first[- ]line (?:medications?|drugs?|agents?|therapy|treatments?|oral medications?)`,
      String.raw`neuropathic (?:pain )?(?:medications?|agents?)`,
    ],
  ],
  [
    'pain',
    [
      String.raw`\d{1,2}(?:\.\d)?\s*\/\s*10\b(?!\/)`,
      'VAS',
      String.raw`pain (?:relief|reduction)`,
      'analgesia',
      String.raw`\d{1,3}\s*%\s*(?:pain )?(?:relief|reduction|improvement)`,
      String.raw`pain (?:is |was )?(?:reduced|decreased|improved|better) (?:from|to|with|by)`,
      String.raw`with (?:the )?medications?,? (?:pain|her pain|his pain) (?:is|was|rated)`,
      String.raw`without (?:the )?medications?,? (?:pain|her pain|his pain) (?:is|was|rated)`,
    ],
  ],
  [
    'function',
    [
      String.raw`function(?:al)? (?:improvement|gains?|status|benefit|level|capacity)`,
      String.raw`improv\w* (?:in )?function`,
      String.raw`ADLs?`,
      'activities of daily living',
      String.raw`able to (?:work|walk|sleep|sit|stand|perform|do|complete|drive|lift|exercise|care|cook|clean)`,
      String.raw`work(?:s|ing)? (?:full|modified|regular|light)[- ](?:duty|time)`,
      String.raw`work(?:s|ing)? full (?:shifts?|days?)`,
      String.raw`return(?:ed|s|ing)? to (?:full |modified |regular |light |usual )?(?:work|duty)`,
      String.raw`allows? (?:him|her|the patient) to`,
      String.raw`with (?:it|them|the medications?|this medication|the opioids?),? (?:s?he|the patient|they) (?:walks|sleeps|works|dresses|cooks|cleans|drives|sits|stands|lifts|can|is able|does|completes|finishes|climbs|kneels|bathes)`,
      String.raw`sleeps? through the night`,
    ],
  ],
  [
    'drug-test',
    [
      String.raw`urine (?:drug |toxicology |tox )?(?:screens?|screening|tests?|testing)`,
      'urine drug',
      'UDS',
      'UDT',
      'UTOX',
      String.raw`urine tox\w*`,
      String.raw`drug screen(?:s|ing)?`,
      String.raw`toxicology screen\w*`,
    ],
  ],
  [
    'risk-assessment',
    [
      'CURES',
      'PDMP',
      String.raw`prescription (?:drug )?monitoring program`,
      String.raw`opioid risk (?:assessment|screening|stratification|tool)`,
      String.raw`risk (?:assessment|screening|stratification|tool)`,
      'ORT',
      String.raw`SOAPP(?:-R)?`,
      'COMM',
      'DIRE',
      String.raw`screen(?:ed|ing)? for (?:aberrant|addiction|misuse|abuse|substance)`,
      String.raw`opioid (?:agreement|contract)`,
      String.raw`pain (?:agreement|contract)`,
      String.raw`narcotic (?:agreement|contract)`,
      String.raw`medication (?:agreement|contract)`,
      String.raw`treatment (?:agreement|contract)`,
    ],
  ],
  [
    'oral-nsaid-failed',
    [
      String.raw`(?:oral\s+)?(?:NSAIDs?|anti-?inflammator(?:y|ies)(?: medications?| drugs?)?)\s+(?:are|were|is|was)\s+(?:not tolerated|poorly tolerated|stopped|discontinued)`,
      String.raw`(?:not|cannot|could not|unable to)\s+tolerate\s+(?:oral\s+)?(?:NSAIDs?|anti-?inflammator\w*)`,
      String.raw`intoleran\w*\s+(?:of|to)\s+(?:oral\s+)?(?:NSAIDs?|anti-?inflammator\w*)`,
    ],
  ],
  [
    'adverse-effects',
    [
      String.raw`no side[- ]effects?`,
      String.raw`no adverse (?:effects?|events?|reactions?)`,
      String.raw`without side[- ]effects?`,
      String.raw`denies side[- ]effects?`,
      String.raw`side[- ]effects?`,
      String.raw`adverse (?:effects?|events?|reactions?)`,
      'constipation',
      'sedation',
      'somnolence',
    ],
  ],
  [
    'aberrant-behavior',
    [
      'aberrant',
      String.raw`drug[- ]seeking`,
      'diversion',
      'misuse',
      'abuse',
      String.raw`early refills?`,
      String.raw`consistent with (?:the )?prescri\w*`,
      'compliant',
      'compliance',
    ],
  ],
];

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
const FAILURE =
  /\b(?:fail(?:ed|ure|s)?|tried|trials? of|not tolerat\w*|did not tolerate|could not tolerate|unable to tolerate|intoleran\w*|side[- ]effects?|adverse (?:effects?|reactions?)|ineffective|not effective|no (?:relief|benefit|improvement|help)|without (?:relief|benefit|improvement)|did not (?:help|work|improve)|discontinued|stopped)\b/gi;
// A negation shortly before a mention cancels it ("no history of GI bleed", "has not tried gabapentin").
// Its reach ends where the sentence turns to something the patient has ("denies nausea but has ...").
const NEGATED =
  /\b(?:no|not|never|without|denies|denied|negative for|absence of|lack of|has not|have not|hasn't|haven't|did not|does not|no documentation of|no evidence of|no indication)\b(?:(?!\b(?:but|however|although|though|except|has|have|had|is|was|takes|reports)\b)[^.\n;]){0,45}$/i;
// A reviewer's "the records do not indicate that the patient is being treated for ..." reaches further.
const NEGATED_REPORT =
  /\b(?:(?:do|does|did) not (?:indicate|document|show|support|demonstrate|reflect|mention|establish)|no (?:documentation|evidence|indication|mention|record)|lack of (?:documentation|evidence)|not documented|without documentation)\b[^.\n;]{0,60}$/i;
// "No indication that the patient had previously tried ..." reaches further back.
const NEGATED_FAILURE =
  /\b(?:no|not|never|without|has not|have not|hasn't|haven't|did not|does not|no documentation|no evidence|no indication|lack of)\b[^.\n;]{0,50}$/i;
// Evidence that names its own result is a finding even when negated words follow ("denies side effects" is documentation).
const NEGATION_IS_FINDING = new Set<MedicationEvidenceKind>(['adverse-effects', 'aberrant-behavior']);
const PATIENT = /\b(?:patient|pt|she|he|her|his|claimant|injured worker|applicant|Mr|Ms|Mrs|I have|we have)\b/i;

/** A sentence that states a guideline's expectations about no one in particular. */
function guidelineTalk(text: string, at: number): boolean {
  const from = Math.max(0, at - 250);
  const before = text.slice(from, at);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('.\n'), before.lastIndexOf('\n\n'));
  const start = cut >= 0 ? from + cut + 1 : from;
  const rest = text.slice(at, at + 250);
  const stop = rest.search(/\.(?:\s|$)|\n\n/);
  const sentence = text.slice(start, stop >= 0 ? at + stop : at + 250);
  return GUIDELINE_TALK.test(sentence) && !PATIENT.test(sentence);
}

/** A blank still to fill in ("urine drug test [date, result]", "CURES: ___") documents nothing. */
function blankAfter(text: string, end: number): boolean {
  const m = /^[^\n]{0,30}?(?:\[[^\]\n]*\]|_{3,})/.exec(text.slice(end, end + 60));
  return !!m && !/\d/.test(m[0].replace(/\[[^\]\n]*\]|_{3,}$/, ''));
}

/**
 * What the document says that bears on the medication rules, found in one pass. Run only for
 * documents that request a medication.
 */
export function findMedicationEvidence(text: string, kb: Knowledge, items: MedicationItem[]): MedicationEvidence {
  const found = new Set<MedicationEvidenceKind>();
  const giRisks = new Set<string>();
  FAST.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FAST.exec(text))) {
    let kind: EvidenceKey | undefined;
    let km: RegExpExecArray | null = null;
    for (const [k, re] of KIND_RES) {
      re.lastIndex = m.index;
      if ((km = re.exec(text))) {
        kind = k;
        break;
      }
    }
    if (!kind || !km) continue;
    if (km[0].length > m[0].length) FAST.lastIndex = m.index + km[0].length;
    m = km;
    const span = { start: m.index, end: m.index + m[0].length };
    if (ACRONYM.test(m[0]) && m[0].replace(/s$/, '') !== m[0].replace(/s$/, '').toUpperCase()) continue;
    if (inPlaceholder(text, span.start) || blankAfter(text, span.end)) continue;
    // A line wrapped mid-sentence ("reports no\n  dyspepsia") keeps its negation.
    const lead = text.slice(Math.max(0, span.start - 100), span.start).replace(/\n[ \t]*(?=[a-z(]|$)/g, ' ');
    const negated =
      NEGATED.test(lead) ||
      NEGATED_REPORT.test(lead) ||
      /^\s*(?:was |were |has |have )?(?:not|never) (?:done|performed|checked|reviewed|obtained|documented)\b/i.test(text.slice(span.end, span.end + 30));
    if (kind === 'first-line-word') {
      if (failedNear(text, span)) found.add('failed-first-line');
      continue;
    }
    if (negated && !(NEGATION_IS_FINDING.has(kind as MedicationEvidenceKind) && /^(?:no|without|denies)\b/i.test(m[0]))) continue;
    if (guidelineTalk(text, span.start)) continue;
    if (kind === 'age') {
      const g = m.groups!;
      const age = Number(g.age1 ?? g.age2 ?? g.age3 ?? g.age4 ?? g.age5 ?? g.age6);
      // "age over 65", "older than 65" say so themselves; a stated age counts from 66.
      if (age > 65 || ((g.age4 ?? g.age5 ?? g.age6) && age >= 65)) giRisks.add('age over 65');
      continue;
    }
    if (kind.startsWith('gi:')) {
      giRisks.add(GI_RISKS[Number(kind.slice(3))][0]);
      continue;
    }
    found.add(kind as MedicationEvidenceKind);
  }
  // First-line drugs by name ("failed gabapentin", "Cymbalta was not tolerated").
  // Only a topical request asks about them.
  const re = kb.drugPattern;
  re.lastIndex = 0;
  const wanted = items.some((x) => x.route === 'topical' || x.route === 'patch');
  while (wanted && !found.has('failed-first-line') && (m = re.exec(text))) {
    const d = kb.drugOf(m[0]);
    if (d?.firstLine && failedNear(text, { start: m.index, end: m.index + m[0].length })) found.add('failed-first-line');
  }
  // An oral NSAID named with a failure or intolerance ("Ibuprofen upset his stomach and was stopped").
  const topicalNsaid = items.some((x) => x.class === 'topical-nsaid');
  re.lastIndex = 0;
  while (topicalNsaid && !found.has('oral-nsaid-failed') && (m = re.exec(text))) {
    const d = kb.drugOf(m[0]);
    if (
      d?.class === 'nsaid' &&
      (failedNear(text, { start: m.index, end: m.index + m[0].length }) ||
        /^[^.\n]{0,40}\b(?:upset|irritat\w*)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60)))
    )
      found.add('oral-nsaid-failed');
  }
  const nsaids = new Set(items.filter((x) => x.class === 'nsaid' && x.route === 'oral').map((x) => x.drug));
  if (nsaids.size > 1) giRisks.add('high-dose or multiple NSAIDs');
  if (giRisks.size) found.add('gi-risk');
  return { has: (k) => found.has(k), giRisks: [...giRisks] };
}

/** A failure word in the same sentence, close to the first-line drug, not negated, not a guideline's. */
function failedNear(text: string, span: Span): boolean {
  if (inPlaceholder(text, span.start)) return false;
  const from = Math.max(0, span.start - 70);
  const to = Math.min(text.length, span.end + 70);
  let window = text.slice(from, to);
  // Stay inside the sentence.
  const lead = span.start - from;
  const cut = Math.max(window.lastIndexOf('. ', lead), window.lastIndexOf('.\n', lead), window.lastIndexOf(';', lead));
  const stopRel = window.slice(lead).search(/\.(?:\s|$)|;/);
  const s = cut >= 0 ? cut + 1 : 0;
  const e = stopRel >= 0 ? lead + stopRel : window.length;
  window = window.slice(s, e);
  FAILURE.lastIndex = 0;
  let f: RegExpExecArray | null;
  while ((f = FAILURE.exec(window))) {
    const abs = from + s + f.index;
    if (NEGATED_FAILURE.test(text.slice(Math.max(0, abs - 60), abs))) continue;
    if (guidelineTalk(text, abs)) continue;
    return true;
  }
  return false;
}
