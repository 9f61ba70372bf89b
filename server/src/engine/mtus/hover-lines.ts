import type { Knowledge } from '../../knowledge/knowledge';
import { describeVersion, governingVersion, milestone, usDate, userFiguresOn } from '../../knowledge/timeline';
import type { Citation, RequestedItem } from '../types';
import type { AnalysisResult } from '../types';
import { citedVersions } from './current-citations';
import { dateReasonWords } from './in-force';
import { governingFor } from './superseded';

// What the hover adds about the MTUS in force: on a requested item, which MTUS governs it on
// the document's date and why that date; on a citation of today's MTUS, the version in force,
// who adopted it and where that was read.

/** The lines for a requested item, empty for an undated document (judged as before). */
export function mtusItemLines(item: RequestedItem, analysis: Pick<AnalysisResult, 'mtus'>, kb: Knowledge): string[] {
  const m = analysis.mtus;
  if (!m?.date || !kb.data.timeline) return [];
  const out = [`**MTUS in force:** ${m.explanation} — the date is ${dateReasonWords(m)}.`];
  if (!m.acoem) return out;
  const t = kb.data.timeline;
  if (item.treatment === 'acupuncture' || item.postsurgical) {
    const g = governingVersion(t, item.postsurgical ? 'postsurgical' : 'acupuncture', m.date);
    if (g) out.push(`Governing guideline: ${describeVersion(g)}${g.regulation ? `, ${g.regulation}` : ''}: its figures above still apply.`);
    return out;
  }
  const g = governingFor(kb, m, item.bodyRegions);
  const mine = userFiguresOn(t, kb.data.figures, item.treatment, item.bodyRegions, m.date);
  const rebase = usDate(milestone(t, 'acoem-rebase')?.date ?? '2017-12-01');
  out.push(
    mine.length
      ? `Governing guideline: ${g ? describeVersion(g) : 'the ACOEM guideline in force'}; judged by your knowledge file's figures from it (${mine.map((f) => f.section).join('; ')}).`
      : `Governing guideline: ${g ? describeVersion(g) : 'the ACOEM guideline in force'}. The Chronic Pain figures above were superseded on ${rebase} and are shown for reference; add the governing guideline's figures to your knowledge file to have them checked.`,
  );
  return out;
}

/** The lines for a citation of today's MTUS (an ACOEM guideline or the Drug List). */
export function mtusCitationLines(c: Citation, analysis: Pick<AnalysisResult, 'mtus'>, kb: Knowledge): string[] {
  const t = kb.data.timeline;
  const m = analysis.mtus;
  if (!t || (c.guideline !== 'mtus-acoem' && c.guideline !== 'mtus-drug-list')) return [];
  if (c.guideline === 'mtus-drug-list') {
    const v = c.edition ? t.drugListVersions.find((x) => x.version === c.edition) : undefined;
    const imported = m?.drugList
      ? `Imported: v${m.drugList.version}${m.drugList.effective ? ` (effective ${usDate(m.drugList.effective)})` : ''}, in force on this document's date.`
      : m && m.drugListsImported
        ? "No imported version was in force on this document's date."
        : 'Not imported: run "mtus-lint: Import the MTUS Drug List" with the list downloaded from the DWC to have requested drugs checked against it.';
    return [`**MTUS Drug List**${v ? ` v${v.version}, effective ${usDate(v.effective)} (${v.source})` : ''}. ${imported}`];
  }
  const v = m?.date ? citedVersions(c, kb, m.date) : undefined;
  const g = v?.cited ?? v?.governing;
  if (!g) return [];
  const facts = [`**${describeVersion(g)}**`, g.regulation, g.adoptedBy, `source: ${g.source}`].filter(Boolean).join(' · ');
  const lines = [facts];
  if (v?.governing && v.governing.id !== g.id) lines.push(`On this document's date (${m!.date}) the MTUS held ${describeVersion(v.governing)} instead.`);
  lines.push("ACOEM's text is licensed: mtus-lint holds the guideline's name, versions and adoption, not its words or figures.");
  return lines;
}
