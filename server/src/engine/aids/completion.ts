import type { Knowledge } from '../../knowledge/knowledge';
import { POSTSURGICAL } from '../parse/postsurgical';
import type { CitationEntry } from '../../knowledge/schema';
import { appliedLimits, limitPhrase, shortLimit, type AppliedLimit, type LimitFacts } from './applied-limits';
import { limitLines } from './hover';
import { citationChoices } from '../wording/citation-forms';
import type { Span } from '../types';

// Completion while writing: treatment names in the words reviewers read, citations in the form
// of their edition, and quantities within the figure the document is judged by. Everything is
// read from the line being typed plus facts of the last analysis, so a keystroke costs a scan
// of one line, never an analysis.

export interface CompletionCandidate {
  kind: 'treatment' | 'citation' | 'quantity';
  label: string;
  /** One line beside the label: the figure and its citation. */
  detail: string;
  /** Markdown: the limits, or the guideline's words with their source. */
  documentation?: string;
  insertText: string;
  /** The text the insertion replaces: from where the word (or citation) being typed begins, to the cursor. */
  replace: Span;
  /** What the editor matches the typed text against, when it is not the label. */
  filterText?: string;
  sortText: string;
}

export interface CompletionResult {
  items: CompletionCandidate[];
  /** True when the list depends on the word typed so far: ask again as it grows. */
  incomplete: boolean;
}

/** What completion needs from the document's analysis (which may be a version or two old): its facts, not its text. */
export type CompletionFacts = LimitFacts;

/** Far enough back for a treatment, its body part and codes, or a citation being written. */
const LOOK_BACK = 300;

export function completionsAt(text: string, offset: number, kb: Knowledge, facts: CompletionFacts): CompletionResult {
  offset = Math.max(0, Math.min(offset, text.length));
  const lineStart = lastBreak(text, offset);
  const prefix = text.slice(lineStart, offset);
  const lineEnd = nextBreak(text, offset);
  const line = { start: lineStart, end: lineEnd, text: text.slice(lineStart, lineEnd) };
  const items: CompletionCandidate[] = [];
  let incomplete = false;
  const cites = citationCompletions(prefix, lineStart, line.text, kb, facts);
  if (cites) {
    items.push(...cites);
    incomplete = true;
  }
  const names = treatmentCompletions(prefix, lineStart, kb, facts);
  if (names) {
    items.push(...names);
    incomplete = true;
  }
  items.push(...quantityCompletions(prefix, lineStart, line, kb, facts));
  return { items, incomplete };
}

/** Where the line holding `offset` starts, looking back no further than LOOK_BACK. */
function lastBreak(text: string, offset: number): number {
  const from = Math.max(0, offset - LOOK_BACK);
  const before = text.slice(from, offset);
  return from + Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
}

function nextBreak(text: string, offset: number): number {
  const m = /[\r\n]/.exec(text.slice(offset, offset + 2000));
  return m ? offset + m.index : Math.min(text.length, offset + 2000);
}

// ---- treatment names ------------------------------------------------------------------------

// Aliases the parser accepts but a request should not be written with: a person, slang, or a
// word that names a device rather than a course of treatment.
const INFORMAL = new Set(['chiropractor', 'chiro', 'chirophysio', 'estim', 'e-stim', 'infrared', 'paraffin', 'spinolator', 'manipulation', 'traction']);

interface NameChoice {
  text: string;
  treatment: string;
  order: number;
}

const nameChoices = new WeakMap<Knowledge, NameChoice[]>();

function namesOf(kb: Knowledge): NameChoice[] {
  let list = nameChoices.get(kb);
  if (!list) {
    list = [];
    const seen = new Set<string>();
    for (const t of kb.data.treatments) {
      for (const a of t.aliases) {
        if (a.startsWith('/') || INFORMAL.has(a.toLowerCase()) || seen.has(a.toLowerCase())) continue;
        seen.add(a.toLowerCase());
        list.push({ text: a, treatment: t.id, order: list.length });
      }
    }
    nameChoices.set(kb, list);
  }
  return list;
}

