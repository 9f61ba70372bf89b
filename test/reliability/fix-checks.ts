// The invariants every certain fix and fix-all must keep (issue 11, section 1), as checks that
// return what was broken, in words, so a failing property prints the class of the failure.
import { analyze, applyEdits, type Analysis, type Finding, type Span, type TextEditData } from '../../server/src/engine';
import type { Knowledge } from '../../server/src/knowledge/knowledge';

export type Invariant = 'edit-in-bounds' | 'edit-scope' | 'edits-apart' | 'number-form' | 'never-raises' | 'therapy-spares-medication' | 'fixed-point';

export interface Violation {
  invariant: Invariant;
  rule: string;
  detail: string;
}

const certain = (f: Finding) => Boolean(f.fix) && f.fix!.certain !== false;

/** The edits of fix-all, as the server sends them: every certain fix's edits, together. */
export function fixAllEdits(a: Analysis): TextEditData[] {
  return a.findings.filter(certain).flatMap((f) => f.fix!.edits);
}

const WORDS: Record<string, number> = {
  zero: 0,
  once: 1,
  twice: 2,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  hundred: 100,
};
const NUMBER = new RegExp(`\\d+(?:\\.\\d+)?|\\b(?:twenty[- ]four|${Object.keys(WORDS).join('|')})\\b`, 'gi');

interface Num {
  value: number;
  style: 'digits' | 'word';
  capital: boolean;
}

function numbersIn(s: string): Num[] {
  return [...s.matchAll(NUMBER)].map((m) => {
    const w = m[0];
    if (/^\d/.test(w)) return { value: Number(w), style: 'digits' as const, capital: false };
    const key = w.toLowerCase().replace(/[- ]/, '-');
    return { value: key === 'twenty-four' ? 24 : WORDS[key], style: 'word' as const, capital: /^[A-Z]/.test(w) };
  });
}

const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const show = (text: string, s: Span) => JSON.stringify(text.slice(s.start, s.end));

/** Rules whose fixes change a therapy quantity. */
const THERAPY_RULES = /^(?:therapy-|visit-cap-24|postsurgical-|frequency-|extension-|prior-course|pain-relief|physical-medicine|manual-therapy)/;

/** Spans a fix of `f` may edit: the quantities of the items (or medications) it is about, or a citation or directive. */
function allowedSpans(a: Analysis, f: Finding): { quantity: Span[]; other: Span[] } {
  const about = [f.span, ...(f.related ?? [])];
  const near = (s: Span) => about.some((x) => overlaps(s, x) || within(s, x));
  const quantity: Span[] = [];
  if (f.rule.startsWith('medication-')) {
    for (const m of a.medications ?? []) if (near(m.span) && m.quantity) quantity.push(m.quantity.span);
  } else {
    for (const i of a.items) if (near(i.span) && i.quantity) quantity.push(i.quantity.span);
  }
  const other = [...a.citations.map((c) => c.span), ...a.directives.flatMap((d) => d.ruleSpans)];
  return { quantity, other };
}

/** Edits of one action: in the text, apart from each other (neither overlapping nor touching). */
function checkApart(rule: string, text: string, edits: TextEditData[], out: Violation[]): void {
  for (const e of edits) {
    if (!(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length)) {
      out.push({ invariant: 'edit-in-bounds', rule, detail: `edit ${e.span.start}-${e.span.end} outside a text of ${text.length}` });
    }
  }
  const sorted = [...edits].sort((x, y) => x.span.start - y.span.start || x.span.end - y.span.end);
  for (let i = 1; i < sorted.length; i++) {
    const [p, q] = [sorted[i - 1], sorted[i]];
    if (q.span.start <= p.span.end) {
      out.push({
        invariant: 'edits-apart',
        rule,
        detail: `edits ${show(text, p.span)}→${JSON.stringify(p.newText)} and ${show(text, q.span)}→${JSON.stringify(q.newText)} ${q.span.start < p.span.end || (q.span.start === p.span.start && q.span.end === p.span.end) ? 'overlap' : 'touch'}`,
      });
    }
  }
}

