import type { TemplateCitations } from '../../../server/src/protocol';
import { snippetText } from './citations';

// "mtus-lint: New IMR Appeal Letter": a treating physician's letter in support of an
// application for Independent Medical Review, inserted as a snippet. It answers the two denial
// reasons reviewers give most (no documented functional improvement; a guideline other than
// the MTUS applied), each in its own paragraph, lists the UR decision among the enclosures and
// ends with a signature block. As in the request template, facts only the writer has are left
// empty, so an unfilled field still draws its diagnostic.

/** The parts a new appeal letter holds, in order (the tests look for them). */
export const APPEAL_SECTIONS = [
  'Application for Independent Medical Review',
  'UR decision dated',
  'Disputed item:',
  'Denial reason 1',
  'Answer:',
  'Denial reason 2',
  'Sincerely,',
  'Enclosures: UR decision dated',
] as const;

/** The letter; its one citation (acupuncture, one edition since 2007) from the knowledge base. */
export function appealTemplate(citations: TemplateCitations): string {
  const acupuncture = snippetText(citations.acupuncture.text);
  return `Date: \${1:$CURRENT_MONTH/$CURRENT_DATE/$CURRENT_YEAR}

MAXIMUS Federal Services
California Independent Medical Review
$2

Re:  Application for Independent Medical Review - letter in support
     Employee: $3
     Claim number: $4
     Date of injury: $5
     UR decision dated $6, reference $7

Dear Independent Medical Reviewer:

I am the primary treating physician for $3 and write in support of the application for Independent Medical Review. Utilization review denied the item below from my Request for Authorization dated $8. The UR decision was served on $9.

Disputed item: \${10:6 acupuncture sessions, 2 times a week for 3 weeks, lumbar spine}

Denial reason 1, as the UR decision states it: "\${11:No documentation of functional improvement}"

Answer: $3 completed $12 \${13:acupuncture} sessions from $14 to $15. The progress report of $16 documents functional improvement:
  - Activities of daily living: $17
  - Work status: $18
  - Medication: $19
  - Objective measures: $20

Denial reason 2, as the UR decision states it: "\${21:The request is not supported by the Official Disability Guidelines (ODG)}"

Answer: The MTUS addresses $13 directly, in the \${22:${acupuncture}}, and the MTUS must be applied first: another guideline such as the ODG may be used only where the MTUS is silent. Under the MTUS, $13 may be extended when functional improvement is documented as defined in 8 CCR 9792.20(e), as it is above.

For these reasons I ask that the UR decision be overturned.

Sincerely,

$23, \${24:M.D.}
Primary Treating Physician
License number: $25

Enclosures: UR decision dated $6; progress report dated $16; \${26:acupuncture treatment notes}
$0`;
}
