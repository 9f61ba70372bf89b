import type { Milestone, Timeline, TimelineGuideline, TimelineTopic, UserFigure } from './timeline-schema';

// Questions asked of the MTUS timeline, all by ISO date (YYYY-MM-DD, inclusive bounds): which
// version of a topic governed, what the MTUS was "as of", which Drug List version was current.

export const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/** "2021-11-23" → "11/23/2021", as the DWC writes dates. */
export function usDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${m}/${d}/${y}`;
}

const governs = (g: TimelineGuideline, iso: string) => g.status === 'adopted' && (!g.from || g.from <= iso) && (!g.until || iso <= g.until);

/** The version of a topic's guideline that governed on the date, if any did. */
export function governingVersion(t: Timeline, topic: string, iso: string): TimelineGuideline | undefined {
  return t.guidelines.find((g) => g.topic === topic && governs(g, iso));
}

/** True when the guideline (timeline id) governed on the date. */
export function governsOn(t: Timeline, id: string, iso: string): boolean {
  const g = t.guidelines.find((x) => x.id === id);
  return Boolean(g && governs(g, iso));
}

/**
 * The MTUS "as of" a date: the last day on or before it that an adoption took effect, and the
 * guidelines that took effect that day ("2021-11-23": ACOEM Low Back Disorders, 2/13/2020).
 */
export function mtusAsOf(t: Timeline, iso: string): { asOf: string; changed: TimelineGuideline[] } | undefined {
  let asOf: string | undefined;
  for (const g of t.guidelines) if (g.status === 'adopted' && g.from && g.from <= iso && (!asOf || g.from > asOf)) asOf = g.from;
  return asOf ? { asOf, changed: t.guidelines.filter((g) => g.status === 'adopted' && g.from === asOf) } : undefined;
}

/** The timeline guideline a knowledge-base guideline (guidelines.json id) is, on a date: the version in force, else its latest. */
export function timelineEntryFor(t: Timeline, knowledgeGuideline: string, iso?: string): TimelineGuideline | undefined {
  const all = t.guidelines.filter((g) => g.knowledgeGuideline === knowledgeGuideline);
  return (iso ? all.find((g) => governs(g, iso)) : undefined) ?? all[all.length - 1];
}

/** The topic whose guideline governs treatment of these body regions (the first that has one). */
export function topicForRegions(t: Timeline, regions: readonly string[]): TimelineTopic | undefined {
  for (const r of regions) {
    const topic = t.topics.find((x) => x.bodyRegions.includes(r));
    if (topic) return topic;
  }
  return undefined;
}

export function milestone(t: Timeline, id: string): Milestone | undefined {
  return t.milestones.find((m) => m.id === id);
}

/** True on and after a milestone's date. */
export function reached(t: Timeline, id: string, iso: string): boolean {
  const m = milestone(t, id);
  return Boolean(m && m.date <= iso);
}

/** "ACOEM Low Back Disorders (2/13/2020, MTUS from 11/23/2021)". */
export function describeVersion(g: TimelineGuideline): string {
  return `${g.name} (${g.version}${g.from ? `, MTUS from ${usDate(g.from)}` : ''})`;
}

/** The user's figures for a treatment and region that a version governing on the date carries. */
export function userFiguresOn(t: Timeline, figures: readonly UserFigure[], treatment: string, regions: readonly string[], iso: string): UserFigure[] {
  return figures.filter((f) => {
    if (f.treatment !== treatment || !governsOn(t, f.guideline, iso)) return false;
    const g = t.guidelines.find((x) => x.id === f.guideline)!;
    const topicRegions = t.topics.find((x) => x.id === g.topic)?.bodyRegions ?? [];
    const wanted = f.bodyRegions.length ? f.bodyRegions : topicRegions;
    return wanted.length === 0 || regions.some((r) => wanted.includes(r));
  });
}
