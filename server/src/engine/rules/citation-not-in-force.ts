import { describeVersion, governingVersion, timelineEntryFor, usDate } from '../../knowledge/timeline';
import type { TimelineGuideline } from '../../knowledge/timeline-schema';
import { formatDate } from '../parse/dates';
import { citedVersions } from '../mtus/current-citations';
import type { Citation, FixData } from '../types';
import type { Rule, RuleContext } from './rule';

// A citation of a guideline that did not govern on the document's date: a CPMTG page in a 2026
// request, ACOEM's 2nd-edition chapters after 12/1/2017, or an ACOEM version not yet (or no
// longer) the MTUS's. Read for documents dated from the 12/1/2017 rebase; before it, letters
// cited the guidelines of their time and are read as they always were.

// What replaced each pre-2017 guideline: the timeline topic whose current version to cite.
const ACOEM_CHAPTER_TOPIC: Record<number, string> = {
  8: 'neck-upper-back',
  9: 'shoulder',
  10: 'elbow',
  11: 'hand-wrist-forearm',
  12: 'low-back',
  13: 'knee',
  14: 'ankle-foot',
};

function successorTopic(c: Citation): string | undefined {
  if (c.guideline === 'cpmtg-2009' || c.guideline === 'cpmtg-2016') return 'chronic-pain';
  if (c.guideline === 'opioids-mtg-2016') return 'opioids';
  if (c.guideline === 'acoem-2' && c.chapter !== undefined) return ACOEM_CHAPTER_TOPIC[c.chapter];
  return undefined;
}

/** How today's MTUS cites a guideline version: "MTUS (ACOEM) Low Back Disorders Guideline (2/13/2020)". */
export const currentCitationText = (g: TimelineGuideline) => `MTUS (ACOEM) ${g.name.replace(/^ACOEM\s+/, '')} Guideline (${g.version})`;

function fixTo(c: Citation, g: TimelineGuideline | undefined): FixData | undefined {
  if (!g?.licensed) return undefined;
  // Uncertain: the writer still has to find the section of the new guideline that applies.
  return { title: `Cite ${describeVersion(g)}`, certain: false, edits: [{ span: c.span, newText: currentCitationText(g) }] };
}

function judge(c: Citation, ctx: RuleContext): { message: string; fix?: FixData } | undefined {
  const t = ctx.kb.data.timeline;
  const m = ctx.doc.mtus;
  if (!t || !m?.acoem || !m.date) return undefined;
  const dated = formatDate(new Date(`${m.date}T00:00:00Z`));
  const cited = c.text.replace(/\s+/g, ' ').trim();
  if (c.guideline === 'mtus-acoem') {
    const v = citedVersions(c, ctx.kb, m.date);
    if (!v?.cited || !v.governing || v.cited.id === v.governing.id) return undefined;
    const when =
      v.cited.from && v.cited.from > m.date
        ? `it became the MTUS on ${usDate(v.cited.from)}`
        : v.cited.status === 'proposed'
          ? 'it was proposed, and its adoption is not found'
          : `it governed until ${usDate(v.cited.until ?? v.governing.from!)}`;
    return { message: `"${cited}" did not govern on ${dated} (${when}); cite ${describeVersion(v.governing)}`, fix: fixTo(c, v.governing) };
  }
  if (c.guideline === 'mtus-drug-list' && c.edition) {
    const version = t.drugListVersions.find((x) => x.version === c.edition);
    const inForce = [...t.drugListVersions].reverse().find((x) => x.effective <= m.date!);
    if (!version || version.effective <= m.date) return undefined;
    return {
      message: `"${cited}" took effect ${usDate(version.effective)}, after this document's date (${dated}); cite the Drug List in force then${inForce ? `, v${inForce.version} (effective ${usDate(inForce.effective)})` : ''}`,
    };
  }
  const old = c.guideline ? timelineEntryFor(t, c.guideline, m.date) : undefined;
  if (!old || !old.until || old.until >= m.date) return undefined;
  const topic = successorTopic(c);
  const now = topic ? governingVersion(t, topic, m.date) : undefined;
  const name = ctx.kb.guideline(c.guideline!)?.short ?? old.name;
  return {
    message: `"${cited}" cites ${name}, which stopped governing on ${usDate(old.until)}; this document is dated ${dated}: ${now ? `cite ${describeVersion(now)}` : 'cite the MTUS (ACOEM) guideline in force on that date'}`,
    fix: fixTo(c, now),
  };
}

export const citationNotInForce: Rule = {
  id: 'citation-not-in-force',
  summary: "A guideline citation that did not govern on the document's date (a CPMTG page in a request dated after 12/1/2017).",
  defaultSeverity: 'warning',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      "A citation of a guideline that did not govern on the document's date (a 2009 CPMTG page in a 2026 request); the quick fix cites the version that did.",
    flags: "A citation of a guideline, ACOEM version or Drug List version that did not govern on the document's date (documents dated from 12/1/2017)",
    figures: 'mtus-timeline.json (AD orders, DWC MTUS page, Drug List versions)',
    fix: 'Writes the citation of the version that governed (not applied by "fix all")',
  },
  check(ctx) {
    if (!ctx.doc.mtus?.acoem) return [];
    return ctx.doc.citations.flatMap((c) => {
      const v = judge(c, ctx);
      return v ? [{ span: c.span, message: v.message, fix: v.fix }] : [];
    });
  },
};
