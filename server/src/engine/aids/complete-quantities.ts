import type { Knowledge } from '../../knowledge/knowledge';
import { POSTSURGICAL } from '../vocabulary/postsurgical';
import { appliedLimits, limitPhrase, type AppliedLimit } from './applied-limits';
import type { CompletionCandidate, CompletionFacts } from './completion-types';

// Completing a quantity after a treatment on a request line: totals within the figure the
// document is judged by, written as writers write them.

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

export function quantityCompletions(
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
