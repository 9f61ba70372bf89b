// Random editing sessions over drafts made from the repository's own examples and snippets, for
// the property tests that compare incremental analysis with a full one (test/unit/incremental*.test.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { repoRoot } from './repo';

export const SEED = 20_261_202;

export function baseDrafts(): string[] {
  const root = repoRoot();
  const examples = ['knee-and-back.rfa', 'acupuncture-appeal.appeal'].map((f) => fs.readFileSync(path.join(root, 'examples', f), 'utf8'));
  // The snippets' bodies, their placeholders filled with their defaults, as one more draft.
  const snippets = ['mtus-request.json', 'mtus-appeal.json'].map((f) => {
    const bodies = Object.values(JSON.parse(fs.readFileSync(path.join(root, 'snippets', f), 'utf8')) as Record<string, { body: string[] }>);
    return bodies
      .map((b) => b.body.join('\n'))
      .join('\n\n')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, '');
  });
  // The request as OCR gives it back, every gap doubled: read through a re-spaced copy whose spans
  // are mapped back in place (remap.ts), which must never reach the readings kept for next time.
  const ocr = examples[0].replace(/ /g, '  ');
  return [...examples, ...snippets, ocr];
}

/** Whole lines a writer adds: headings, fields, table rows, list items, prose, blanks. */
const LINES = [
  '',
  '   ',
  'REQUESTED TREATMENT:',
  'History:',
  'PLAN',
  'Treatment to date: physical therapy 12 visits, chiropractic 6 visits.',
  'Diagnosis: lumbar radiculopathy (M54.16)',
  'Requested treatment: Massage therapy',
  'Frequency/duration: 2 x 4',
  'Body part: low back',
  'Service | Body part | Frequency | Duration | Qty',
  'Acupuncture | low back | 2x/week | 3 weeks | 6',
  '1. Physical therapy 2x6 for the lumbar spine',
  '- Chiropractic manipulation 3x4, cervical spine',
  '[x] Expedited review   [ ] Standard',
  'Per MTUS Chronic Pain Medical Treatment Guidelines, page 98-99, physical medicine is recommended.',
  'She completed 12 acupuncture sessions with no functional improvement documented.',
  'Status post left knee arthroscopy on 03/02/2016.',
  'Naproxen 550 mg #60 one tablet twice daily',
  // What the medication rules weigh (parse/medication-evidence.ts): an age, a GI risk, a first-line drug that failed, a negation.
  'She is 67 years old with a history of GI bleeding; gabapentin failed, and she denies dyspepsia.',
  'Date: 04/03/2017',
  'Date of injury: 05/06/2014',
  // A form line's dot leaders, and a prose ellipsis that is not one (structure/spacing.ts).
  'Employee ....... Gilberto   DOB ..... 08/19/1966',
  'Recommended using a short course of therapy... this medication is not for long use.',
  'Acupuncture 6 visits <!-- mtus-lint-disable-line therapy-over-trial -->',
  '-----',
];
const CHARS = ['a', 'Z', '7', ' ', '\n', '\r\n', '\r', ':', '.', '|', '\t', '-', 'x', '(', ')', '\u00a0'];

type Edit =
  | { op: 'insert'; at: number; piece: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'replace'; at: number; length: number; piece: string }
  | { op: 'line'; nth: number; action: 'delete' | 'duplicate' | 'blank' | 'join'; to: number };

const ratio = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const line = fc.constantFrom(...LINES).map((l) => `${l}\n`);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('insert' as const), at: ratio, piece: fc.constantFrom(...CHARS) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: ratio, length: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insert' as const), at: ratio, piece: line }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('replace' as const),
      at: ratio,
      length: fc.integer({ min: 1, max: 60 }),
      piece: fc.oneof(line, fc.constantFrom(...CHARS)),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('line' as const),
      nth: fc.nat(200),
      action: fc.constantFrom('delete' as const, 'duplicate' as const, 'blank' as const, 'join' as const),
      to: fc.nat(200),
    }),
  },
);

export function apply(text: string, e: Edit): string {
  if (e.op !== 'line') {
    const at = Math.floor(e.at * (text.length + 1));
    const length = e.op === 'insert' ? 0 : e.length;
    return text.slice(0, at) + (e.op === 'delete' ? '' : e.piece) + text.slice(at + length);
  }
  const lines = text.split('\n');
  const i = e.nth % lines.length;
  if (e.action === 'delete') lines.splice(i, 1);
  else if (e.action === 'duplicate') lines.splice(e.to % (lines.length + 1), 0, lines[i]);
  else if (e.action === 'blank') lines.splice(i, 0, '');
  else if (i + 1 < lines.length) lines.splice(i, 2, `${lines[i]} ${lines[i + 1]}`);
  return lines.join('\n');
}

/** The drafts, and one long document of them all (long enough that an edit leaves most of it alone). */
export const drafts = baseDrafts();
export const longDraft = drafts.join('\n\n');
/** Twice as long: far from an edit, every stage keeps last version's readings, moved. */
export const longerDraft = [longDraft, longDraft].join('\n\n');
/** An appeal as long (the appeal rules read it, some through whole-text searches run in a window). */
export const longAppeal = [1, 0, 1, 2, 1, 3].map((i) => drafts[i]).join('\n\n');
const session = (texts: string[]) => fc.record({ draft: fc.nat(texts.length - 1), edits: fc.array(edit, { minLength: 10, maxLength: 30 }) });

/**
 * Run `runs` editing sessions over `texts`; each session makes its state with `start`, and each
 * version is checked by `same`. Returns how many edits were tried.
 */
export function sessions<S>(texts: string[], runs: number, start: () => S, same: (text: string, state: S) => void): number {
  let edits = 0;
  fc.assert(
    fc.property(session(texts), ({ draft, edits: list }) => {
      const memo = start();
      let text = texts[draft];
      same(text, memo);
      for (const e of list) {
        text = apply(text, e);
        same(text, memo);
        edits++;
      }
    }),
    { seed: SEED, numRuns: runs },
  );
  return edits;
}
