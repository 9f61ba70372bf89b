import { remembered } from '../remembered';
import type { CellKind, FieldKind, PassageRole } from './types';

// The words forms and reports use for their parts. Sources: the DWC Form RFA's printed fields
// (8 CCR 9785.5: employee, requesting physician, claims administrator, "Diagnosis", "ICD-Code",
// "Service/Good Requested", "CPT/HCPCS Code", "Other Information (Frequency, Duration,
// Quantity, etc.)"), the PR-2 progress report's headings (8 CCR 9785.2: subjective complaints,
// objective findings, diagnoses, treatment plan, work status), SOAP notes (S/O/A/P), and the
// headings appeal letters use for the items in dispute. One list, reviewed in one place.

/** A heading or label as compared: lower case, no colon, no parenthesis, no trailing date. */
export const normalizeLabel = remembered(function normalizeLabel(s: string): string {
  // Asked of most lines of a document: each step runs only when its character is there.
  let t = s.includes('(') ? s.replace(/\([^)]*\)/g, ' ') : s;
  if (t.includes('/')) t = t.replace(/\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/g, ' ');
  let end = t.length;
  while (end > 0 && TRAILING.has(t[end - 1])) end--;
  t = t.slice(0, end).trim();
  if (t.includes('/')) t = t.replace(/\s*\/\s*/g, '/');
  return t.replace(/\s+/g, ' ').toLowerCase();
});

// What a label may end with before its value: colon, dots, "#", underscores, rules, spaces.
const TRAILING = new Set([' ', '\t', '\n', '\r', ':', '.', '#', '*', '_', '=', '/', '-']);