/** Treatment names that continue the word (or words) being typed; undefined when no word is being typed. */
function treatmentCompletions(prefix: string, base: number, kb: Knowledge, facts: CompletionFacts): CompletionCandidate[] | undefined {
  const word = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z-]*$/.exec(prefix);
  if (!word) return undefined;
  if (word[0].length < 2) return [];
  const lower = prefix.toLowerCase();
  const out: CompletionCandidate[] = [];
  for (const choice of namesOf(kb)) {
    const name = choice.text.toLowerCase();
    // The longest stretch before the cursor, starting at a word, that the name begins with:
    // "physical th" is replaced whole by "physical therapy".
    let from = -1;
    for (let k = Math.min(name.length, lower.length); k >= word[0].length; k--) {
      const at = lower.length - k;
      if (at > 0 && /[A-Za-z0-9]/.test(lower[at - 1])) continue;
      if (name.startsWith(lower.slice(at))) {
        from = at;
        break;
      }
    }
    if (from < 0 || lower.length - from === name.length) continue;
    const typed = prefix.slice(from);
    const insert = capitalised(choice.text, typed, prefix.slice(0, from));
    const t = kb.treatment(choice.treatment)!;
    const limits = appliedLimits(t.id, facts, kb);
    const limit = kb.limitFor(t.id, facts.edition);
    out.push({
      kind: 'treatment',
      label: insert,
      detail: limits.length ? `${t.name} · ${limits.map(shortLimit).join(', ')} ${t.unit} (${limits[0].citation})` : t.name,
      documentation: limit ? limitLines(limit, kb).join('\n') : undefined,
      insertText: insert,
      replace: { start: base + from, end: base + prefix.length },
      sortText: `1${String(choice.order).padStart(4, '0')}`,
    });
  }
  return out;
}

/** Standard wording, capitalised where a sentence or list line begins or the writer typed a capital. */
function capitalised(name: string, typed: string, before: string): string {
  const startsLine = /^\s*(?:[-*•]|\d{1,2}[.)]|[a-z][.)])?\s*$/.test(before) || /[.!?:]\s+$/.test(before);
  if (name !== name.toLowerCase()) return name; // "TENS unit", "H-wave" keep their capitals
  return startsLine || /^[A-Z]/.test(typed) ? name[0].toUpperCase() + name.slice(1) : name;
}

// ---- citations ------------------------------------------------------------------------------

type Family = 'mtus' | 'acoem' | 'cpmtg' | 'ccr' | 'labor';

// A citation being written after its opening word, up to a sentence's end ("9792.24" goes on).
const TRIGGER = /(?<![A-Za-z0-9])(MTUS|ACOEM|CPMTG|8\s*CCR|CCR|Lab(?:or|\.)\s+Code)(?![A-Za-z0-9])((?:[^\n.;]|\.(?=\d)){0,40})$/i;
const PARTIAL: [string, Family][] = [
  ['mtus', 'mtus'],
  ['acoem', 'acoem'],
  ['cpmtg', 'cpmtg'],
  ['ccr', 'ccr'],
];

function familyOf(trigger: string): Family {
  const t = trigger.toLowerCase();
  if (t === 'mtus') return 'mtus';
  if (t === 'acoem') return 'acoem';
  if (t === 'cpmtg') return 'cpmtg';
  if (/ccr$/.test(t)) return 'ccr';
  return 'labor';
}

const OUTSIDE_MTUS = new Set(['odg', 'acoem-3', 'labor-code']);

function inFamily(e: CitationEntry, family: Family): boolean {
  switch (family) {
    case 'mtus':
      return !OUTSIDE_MTUS.has(e.guideline);
    case 'acoem':
      return e.guideline === 'acoem-2';
    case 'cpmtg':
      return e.guideline.startsWith('cpmtg-');
    case 'ccr':
      return (e.regulations ?? []).some((r) => r.startsWith('8 CCR'));
    case 'labor':
      return e.guideline === 'labor-code';
  }
}

/**
 * Citation entries after "MTUS", "ACOEM", "CPMTG", "8 CCR" or "Labor Code" (or while one of the
 * first four is being typed). Undefined when the line is not writing a citation.
 */
