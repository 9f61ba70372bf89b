// Many made-up IMR decisions, written to a folder at run time, for measuring the corpus miner at
// scale. No real letter's wording: only the field labels the parser keys on, and sentences of
// our own, varied by a counter so no two letters are alike.
import * as fs from 'node:fs';
import * as path from 'node:path';

const ITEMS = [
  'Acupuncture 2x4 low back',
  'Physical therapy 3x4 lumbar spine',
  'Chiropractic manipulation x 12 neck',
  'Massage therapy 8 sessions',
  'Cyclobenzaprine 10 mg #60',
  'MRI of the lumbar spine',
];
const GUIDES = [
  'MTUS Acupuncture Treatment Guidelines.',
  'MTUS Chronic Pain Medical Treatment Guidelines, page 98-99.',
  'ACOEM Chapter 12, page 303.',
  'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy.',
  'ODG Low Back Chapter.',
];

export function syntheticLetter(n: number): string {
  const caseLine = n % 10 === 9 ? '' : `Case Number: CM99-${String(n).padStart(7, '0')}`;
  const lines = [
    caseLine,
    'Date of Injury: 03/04/2015',
    'UR Denial Date: 12/15/2016',
    'Decision Date: 02/03/2017',
    '',
    `Certification(s)/Specialty: Specialty ${n % 7}`,
    '',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    '',
  ];
  for (let i = 0; i < 3; i++) {
    lines.push(`${ITEMS[(n + i) % ITEMS.length]} (item ${n}-${i}): ${(n + i) % 4 === 0 ? 'Overturned' : 'Upheld'}`, '');
    lines.push(`Claims Administrator guideline: ${GUIDES[(n + i) % GUIDES.length]}`, '', `MAXIMUS guideline: ${GUIDES[(n + 2 * i) % GUIDES.length]}`, '');
    const rationale = Array.from({ length: 12 }, (_, k) =>
      k % 3 === 0
        ? `The guidelines recommend a time-limited course with objective functional improvement, measure ${n}.${i}.${k}.`
        : `In this invented case number ${n} the record ${k} of item ${i} documents the course and the response to it in some detail.`,
    ).join(' ');
    lines.push(`Decision rationale: ${rationale}`, '');
  }
  return lines.join('\n');
}

/** Write letters `from` to `to` (exclusive) into `dir`, in subfolders of 1,000. */
export function writeSyntheticLetters(dir: string, from: number, to: number): void {
  for (let n = from; n < to; n++) {
    const sub = path.join(dir, `batch-${Math.floor(n / 1000)}`);
    if (n % 1000 === 0 || n === from) fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `letter-${n}.txt`), syntheticLetter(n));
  }
}
