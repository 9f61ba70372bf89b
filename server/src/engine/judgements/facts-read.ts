import { documentFacts, type DocumentFacts } from '../parse/document-facts';
import type { RuleContext } from '../rules/rule';

// The document facts a judgement read (the date of injury, the employer's written authorization,
// the pain relief), with the values it saw: a judgement kept from the last version of a document
// (verdict-memo.ts) stands only while each of them still reads the same. A judgement asked
// inside another (the visit cap inside a therapy verdict) passes its reads on to the outer one,
// also when its answer comes from a cache (per-item.ts).

export type FactName = 'injuryDate' | 'employerAuthorized' | 'painRelief';
export type FactsRead = ReadonlyMap<FactName, unknown>;

/** What a judgement read when it read no fact, as most do: one map for all of them, not one each. */
const NONE: FactsRead = new Map();

/** The judgement being recorded: its reads, made when it makes its first (a long form's thousands of items each judged by three memos). */
interface Recording {
  read?: Map<FactName, unknown>;
}
let recording: Recording | undefined;

const note = (name: FactName, value: unknown) => {
  if (recording) (recording.read ??= new Map()).set(name, value);
};

/**
 * What of a fact a judgement's answer depends on, as a value compared with ===: a date's time (a
 * date read again is a new Date); a pain relief's words, not where it stands (the verdict quotes
 * them; the fill-in placed after it is made again each analysis: therapy-verdict.ts).
 */
function seen(name: FactName, value: unknown): unknown {
  if (value instanceof Date) return value.getTime();
  if (name === 'painRelief') return value ? ((value as { quote?: string }).quote ?? '') : undefined;
  return value;
}

/** A document fact, noted as read by the judgement being recorded. */
export function fact<K extends FactName>(ctx: Pick<RuleContext, 'text' | 'doc' | 'kb' | 'find'>, name: K): DocumentFacts[K] {
  const value = documentFacts(ctx)[name];
  if (recording) note(name, seen(name, value));
  return value;
}

/** Runs `judge`, returning its answer and the facts it read (also passed on to an enclosing recording). */
export function recordFacts<T>(judge: () => T): { value: T; read: FactsRead } {
  const outer = recording;
  const mine: Recording = {};
  recording = mine;
  let value: T;
  try {
    value = judge();
  } finally {
    recording = outer;
  }
  const read = mine.read ?? NONE;
  replayFacts(read);
  return { value, read };
}

/** Notes facts read earlier (a cached judgement's) as read by the judgement being recorded. */
export function replayFacts(read: FactsRead): void {
  if (recording && read.size) read.forEach((value, name) => note(name, value));
}

/** Whether every fact in `read` still has the value it had, in this analysis (`ctx`). */
export function factsStill(read: FactsRead, ctx: Pick<RuleContext, 'text' | 'doc' | 'kb' | 'find'>): boolean {
  if (read.size === 0) return true;
  for (const [name, was] of read) if (seen(name, fact(ctx, name)) !== was) return false;
  return true;
}
