import type { Knowledge } from '../../knowledge/knowledge';

// How a finding, a hover or an aid names a knowledge-base citation in a few words: the
// regulation, the guideline's page, or its section. The long form a writer puts into a letter
// is citation-forms.ts beside it.

// Asked for the same few citations by every finding of every analysis: worked out once per
// knowledge base.
const labels = new WeakMap<Knowledge, Map<string, string>>();

export function citationLabel(kb: Knowledge, citationId: string): string {
  let known = labels.get(kb);
  if (!known) labels.set(kb, (known = new Map()));
  let label = known.get(citationId);
  if (label === undefined) known.set(citationId, (label = labelOf(kb, citationId)));
  return label;
}

function labelOf(kb: Knowledge, citationId: string): string {
  const entry = kb.citation(citationId);
  if (!entry) return citationId;
  const g = kb.guideline(entry.guideline);
  if (entry.regulations?.length && (g?.citedBy === 'regulation' || !entry.pages?.length)) {
    // A guideline adopted as a regulation names its edition by year ("8 CCR 9792.24.1, 2007");
    // statutes and the MTUS's own definitions are simply current.
    return g && /^\d{4}$/.test(g.edition) ? `${entry.regulations[0]}, ${g.edition}` : entry.regulations[0];
  }
  if (entry.pages?.length && g?.citedBy === 'page') {
    const ps = entry.pages;
    const pages = ps.length === 1 ? `p. ${ps[0]}` : `pp. ${ps[0]}-${ps[ps.length - 1]}`;
    return `${g.short} ${entry.chapter ? `ch. ${entry.chapter} ` : ''}${pages}`;
  }
  return `${g?.short ?? entry.guideline}, ${entry.sections?.[0] ?? entry.topic}`;
}

/** What a finding cites: the entry, named as citationLabel names it. */
export function citationRef(kb: Knowledge, citationId: string): { id: string; label: string } {
  return { id: citationId, label: citationLabel(kb, citationId) };
}
