// A made-up IMR decision for tests that need a letter file of the user's own: no real case,
// and none of the corpus letters' wording beyond the field labels the parser keys on.

export function inventedLetter(caseNumber: string, outcome: 'Upheld' | 'Overturned' = 'Upheld', item = 'Acupuncture 2x4 low back'): string {
  return [
    `Case Number: ${caseNumber}`,
    'Date of Injury: 03/04/2025',
    'UR Denial Date: 12/15/2025',
    'Decision Date: 02/03/2026',
    '',
    'Certification(s)/Specialty: Acupuncture',
    '',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    '',
    `${item}: ${outcome}`,
    '',
    'Claims Administrator guideline: MTUS Acupuncture Treatment Guidelines.',
    '',
    'MAXIMUS guideline: MTUS Acupuncture Treatment Guidelines.',
    '',
    'Decision rationale: Test text. Eight treatments exceed the trial in this invented case.',
    '',
  ].join('\n');
}
