// Documents for the reliability tier: generated from the pieces requests are made of, and real
// drafts and letters from ../shared mutated as a careless editor or a bad export would. The real
// ones are read at test time and never copied into the repository.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { repoRoot } from '../helpers/repo';

export interface SharedDocument {
  name: string;
  text: string;
  kind: 'request' | 'appeal';
}

/**
 * The drafts and IMR letters beside the clone. This tier exists to try them: without them it
 * fails, saying where it looked, rather than passing on nothing.
 */
export function sharedDocuments(): SharedDocument[] {
  const shared = path.resolve(repoRoot(), '..', 'shared');
  const drafts = path.join(shared, 'drafts');
  const letters = path.join(shared, 'corpus', 'imr');
  for (const dir of [drafts, letters]) {
    if (!fs.existsSync(dir))
      throw new Error(`the reliability tests read real drafts and letters from ${dir}, which is not there (../shared must sit beside the clone)`);
  }
  const out: SharedDocument[] = [];
  for (const f of fs.readdirSync(drafts).sort()) {
    if (!/\.(?:rfa|appeal|txt)$/.test(f)) continue;
    out.push({ name: `drafts/${f}`, text: fs.readFileSync(path.join(drafts, f), 'utf8'), kind: f.endsWith('.appeal') ? 'appeal' : 'request' });
  }
  for (const f of fs.readdirSync(letters).sort()) {
    if (f.endsWith('.txt')) out.push({ name: `corpus/${f}`, text: fs.readFileSync(path.join(letters, f), 'utf8'), kind: 'appeal' });
  }
  if (out.length < 50) throw new Error(`only ${out.length} drafts and letters found under ${shared}`);
  return out;
}

/** How much to try: 1 under `npm test`, more under `npm run fuzz` (MTUS_LINT_FUZZ_SCALE). */
export function budgetScale(): number {
  const n = Number(process.env.MTUS_LINT_FUZZ_SCALE ?? 1);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** A fixed seed, so a failure is the same on every machine; MTUS_LINT_FUZZ_SEED tries another. */
export function fuzzSeed(): number {
  const n = Number(process.env.MTUS_LINT_FUZZ_SEED ?? 20_261_122);
  return Number.isInteger(n) ? n : 20_261_122;
}

// ---------------------------------------------------------------- generated documents

const TREATMENTS = [
  'Acupuncture',
  'acupuncture',
  'Electroacupuncture',
  'Chiropractic',
  'Chiropractic manipulation',
  'chiropractic treatment',
  'CMT',
  'Physical therapy',
  'physical therapy',
  'PT',
  'Occupational therapy',
  'OT',
  'Aquatic therapy',
  'Massage therapy',
  'massage',
  'Myofascial release',
  'Manual therapy',
  'Physiotherapy',
  'Postoperative physical therapy',
  'Additional physical therapy',
  'Continued acupuncture',
  'TENS unit',
  'Hand therapy',
];
const REGIONS = ['low back', 'lumbar spine', 'neck', 'cervical spine', 'right knee', 'left wrist', 'shoulder', 'bilateral hands', 'thoracic spine', ''];
const DRUGS = [
  'Naproxen 550 mg',
  'Cyclobenzaprine 10 mg',
  'Norco 10/325 mg',
  'Omeprazole 20 mg',
  'Tramadol 50 mg',
  'Ibuprofen 800 mg',
  'Gabapentin 300 mg',
  'Lidoderm 5% patch',
  'Tizanidine 4 mg',
];
const DOSING = ['', ' one tablet twice daily', ' BID', ' 1 po q8h prn', ' daily', ' three times a day', ' with 2 refills'];
const CONTEXT = [
  'The patient has completed 6 sessions of physical therapy.',
  'She has completed 12 acupuncture sessions with pain relief only.',
  'Functional improvement: returned to modified duty, sitting tolerance up from 20 to 45 minutes.',
  'Pain decreased from 8/10 to 5/10.',
  'Diagnosis: lumbar radiculopathy (M54.16).',
  'Diagnosis: myalgia and myositis (M79.1).',
  'Status post Bankart repair on 03/02/2016.',
  'Postoperative therapy after carpal tunnel release.',
  'He performs a home exercise program daily.',
  'Per MTUS Chronic Pain Medical Treatment Guidelines, page 60.',
  'ACOEM Chapter 11, page 305.',
  'ODG Low Back Chapter.',
  'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.',
  'Chronic Pain Medical Treatment Guidelines (2009), page 98-99.',
  '8 CCR 9792.24.1.',
  'Labor Code 4604.5(c)(1).',
  'Date of injury: 05/06/2015.',
  'The UR decision dated 01/02/2017 is attached.',
  'the MTUS recommends 3-6 treatments.',
  '<!-- mtus-lint-disable-line therapy-over-trail -->',
];
const WORD_NUMBERS = [
  'one',
  'two',
  'three',
  'four',
  'six',
  'eight',
  'Eight',
  'ten',
  'twelve',
  'Twelve',
  'eighteen',
  'twenty',
  'twenty-four',
  'thirty',
  'zero',
  'TWELVE',
];

/** Numbers as drafts hold them, including the ones that break things: zero, huge, long digit runs. */
const count = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 30 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '00', '999', '1000', '99999999999999999999', '60', '90', '120') },
);
const word = fc.constantFrom(...WORD_NUMBERS);

