import type { Citation, CorpusIndex, RequestedItem, Span } from '../types';
import type { Knowledge } from '../../knowledge/knowledge';
import type { CitationEntry, Limit } from '../../knowledge/schema';
import type { Analysis } from '../analyze';
import { readFrom } from '../explain';
import { completedFor, givenBefore } from '../judgements/completed-visits';
import { medicationHover } from './medication-hover';
import { mtusCitationLines, mtusItemLines } from '../mtus/hover-lines';
import { formularyHoverLines } from '../../formulary/hover-lines';
import { citationLabel } from '../wording/citation-label';
import { range } from '../wording/figures';

export interface HoverInfo {
  span: Span;
  /** Markdown for the editor; plain enough to read in a terminal too. */
  markdown: string;
}

const contains = (s: Span, offset: number) => offset >= s.start && offset <= s.end;

function quoteBlock(entry: CitationEntry, max = 2): string {
  return entry.quotes
    .slice(0, max)
    .map((q) => `> ${q.text.replace(/\s+/g, ' ')}\n>\n> — *${q.source}*`)
    .join('\n\n');
}

function describeCitation(c: Citation, kb: Knowledge): string {
  const g = c.guideline ? kb.guideline(c.guideline) : undefined;
  const where = [
    c.chapter !== undefined ? `chapter ${c.chapter}` : '',
    c.pages?.length ? (c.pages.length === 1 ? `page ${c.pages[0]}` : `pages ${c.pages[0]}-${c.pages[c.pages.length - 1]}`) : '',
    c.sections?.length ? `section${c.sections.length > 1 ? 's' : ''}: ${c.sections.join('; ')}` : '',
    c.regulation ?? '',
  ].filter(Boolean);
  const title = g
    ? `**${g.title}** (${g.edition === 'current' || g.edition === 'various' ? g.short : `${g.edition} edition`})`
    : '**Guideline not recognised**';
  return `${title}${where.length ? ` — ${where.join(', ')}` : ''}`;
}

/** "Cited in N decisions in the corpus: X upheld, Y overturned", and up to three examples. */
export function corpusCitationLines(ids: string[], corpus: CorpusIndex | undefined): string[] {
  if (!corpus) return [];
  const out: string[] = [];
  for (const id of ids) {
    const s = corpus.citations[id];
    if (!s) continue;
    out.push(`Cited in ${s.items} decision${s.items === 1 ? '' : 's'} in the corpus: ${s.upheld} upheld, ${s.overturned} overturned.`);
    for (const e of s.examples.slice(0, 3)) out.push(`- ${e.caseNumber}: ${e.item.length > 90 ? `${e.item.slice(0, 87)}…` : e.item} — **${e.outcome}**`);
  }
  if (!out.length) out.push(`Not cited in the ${corpus.letters} decisions of the corpus.`);
  return out;
}

export function citationHover(c: Citation, kb: Knowledge, corpus?: CorpusIndex): string {
  const lines = [describeCitation(c, kb)];
  if (c.resolved.length === 0) {
    lines.push(`Not found in the MTUS as indexed by mtus-lint (knowledge base ${kb.version}). Check the guideline, edition and page or section.`);
    if (c.guideline === 'odg')
      lines.push('ODG is not part of the MTUS: reviewers give the MTUS precedence wherever it addresses the treatment (8 CCR 9792.21.1).');
    return lines.join('\n\n');
  }
  for (const id of c.resolved.slice(0, 3)) {
    const entry = kb.citation(id)!;
    const g = kb.guideline(entry.guideline);
    lines.push(`**${entry.topic}** · ${citationLabel(kb, id)}${g?.regulation && !entry.regulations ? ` · ${g.regulation}` : ''}`);
    lines.push(quoteBlock(entry));
  }
  if (c.resolved.length > 3) lines.push(`…and ${c.resolved.length - 3} more entries.`);
  const evidence = corpusCitationLines(c.resolved.slice(0, 1), corpus);
  if (evidence.length) lines.push(evidence.join('\n'));
  return lines.join('\n\n');
}

export function limitLines(limit: Limit, kb: Knowledge): string[] {
  const g = kb.guideline(limit.guideline);
  const t = kb.treatment(limit.treatment);
  const unit = t?.unit ?? 'sessions';
  const out = [`**Limits** — ${g?.title ?? limit.guideline} (${g?.edition ?? ''}) · ${citationLabel(kb, limit.citation)}`];
  if (limit.trial) out.push(`- Trial: ${range(limit.trial)} ${unit}`);
  if (limit.maximum)
    out.push(`- Maximum: ${range(limit.maximum)} ${unit}${limit.extensionNeedsImprovement ? ' (continuing needs documented functional improvement)' : ''}`);
  if (limit.perWeek) out.push(`- Frequency: ${range(limit.perWeek)} a week`);
  if (limit.weeks) out.push(`- Duration: ${range(limit.weeks)} weeks`);
  if (!limit.maximum && limit.extensionNeedsImprovement) out.push('- Beyond the trial: only with documented functional improvement (8 CCR 9792.20(e))');
  for (const c of limit.conditions) out.push(`- ${c}`);
  out.push(`\nSource: ${limit.source}`);
  return out;
}

