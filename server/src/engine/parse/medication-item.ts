import type { Knowledge } from '../../knowledge/knowledge';
import type { Drug } from '../../knowledge/medication-schema';
import type { MedicationIngredient, MedicationItem, Route, Span } from '../types';
import { daysOfSupply, HAS_UNIT, readAmounts, STRENGTH } from './medication-dosing';
import { GUIDELINE_TALK } from '../vocabulary/guideline-talk';
import { POST_OP } from '../vocabulary/postsurgical';

// Reading one medication item from the words around its names: its ingredients and strengths,
// its figures (medication-dosing.ts), its form and class, and what the words before it say it
// is: asked for, taken now, or given before.

/** A drug's name where the text writes it. */
export interface Mention {
  drug: Drug;
  text: string;
  span: Span;
}

/** What the words around an item say it is: asked for, given before, taken now, or only named. */
export type Role = 'request' | 'history' | 'current' | 'none';

const FORM_WORDS: [Route, RegExp][] = [
  ['other', /\b(?:injections?|injectable|inj|IM|IV|intramuscular|intravenous|infusion|shot)\b/i],
  ['patch', /\b(?:patch(?:es)?|pads?|plasters?)\b/i],
  [
    'topical',
    /\b(?:creams?|gels?|ointments?|lotions?|liniments?|balms?|sprays?|roll-on|topical(?:ly)?|compound(?:ed)?|foam|containers?|tubes?|jars?|pumps?|\d+(?:\.\d+)?\s*(?:grams?|gm|g)\b)/i,
  ],
  ['oral', /\b(?:tabs?|tablets?|capsules?|caps|oral(?:ly)?|po|by mouth|suspension|elixir|syrup|liquid)\b/i],
];

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
const NEW_AFTER =
  /^[^.;\n]{0,25}?\b(?:is|are|was|were) (?:new|newly (?:prescribed|started|added)|just (?:started|prescribed|added)|(?:being|to be) started)\b|^\s*\(new\)/i;
const HISTORY_AFTER =
  /^[^.;\n]{0,40}?\b(?:was|were|has been|had been) (?:reduced|decreased|tapered|weaned|stopped|discontinued|tried)\b|^[^.;\n]{0,25}?\b(?:in the past|previously|before|did not help|was not tolerated|caused)\b/i;
// ("refill" as a verb continues use; "with 1 refill" counts refills of a new prescription.)
const ONGOING_AFTER =
  /^[^.;\n]{0,30}?\b(?:continu\w*|renew\w*|since|ongoing|long[- ]term|chronically|maintenance|as before)\b|^[^.;\n]{0,30}?(?<!\b(?:\d{1,2}|one|two|three|four|five)\s{1,3})\brefill\b(?!s)/i;
const ONGOING_BEFORE = /\b(?:long[- ]term|chronic)\s+(?:use of\s+)?$/i;

function lastCue(re: RegExp, text: string): { at: number; word: string } | undefined {
  re.lastIndex = 0;
  let last: { at: number; word: string } | undefined;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) last = { at: m.index + m[0].length, word: m[0] };
  return last;
}

export function readItem(text: string, kb: Knowledge, group: Mention[], seg: Span, nextStart: number, prevEnd: number): { item: MedicationItem; role: Role } {
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
  const { quantity, amountSpan, dosing, writtenDays, refills, refillsOnly, refillSpan } = readAmounts(after, afterStart, before, beforeStart);

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
  const itemLike = !!(strength || quantity || dosing || writtenDays || amountSpan);
  let role: Role;
  const best = Math.max(req?.at ?? -1, hist?.at ?? -1, cur?.at ?? -1);
  if (best < 0) {
    if (HISTORY_AFTER.test(after)) role = 'history';
    else if (REQUESTED_AFTER.test(after) || itemLike) role = 'request';
    else role = 'none';
  } else if (best === (hist?.at ?? -1)) role = 'history';
  else if (best === (req?.at ?? -1)) role = HISTORY_AFTER.test(after) ? 'history' : 'request';
  else role = REQUESTED_AFTER.test(after) ? 'request' : 'current';
  // "... and naproxen is new": named beside what is taken, it is not taken yet.
  if (role === 'current' && NEW_AFTER.test(after)) role = 'none';
  // Guideline talk with no strength or quantity ("NSAIDs such as Naprosyn are recommended") is not a request.
  if (role === 'request' && !quantity && !strength && GUIDELINE_TALK.test(text.slice(seg.start, seg.end))) role = 'none';
  // "Continue Norco 10/325 #60 and Flexeril 10 mg #60": the verb covers the whole list.
  const listVerb = role === 'request' && best < 0 ? lastCue(REQUEST_CUE, before) : undefined;
  const continues =
    (role === 'request' &&
      ((!!req && best === req.at && CONTINUES.test(req.word)) ||
        (!!listVerb && CONTINUES.test(listVerb.word) && (lastCue(HISTORY_CUE, before)?.at ?? -1) < listVerb.at))) ||
    (role !== 'history' && (ONGOING_AFTER.test(after) || ONGOING_BEFORE.test(before)));

  let end = last.span.end;
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
