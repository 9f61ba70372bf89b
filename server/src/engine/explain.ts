import type { Knowledge } from '../knowledge/knowledge';
import type { Analysis } from './analyze';
import { lineStarts, offsetToPosition } from './positions';
import type { PriorCourse, RequestedItem, Span } from './types';

// How a document was read, in words a user can check against the page: its passages and their
// roles, the form's boxes and fields, each requested item with its treatment, quantity and
// body parts and the words that made it a request, and the courses it counts as completed.
// The CLI prints it for --explain; the item hover gives the short form (readingOf).

const ROLE_NAMES: Record<string, string> = {
  request: 'request or plan (what is asked for now)',
  history: 'history (treatment to date, findings)',
  guideline: 'guideline quotation',
  denial: 'the UR decision as quoted',
  diagnosis: 'diagnosis',
  header: 'form header',
  narrative: 'prose (read by its own words)',
};

const UNIT_NAMES: Record<string, string> = {
  'table-row': 'a row of the request table',
  'field-block': 'request fields',
  'list-item': 'a list item',
  line: 'a line',
  sentence: 'a sentence',
};

const oneLine = (s: string, max = 70) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** Where an item was read as a request: "Read as a request from a row of the request table under "REQUESTED TREATMENT"". */
export function readFrom(item: RequestedItem): string {
  if (!item.unit) return 'Read as a request from the text';
  return `Read as a request from ${UNIT_NAMES[item.unit] ?? item.unit}${item.cue ? ` under "${oneLine(item.cue, 50)}"` : ''}`;
}

/** "acupuncture: 2x/wk 4 wks 8 = 8 sessions; low back; from a row of the request table under REQUESTED TREATMENT". */
export function readingOf(item: RequestedItem, kb: Knowledge): string {
  const name = kb.treatment(item.treatment)?.name ?? item.treatment;
  const q = item.quantity ? item.quantity.reading : 'no quantity';
  const regions = item.bodyRegions.map((r) => kb.region(r)?.name.replace(/\s*\(.*\)$/, '') ?? r).join(', ') || 'no body part';
  const from = item.unit ? `${UNIT_NAMES[item.unit] ?? item.unit}${item.cue ? ` under "${item.cue}"` : ''}` : 'the text';
  const flags = [item.extendsPriorCourse ? 'an extension of a prior course' : '', item.postsurgical ? 'postsurgical' : ''].filter(Boolean).join(', ');
  return `${name} (written "${oneLine(item.treatmentText, 40)}"): ${q}; ${regions}; read as a request from ${from}${flags ? `; ${flags}` : ''}`;
}

function priorLine(p: PriorCourse, kb: Knowledge): string {
  const name = kb.treatment(p.treatment)?.name ?? p.treatment;
  const regions = p.regions?.length ? `, ${p.regions.join(', ')}` : '';
  return `${p.count} ${name} (written "${oneLine(p.text ?? '', 40)}"${regions})${p.postsurgical ? ', postsurgical' : ''}`;
}

/** The full reading of a document, one line per fact, each with its line number. */
export function explain(text: string, analysis: Analysis, kb: Knowledge): string[] {
  const starts = lineStarts(text);
  const at = (s: Span) => `L${offsetToPosition(starts, s.start).line + 1}`;
  const out: string[] = [];
  const st = analysis.structure;
  out.push(
    `Read as: ${analysis.kind === 'appeal' ? 'an IMR appeal letter' : 'a treatment request'}${st.hasRequestStructure ? ', with a request part (table, fields or list): only that part yields requested items' : ', with no request part: each sentence is read by its own words'}`,
  );
  if (st.sections.length) {
    out.push('Passages:');
    for (const s of st.sections) out.push(`  ${at(s.headingSpan)} "${oneLine(s.heading, 50)}": ${ROLE_NAMES[s.role] ?? s.role}`);
  }
  const labelled = st.units.filter((u) => u.kind === 'sentence' && u.cue && !st.sections.some((s) => s.heading === u.cue));
  const seenCue = new Set<string>();
  for (const u of labelled) {
    if (seenCue.has(`${u.cue}|${u.role}`)) continue;
    seenCue.add(`${u.cue}|${u.role}`);
    out.push(`  ${at(u.span)} label "${u.cue}": ${ROLE_NAMES[u.role] ?? u.role}`);
  }
  if (st.checkboxes.length) {
    out.push('Boxes:');
    for (const c of st.checkboxes) out.push(`  ${at(c.box)} [${c.checked ? 'X' : ' '}] ${oneLine(text.slice(c.label.start, c.label.end), 60)}`);
  }
  const fields = st.fields.filter((f) => f.kind !== 'other');
  if (fields.length) {
    out.push('Fields:');
    for (const f of fields) out.push(`  ${at(f.label)} ${f.kind}: ${f.blank ? '(left blank)' : oneLine(text.slice(f.value.start, f.value.end), 60)}`);
  }
  out.push(analysis.items.length ? 'Requested items:' : 'Requested items: none');
  for (const i of analysis.items) out.push(`  ${at(i.span)} ${readingOf(i, kb)}`);
  if (analysis.medications?.length) {
    out.push('Requested medications:');
    for (const m of analysis.medications)
      out.push(
        `  ${at(m.span)} ${oneLine(text.slice(m.span.start, m.span.end), 60)}${m.supply ? ` (${m.supply.days} days)` : ''}${m.ongoing ? ', continued' : ''}`,
      );
  }
  if (analysis.evidence.priorCourses.length) {
    out.push('Completed courses (from history):');
    for (const p of analysis.evidence.priorCourses) out.push(`  ${at(p.span)} ${priorLine(p, kb)}`);
  }
  if (analysis.firstCourses.length)
    out.push(`First courses (the document says never had): ${analysis.firstCourses.map((t) => kb.treatment(t)?.name ?? t).join(', ')}`);
  const fi = analysis.evidence.mentions.filter((m) => m.kind !== 'pain-score' && m.kind !== 'negated-improvement');
  out.push(
    `Functional improvement: ${analysis.evidence.functionalImprovement ? `documented (${[...new Set(fi.map((m) => m.kind))].join(', ')})` : 'not documented'}`,
  );
  return out;
}