function itemHover(item: RequestedItem, analysis: Analysis, kb: Knowledge, text: string, corpus?: CorpusIndex): string {
  const t = kb.treatment(item.treatment);
  const q = item.quantity;
  const written = q ? text.slice(q.span.start, q.span.end).replace(/\s+/g, ' ') : '';
  const lines = [`**${t?.name ?? item.treatment}** — requested \`${written}\`: ${q?.reading ?? 'no quantity'}`, `*${readFrom(item)}*`];
  const regions = item.bodyRegions.map((r) => kb.region(r)?.name ?? r);
  lines.push(
    [
      `Body region: ${regions.length ? regions.join(', ') : 'not stated'}`,
      `extends a prior course: ${item.extendsPriorCourse ? 'yes' : 'no'}`,
      item.postsurgical ? 'postsurgical: judged by 8 CCR 9792.24.3, not the chronic pain limits' : '',
    ]
      .filter(Boolean)
      .join(' · '),
  );
  const limit = kb.limitFor(item.treatment, analysis.edition);
  if (limit) lines.push(limitLines(limit, kb).join('\n'), editionLine(analysis, kb, limit));
  lines.push(...mtusItemLines(item, analysis, kb)); // the MTUS in force on the document's date (issue 12)
  lines.push(evidenceLine(analysis, item));
  const fared = corpusTreatmentLine(item.treatment, kb, corpus);
  if (fared) lines.push(fared);
  return lines.join('\n\n');
}

const EDITION_REASON = {
  setting: 'chosen in the mtusLint.edition setting',
  document: "the edition this document's citations use",
  default: 'the edition the knowledge base holds most completely; choose another in the mtusLint.edition setting',
} as const;

/** Which Chronic Pain edition this document is judged by, and why. */
export function editionLine(analysis: Analysis, kb: Knowledge, limit: Limit): string {
  const own = kb.guideline(limit.guideline);
  if (own?.edition !== analysis.edition) return `*${own?.short ?? limit.guideline} is the only edition mtus-lint holds for this treatment.*`;
  const g = own;
  return `*Judged by the ${g?.short ?? analysis.edition} figures: ${EDITION_REASON[analysis.editionReason]}.*`;
}

const sum = (o: { upheld: number; overturned: number }) => o.upheld + o.overturned;

/** How requests for a treatment fared in the corpus, within and above its limit. */
export function corpusTreatmentLine(treatment: string, kb: Knowledge, corpus: CorpusIndex | undefined): string | undefined {
  const s = corpus?.treatments[treatment];
  if (!s) return undefined;
  const name = kb.treatment(treatment)?.name ?? treatment;
  const unit = kb.treatment(treatment)?.unit ?? 'sessions';
  const part = (label: string, o: { upheld: number; overturned: number }) =>
    sum(o) ? `${label}: ${o.upheld} of ${sum(o)} upheld (denied), ${o.overturned} overturned` : `${label}: none`;
  return [
    `**How ${name.toLowerCase()} requests fared in the corpus** (${corpus!.letters} IMR decisions):`,
    `- ${part(`within ${s.limit} ${unit}`, s.withinLimit)}`,
    `- ${part(`above ${s.limit} ${unit}`, s.aboveLimit)}`,
    ...(sum(s.aboveLimitWithoutImprovement) ? [`- ${part(`above ${s.limit} without documented functional improvement`, s.aboveLimitWithoutImprovement)}`] : []),
  ].join('\n');
}

/** A treatment name outside any request is read as that treatment for every body part. */
function evidenceLine(analysis: Analysis, item: Pick<RequestedItem, 'treatment' | 'postsurgical' | 'bodyRegions'>): string {
  const ev = analysis.evidence;
  const kinds = new Set(ev.mentions.map((m) => m.kind));
  const fi = ev.functionalImprovement
    ? `documented (${[...kinds].filter((k) => ['adl', 'work-status', 'medication-reduction', 'objective-measure'].includes(k)).join(', ')})`
    : kinds.has('pain-score')
      ? 'not documented (a pain score alone does not count)'
      : 'not documented';
  // Completed visits as the limits count them: same treatment, same body parts, PT and OT together.
  const done = completedFor(item, ev.priorCourses);
  const before = givenBefore(item, analysis.priorMentioned);
  const completed = done
    ? String(done)
    : before
      ? 'a course was given before, its count not stated'
      : analysis.firstCourses.includes(item.treatment)
        ? 'none (a first course, as the document says)'
        : 'none stated';
  return `**In this document:** functional improvement ${fi}; completed sessions: ${completed}; home exercise program: ${ev.homeProgram ? 'yes' : 'not mentioned'}.`;
}

/** What to show when the pointer rests at `offset`: a citation, a requested item, or a treatment name. */
export function hoverAt(analysis: Analysis, text: string, offset: number, kb: Knowledge, corpus?: CorpusIndex): HoverInfo | undefined {
  const c = analysis.citations.find((x) => contains(x.span, offset));
  if (c) return { span: c.span, markdown: [citationHover(c, kb, corpus), ...mtusCitationLines(c, analysis, kb)].join('\n\n') };
  const med = analysis.medications?.find((x) => contains(x.span, offset));
  if (med)
    return {
      span: med.span,
      markdown: [medicationHover(med, kb, (ids) => corpusCitationLines(ids, corpus)), ...formularyHoverLines(med, analysis, kb)].join('\n\n'),
    };
  const item = analysis.items.find((x) => contains(x.span, offset));
  if (item) return { span: item.span, markdown: itemHover(item, analysis, kb, text, corpus) };
  const m = analysis.mentions.find((x) => contains(x.span, offset));
  if (m) {
    const t = kb.treatment(m.treatment);
    const limit = kb.limitFor(m.treatment, analysis.edition);
    const fared = corpusTreatmentLine(m.treatment, kb, corpus);
    const body = [
      `**${t?.name ?? m.treatment}**`,
      ...(limit ? [limitLines(limit, kb).join('\n'), editionLine(analysis, kb, limit)] : []),
      evidenceLine(analysis, { treatment: m.treatment, postsurgical: false, bodyRegions: [] }),
      ...(fared ? [fared] : []),
    ];
    return { span: m.span, markdown: body.join('\n\n') };
  }
  return undefined;
}