const ROLE_WORDS: [PassageRole, RegExp][] = [
  [
    'header',
    /^(?:employee(?: information)?|requesting (?:physician|provider)(?: information)?|physician(?: information)?|claims? administrator(?: information)?|claims admin|employer(?: information)?|patient(?: information)?|re|to|from|attn|cc)$/,
  ],
  [
    'request',
    /^(?:requested|requests?|requested (?:treatments?|services?|items?|procedures?|medications?|goods?)|treatment requested|services? requested|service\/goods? requested|(?:treatment )?plan(?: of care)?(?:\/(?:requests?|rfa))?|p|plan and request|recommendations?|recommended treatment|disputed(?: (?:items?|services?|treatments?|requests?))?|items? (?:disputed|in dispute|under review)|medications? (?:requested|dispensed|prescribed|ordered)|associated surgical services?|orders?|rx|prescriptions?|item \d{1,2})$/,
  ],
  [
    'guideline',
    /^(?:guidelines?(?: basis| support| cited)?|basis|references?(?: for .*)?|mtus|per mtus|per the mtus|rationale|medical rationale|evidence|citations?)$/,
  ],
  ['denial', /^(?:prior ur|ur (?:decision|denial|determination|history)|prior (?:denial|decision)|denial|ur)$/],
  ['diagnosis', /^(?:diagnos[ie]s(?:\/icd(?:-?9|-?10)?(?:[- ]codes?)?)?|dx|assessment|a|impressions?|icd(?:-?9|-?10)?(?:[- ]codes?)?|injuries)$/],
  [
    'history',
    /^(?:history(?: of (?:injury|present illness))?|hx|interval history|past (?:medical |surgical )?history|prior (?:treatment|care|therapy|history)|previous (?:treatment|care)|treatment (?:to date|history)|past treatment|background|subjective(?: complaints)?|subjective\/objective|objective(?: findings)?|s|o|exam(?:ination)?(?: findings)?|physical exam(?:ination)?|clinical (?:summary|history|notes?|findings|information)|supporting (?:documentation|information)|hospital course|progress|post-?op(?:erative)? (?:therapy|course|care)(?: to date)?|response to .*|current (?:meds|medications)|medications?|meds|medication (?:review|history)|opioid monitoring|work status|imaging|mri.*|x-?rays?.*|doctor'?s first report.*|change in material facts.*|reason for (?:report|expedited review)|notes?|goals?|functional (?:status|improvement)|hpi|chief complaint|pr-?2(?: report)?|progress report|(?:progress|office|clinic|visit|therapy|pt|chiropractic|acupuncture) notes?|mechanism(?: of injury)?)$/,
  ],
];

/** The role a heading or label gives the passage under it, if it is one the vocabulary knows. */
export function roleOfHeading(label: string): PassageRole | undefined {
  return roleOfLabel(normalizeLabel(label));
}

/** roleOfHeading for a label already normalized (normalizeLabel), asked once per line. */
export const roleOfLabel = remembered(function roleOfLabel(n: string): PassageRole | undefined {
  for (const [role, re] of ROLE_WORDS) if (re.test(n)) return role;
  // "Those 18 are disputed", "The following items from my request were denied": a line that
  // introduces what is asked for.
  if (/\b(?:are|is|were) (?:disputed|requested|in dispute)$|\bthe following (?:items?|treatments?|services?)\b.*\b(?:request|dispute|denied)/.test(n))
    return 'request';
  if (/^(?:treatment plan|plan|requested treatments?|requested services?)\b/.test(n)) return 'request';
  return undefined;
});

const FIELD_WORDS: [FieldKind, RegExp][] = [
  [
    'service',
    /^(?:requested (?:treatment|service|item|procedure|therapy|therapies)s?|services?\/goods?(?: requested)?|services?(?: requested)?|treatments? requested|procedures?(?: requested)?|therapy requested|requested|items? requested|disputed(?: items?| services?| treatments?)?|items? (?:in dispute|disputed)|(?:service|item|treatment|request)\s?#?\s?\d{1,2})$/,
  ],
  ['body', /^(?:body parts?|body regions?|region|area|site|part of body)$/],
  [
    'frequency',
    /^(?:frequency(?:\/duration)?(?:\/quantity)?|freq(?:\/dur)?(?:\/qty)?|frequency x duration|frequency and duration|schedule|duration|other information.*|other info.*)$/,
  ],
  ['quantity', /^(?:qty|quantity|units?|number of (?:visits|sessions|treatments|units)|#? ?(?:of )?visits|sessions|total(?: visits)?|visits requested)$/],
  ['cpt', /^(?:cpt(?:\/hcpcs)?(?: codes?)?|hcpcs(?: codes?)?)$/],
  // "Diagnosis/ICD-10:" as offices merge the form's two fields: the diagnosis, code and all.
  ['diagnosis', /^(?:diagnos[ie]s|dx|assessment|impressions?)(?:\/icd(?:-?9|-?10)?(?:[- ]codes?)?)?$/],
  ['icd', /^(?:icd(?:-?9|-?10)?(?:[- ]codes?)?)$/],
  ['employee', /^(?:employee(?: name)?|patient(?: name)?|name|pt|injured worker|claimant|employee information)$/],
  ['dob', /^(?:dob|date of birth|birth ?date)$/],
  ['doi', /^(?:doi|date of injury|injury date|d\/i)$/],
  ['claim', /^(?:claim(?: number| no| #)?|claim #|claim no|claim number)$/],
  ['employer', /^employer$/],
  ['physician', /^(?:requesting (?:physician|provider|md)|physician|ptp|treating (?:physician|doctor)|provider|requesting md|from)$/],
  ['signature', /^(?:(?:requesting )?(?:physician|provider)?\s*signature|signed(?: by)?|electronically signed(?: by)?)$/],
  ['date', /^(?:date(?: of (?:request|report|exam|visit|service|examination))?|request date|report date|exam date|visit date|date of exam|dos)$/],
];

/** The kind of field a label names, if the vocabulary knows it. */
export const fieldKindOf = remembered(function fieldKindOf(label: string): FieldKind | undefined {
  const n = normalizeLabel(label);
  for (const [kind, re] of FIELD_WORDS) if (re.test(n)) return kind;
  return undefined;
});

const COLUMN_WORDS: [CellKind, RegExp][] = [
  [
    'schedule',
    /^(?:freq(?:uency)?\/dur(?:ation)?(?:\/(?:qty|quantity))?|freq(?:uency)? x dur(?:ation)?|frequency\/duration\/quantity|frequency x duration|other information.*|other info.*|freq\/dur\/qty)$/,
  ],
  [
    'service',
    /^(?:(?:requested |disputed )?(?:services?|treatments?|items?|procedures?|therapy|therapies|goods?|service\/goods?|treatments?\/services?)(?: requested| in dispute)?|description(?: of (?:services?|treatments?))?|modality|requested)$/,
  ],
  ['diagnosis', /^(?:diagnos[ie]s|dx)(?:\/icd(?:-?9|-?10)?(?:[- ]codes?)?)?$/],
  ['icd', /^(?:icd(?:-?9|-?10)?(?:[- ]codes?)?)$/],
  ['cpt', /^(?:cpt(?:\/hcpcs)?(?: codes?)?|hcpcs|codes?)$/],
  ['body', /^(?:body parts?|body regions?|region|area|site)$/],
  ['frequency', /^(?:freq|frequency)$/],
  ['duration', /^(?:dur|duration|weeks|length)$/],
  ['quantity', /^(?:qty|quantity|units?|#|no|number|visits|sessions|total)$/],
  // Columns a history or authorisation table adds: known, so the table is seen as one.
  ['other', /^(?:dates?(?: of service)?|dos|start(?: date)?|end(?: date)?|provider|vendor|comments?|status|authori[sz]ed|outcome)$/],
];

/** The kind of a table column from its header cell. */
export const columnKindOf = remembered(function columnKindOf(header: string): CellKind | undefined {
  if (/^\s*#\s*$/.test(header)) return 'quantity';
  const n = normalizeLabel(header);
  for (const [kind, re] of COLUMN_WORDS) if (re.test(n)) return kind;
  return undefined;
});

/** Field kinds that belong to the item a service field opens (a field block). */
export const ITEM_FIELD_KINDS = new Set<FieldKind>(['body', 'frequency', 'quantity', 'cpt', 'diagnosis', 'icd']);

/** Labels that give a role to their own line's text only ("PR-2 03/26/2015: pain ..."); alone on a line they are a title. */
export const INLINE_ONLY = /^(?:pr-?2(?: report)?|progress report|s|o|a|p)$/;

// A sentence that asks, wherever it stands: "Request 6 additional acupuncture sessions",
// "We are requesting ...", "Please authorize ...", "Continue chiropractic 2x3".
export const ASKS_OPENER =
  /^(?:(?:I|We)\s+(?:am\s+|are\s+)?(?:request(?:ing)?|recommend(?:ing)?|would like to request|ask(?:ing)? for)\b|Requesting\s+(?!physician|provider|doctor|MD\b|party|facility|office)|Request\s+(?!for\b|date\b|form\b)|Please\s+(?:authorize|certify|approve)\b|Recommend\s|(?:Continue|Resume|Start|Begin|Add|Additional|Further)\s+(?!to\b))/i;
