// The templates as the New Treatment Request and New IMR Appeal Letter commands write them, the
// values a writer types into their fields, and the check that a filled one draws no findings.
import assert from 'node:assert/strict';
import { appealTemplate as appealFrom } from '../../client/src/templates/appeal';
import { requestTemplate as requestFrom } from '../../client/src/templates/request';
import type { Analysis } from '../../server/src/engine';
import { templateCitations } from '../../server/src/features/templates';
import type { TemplateEdition } from '../../server/src/protocol';
import { check, kb } from './repo';
import { pad } from './snippet-fill';

// The templates as the New Treatment Request and New IMR Appeal Letter commands write them: with
// the citations the server writes from the knowledge base for the edition chosen.
export const requestTemplate = (edition: TemplateEdition = 'current') => requestFrom(templateCitations(kb(), edition));
export const appealTemplate = () => appealFrom(templateCitations(kb(), 'current'));

// ---- Dates ------------------------------------------------------------------------------------

export const TODAY = new Date(Date.UTC(2026, 10, 24));
export const mdY = (d: Date) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
export const daysAgo = (n: number) => mdY(new Date(TODAY.getTime() - n * 86_400_000));

// ---- What the writer types where the template leaves a field empty ----------------------------

export const REQUEST_VALUES: Record<number, string> = {
  2: 'Maria Alvarez',
  3: '04/12/1978',
  4: '03/14/2025',
  5: 'Central Valley Packing Co.',
  6: '05-4471823',
  7: 'Daniel Kim, M.D.',
  8: 'Valley Spine and Rehabilitation, Fresno, CA',
  9: 'Physical Medicine and Rehabilitation',
  10: '1639204718',
  11: '(559) 555-0143',
  12: '(559) 555-0144',
  13: 'Golden State Claims Services',
  14: 'Laura Chen',
  15: '(916) 555-0190',
  16: 'Lumbar sprain with chronic low back pain',
  17: 'S39.012A',
  30: 'sitting tolerance improved from 20 to 40 minutes with the home exercise program; she now dresses without help',
  31: 'modified duty, no lifting over 15 pounds',
  32: 'naproxen 550 mg twice daily, unchanged',
  33: 'lumbar flexion improved from 30 to 45 degrees',
  34: daysAgo(3),
  35: '/s/ Daniel Kim, M.D.',
};

export const APPEAL_VALUES: Record<number, string> = {
  2: 'P.O. Box 138009, Sacramento, CA 95813',
  3: 'Maria Alvarez',
  4: '05-4471823',
  5: '03/14/2025',
  6: daysAgo(14),
  7: 'UR-2026-118204',
  8: daysAgo(24),
  9: daysAgo(12),
  12: '6',
  14: daysAgo(70),
  15: daysAgo(30),
  16: daysAgo(28),
  17: 'sitting tolerance increased from 20 minutes to 60 minutes, and she drives to work again',
  18: 'returned to modified duty; lifting restriction reduced from 10 to 25 pounds',
  19: 'Norco reduced from 10/325 three times daily to 5/325 once daily',
  20: 'Oswestry Disability Index improved from 46% to 30%',
  23: 'Daniel Kim',
  25: 'A 123456',
};

export const ANSWER_VALUES: Record<number, string> = {
  2: '6',
  4: daysAgo(70),
  5: daysAgo(30),
  6: daysAgo(28),
  7: 'walking distance increased from one block to six blocks',
  8: 'returned to regular duty',
  9: 'stopped tramadol',
  10: 'grip strength improved from 20 to 32 kg',
};

export const FI_VALUES: Record<number, string> = {
  1: 'standing tolerance increased from 15 to 45 minutes',
  2: 'work restrictions reduced from sedentary to light duty',
  3: 'cyclobenzaprine discontinued',
  4: 'shoulder abduction improved from 90 to 150 degrees',
};

// ---- Checking ---------------------------------------------------------------------------------

export const describeFindings = (a: Analysis) => a.findings.map((f) => `\n  ${f.rule}: ${f.message}`).join('');

// The request template and snippets cite the Chronic Pain edition chosen in mtusLint.edition;
// since issue 12 a request is judged by the MTUS in force on its date, and a CPMTG citation in
// a request dated today is reported (citation-not-in-force). A request citing it is checked as
// of a date that edition governed.
export const CPMTG_ERA = new Date(Date.UTC(2017, 2, 1));

export function assertClean(text: string, kind: 'request' | 'appeal'): Analysis {
  const a = check(text, { kind, today: TODAY, date: kind === 'request' && /Chronic Pain Medical Treatment/.test(text) ? CPMTG_ERA : undefined });
  assert.equal(a.findings.length, 0, `the filled ${kind} draws findings:${describeFindings(a)}\n--- text ---\n${text}`);
  return a;
}

export const EDITIONS: TemplateEdition[] = ['2009', '2016'];
