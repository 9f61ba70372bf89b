import type { Knowledge } from '../../knowledge/knowledge';
import type { DrugClass } from '../../knowledge/medication-schema';
import { type Finding, type FixData, type MedicationItem } from '../types';
import { unitAt } from '../parse/part-role';
import { claimOnce, indentsOf, lineEndAt, lineEnding, lineStartAt } from '../fill-in';
import { type Rule, type RuleContext, ruleWith } from './rule';
import { citationLabel } from '../wording/citation-label';
import { PerAnalysis } from '../per-analysis';

// What the medication rules share: how an item is named in a message, its citation, a restated
// request judged with its fullest details, and fill-in lines. The evidence they weigh is the
// document's (parse/document-facts.ts: read once, and only when a medication rule asks).

type MedicationFinding = Omit<Finding, 'rule' | 'severity'>;

/** A rule over the requested medications: judge returns a finding or nothing for each item. */
export function medicationRule(def: Omit<Rule, 'check'> & { judge: (item: MedicationItem, ctx: RuleContext) => MedicationFinding | undefined }): Rule {
  return ruleWith(def, (ctx) => {
    const out: MedicationFinding[] = [];
    for (const item of judgedAs(ctx)) {
      const f = def.judge(item, ctx);
      if (f) out.push(f);
    }
    return out;
  });
}

// A letter restates a request, not always in full ("Flexeril 10 mg #90" in the summary, with
// its dosing further down). Each restatement is judged with the details the fullest one gives,
// so all of them say the same and merge into one diagnostic whose fix covers each.
const restatementKey = (item: MedicationItem) => `${subjectOf(item)}|${item.quantity?.value ?? ''}`;
const detail = (item: MedicationItem) => (item.dosing ? 4 : 0) + (item.writtenDays ? 2 : 0) + (item.refills ? 1 : 0);

const judgedCache = new PerAnalysis<object, MedicationItem[]>();

/** The requested medications each as judged, with its fullest restatement's details: worked out once an analysis, not once a rule. */
function judgedAs(ctx: RuleContext): MedicationItem[] {
  let judged = judgedCache.get(ctx.doc);
  if (!judged) {
    const items = ctx.doc.medications ?? [];
    const fullest = fullestRestatements(items);
    judgedCache.set(ctx.doc, (judged = items.map((item) => withRestatedDetails(item, fullest))));
  }
  return judged;
}

function fullestRestatements(items: MedicationItem[]): Map<string, MedicationItem> {
  const best = new Map<string, MedicationItem>();
  for (const item of items) {
    const key = restatementKey(item);
    const b = best.get(key);
    if (!b || detail(item) > detail(b)) best.set(key, item);
  }
  return best;
}

function withRestatedDetails(item: MedicationItem, fullest: Map<string, MedicationItem>): MedicationItem {
  const b = fullest.get(restatementKey(item));
  if (!b || b === item || detail(item) >= detail(b)) return item;
  return { ...item, dosing: b.dosing, writtenDays: b.writtenDays, refills: b.refills, refillsOnly: b.refillsOnly, supply: b.supply };
}

/** "7.5mg" → "7.5 mg", "10/325mg" → "10/325 mg"; percentages stay as written. */
export function strengthText(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/(\d)(mg|mcg)\b/gi, '$1 $2')
    .replace(/(\d)(mg|mcg)(?=\/)/gi, '$1 $2');
}

// An item's name and subject are asked by several rules on every keystroke, of items a long
// document keeps from version to version (incremental/medications.ts): each is worked out once
// per item object. Neither reads what an analysis changes on a kept item (its spans, `ongoing`).
const described = new WeakMap<MedicationItem, { kb: Knowledge; text: string }>();
const subjects = new WeakMap<MedicationItem, string>();

/** The item as a message names it: "cyclobenzaprine 7.5 mg #60", "Flexeril (cyclobenzaprine) 10 mg #90". */
export function describe(item: MedicationItem, kb: Knowledge): string {
  const known = described.get(item);
  if (known?.kb === kb) return known.text;
  const text = describeOnce(item, kb);
  described.set(item, { kb, text });
  return text;
}

function describeOnce(item: MedicationItem, kb: Knowledge): string {
  const drug = kb.drug(item.drug);
  const written = item.drugText.replace(/\s+/g, ' ');
  if (item.ingredients.length > 1) {
    const names = item.ingredients.map((g) => `${kb.drug(g.drug)?.name ?? g.text}${g.strength ? ` ${strengthText(g.strength)}` : ''}`);
    const list = names.length > 2 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join(' and ');
    if (drug?.ingredients?.length) return `${written} (${list})`;
    if (item.route === 'oral') {
      // A combination tablet: "diclofenac/misoprostol 75-0.2 mg #60".
      const combo = item.ingredients.map((g) => kb.drug(g.drug)?.name ?? g.text).join('/');
      return `${combo}${item.strength ? ` ${strengthText(item.strength.text)}` : ''}${item.quantity ? ` #${item.quantity.value}` : ''}`;
    }
    return `the compound of ${list}`;
  }
  // A brand is named with what it holds: "Flexeril (cyclobenzaprine)", "Lidoderm (lidocaine)".
  const generic = kb.drug(item.ingredients[0]?.drug ?? item.drug)?.name ?? drug?.name ?? written;
  const name = written.toLowerCase() === generic.toLowerCase() ? generic : `${written} (${generic})`;
  const strength = item.strength ? ` ${strengthText(item.strength.text)}` : '';
  const form = item.route === 'patch' && !/patch|pad/i.test(written) ? ' patch' : '';
  const qty = item.quantity ? ` #${item.quantity.value}` : '';
  return `${name}${strength}${form}${qty}`;
}

