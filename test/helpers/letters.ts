import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface DisputedItem {
  file: string;
  title: string;
  outcome: 'upheld' | 'overturned';
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The disputed items of one IMR letter: each "<title>: Upheld|Overturned" in the issues
 * section, with a title wrapped over several lines joined. The older letters put a blank
 * line between every line; those blank lines carry no meaning and are dropped first.
 */
export function disputedItems(file: string, text: string): DisputedItem[] {
  let body = text.replace(/\r/g, '');
  const older = /^\d{3}_/.test(path.basename(file));
  if (older) body = body.replace(/\n[ \t]*\n/g, '\n');
  const start = body.search(/IMR ISSUES,\s*DECISIONS AND RATIONALES/i);
  if (start < 0) return [];
  const section = body.slice(start).replace(/^.*\n(?:.*set forth below:.*\n)?/i, '');
  const out: DisputedItem[] = [];
  const re = /:\s*(Upheld|Overturned)\s*$/gim;
  let m: RegExpExecArray | null;
  while ((m = re.exec(section))) {
    const before = section.slice(0, m.index);
    const lines = before.split('\n');
    const titleLines: string[] = [];
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i];
      if (line.trim() === '' || /set forth below:|medically necessary|not medically necessary\.?\s*$/i.test(line)) break;
      titleLines.unshift(line);
      if (older) break;
    }
    out.push({ file: path.basename(file), title: norm(titleLines.join(' ')), outcome: m[1].toLowerCase() as DisputedItem['outcome'] });
  }
  return out;
}

export function readLetters(dir: string): { file: string; text: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

export const normalizeTitle = norm;

/**
 * A hand-checked label names its item by the title (short titles) or, for the long paragraphs
 * of partly authorised items, by a hash of the whitespace-folded title and its last words, so
 * no passage of a letter is stored in the repository.
 */
export interface TitleLabel {
  title?: string;
  titleSha256?: string;
  titleEnd?: string;
}

export function labelMatches(label: TitleLabel, title: string): boolean {
  const t = norm(title);
  if (label.title !== undefined) return t === norm(label.title);
  return t.endsWith(label.titleEnd ?? '') && createHash('sha256').update(t).digest('hex') === label.titleSha256;
}

export const labelName = (label: TitleLabel) => label.title ?? `…${label.titleEnd}`;