function citationCompletions(prefix: string, base: number, line: string, kb: Knowledge, facts: CompletionFacts): CompletionCandidate[] | undefined {
  let family: Family;
  let from: number;
  // The editor matches what is typed from `from` on against filterText: it starts with the
  // trigger word in full, so "MT", "MTUS" and "MTUS mass" all keep the list.
  let trigger: string;
  const full = TRIGGER.exec(prefix);
  if (full) {
    family = familyOf(full[1].replace(/\s+/g, ' '));
    from = full.index;
    trigger = full[1];
  } else {
    const word = /(?<![A-Za-z0-9])[A-Za-z]{2,5}$/.exec(prefix);
    const hit = word && PARTIAL.find(([w]) => w.startsWith(word[0].toLowerCase()));
    if (!word || !hit) return undefined;
    family = hit[1];
    from = word.index;
    trigger = hit[0].toUpperCase();
  }
  const named = new Set<string>();
  for (const m of line.matchAll(new RegExp(kb.treatmentPattern.source, 'gi'))) {
    const t = kb.treatmentOf(m[0]);
    if (t) named.add(t.id);
  }
  const out: CompletionCandidate[] = [];
  for (const choice of citationChoices(kb)) {
    const e = choice.entry;
    if (!inFamily(e, family)) continue;
    const g = kb.guideline(e.guideline);
    // The document's own edition first, and entries for a treatment named on this line.
    const otherEdition = g && g.edition !== facts.edition && kb.data.guidelines.some((x) => x !== g && x.title === g.title) ? 1 : 0;
    const onLine = e.treatments.some((t) => named.has(t)) ? 0 : 2;
    const insert = family === 'ccr' && choice.regulationText ? choice.regulationText : choice.text;
    out.push({
      kind: 'citation',
      label: choice.label,
      detail: choice.detail,
      documentation: `${choice.quote}\n\nInserts: \`${insert}\``,
      insertText: insert,
      replace: { start: base + from, end: base + prefix.length },
      filterText: `${trigger} ${choice.label} ${insert}`,
      // Before everything once the trigger is typed; while it may still be a treatment's first
      // letters ("ac"), after the treatment names.
      sortText: `${full ? 0 : 3}${onLine + otherEdition}${String(choice.order).padStart(3, '0')}`,
    });
  }
  return out;
}

// ---- quantities -----------------------------------------------------------------------------

// What may stand between a treatment and its quantity on a request line: body parts, surgeries
// and diagnoses (removed first), procedure and diagnosis codes, sides, and a few joining words.
// Anything else (a verb, a number already written) means the writer is not about to give the
// quantity.
const CODES = /\b(?:CPT|HCPCS|ICD(?:-?10)?)\b\s*(?:code)?\s*[:#]?|\b\d{5}[A-Z]?\b|\b[A-TV-Z]\d{2}(?:\.\d{1,4}[A-Z]?)?\b/g;
const JOINING =
  /\b(?:for|to|the|of|and|in|at|on|with|after|status post|s\/p|post[- ]?(?:op|operative|operatively|surgical)|right|left|bilateral|both|upper|lower|additional|continued|further|region|area|spine|codes?|diagnosis|dx)\b|[,;:()/&+–-]/gi;
// Words before the treatment that make it a course already given, not one being asked for.
const PRIOR = /\b(?:completed|had|has had|have had|received|attended|underwent|tried|failed|prior|previous(?:ly)?|past)\b[^.;]*$/i;

function withoutAll(text: string, re: RegExp | undefined): string {
  return re ? text.replace(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), ' ') : text;
}