const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

export const formatDays = (d: number) => `${Math.round(d * 10) / 10}`;

/**
 * How the days of supply were counted, for messages:
 * "cyclobenzaprine 7.5 mg #60, twice daily = 30 days",
 * "2 refills of ibuprofen 600 mg #90 = 67.5 days at the usual maximum of 4 a day (no dosing written)".
 */
export function supplyReading(item: MedicationItem, kb: Knowledge): string | undefined {
  const s = item.supply;
  if (!s) return undefined;
  const what = describe(item, kb);
  const refills = item.refills ? (item.refillsOnly ? `${plural(item.refills, 'refill')} of ` : '') : '';
  const withRefills = item.refills && !item.refillsOnly ? ` with ${plural(item.refills, 'refill')}` : '';
  if (s.basis === 'written') {
    const fills = item.refillsOnly ? item.refills : 1 + item.refills;
    return `${refills}${what}${withRefills} for ${item.writtenDays!.value} days${fills > 1 ? ` = ${formatDays(s.days)} days` : ''}`;
  }
  if (s.basis === 'dosing') return `${refills}${what}, ${item.dosing!.text}${withRefills ? `,${withRefills}` : ''} = ${formatDays(s.days)} days`;
  return `${refills}${what}${withRefills} = ${formatDays(s.days)} days even at the usual maximum of ${s.unitsPerDay} a day (no dosing written)`;
}

/** The citation the item is judged by: the drug's own section where it has one, else its class's. */
export function citationFor(kb: Knowledge, item: MedicationItem, klass: DrugClass, prefer?: string): { id: string; label: string } {
  const own = prefer ?? kb.drug(item.drug)?.citation ?? item.ingredients.map((g) => kb.drug(g.drug)?.citation).find(Boolean);
  const id = own && kb.citation(own) ? own : klass.citation!;
  return { id, label: citationLabel(kb, id) };
}

export function editionOf(kb: Knowledge, citationId: string): string {
  const c = kb.citation(citationId);
  return (c && kb.guideline(c.guideline)?.edition) ?? '';
}

/**
 * The same drug restated (an appeal repeats the request, the original and the remaining
 * quantity) is one problem: see mergeRestatements in analyze.ts. The strength stands where a
 * therapy's regions stand after "#": the same when equal, or when one mention gives none.
 */
export function subjectOf(item: MedicationItem): string {
  let s = subjects.get(item);
  if (s === undefined) subjects.set(item, (s = subjectOnce(item)));
  return s;
}

function subjectOnce(item: MedicationItem): string {
  return `medication|${item.ingredients.map((g) => g.drug).join('+')}|${item.route}#${item.strength?.text.replace(/\s+/g, '').toLowerCase() ?? ''}`;
}

/** A finding with its citation and edition set. */
export function medicationFinding(
  item: MedicationItem,
  ctx: RuleContext,
  citation: { id: string; label: string },
  message: string,
  fix?: FixData,
): MedicationFinding {
  // A message starts with a capital even when the drug is written in lower case.
  const sentence = message.charAt(0).toUpperCase() + message.slice(1);
  // Two rows or list items of a form are two requests, however alike (see itemSubject in rule.ts).
  const unit = unitAt(ctx.doc.structure.units, item.span.start);
  const structured = unit && unit.kind !== 'sentence' ? '@' : '';
  return { span: item.span, message: sentence, citation, edition: editionOf(ctx.kb, citation.id), fix, subject: `${subjectOf(item)}${structured}` };
}

// ---------------------------------------------------------------- fill-in lines

/**
 * Lines to fill in, inserted after the line that holds the item (indented under it); nothing
 * else changes. Offered once per document, and not when its heading is already there.
 */
export function fillInFix(ctx: RuleContext, item: MedicationItem, key: string, heading: RegExp, title: string, lines: string[]): FixData | undefined {
  const { text } = ctx;
  // Claimed first: the heading is looked for once per document, not once per item.
  if (!claimOnce(ctx, key) || heading.test(text)) return undefined;
  const end = lineEndAt(text, item.span.end);
  const indents = indentsOf(text.slice(lineStartAt(text, item.span.start), end));
  // Under a list item the lines align with its text; otherwise they start where the item's line does.
  const indent = indents.listed ? indents.under : indents.own;
  const eol = lineEnding(text);
  return { title, certain: false, edits: [{ span: { start: end, end }, newText: lines.map((l) => `${eol}${indent}${l}`).join('') }] };
}
