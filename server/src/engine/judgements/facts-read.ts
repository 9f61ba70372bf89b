import { documentFacts, type DocumentFacts } from '../parse/document-facts';
import type { RuleContext } from '../rules/rule';

// The document facts a judgement read (the date of injury, the employer's written authorization,
// the pain relief), with the values it saw: a judgement kept from the last version of a document
// (verdict-memo.ts) stands only while each of them still reads the same. A judgement asked
// inside another (the visit cap inside a therapy verdict) passes its reads on to the outer one,
// also when its answer comes from a cache (per-item.ts).

export type FactName = 'injuryDate' | 'employerAuthorized' | 'painRelief';
export type FactsRead = Map<FactName, unknown>;

let recording: FactsRead | undefined;

/** A document fact, noted as read by the judgement being recorded. */
export function fact<K extends FactName>(ctx: Pick<RuleContext, 'text' | 'doc' | 'kb' | 'find'>, name: K): DocumentFacts[K] {
  const value = documentFacts(ctx)[name];
  recording?.set(name, value);
  return value;
}

/** Runs `judge`, returning its answer and the facts it read (also passed on to an enclosing recording). */
export function recordFacts<T>(judge: () => T): { value: T; read: FactsRead } {
  const outer = recording;
  const read: FactsRead = new Map();
  recording = read;
  try {
    return { value: judge(), read };
  } finally {
    recording = outer;
    replayFacts(read);
  }
}

/** Notes facts read earlier (a cached judgement's) as read by the judgement being recorded. */
export function replayFacts(read: FactsRead): void {
  if (recording) for (const [k, v] of read) recording.set(k, v);
}

/** Whether every fact in `read` still has the value it had, in this analysis (`ctx`). */
export function factsStill(read: FactsRead, ctx: Pick<RuleContext, 'text' | 'doc' | 'kb' | 'find'>): boolean {
  for (const [name, was] of read) {
    const now = fact(ctx, name);
    if (now === was) continue;
    // A date read again is a new Date; anything else that differs (a pain relief, found at its own place) counts as changed.
    if (!(now instanceof Date && was instanceof Date && now.getTime() === was.getTime())) return false;
  }
  return true;
}
