import * as z from 'zod/mini';
import '../zod-english';
import { calendarDay } from '../calendar-day';

// The MTUS as a timeline: which guideline governed which dates, adopted by which order or
// regulation, and where that was read. Dates are ISO (YYYY-MM-DD) and inclusive. A figure
// without a public source is not here: ACOEM's own text is licensed, so only its names,
// versions, adoption dates and sections are.

/** Whether `iso` is a day of the calendar written YYYY-MM-DD ("2020-13-45" is not one). */
function isDay(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return !!m && calendarDay(+m[1], +m[2], +m[3]) !== undefined;
}
// One check for the form and the day: the cross-checks below count days from these dates.
const isoDate = z.string().check(z.refine((s) => isDay(s), 'a date as YYYY-MM-DD'));
const source = z.string().check(z.minLength(3, 'say where this was read'));
/** S: read in a public source; I: an inference from sources (mtus-current.md's tags). Never unverified memory. */
const tag = z.enum(['S', 'I']);

export const TimelineTopicSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  /** "Low back": how a message names the subject. */
  name: z.string().check(z.minLength(2)),
  /** Body regions (body-regions.json ids) whose treatment this topic's guideline governs. */
  bodyRegions: z._default(z.array(z.string()), []),
});

export const TimelineGuidelineSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9.-]+$/)),
  topic: z.string(),
  /** "ACOEM Low Back Disorders": the name messages use. */
  name: z.string().check(z.minLength(3)),
  /** The version as its publisher dates it ("2/13/2020", "2009"). */
  version: z.string().check(z.minLength(2)),
  /**
   * First and last date (inclusive) of requests and services it governs; no until: still in
   * force; no from: in force before any date the sources give (the 2004 chapters).
   */
  from: z.optional(isoDate),
  until: z.optional(isoDate),
  /** proposed: announced but its adoption is not found in any source; it governs nothing. */
  status: z._default(z.enum(['adopted', 'proposed']), 'adopted'),
  adoptedBy: z.string().check(z.minLength(3)),
  /** The CCR section holding it, when a source names it; absent when sources disagree or say nothing. */
  regulation: z.optional(z.string()),
  /** The guideline's entry in guidelines.json, when the knowledge base holds its figures or citations. */
  knowledgeGuideline: z.optional(z.string()),
  /** The citations.json entry a current citation of it resolves to. */
  citation: z.optional(z.string()),
  /** Its own text is licensed (ACOEM): never bundled, a user may add figures from it. */
  licensed: z._default(z.boolean(), false),
  tag,
  source,
  note: z.optional(z.string()),
});

export const MilestoneSchema = z.object({
  id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
  date: isoDate,
  what: z.string().check(z.minLength(5)),
  tag,
  source,
  note: z.optional(z.string()),
});

export const DrugListVersionSchema = z.object({
  version: z.string().check(z.minLength(1)),
  effective: isoDate,
  note: z.optional(z.string()),
  source,
});

export const TimelineSchema = z
  .object({
    topics: z.array(TimelineTopicSchema).check(z.minLength(1)),
    guidelines: z.array(TimelineGuidelineSchema).check(z.minLength(1)),
    milestones: z.array(MilestoneSchema),
    drugListVersions: z.array(DrugListVersionSchema),
  })
  .check(
    z.superRefine((t, ctx) => {
      // Each topic's adopted versions follow one another: one ends the day before the next begins,
      // so exactly one governs on any date from the first.
      for (const topic of t.topics) {
        const adopted = t.guidelines.filter((g) => g.topic === topic.id && g.status === 'adopted').sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
        adopted.forEach((g, i) => {
          const at = t.guidelines.indexOf(g);
          const next = adopted[i + 1];
          if (g.status === 'adopted' && !g.from && i > 0)
            ctx.addIssue({ code: 'custom', path: ['guidelines', at, 'from'], message: `${g.id}: only the first version of a topic may have no from date` });
          if (g.until && g.from && g.until < g.from)
            ctx.addIssue({ code: 'custom', path: ['guidelines', at, 'until'], message: `${g.id}: until ${g.until} is before from ${g.from}` });
          // (A date that is no day is reported where it stands; no day before it can be named.)
          if (next?.from && isDay(next.from) && g.until !== dayBefore(next.from)) {
            ctx.addIssue({
              code: 'custom',
              path: ['guidelines', at, 'until'],
              message: `${g.id}: until must be ${dayBefore(next.from)}, the day before ${next.id} governs from ${next.from}`,
            });
          }
          if (!next && g.until && t.guidelines.some((x) => x.topic === topic.id && x.status === 'adopted' && (x.from ?? '') > g.until!)) {
            ctx.addIssue({ code: 'custom', path: ['guidelines', at, 'until'], message: `${g.id}: a later version of ${topic.id} exists` });
          }
        });
      }
      t.guidelines.forEach((g, i) => {
        if (!t.topics.some((x) => x.id === g.topic)) ctx.addIssue({ code: 'custom', path: ['guidelines', i, 'topic'], message: `unknown topic "${g.topic}"` });
        if (g.status === 'proposed' && g.until)
          ctx.addIssue({ code: 'custom', path: ['guidelines', i, 'until'], message: 'a proposed guideline governs no dates' });
      });
      const versions = [...t.drugListVersions].sort((a, b) => a.effective.localeCompare(b.effective));
      if (versions.some((v, i) => v !== t.drugListVersions[i]))
        ctx.addIssue({ code: 'custom', path: ['drugListVersions'], message: 'list the Drug List versions in the order they took effect' });
    }),
  );

