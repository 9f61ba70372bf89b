import type { Knowledge } from '../../knowledge/knowledge';
import type { MedicationItem } from '../types';
import { citationFor, describe, supplyReading } from '../rules/medication-common';

// Hover on a requested medication: how its supply was read, what the guideline allows for its
// class and in which edition, the guideline's words, and how the citation fared in IMR.

/** What the guideline allows for a class, as a sentence's predicate ("muscle relaxants ..."). */
function allows(requires: string, days?: { min: number; max: number }): string {
  const span = days ? (days.min === days.max ? `${days.max} days` : `${days.min}–${days.max} days`) : '';
  switch (requires) {
    case 'short-course':
      return `are for a short course: ${span} at most`;
    case 'short-term':
      return `are for short-term relief at the lowest dose: past ${days?.max ?? ''} days a reason is needed`;
    case 'gi-risk':
      return 'are for patients with a GI risk factor';
    case 'monitoring':
      return 'need documented pain relief, function, adverse effects, aberrant behavior, urine drug testing and a CURES check or risk assessment';
    case 'failed-first-line':
      return 'are mainly for neuropathic pain after antidepressants and anticonvulsants have failed';
    case 'osteoarthritis':
      return 'are for osteoarthritis pain in joints';
    default:
      return '';
  }
}

export function medicationHover(item: MedicationItem, kb: Knowledge, corpusLines: (ids: string[]) => string[]): string {
  const klass = kb.drugClass(item.class);
  const what = describe(item, kb);
  const reading = supplyReading(item, kb);
  const lines = [
    `**${what.charAt(0).toUpperCase()}${what.slice(1)}** — ${klass?.name ?? item.class}, ${item.route}${item.postOp ? ', post-op' : ''}${item.retrospective ? ', retrospective' : ''}`,
  ];
  lines.push(
    reading
      ? `Read as: ${reading}.`
      : item.quantity
        ? 'No dosing or days written, so no days of supply are counted.'
        : 'No quantity written, so no days of supply are counted.',
  );
  if (klass && klass.requires !== 'none' && klass.citation) {
    const citation = citationFor(kb, item, klass);
    const entry = kb.citation(citation.id);
    const g = entry ? kb.guideline(entry.guideline) : undefined;
    lines.push(`**Limits** — ${citation.label}: ${klass.plural} ${allows(klass.requires, klass.durationDays)}. To support the request: ${klass.advice ?? ''}.`);
    if (entry?.quotes[0]) lines.push(`> ${entry.quotes[0].text.replace(/\s+/g, ' ')}\n>\n> — *${entry.quotes[0].source}*`);
    if (g) lines.push(`*Judged by ${g.short}: the edition mtus-lint holds for this medication.*`);
    const fared = corpusLines([citation.id]);
    if (fared.length) lines.push(fared.join('\n'));
  }
  return lines.join('\n\n');
}
