import type { TemplateCitations } from '../../../server/src/protocol';
import { snippetText } from './citations';

// "mtus-lint: New Treatment Request": a DWC Form RFA inserted as a snippet. Tab moves from
// field to field. Facts only the writer has (names, dates, the diagnosis, the patient's
// function) are left empty, so an unfilled field still draws its diagnostic; the requested items
// carry defaults within the MTUS limits (an acupuncture trial, a physical therapy course) that
// the writer types over.

/** The headings a new request holds, in order (the tests look for them). */
export const REQUEST_SECTIONS = [
  'REQUEST FOR AUTHORIZATION (DWC Form RFA)',
  'EMPLOYEE',
  'REQUESTING PHYSICIAN',
  'CLAIMS ADMINISTRATOR',
  'DIAGNOSIS',
  'REQUESTED TREATMENT',
  'FUNCTIONAL IMPROVEMENT',
  'SUPPORTING DOCUMENTATION',
] as const;

/** The request, citing what the server wrote from the knowledge base for the edition chosen. */
export function requestTemplate(citations: TemplateCitations): string {
  const acupuncture = snippetText(citations.acupuncture.text);
  const physical = snippetText(citations.physicalMedicine.text);
  return `REQUEST FOR AUTHORIZATION (DWC Form RFA)

Request: \${1|New request,Resubmission - change in material facts|}

EMPLOYEE
  Name: $2
  Date of birth: $3
  Date of injury: $4
  Employer: $5
  Claim number: $6

REQUESTING PHYSICIAN
  Name: $7
  Practice: $8
  Specialty: $9
  NPI: $10
  Phone: $11   Fax: $12

CLAIMS ADMINISTRATOR
  Company: $13
  Adjuster: $14
  Fax: $15

DIAGNOSIS
  $16, ICD-10 $17

REQUESTED TREATMENT

1. \${18:Acupuncture}, CPT \${19:97810}, \${20:2x3} (\${21:6} sessions), \${22:lumbar spine}.
   Guideline: \${23:${acupuncture}}.

2. \${24:Physical therapy}, CPT \${25:97110}, \${26:2x4} (\${27:8} visits), \${28:lumbar spine}, with a home exercise program.
   Guideline: \${29:${physical}}.

FUNCTIONAL IMPROVEMENT
  Activities of daily living: $30
  Work status: $31
  Medication: $32
  Objective measures: $33

SUPPORTING DOCUMENTATION
  Progress report (PR-2) dated $34

Requesting physician signature: $35   Date: \${36:$CURRENT_MONTH/$CURRENT_DATE/$CURRENT_YEAR}
$0`;
}
