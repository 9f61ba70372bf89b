import * as z from 'zod/mini';
import '../zod-english';

// Medications as data, reviewed by people like the therapy limits: what each drug is called,
// which class the guideline judges it by, and what that class needs. Every figure says where
// it was read (`source`).

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes'));
const source = z.string().check(z.minLength(3, 'say where this was read'));
/** A whole number above 0: classic zod's z.number().int().positive(). */
const positiveInt = z.int().check(z.positive());

const Range = z.object({ min: positiveInt, max: positiveInt }).check(z.refine((r) => r.min <= r.max, { message: 'min must not exceed max' }));

/**
 * What a class needs before the guideline supports it. Each value is one rule's question:
 * short-course (muscle relaxants), short-term (NSAIDs), gi-risk (PPIs and H2 blockers),
 * monitoring (opioids), failed-first-line and osteoarthritis (topicals); none is not judged.
 */
export const Requirement = z.enum(['short-course', 'short-term', 'gi-risk', 'monitoring', 'failed-first-line', 'osteoarthritis', 'none']);

export const DrugClassSchema = z
  .object({
    id,
    /** Singular noun for messages: "muscle relaxant". */
    name: z.string().check(z.minLength(3)),
    /** Plural noun for messages: "muscle relaxants". */
    plural: z.string().check(z.minLength(3)),
    requires: Requirement,
    /** Citation entry the requirement rests on. */
    citation: z.optional(z.string()),
    /** The longest course the guideline supports, in days (2-3 weeks = 14-21). */
    durationDays: z.optional(Range),
    /** A first course this short (by the writer's own dosing) is not judged. */
    exemptFirstCourseDays: z.optional(positiveInt),
    /** What the reviewer will ask for, printed after the figure. */
    advice: z.optional(z.string().check(z.minLength(5))),
    /** Body regions (body-region ids) the class is recommended for, where the guideline limits it to some. */
    suitedRegions: z.optional(z.object({ regions: z.array(z.string()).check(z.minLength(1)), wording: z.string().check(z.minLength(5)), source })),
    source,
  })
  .check(
    z.refine((c) => c.requires === 'none' || (c.citation && c.advice), { message: 'a judged class needs a citation and advice' }),
    z.refine((c) => !['short-course', 'short-term'].includes(c.requires) || c.durationDays, { message: 'a duration class needs durationDays' }),
  );

export const DrugSchema = z
  .object({
    id,
    /** Generic name as messages print it: "cyclobenzaprine". */
    name: z.string().check(z.minLength(3)),
    class: z.string(),
    /** Class when applied to the skin, where that differs from the default topical analgesic. */
    topicalClass: z.optional(z.string()),
    /** Generic names and spellings, matched whole and case-insensitively. */
    generic: z.array(z.string().check(z.minLength(3))).check(z.minLength(1)),
    brands: z._default(z.array(z.string().check(z.minLength(3))), []),
    /** How the named product is taken; "any" when the writer's words decide (diclofenac tablets or gel). */
    form: z._default(z.enum(['oral', 'topical', 'patch', 'any']), 'any'),
    /** For a fixed combination sold under one name (Lidopro): the drugs (ids) it holds. */
    ingredients: z.optional(z.array(z.string())),
    /** A first-line drug for neuropathic pain (antidepressant or anticonvulsant). */
    firstLine: z.optional(z.boolean()),
    /** A citation entry more specific than the class's (cyclobenzaprine, Lidoderm, capsaicin). */
    citation: z.optional(z.string()),
    /**
     * The most tablets (capsules, patches) a day at the usual adult maximum dosing, whatever the
     * strength: when a request does not write the dosing, days of supply are estimated at this
     * rate, which gives the shortest plausible course.
     */
    maxUnitsPerDay: z.optional(z.number().check(z.positive())),
    doseSource: z.optional(source),
  })
  .check(z.refine((d) => d.maxUnitsPerDay === undefined || d.doseSource, { message: 'maxUnitsPerDay needs a doseSource' }));

