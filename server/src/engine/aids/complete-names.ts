import type { Knowledge } from '../../knowledge/knowledge';
import { appliedLimits, shortLimit } from './applied-limits';
import type { CompletionCandidate, CompletionFacts } from './completion-types';
import { limitLines } from './hover';

// Completing a treatment's name: the words reviewers read, with the figure it is held to.

// Aliases the parser accepts but a request should not be written with: a person, slang, or a
// word that names a device rather than a course of treatment.
const INFORMAL = new Set(['chiropractor', 'chiro', 'chirophysio', 'estim', 'e-stim', 'infrared', 'paraffin', 'spinolator', 'manipulation', 'traction']);

interface NameChoice {
  text: string;
  treatment: string;
  order: number;
}

const nameChoices = new WeakMap<Knowledge, NameChoice[]>();

function namesOf(kb: Knowledge): NameChoice[] {
  let list = nameChoices.get(kb);
  if (!list) {
    list = [];
    const seen = new Set<string>();
    for (const t of kb.data.treatments) {
      for (const a of t.aliases) {
        if (a.startsWith('/') || INFORMAL.has(a.toLowerCase()) || seen.has(a.toLowerCase())) continue;
        seen.add(a.toLowerCase());
        list.push({ text: a, treatment: t.id, order: list.length });
      }
    }
    nameChoices.set(kb, list);
  }
  return list;
}

/** Treatment names that continue the word (or words) being typed; undefined when no word is being typed. */
export function treatmentCompletions(prefix: string, base: number, kb: Knowledge, facts: CompletionFacts): CompletionCandidate[] | undefined {
  const word = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z-]*$/.exec(prefix);
  if (!word) return undefined;
  if (word[0].length < 2) return [];
  const lower = prefix.toLowerCase();
  const out: CompletionCandidate[] = [];
  for (const choice of namesOf(kb)) {
    const name = choice.text.toLowerCase();
    // The longest stretch before the cursor, starting at a word, that the name begins with:
    // "physical th" is replaced whole by "physical therapy".
    let from = -1;
    for (let k = Math.min(name.length, lower.length); k >= word[0].length; k--) {
      const at = lower.length - k;
      if (at > 0 && /[A-Za-z0-9]/.test(lower[at - 1])) continue;
      if (name.startsWith(lower.slice(at))) {
        from = at;
        break;
      }
    }
    if (from < 0 || lower.length - from === name.length) continue;
    const typed = prefix.slice(from);
    const insert = capitalised(choice.text, typed, prefix.slice(0, from));
    const t = kb.treatment(choice.treatment)!;
    const limits = appliedLimits(t.id, facts, kb);
    const limit = kb.limitFor(t.id, facts.edition);
    out.push({
      kind: 'treatment',
      label: insert,
      detail: limits.length ? `${t.name} · ${limits.map(shortLimit).join(', ')} ${t.unit} (${limits[0].citation})` : t.name,
      documentation: limit ? limitLines(limit, kb).join('\n') : undefined,
      insertText: insert,
      replace: { start: base + from, end: base + prefix.length },
      sortText: `1${String(choice.order).padStart(4, '0')}`,
    });
  }
  return out;
}

/** Standard wording, capitalised where a sentence or list line begins or the writer typed a capital. */
function capitalised(name: string, typed: string, before: string): string {
  const startsLine = /^\s*(?:[-*•]|\d{1,2}[.)]|[a-z][.)])?\s*$/.test(before) || /[.!?:]\s+$/.test(before);
  if (name !== name.toLowerCase()) return name; // "TENS unit", "H-wave" keep their capitals
  return startsLine || /^[A-Z]/.test(typed) ? name[0].toUpperCase() + name.slice(1) : name;
}
