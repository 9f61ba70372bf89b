// The documents the benchmark checks, made at run time and never saved: a 5 KB draft (the
// bundled example request), a 1 MB document of the real IMR letters beside the clone (read from
// ../shared/corpus, never copied into the repository), and invented text in the shapes that
// once took quadratic time (issue 11): prose, request lists without full stops, one long line,
// no newlines at all, CRLF line ends.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const KB = 1024;
export const MB = 1024 * 1024;

/** `seed` repeated, each copy on its own line, cut to exactly `size` characters. */
export function fill(seed, size, sep = '\n') {
  const copies = Math.ceil(size / (seed.length + sep.length));
  return Array.from({ length: copies }, () => seed)
    .join(sep)
    .slice(0, size);
}

export function draft5k(root) {
  return fill(readFileSync(join(root, 'examples', 'knee-and-back.rfa'), 'utf8'), 5 * KB);
}

/** The shared corpus's letters, repeated to `size`; invented prose when the corpus is absent. */
export function realLetters(root, size) {
  const dir = join(root, '..', 'shared', 'corpus', 'imr');
  if (!existsSync(dir)) return { text: prose(size), note: 'invented prose (../shared/corpus is absent)' };
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const letters = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  return { text: fill(letters, size), note: `the ${files.length} IMR letters of ../shared/corpus, repeated` };
}

// A small deterministic generator, so every run checks the same invented text.
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TREATMENTS = [
  'acupuncture',
  'physical therapy',
  'chiropractic manipulation',
  'massage therapy',
  'aquatic therapy',
  'a TENS unit',
  'cognitive behavioral therapy',
];
const REGIONS = ['the low back', 'the neck', 'the right knee', 'the left shoulder', 'the lumbar spine', 'both wrists'];
const SENTENCES = [
  (p) => `The injured worker reports ${p.pain} pain in ${p.region} that is worse with lifting and prolonged sitting.`,
  (p) => `She completed ${p.n} sessions of ${p.treatment} last year with some relief.`,
  (p) => `On examination there is tenderness over ${p.region} and range of motion is reduced by about ${p.n * 5} percent.`,
  (p) => `The provider requests ${p.treatment} ${p.a}x${p.b} for ${p.region}.`,
  (p) =>
    `Per the MTUS Chronic Pain Medical Treatment Guidelines, page ${p.page}, a trial of ${p.treatment} is recommended with documented functional improvement.`,
  (p) => `Work status is modified duty with no lifting over ${p.n * 5} pounds.`,
  (_p) => `Medications include naproxen 550 mg twice daily and cyclobenzaprine 7.5 mg at night.`,
  (p) => `There is no documentation of objective functional improvement after the prior course of ${p.treatment}.`,
  (p) => `The diagnosis is a sprain of ${p.region} with radicular symptoms on the left.`,
  (_p) => `A home exercise program was taught and the patient is encouraged to continue it.`,
];

/** Invented clinical prose: sentences with full stops, paragraphs of a few lines. */
export function prose(size, { newline = '\n' } = {}) {
  const rnd = random(15);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const parts = [];
  let length = 0;
  while (length < size) {
    const sentences = [];
    for (let k = 2 + Math.floor(rnd() * 4); k > 0; k--) {
      const p = {
        pain: pick(['constant', 'intermittent', 'sharp', 'dull']),
        region: pick(REGIONS),
        treatment: pick(TREATMENTS),
        n: 2 + Math.floor(rnd() * 10),
        a: 1 + Math.floor(rnd() * 3),
        b: 2 + Math.floor(rnd() * 5),
        page: 40 + Math.floor(rnd() * 80),
      };
      sentences.push(pick(SENTENCES)(p));
    }
    const paragraph = `${sentences.join(' ')}${newline}${newline}`;
    parts.push(paragraph);
    length += paragraph.length;
  }
  return parts.join('').slice(0, size);
}

/** The shapes of the growth table (issue 11 §2), each a function of the size. */
export const GROWTH_SHAPES = {
  prose: { what: 'invented clinical prose, full stops, paragraphs', make: (size) => prose(size) },
  'request list': { what: '"Acupuncture 2x4 low back" lines, no full stops', make: (size) => fill('Acupuncture 2x4 low back', size) },
  'one long line': {
    what: 'a short request, then every item on one line',
    make: (size) => `Request for Authorization\nDiagnosis: low back pain\n${fill('Acupuncture 2x4 low back', size - 50, '; ')}`.slice(0, size),
  },
  'no newlines': { what: 'the prose with every line break a space', make: (size) => prose(size, { newline: ' ' }) },
  CRLF: { what: 'the prose with CRLF line ends', make: (size) => prose(size, { newline: '\r\n' }) },
  // Each box's line was once found by a search back to the text's start (2026-12-03).
  'form boxes': {
    what: 'a request form, every line a row of check boxes',
    make: (size) => `REQUEST FOR AUTHORIZATION\n${fill('[X] New request   [ ] Resubmission   Acupuncture 6 visits, low back', size)}`.slice(0, size),
  },
};