/** Drugs (or whole classes) the guideline does not recommend on the skin, with why. */
export const TopicalExclusionSchema = z
  .object({
    id,
    drugs: z._default(z.array(z.string()), []),
    classes: z._default(z.array(z.string()), []),
    /** Drugs of those classes that are recommended topically (diclofenac among the NSAIDs). */
    except: z._default(z.array(z.string()), []),
    /** Forms in which the drug is recommended (lidocaine as a patch). */
    exceptForms: z._default(z.array(z.enum(['patch', 'topical'])), []),
    /** Printed in messages after the drug: "(only diclofenac is recommended as a topical NSAID)". */
    reason: z.string().check(z.minLength(10)),
    citation: z.string(),
    source,
  })
  .check(z.refine((x) => x.drugs.length || x.classes.length, { message: 'name drugs or classes' }));

export const MedicationsSchema = z.object({
  classes: z._default(z.array(DrugClassSchema), []),
  drugs: z._default(z.array(DrugSchema), []),
  topicalNotRecommended: z._default(z.array(TopicalExclusionSchema), []),
});

export type DrugClass = z.infer<typeof DrugClassSchema>;
export type Drug = z.infer<typeof DrugSchema>;
export type TopicalExclusion = z.infer<typeof TopicalExclusionSchema>;
export type Medications = z.infer<typeof MedicationsSchema>;

/** Cross-references zod cannot see, as problems to report (load.ts throws on any). */
export function medicationProblems(m: Medications, citations: Set<string>): string[] {
  const problems: string[] = [];
  const at = (what: string, i: number, x: { id: string }) => `medications.${what}.${i} (${x.id})`;
  const unique = (xs: { id: string }[], what: string) => {
    const seen = new Set<string>();
    for (const x of xs) {
      if (seen.has(x.id)) problems.push(`medications.${what}: duplicate id "${x.id}"`);
      seen.add(x.id);
    }
    return seen;
  };
  const classes = unique(m.classes, 'classes');
  const drugs = unique(m.drugs, 'drugs');
  unique(m.topicalNotRecommended, 'topicalNotRecommended');
  m.classes.forEach((c, i) => {
    if (c.citation && !citations.has(c.citation)) problems.push(`${at('classes', i, c)}: unknown citation "${c.citation}"`);
  });
  // One name must mean one drug, or a request would be judged by whichever entry came first.
  const names = new Map<string, string>();
  m.drugs.forEach((d, i) => {
    if (!classes.has(d.class)) problems.push(`${at('drugs', i, d)}: unknown class "${d.class}"`);
    if (d.topicalClass && !classes.has(d.topicalClass)) problems.push(`${at('drugs', i, d)}: unknown class "${d.topicalClass}" in topicalClass`);
    if (d.citation && !citations.has(d.citation)) problems.push(`${at('drugs', i, d)}: unknown citation "${d.citation}"`);
    for (const x of d.ingredients ?? []) if (!drugs.has(x)) problems.push(`${at('drugs', i, d)}: unknown drug "${x}" in ingredients`);
    for (const n of [...d.generic, ...d.brands]) {
      const key = normalizeDrugName(n);
      const other = names.get(key);
      if (other && other !== d.id) problems.push(`${at('drugs', i, d)}: the name "${n}" also names "${other}"`);
      names.set(key, d.id);
    }
  });
  m.topicalNotRecommended.forEach((x, i) => {
    for (const d of [...x.drugs, ...x.except]) if (!drugs.has(d)) problems.push(`${at('topicalNotRecommended', i, x)}: unknown drug "${d}"`);
    for (const c of x.classes) if (!classes.has(c)) problems.push(`${at('topicalNotRecommended', i, x)}: unknown class "${c}"`);
    if (!citations.has(x.citation)) problems.push(`${at('topicalNotRecommended', i, x)}: unknown citation "${x.citation}"`);
  });
  return problems;
}

/** The key a written drug name is looked up by: case, spaces and hyphens do not matter. */
export function normalizeDrugName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .trim();
}