const quantity = fc.oneof(
  fc.tuple(count, count).map(([a, b]) => `${a}x${b}`),
  fc.tuple(count, count).map(([a, b]) => `${a} x ${b}`),
  fc.tuple(count, count).map(([a, b]) => `${a}x/week x ${b} weeks`),
  fc.tuple(count, count).map(([a, b]) => `${a} times per week for ${b} weeks`),
  fc.tuple(count, count, count).map(([a, b, n]) => `${a}x${b} (${n} visits)`),
  fc.tuple(count, count).map(([lo, hi]) => `${lo}-${hi} sessions`),
  fc.tuple(count, count).map(([lo, b]) => `1-${lo}x/week x ${b} weeks`),
  count.map((n) => `x ${n}`),
  count.map((n) => `QTY ${n}`),
  count.map((n) => `qty: ${n}`),
  count.map((n) => `#${n}`),
  count.map((n) => `${n} sessions`),
  count.map((n) => `${n} visits`),
  word.map((w) => `${w} sessions`),
  fc.tuple(word, count).map(([w, n]) => `${w} (${n}) visits`),
  word.map((w) => `twice a week for ${w} weeks`),
  fc.constantFrom('daily', 'weekly', '2x0', '0x4', '0x4 (8 visits)', '12 sessions', 'QTY 12\n-0'),
);

const requestLine = fc
  .tuple(
    fc.constantFrom('', '1. ', '- ', 'Requested: ', 'Additional ', 'Continue '),
    fc.constantFrom(...TREATMENTS),
    fc.constantFrom(' ', ', ', ' - ', ' for the '),
    quantity,
    fc.constantFrom(' ', ', ', ' to the '),
    fc.constantFrom(...REGIONS),
  )
  .map((p) => p.join(''));
const medicationLine = fc.tuple(fc.constantFrom(...DRUGS), count, fc.constantFrom(...DOSING)).map(([d, n, dose]) => `${d} #${n}${dose}`);
const contextLine = fc.constantFrom(...CONTEXT);
const separator = fc.constantFrom('\n', '\n', '\r\n', '. ', '; ', ', ', ' and ', '\n\n', ' ');

/** A request or note built from the pieces drafts are made of. */
export const generatedDocument = fc
  .array(
    fc.tuple(fc.oneof({ weight: 4, arbitrary: requestLine }, { weight: 2, arbitrary: medicationLine }, { weight: 2, arbitrary: contextLine }), separator),
    { minLength: 1, maxLength: 8 },
  )
  .map((parts) => parts.map(([p, s]) => p + s).join(''));

// ---------------------------------------------------------------- mutated real documents

type Mutation =
  | { op: 'insert'; at: number; piece: string }
  | { op: 'renumber'; nth: number; value: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'crlf' }
  | { op: 'join'; nth: number };

const ratio = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: ratio, piece: fc.oneof(requestLine, medicationLine, contextLine).map((s) => `\n${s}\n`) }),
  fc.record({ op: fc.constant('renumber' as const), nth: fc.nat(400), value: fc.oneof(count, word) }),
  fc.record({ op: fc.constant('delete' as const), at: ratio, length: fc.integer({ min: 1, max: 40 }) }),
  fc.constant({ op: 'crlf' as const }),
  fc.record({ op: fc.constant('join' as const), nth: fc.nat(400) }),
);

/** Apply mutations in order; each keeps the text a string and never throws. */
export function mutate(text: string, ops: Mutation[]): string {
  let t = text;
  for (const m of ops) {
    if (m.op === 'insert') {
      const at = Math.floor(m.at * (t.length + 1));
      t = t.slice(0, at) + m.piece + t.slice(at);
    } else if (m.op === 'delete') {
      const at = Math.floor(m.at * t.length);
      t = t.slice(0, at) + t.slice(at + m.length);
    } else if (m.op === 'crlf') {
      t = t.replace(/\r?\n/g, '\r\n');
    } else {
      const re = m.op === 'renumber' ? /\d+/g : /\r?\n/g;
      const hits = [...t.matchAll(re)];
      if (!hits.length) continue;
      const h = hits[m.nth % hits.length];
      t = t.slice(0, h.index) + (m.op === 'renumber' ? m.value : ' ') + t.slice(h.index! + h[0].length);
    }
  }
  return t;
}
