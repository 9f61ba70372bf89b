import type { Knowledge } from '../../knowledge/knowledge';
import type { CitationEntry, Guideline } from '../../knowledge/schema';
import { findCitations } from '../parse/citations';
import { citationLabel } from './citation-label';

// Each knowledge-base citation written the way letters cite it in its edition, with its label
// and quotation, for completion (and for any aid that writes a citation into a document).

export interface CitationChoice {
  entry: CitationEntry;
  text: string;
  /** The same entry written from its 8 CCR section, for a writer who typed "8 CCR". */
  regulationText?: string;
  label: string;
  detail: string;
  /** Markdown: the topic, where it is, and the entry's first quotation with its source. */
  quote: string;
  order: number;
}

const citationCache = new WeakMap<Knowledge, CitationChoice[]>();

/**
 * Every knowledge-base citation in the form of its edition, kept only when mtus-lint reads it
 * back as that entry: a completion must never write a citation the checks then flag.
 */
export function citationChoices(kb: Knowledge): CitationChoice[] {
  let list = citationCache.get(kb);
  if (list) return list;
  list = [];
  for (const e of kb.data.citations) {
    if (e.guideline === 'odg' || e.guideline === 'acoem-3') continue;
    const readsBack = (t: string | undefined) => t !== undefined && findCitations(t, kb).some((c) => c.resolved.includes(e.id));
    const text = citationText(e, kb);
    if (!readsBack(text)) continue;
    const byRegulation = regulationText(e, kb);
    const g = kb.guideline(e.guideline);
    const where = citationLabel(kb, e.id);
    const topic = plainTopic(e);
    // A section-cited entry is named by its section already ("CPMTG 2016, Massage therapy").
    const named = [topic, e.sections?.[0]].some((n) => n && where.toLowerCase().includes(n.toLowerCase()));
    const label = named ? where : `${where} — ${topic}`;
    const edition = g && /^\d{4}$/.test(g.edition) ? `${g.edition} edition` : g?.edition === 'current' ? 'current' : (g?.short ?? '');
    const q = e.quotes[0];
    const quote = `**${e.topic}** · ${where}\n\n> ${q.text.replace(/\s+/g, ' ')}\n>\n> — *${q.source}*`;
    list.push({
      entry: e,
      text: text!,
      regulationText: readsBack(byRegulation) ? byRegulation : undefined,
      label,
      detail: `${g?.title ?? e.guideline} (${edition})`,
      quote,
      order: list.length,
    });
  }
  citationCache.set(kb, list);
  return list;
}

/** The topic without a closing parenthetical: "Elbow Disorders (2007 revision; ...)" → "Elbow Disorders". */
const plainTopic = (e: CitationEntry) => e.topic.replace(/\s*\((?:[^()]|\([^)]*\))*\)\s*$/, '');

/** Pages as a writer lists them: "page 60", "pages 58-59", "pages 204, 213-214". */
function pageText(pages: number[]): string {
  const sorted = [...new Set(pages)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(j > i ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}`);
    i = j + 1;
  }
  return `${sorted.length > 1 ? 'pages' : 'page'} ${runs.join(', ')}`;
}

/**
 * How letters cite an entry in its edition: the 2009 guideline and ACOEM by page, the 2016
 * guideline by section name, the guidelines adopted as regulations (acupuncture, postsurgical,
 * opioids) by name and section of 8 CCR, the regulations and statutes by section. The same
 * words as the guideline browser writes (features/guidelines.ts), so both aids agree.
 */
export function citationText(e: CitationEntry, kb: Knowledge): string | undefined {
  const g = kb.guideline(e.guideline);
  if (!g) return undefined;
  const regulation = e.regulations?.[0];
  const year = /^\d{4}$/.test(g.edition) ? g.edition : undefined;
  switch (g.id) {
    case 'cpmtg-2009':
      if (e.pages?.length) return `MTUS Chronic Pain Medical Treatment Guidelines (2009), ${e.sections?.[0] ?? e.topic}, ${pageText(e.pages)}`;
      if (e.sections?.length) return `MTUS Chronic Pain Medical Treatment Guidelines (2009), Section(s): ${e.sections[0]}`;
      return 'MTUS Chronic Pain Medical Treatment Guidelines (2009)';
    case 'cpmtg-2016':
      // 2016 is cited by section name, even where the knowledge base also knows the page.
      if (e.sections?.length) return `MTUS Chronic Pain Medical Treatment 2016, Section(s): ${e.sections[0]}`;
      return 'MTUS Chronic Pain Medical Treatment Guidelines (2016)';
    case 'acoem-2':
      if (e.chapter !== undefined)
        return `ACOEM Practice Guidelines, 2nd Edition (2004), Chapter ${e.chapter}, ${plainTopic(e)}${e.pages?.length ? `, ${pageText(e.pages)}` : ''}`;
      if (e.sections?.length) return `MTUS ACOEM General Approaches (2004), Section(s): ${e.sections[0]}`;
      break;
    case 'mtus-acoem':
      // Today's MTUS: the ACOEM guideline by name; its version is the one in force on the document's date.
      return `MTUS (ACOEM) ${e.sections?.[0] ?? plainTopic(e)} Guideline`.replace(/ Guideline Guideline$/, ' Guideline');
    case 'mtus-drug-list':
      if (e.wholeGuideline) return 'MTUS Drug List';
      break;
    case 'acupuncture-mtg':
    case 'postsurgical-mtg':
    case 'opioids-mtg-2016':
      return `MTUS ${g.title}${year ? ` (${year})` : ''}${regulation ? `, ${regulation}` : ''}`;
  }
  return regulation;
}

/** The same entry written from its 8 CCR section, when it has one that reads back as the entry. */
function regulationText(e: CitationEntry, kb: Knowledge): string | undefined {
  const g = kb.guideline(e.guideline);
  const regulation = e.regulations?.find((r) => r.startsWith('8 CCR'));
  return g && regulation ? regulationForm(e, g, regulation) : undefined;
}

/** "8 CCR 9792.23.5 (ACOEM Chapter 12, Low Back Complaints)", "8 CCR 9792.24.1 (Acupuncture Medical Treatment Guidelines, 2007)", "8 CCR 9792.20(e)". */
function regulationForm(e: CitationEntry, g: Guideline, regulation: string): string {
  if (g.id === 'acoem-2' && e.chapter !== undefined) return `${regulation} (ACOEM Chapter ${e.chapter}, ${plainTopic(e)})`;
  return /^\d{4}$/.test(g.edition) ? `${regulation} (${g.title}, ${g.edition})` : regulation;
}