/** Every invariant of one finding's certain fix. */
function checkFix(a: Analysis, text: string, f: Finding, out: Violation[]): void {
  const edits = f.fix!.edits;
  checkApart(f.rule, text, edits, out);
  const { quantity, other } = allowedSpans(a, f);
  const medications = (a.medications ?? []).map((m) => m.span);
  for (const e of edits) {
    const old = text.slice(e.span.start, e.span.end);
    const isOther = other.some((s) => within(e.span, s)) || (e.span.start === e.span.end && /MTUS/.test(e.newText));
    if (isOther) continue; // a citation or a rule id: its numbers are not quantities
    if (!quantity.some((s) => within(e.span, s))) {
      out.push({ invariant: 'edit-scope', rule: f.rule, detail: `edit of ${JSON.stringify(old)} is outside the quantity of the item the finding names` });
    }
    if (/[\r\n\u2028\u2029]/.test(old) || /[\r\n]/.test(e.newText)) {
      out.push({ invariant: 'edit-scope', rule: f.rule, detail: `edit of ${JSON.stringify(old)}→${JSON.stringify(e.newText)} crosses a line break` });
    }
    if (
      THERAPY_RULES.test(f.rule) &&
      medications.some((m) => overlaps(e.span, m) || (e.span.start === e.span.end && e.span.start > m.start && e.span.start < m.end))
    ) {
      out.push({ invariant: 'therapy-spares-medication', rule: f.rule, detail: `a therapy fix edits ${JSON.stringify(old)} inside a medication` });
    }
    const before = numbersIn(old);
    const after = numbersIn(e.newText);
    if (/NaN|Infinity|undefined|null/.test(e.newText) || after.some((n) => !Number.isInteger(n.value) || n.value < 1)) {
      out.push({
        invariant: 'number-form',
        rule: f.rule,
        detail: `writes ${JSON.stringify(e.newText)} for ${JSON.stringify(old)}: not a positive whole number`,
      });
    } else if (after.length === 0 && before.length > 0) {
      out.push({ invariant: 'number-form', rule: f.rule, detail: `writes ${JSON.stringify(e.newText)} for ${JSON.stringify(old)}: the number is gone` });
    } else if (before.length && after.length) {
      const styles = new Set(before.map((n) => n.style));
      const foreign = after.find((n) => !styles.has(n.style));
      if (foreign)
        out.push({
          invariant: 'number-form',
          rule: f.rule,
          detail: `writes ${JSON.stringify(e.newText)} for ${JSON.stringify(old)}: ${foreign.style} where the writer used ${[...styles].join(' and ')}`,
        });
      else if (before[0].capital && after[0].style === 'word' && !after[0].capital)
        out.push({ invariant: 'number-form', rule: f.rule, detail: `writes ${JSON.stringify(e.newText)} for ${JSON.stringify(old)}: the capital is lost` });
    }
    const maxBefore = Math.max(...before.map((n) => n.value));
    // Compared in order of size: a range written high to low ("14-5") is still one range.
    const up = (ns: Num[]) => ns.map((n) => n.value).sort((x, y) => x - y);
    const raised = before.length === after.length ? up(after).some((v, i) => v > up(before)[i]) : after.some((n) => n.value > maxBefore);
    if (before.length && after.length && raised) {
      out.push({ invariant: 'never-raises', rule: f.rule, detail: `raises ${JSON.stringify(old)} to ${JSON.stringify(e.newText)}` });
    }
  }
}

/**
 * Check every certain fix of the document, fix-all as one action, and the fixed point after
 * fix-all. Returns each broken invariant once per rule and kind.
 */
export function checkFixInvariants(text: string, kb: Knowledge, options: { kind?: 'request' | 'appeal'; today?: Date } = {}): Violation[] {
  const a = analyze(text, kb, options);
  const out: Violation[] = [];
  for (const f of a.findings.filter(certain)) checkFix(a, text, f, out);
  const all = fixAllEdits(a);
  if (!all.length) return dedupe(out);
  checkApart('fix-all', text, all, out);
  if (out.some((v) => v.invariant === 'edits-apart' || v.invariant === 'edit-in-bounds')) return dedupe(out);
  const fixed = applyEdits(text, all);
  const again = analyze(fixed, kb, options).findings.filter(certain);
  if (again.length) {
    const f = again[0];
    out.push({
      invariant: 'fixed-point',
      rule: f.rule,
      detail: `after fix-all, ${again.length} finding(s) with a certain fix remain, first ${f.rule}: ${JSON.stringify(f.fix!.title)}`,
    });
  }
  return dedupe(out);
}

function dedupe(vs: Violation[]): Violation[] {
  const seen = new Set<string>();
  return vs.filter((v) => {
    const k = `${v.invariant}|${v.rule}|${v.detail}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
