import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { Knowledge } from '../knowledge/knowledge';
import { normalizeLetterText, parseLetter } from './parse-letter';
import { readLetter } from './read-letter';
import type { CorpusIndex, Decision } from './types';

// Letters into decisions, one at a time: each is read, parsed, handed on and let go, so a
// caller that keeps only aggregates builds an index of any size in the same memory.

export interface ReadOptions {
  kb: Knowledge;
  /** Called after each letter: how many are done, of how many, and the file's name. */
  progress?: (done: number, total: number, file: string) => void;
}

export interface ReadStats {
  /** Letter files found (a letter kept both as .txt and .pdf counts once). */
  files: number;
  texts: number;
  pdfs: number;
  /** How many letters were left out as already indexed, by case number or (without one) by text. */
  duplicateCount: number;
  /** The first few of them, by file name. */
  duplicates: string[];
  seconds: number;
}

const DUPLICATES_NAMED = 20;

/**
 * Which letters were seen: by case number, and a letter without one by a hash of its text
 * (whitespace folded, so the same letter extracted twice counts once). About 50 bytes a letter.
 */
export class SeenLetters {
  private readonly cases = new Set<string>();
  private readonly texts = new Set<string>();

  /** True the first time a decision is offered; false for a letter already seen. */
  first(d: Decision, text: string): boolean {
    if (d.caseNumber) {
      if (this.cases.has(d.caseNumber)) return false;
      this.cases.add(d.caseNumber);
      return true;
    }
    const key = createHash('sha256').update(normalizeLetterText(text).replace(/\s+/g, ' ').trim()).digest('base64').slice(0, 22);
    if (this.texts.has(key)) return false;
    this.texts.add(key);
    return true;
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Read and parse each file, handing each new decision to `onDecision`; unreadable ones go to `problems`. */
export async function readDecisions(
  files: string[],
  problems: CorpusIndex['problems'],
  options: ReadOptions,
  onDecision: (d: Decision) => void | Promise<void>,
): Promise<ReadStats> {
  const started = process.hrtime.bigint();
  const seen = new SeenLetters();
  const stats: ReadStats = { files: files.length, texts: 0, pdfs: 0, duplicateCount: 0, duplicates: [], seconds: 0 };
  for (let i = 0; i < files.length; i++) {
    const name = path.basename(files[i]);
    if (/\.pdf$/i.test(name)) stats.pdfs++;
    else stats.texts++;
    let d: Decision | undefined;
    try {
      const text = await readLetter(files[i]);
      d = parseLetter(text, name, { kb: options.kb });
      if (!seen.first(d, text)) {
        stats.duplicateCount++;
        if (stats.duplicates.length < DUPLICATES_NAMED) stats.duplicates.push(name);
        d = undefined;
      }
    } catch (e) {
      problems.push({ source: name, reason: (e as Error).message || String(e) });
    }
    if (d) await onDecision(d);
    options.progress?.(i + 1, files.length, name);
    // Let a language server answer its editor between letters.
    if (i + 1 < files.length) await nextTurn();
  }
  stats.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return stats;
}