/** The day before an ISO date, as an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A whole number above 0: classic zod's z.number().int().positive(). */
const positiveInt = z.int().check(z.positive());
const figureRange = z.object({ min: positiveInt, max: positiveInt });

/**
 * Figures a user copies from a licensed guideline they hold, per guideline version and body
 * region (the custom knowledge file's `figures` section). While that version governs, they do.
 */
export const UserFigureSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes')),
    /** The timeline guideline (mtus-timeline.json id) the figures are read from. */
    guideline: z.string(),
    /** Treatment id (treatments.json). */
    treatment: z.string(),
    /** Body regions they apply to; empty: any region the guideline governs. */
    bodyRegions: z._default(z.array(z.string()), []),
    trial: z.optional(figureRange),
    maximum: z.optional(figureRange),
    perWeek: z.optional(figureRange),
    /** Where in the guideline the figures are read (section or recommendation title). */
    section: z.string().check(z.minLength(2)),
    source,
  })
  .check(z.refine((f) => f.trial || f.maximum || f.perWeek, { message: 'a figure needs a trial, a maximum or a frequency (perWeek)' }));

export type Timeline = z.infer<typeof TimelineSchema>;
export type TimelineGuideline = z.infer<typeof TimelineGuidelineSchema>;
export type TimelineTopic = z.infer<typeof TimelineTopicSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type UserFigure = z.infer<typeof UserFigureSchema>;

/** Cross-references to the rest of the knowledge base: ids the timeline and figures name must exist. */
export function timelineProblems(
  t: Timeline,
  figures: UserFigure[],
  ids: { guidelines: Set<string>; citations: Set<string>; treatments: Set<string>; regions: Set<string> },
): string[] {
  const out: string[] = [];
  t.topics.forEach((x, i) => x.bodyRegions.forEach((r) => !ids.regions.has(r) && out.push(`timeline.topics.${i} (${x.id}): unknown body region "${r}"`)));
  t.guidelines.forEach((g, i) => {
    if (g.knowledgeGuideline && !ids.guidelines.has(g.knowledgeGuideline))
      out.push(`timeline.guidelines.${i} (${g.id}): unknown guideline "${g.knowledgeGuideline}"`);
    if (g.citation && !ids.citations.has(g.citation)) out.push(`timeline.guidelines.${i} (${g.id}): unknown citation "${g.citation}"`);
  });
  figures.forEach((f, i) => {
    const g = t.guidelines.find((x) => x.id === f.guideline);
    if (!g) out.push(`figures.${i} (${f.id}): unknown guideline "${f.guideline}" (an id of mtus-timeline.json, such as "acoem-low-back-2020")`);
    else if (!g.licensed) out.push(`figures.${i} (${f.id}): ${f.guideline} is not a licensed guideline; its figures are in the knowledge base already`);
    if (!ids.treatments.has(f.treatment)) out.push(`figures.${i} (${f.id}): unknown treatment "${f.treatment}"`);
    for (const r of f.bodyRegions) if (!ids.regions.has(r)) out.push(`figures.${i} (${f.id}): unknown body region "${r}"`);
  });
  return out;
}
