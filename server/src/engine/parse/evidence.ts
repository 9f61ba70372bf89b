import type { Evidence, EvidenceKind, EvidenceMention, PriorCourse, Span } from '../types';
import { GUIDELINE_TALK } from '../vocabulary/guideline-talk';
import type { Scan } from '../incremental/window';
import { searchable } from '../incremental/finders';

// What counts as documented functional improvement follows 8 CCR 9792.20(e): gains in
// activities of daily living or work status, less dependency on treatment (medication),
// measured on exam. A pain score alone is recorded but never counts.

const IMPROVED = String.raw`(?:improv\w*|increas\w*|better|greater|gain\w*|restor\w*|progress\w*|resum\w*|toleran\w*)`;

const PATTERNS: [EvidenceKind, RegExp][] = [
  [
    'adl',
    new RegExp(
      String.raw`\b(?:ADLs?|activities of daily living|daily activities|self[- ]care)\b[^.\n]{0,60}?\b${IMPROVED}|\b${IMPROVED}[^.\n]{0,40}?\b(?:ADLs?|activities of daily living|daily activities|function(?:al)? (?:status|capacity|level)|mobility|walking|sitting|standing|sleep|lifting|carrying|driving|dressing|household)\b`,
      'gi',
    ),
  ],
  // "able to walk into the clinic" states an ability, not a gain: it needs "now", "again" or a change.
  [
    'adl',
    /\b(?:now|again|once again|newly) able to (?:walk|sit|stand|lift|carry|sleep|drive|dress|cook|clean|shop|bathe|garden|climb|bend|reach|type|perform|do|complete|resume|return|work)\b|\bable to (?:resume|return to)\b|\b(?:was|is|became) able to (?:increase|improve|reduce|decrease)\b/gi,
  ],
  // "walking tolerance 10 -> 30 min", "from 10 to 30 minutes".
  [
    'adl',
    /\b(?:walking|sitting|standing|lifting|carrying) (?:tolerance|distance|time)\b[^.\n]{0,40}?(?:\bfrom\s+\d+[^.\n]{0,20}?\bto\s+\d+|\b\d+\s*(?:min(?:utes)?|ft|feet|blocks?|hours?|hrs?|lbs?|pounds)?\s*(?:->|→|=>)\s*\d+)/gi,
  ],
  // A walking aid left behind: "went from crutches to full weight bearing without a device".
  ['adl', /\bfrom (?:crutches|(?:a )?walker|(?:a )?cane|(?:a )?wheelchair|non[- ]weight[- ]bearing|NWB|partial weight[- ]bearing|PWB)\b[^.\n]{0,20}?\bto\b/gi],
  // Something done now that could not be done before: "tolerates a shoe all day (could not in 11/2016)".
  [
    'adl',
    /\b(?:tolerates|walks|sits|stands|lifts|carries|drives|sleeps|climbs|dresses|wears)\b[^.\n;()]{0,60}\((?:could not|couldn't|was unable|unable|not able)\b[^)\n]{0,30}\)/gi,
  ],
  [
    'work-status',
    /\breturn(?:ed|ing)? to (?:full |modified |regular |usual |light |part[- ]time )?(?:work|duty|employment|his job|her job)\b|\bback (?:at|to) work\b|\b(?:moved|progressed|advanced|upgraded) (?:from \w+ duty )?to (?:full|regular|modified) duty\b|\bwork(?:ing)? (?:full[- ]time|full duty|regular duty|without restrictions)\b|\b(?:work )?restrictions? (?:were |was |have been |has been )?(?:reduced|lifted|removed|decreased|eased|relaxed)\b|\breduc\w* (?:in |of )?(?:his |her |the )?work restrictions\b/gi,
  ],
  [
    'medication-reduction',
    /\b(?:reduc|decreas|lower|taper|discontinu|stopp?|cut|wean)\w*\s+(?:(?:down\s+)?(?:on\s+)?(?:his|her|their|the|pain|opioid|narcotic|oral|daily|use of|intake of|dose of|dosage of)\s+){0,3}(?:medications?|meds|dosage|dose|analgesics?|Norco|opioids?|narcotics?|tramadol|hydrocodone|oxycodone|ibuprofen|naproxen|gabapentin|cyclobenzaprine|muscle relaxants?|pain pills?)\b|\b(?:medications?|meds|Norco|opioids?|narcotics?|tramadol|hydrocodone|oxycodone|analgesics?)\b(?:\s+(?:use|usage|intake|dosage|dose|consumption))?\s+(?:was |were |has been |have been |is |are )?(?:reduced|decreased|lowered|tapered|discontinued|stopped|cut)\b|\bfrom\s+\d+(?:\.\d+)?\s*\/\s*\d{3}\s*(?:mg)?\s+to\s+\d+(?:\.\d+)?\s*\/\s*\d{3}\b|\bno longer (?:needs|requires|takes|using|taking)\b|\bless (?:medication|Norco|opioid|pain medication)\b/gi,
  ],
  // (The gain must be the measure's own: "ROM, increased paraspinal tenderness" is no gain.)
  [
    'objective-measure',
    new RegExp(
      String.raw`\b(?:range of motion|ROM|grip strength|strength|flexion|extension|abduction|rotation|Oswestry|ODI|NDI|neck disability index|DASH|QuickDASH|lifting capacity|functional capacity|FCE|straight leg rais\w*|SLR)\b[^.\n,;]{0,50}?(?:\b${IMPROV_ANY()}(?!\s+(?:\w+\s+)?(?:tenderness|pain|spasm|swelling|guarding|stiffness))|\bfrom\s+\d+\s*(?:°|degrees|%|lbs?|pounds|kg)?\s*to\s+\d+)|\b${IMPROV_ANY()}[^.\n]{0,30}?\b(?:range of motion|ROM|grip strength|strength|flexion|Oswestry|ODI|NDI)\b`,
      'gi',
    ),
  ],
  ['pain-score', /\b\d{1,2}(?:\.\d)?\s*\/\s*10\b(?!\/)|\bVAS\b|\bpain (?:score|level|rating)s?\b/gi],
  [
    'home-program',
    /\bhome (?:exercise|stretching|strengthening)?\s*(?:program|regimen|routine|exercises?|plan)\b|\bHEP\b|\bself[- ]directed\b|\bindependent (?:exercise|home)\b|\bexercise (?:program|regimen)\b/gi,
  ],
  [
    'negated-improvement',
    /\b(?:no|not|without|lack of|absence of|failed to (?:show|demonstrate|document))\s+(?:\w+\s+){0,3}?(?:functional improvement|improvement in function|objective improvement|improvement)\b|\bdid not (?:improve|help|benefit)\b/gi,
  ],
];

function IMPROV_ANY(): string {
  return String.raw`(?:improv\w*|increas\w*|better|gain\w*|restor\w*)`;
}

// A negation shortly before a positive mention cancels it ("no documentation of improved ADLs").
const NEGATION =
  /\b(?:no|not|never|without|unable|cannot|can't|lack of|absence of|denies|failed to|no documentation of|not documented|has not|have not|did not|does not)\b[^.\n]{0,25}$/i;
const ADVERSE =
  /\b(?:because of|due to|for|after)\b[^.\n]{0,25}\b(?:nausea|side[- ]effects?|intoleran\w*|adverse|allerg\w*|constipation|dizz\w*|sedation|drows\w*|upset|GI|rash|vomiting)\b|\b(?:nausea|side[- ]effects?|stomach upset|upset (?:his|her) stomach|gave (?:him|her) stomach upset|made (?:him|her) (?:too )?(?:drowsy|dizzy|nauseated)|intoleran\w*|too drowsy)\b/i;
const HOPE =
  /\b(?:wants? to|would like to|hopes? to|hoping to|goal (?:is )?to|will|would|could|to get (?:him|her|them)?|in order to|until (?:s?he|they) can|cannot|unable to|can't|not yet)\s*(?:get\s+)?(?:him\s+|her\s+)?$/i;
const FUNCTIONAL: EvidenceKind[] = ['adl', 'work-status', 'medication-reduction', 'objective-measure'];

// A sentence that quotes or cites a guideline ("restoring flexibility, strength ... range of
// motion") describes what the guideline expects, not what this patient gained.

function talksAboutGuidelines(text: string, at: number): boolean {
  const from = Math.max(0, at - 300);
  const before = text.slice(from, at);
  // Sentences end at a full stop; blank lines do not count (some letters have one after every line).
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('.\n'));
  const start = cut >= 0 ? from + cut + 1 : from;
  const rest = text.slice(at, at + 300);
  const stop = rest.search(/\.(?:\s|$)/);
  return GUIDELINE_TALK.test(text.slice(start, stop >= 0 ? at + stop : at + 300));
}

// One pass over the text with every pattern as a named alternative: a third faster than a
// pass per pattern. (Where two kinds would start at the same place, the earlier one listed wins.)
// Every pattern starts with a word boundary and a letter or digit, so a match starts at the start
// of a word; saying so up front (\b) lets the regex engine skip the other positions quickly (half
// the time on a megabyte of letters). A bare \b also holds at the end of a word, where no pattern
// can go on; it is a sixth quicker than a look-behind and a look-ahead that say "start" exactly.
const COMBINED = new RegExp(`\\b(?:${PATTERNS.map(([, re], i) => `(?<k${i}>${re.source})`).join('|')})`, 'gi');

export function findEvidence(text: string, priorCourses: PriorCourse[], limit = text.length): Evidence {
  const scope = limit < text.length ? text.slice(0, limit) : text;
  return evidenceOf(scanEvidence(scope, 0, Infinity).found, priorCourses);
}

/** The document's evidence from the mentions found in it. */
export function evidenceOf(mentions: EvidenceMention[], priorCourses: PriorCourse[]): Evidence {
  return {
    mentions,
    priorCourses,
    functionalImprovement: mentions.some((x) => FUNCTIONAL.includes(x.kind)),
    homeProgram: mentions.some((x) => x.kind === 'home-program'),
  };
}

/** The evidence mentions that start in [from, to) (a Scanner, engine/incremental/window.ts). */
export function scanEvidence(scope: string, from: number, to: number): Scan<EvidenceMention> {
  const mentions: EvidenceMention[] = [];
  const matched: Span[] = [];
  COMBINED.lastIndex = from;
  // Searched only a little past `to` (finders.ts), each find judged with the whole text.
  const hay = searchable(scope, from, to);
  let m: RegExpExecArray | null;
  while ((m = COMBINED.exec(hay)) && m.index < to) {
    if (m[0].length === 0) {
      COMBINED.lastIndex++;
      continue;
    }
    const index = PATTERNS.findIndex((_, i) => m!.groups![`k${i}`] !== undefined);
    const kind = PATTERNS[index][0];
    const span: Span = { start: m.index, end: m.index + m[0].length };
    matched.push({ ...span });
    if (FUNCTIONAL.includes(kind) || kind === 'home-program') {
      const before = scope.slice(Math.max(0, span.start - 40), span.start);
      if (NEGATION.test(before) || /\b(?:unable|not) able\b/i.test(before + m[0].slice(0, 12))) continue;
    }
    if (kind !== 'pain-score' && talksAboutGuidelines(scope, span.start)) continue;
    // A drug stopped for its side effects is intolerance, not less dependency on treatment.
    if (kind === 'medication-reduction' && ADVERSE.test(scope.slice(Math.max(0, span.start - 50), Math.min(scope.length, span.end + 60)))) continue;
    // "wants to get back to work", "will get her back to work": a hope, not a change in work status.
    if (kind === 'work-status' && HOPE.test(scope.slice(Math.max(0, span.start - 40), span.start))) continue;
    mentions.push({ kind, span });
  }
  return { found: mentions, matched };
}
