import type { Knowledge } from '../../knowledge/knowledge';
import type { CitationEntry } from '../../knowledge/schema';
import { citationChoices } from '../wording/citation-forms';
import type { CompletionCandidate, CompletionFacts } from './completion-types';

// Completing a citation: once the writer types "MTUS", "ACOEM", "8 CCR" or "Labor Code", the
// knowledge base's citations of that family in the form of their edition.

type Family = 'mtus' | 'acoem' | 'cpmtg' | 'ccr' | 'labor';

// A citation being written after its opening word, up to a sentence's end ("9792.24" goes on).
const TRIGGER = /(?<![A-Za-z0-9])(MTUS|ACOEM|CPMTG|8\s*CCR|CCR|Lab(?:or|\.)\s+Code)(?![A-Za-z0-9])((?:[^\n.;]|\.(?=\d)){0,40})$/i;
const PARTIAL: [string, Family][] = [
  ['mtus', 'mtus'],
  ['acoem', 'acoem'],
  ['cpmtg', 'cpmtg'],
  ['ccr', 'ccr'],
];

function familyOf(trigger: string): Family {
  const t = trigger.toLowerCase();
  if (t === 'mtus') return 'mtus';
  if (t === 'acoem') return 'acoem';
  if (t === 'cpmtg') return 'cpmtg';
  if (/ccr$/.test(t)) return 'ccr';
  return 'labor';
}

const OUTSIDE_MTUS = new Set(['odg', 'acoem-3', 'labor-code']);

function inFamily(e: CitationEntry, family: Family): boolean {
  switch (family) {
    case 'mtus':
      return !OUTSIDE_MTUS.has(e.guideline);
    case 'acoem':
      return e.guideline === 'acoem-2';
    case 'cpmtg':
      return e.guideline.startsWith('cpmtg-');
    case 'ccr':
      return (e.regulations ?? []).some((r) => r.startsWith('8 CCR'));
    case 'labor':
      return e.guideline === 'labor-code';
  }
}

/**
 * Citation entries after "MTUS", "ACOEM", "CPMTG", "8 CCR" or "Labor Code" (or while one of the
 * first four is being typed). Undefined when the line is not writing a citation.
 */
export function citationCompletions(prefix: string, base: number, line: string, kb: Knowledge, facts: CompletionFacts): CompletionCandidate[] | undefined {
  let family: Family;
  let from: number;
  // The editor matches what is typed from `from` on against filterText: it starts with the
  // trigger word in full, so "MT", "MTUS" and "MTUS mass" all keep the list.
  let trigger: string;
  const full = TRIGGER.exec(prefix);
  if (full) {
    family = familyOf(full[1].replace(/\s+/g, ' '));
    from = full.index;
    trigger = full[1];
  } else {
    const word = /(?<![A-Za-z0-9])[A-Za-z]{2,5}$/.exec(prefix);
    const hit = word && PARTIAL.find(([w]) => w.startsWith(word[0].toLowerCase()));
    if (!word || !hit) return undefined;
    family = hit[1];
    from = word.index;
    trigger = hit[0].toUpperCase();
  }
  const named = new Set<string>();
  for (const m of line.matchAll(new RegExp(kb.treatmentPattern.source, 'gi'))) {
    const t = kb.treatmentOf(m[0]);
    if (t) named.add(t.id);
  }
  const out: CompletionCandidate[] = [];
  for (const choice of citationChoices(kb)) {
    const e = choice.entry;
    if (!inFamily(e, family)) continue;
    const g = kb.guideline(e.guideline);
    // The document's own edition first, and entries for a treatment named on this line.
    const otherEdition = g && g.edition !== facts.edition && kb.data.guidelines.some((x) => x !== g && x.title === g.title) ? 1 : 0;
    const onLine = e.treatments.some((t) => named.has(t)) ? 0 : 2;
    const insert = family === 'ccr' && choice.regulationText ? choice.regulationText : choice.text;
    out.push({
      kind: 'citation',
      label: choice.label,
      detail: choice.detail,
      documentation: `${choice.quote}\n\nInserts: \`${insert}\``,
      insertText: insert,
      replace: { start: base + from, end: base + prefix.length },
      filterText: `${trigger} ${choice.label} ${insert}`,
      // Before everything once the trigger is typed; while it may still be a treatment's first
      // letters ("ac"), after the treatment names.
      sortText: `${full ? 0 : 3}${onLine + otherEdition}${String(choice.order).padStart(3, '0')}`,
    });
  }
  return out;
}