function quantityCompletions(
  prefix: string,
  base: number,
  line: { start: number; text: string },
  kb: Knowledge,
  facts: CompletionFacts,
): CompletionCandidate[] {
  const word = /(?<![A-Za-z0-9])[0-9xX×]*$/.exec(prefix);
  // "2x3" typed in full is a quantity written, not one being chosen.
  if (!word || /\d\s*[xX×]\s*\d/.test(word[0])) return [];
  const before = prefix.slice(0, word.index);
  const mention = lastTreatment(before, kb);
  if (!mention || PRIOR.test(before.slice(0, mention.start))) return [];
  const gap = before.slice(mention.end);
  if (!gap || /[.!?]\s/.test(gap)) return [];
  let rest = withoutAll(gap, kb.regionPattern);
  rest = withoutAll(withoutAll(rest, kb.conditions.surgeryPattern), kb.conditions.diagnosisPattern);
  if (rest.replace(CODES, ' ').replace(JOINING, ' ').trim()) return [];

  const regions = new Set<string>();
  for (const m of line.text.matchAll(new RegExp(kb.regionPattern.source, 'gi'))) {
    const r = kb.regionOf(m[0]);
    if (r) regions.add(r.id);
  }
  const general = kb.limitFor(mention.treatment, facts.edition);
  // No quantity is within the guideline for a region it does not recommend the treatment for.
  if (general?.notRecommended?.regions.some((r) => regions.has(r))) return [];
  const postsurgical = POSTSURGICAL.test(line.text);
  const lineSpan = { start: line.start, end: line.start + line.text.length };
  const limits = appliedLimits(mention.treatment, facts, kb, postsurgical, lineSpan);
  const trial = limits.find((l) => l.kind === 'trial');
  const improved = facts.evidence.functionalImprovement;
  // Past the trial only with documented improvement, where the guideline asks for it.
  const targets = limits.filter((l) => l.kind !== 'maximum' || !trial || improved || !trial.needsImprovement);
  const space = /[\s(]$/.test(before) ? '' : ' ';
  // The taper the guideline asks of physical medicine is not asked after surgery.
  const category = postsurgical ? undefined : kb.treatment(mention.treatment)?.category;
  const out: CompletionCandidate[] = [];
  const seen = new Set<string>();
  targets.forEach((l, ti) => {
    const total = l.range.max;
    forms(total, l, category).forEach((q, qi) => {
      if (seen.has(q)) return;
      seen.add(q);
      out.push({
        kind: 'quantity',
        label: q,
        detail: `${total} ${l.unit}, within ${limitPhrase(l)}, ${l.citation}`,
        documentation: `**${total} ${l.unit}**, within ${limitPhrase(l)} (${l.citation}).${l.kind === 'trial' && l.needsImprovement ? ' More than the trial needs documented functional improvement (8 CCR 9792.20(e)).' : ''}`,
        insertText: `${space}${q}`,
        replace: { start: base + word.index, end: base + prefix.length },
        filterText: q,
        sortText: `2${ti}${String(qi).padStart(2, '0')}`,
      });
    });
  });
  return out;
}

function lastTreatment(text: string, kb: Knowledge): { treatment: string; start: number; end: number } | undefined {
  let best: { treatment: string; start: number; end: number } | undefined;
  const consider = (re: RegExp) => {
    for (const m of text.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`))) {
      const t = kb.treatmentOf(m[0]);
      const end = m.index + m[0].length;
      if (t && (!best || end > best.end)) best = { treatment: t.id, start: m.index, end };
    }
  };
  consider(kb.treatmentPattern);
  if (kb.abbreviationPattern) consider(kb.abbreviationPattern);
  return best;
}

/**
 * A total written as writers write it: "1x6", "2x3", "2 times a week for 3 weeks (6 sessions)",
 * "6 sessions". Schedules keep to the guideline's visits a week (3 when it names none), run at
 * most 12 weeks, and, for physical medicine, fade as the guideline expects (no 3 a week for 4
 * weeks or 2 a week for 6).
 */
export function forms(total: number, l: Pick<AppliedLimit, 'perWeek' | 'unit'>, category?: string): string[] {
  const out: string[] = [];
  const schedules: [number, number][] = [];
  for (let per = 1; per <= (l.perWeek?.max ?? 3); per++) {
    if (total % per !== 0) continue;
    const weeks = total / per;
    if (weeks > 12 || weeks < 1) continue;
    if (category === 'physical-medicine' && ((per >= 3 && weeks >= 4) || (per >= 2 && weeks >= 6))) continue;
    schedules.push([per, weeks]);
  }
  for (const [per, weeks] of schedules) out.push(`${per}x${weeks}`);
  const spelled = schedules.find(([per]) => per === 2) ?? schedules[0];
  if (spelled)
    out.push(`${spelled[0]} ${spelled[0] === 1 ? 'time' : 'times'} a week for ${spelled[1]} ${spelled[1] === 1 ? 'week' : 'weeks'} (${total} ${l.unit})`);
  out.push(`${total} ${l.unit}`);
  return out;
}
