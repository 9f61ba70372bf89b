import type { MedicationEvidenceKind } from '../types';

// The words that bear on the medication rules, by what they show: GI risk factors (for a proton
// pump inhibitor), failed first-line drugs (for a topical), pain and function measured, drug
// tests, risk assessments, adverse effects and aberrant behaviour (for opioids).
// parse/medication-evidence.ts reads them.

// Each pattern is a list of alternatives that start with a letter or a digit, so that all of
// them can be grouped by first letter into one fast scan (see FAST below).
export const GI_RISKS: [string, string[]][] = [
  [
    'peptic ulcer, GI bleeding or perforation',
    [
      String.raw`peptic ulcers?`,
      String.raw`gastric ulcers?`,
      String.raw`duodenal ulcers?`,
      String.raw`stomach ulcers?`,
      String.raw`bleeding ulcers?`,
      String.raw`ulcers?`,
      'PUD',
      String.raw`GI (?:bleed\w*|hemorrhage)`,
      String.raw`upper GI (?:bleed\w*|hemorrhage)`,
      String.raw`gastrointestinal (?:bleed\w*|hemorrhage)`,
      String.raw`perforat\w*`,
      'melena',
      'hematemesis',
    ],
  ],
  [
    'anticoagulant or antiplatelet use',
    [
      String.raw`anti-?coagula\w*`,
      String.raw`anti-?platelet\w*`,
      'warfarin',
      'Coumadin',
      'Eliquis',
      'apixaban',
      'Xarelto',
      'rivaroxaban',
      'Pradaxa',
      'dabigatran',
      'heparin',
      'Lovenox',
      'enoxaparin',
      'clopidogrel',
      'Plavix',
    ],
  ],
  ['aspirin use', ['aspirin', 'ASA']],
  [
    'corticosteroid use',
    [
      String.raw`corticosteroids?`,
      String.raw`oral corticosteroids?`,
      String.raw`systemic corticosteroids?`,
      String.raw`oral steroids?`,
      'prednisone',
      'prednisolone',
      'methylprednisolone',
      'Medrol',
      'dexamethasone',
    ],
  ],
  [
    'high-dose or multiple NSAIDs',
    [String.raw`high[- ]dose (?:of )?(?:NSAIDs?|anti-?inflammator\w*|ibuprofen|naproxen)`, 'multiple NSAIDs', 'two NSAIDs', 'more than one NSAID'],
  ],
  [
    'dyspepsia, GERD or gastritis',
    [
      'dyspepsia',
      'GERD',
      String.raw`gastro-?esophageal reflux`,
      'acid reflux',
      'reflux',
      'gastritis',
      'heartburn',
      String.raw`GI (?:upset|distress|irritation|symptoms|complaints|side effects)`,
      String.raw`gastrointestinal (?:upset|distress|irritation|symptoms|complaints|side effects)`,
      String.raw`stomach (?:upset|pain|irritation|ache|problems)`,
      'upset stomach',
      String.raw`epigastric (?:pain|discomfort)`,
    ],
  ],
];

export type EvidenceKey = MedicationEvidenceKind | 'age' | 'first-line-word' | `gi:${number}`;

export const EVIDENCE: [EvidenceKey, string[]][] = [
  [
    'age',
    [
      String.raw`(?<age1>\d{2,3})[- ](?:years?|yrs?)[- ]old`,
      String.raw`(?<age3>\d{2,3})\s*(?:y\/o|yo|y\.o\.)`,
      String.raw`aged?\s*:?\s*(?<age2>\d{2,3})\b`,
      String.raw`age (?:over|above|greater than) (?<age4>\d{2})`,
      String.raw`older than (?<age5>\d{2})`,
      String.raw`over the age of (?<age6>\d{2})`,
    ],
  ],
  ...GI_RISKS.map(([, alts], i) => [`gi:${i}`, alts] as [EvidenceKey, string[]]),
  [
    'osteoarthritis',
    ['osteoarthritis', 'osteoarthrosis', 'OA', 'DJD', 'degenerative joint disease', 'rheumatoid arthritis', 'inflammatory arthritis', 'arthritis', 'arthritic'],
  ],
  [
    'flare',
    [
      String.raw`acute exacerbations?`,
      String.raw`exacerbations?`,
      String.raw`flare[- ]?ups?`,
      'flared',
      String.raw`flares?`,
      String.raw`acute (?:muscle )?spasms?`,
      'new injury',
      String.raw`re-?injur\w*`,
    ],
  ],
  [
    'first-line-word',
    [
      String.raw`anti-?depressants?`,
      String.raw`anti-?convulsants?`,
      String.raw`anti-?epileptics?`,
      String.raw`AEDs?`,
      String.raw`TCAs?`,
      String.raw`SNRIs?`,
      String.raw`tricyclics?`,
      String.raw`first[- ]line (?:medications?|drugs?|agents?|therapy|treatments?|oral medications?)`,
      String.raw`neuropathic (?:pain )?(?:medications?|agents?)`,
    ],
  ],
  [
    'pain',
    [
      String.raw`\d{1,2}(?:\.\d)?\s*\/\s*10\b(?!\/)`,
      'VAS',
      String.raw`pain (?:relief|reduction)`,
      'analgesia',
      String.raw`\d{1,3}\s*%\s*(?:pain )?(?:relief|reduction|improvement)`,
      String.raw`pain (?:is |was )?(?:reduced|decreased|improved|better) (?:from|to|with|by)`,
      String.raw`with (?:the )?medications?,? (?:pain|her pain|his pain) (?:is|was|rated)`,
      String.raw`without (?:the )?medications?,? (?:pain|her pain|his pain) (?:is|was|rated)`,
    ],
  ],
  [
    'function',
    [
      String.raw`function(?:al)? (?:improvement|gains?|status|benefit|level|capacity)`,
      String.raw`improv\w* (?:in )?function`,
      String.raw`ADLs?`,
      'activities of daily living',
      String.raw`able to (?:work|walk|sleep|sit|stand|perform|do|complete|drive|lift|exercise|care|cook|clean)`,
      String.raw`work(?:s|ing)? (?:full|modified|regular|light)[- ](?:duty|time)`,
      String.raw`work(?:s|ing)? full (?:shifts?|days?)`,
      String.raw`return(?:ed|s|ing)? to (?:full |modified |regular |light |usual )?(?:work|duty)`,
      String.raw`allows? (?:him|her|the patient) to`,
      String.raw`with (?:it|them|the medications?|this medication|the opioids?),? (?:s?he|the patient|they) (?:walks|sleeps|works|dresses|cooks|cleans|drives|sits|stands|lifts|can|is able|does|completes|finishes|climbs|kneels|bathes)`,
      String.raw`sleeps? through the night`,
    ],
  ],
  [
    'drug-test',
    [
      String.raw`urine (?:drug |toxicology |tox )?(?:screens?|screening|tests?|testing)`,
      'urine drug',
      'UDS',
      'UDT',
      'UTOX',
      String.raw`urine tox\w*`,
      String.raw`drug screen(?:s|ing)?`,
      String.raw`toxicology screen\w*`,
    ],
  ],
  [
    'risk-assessment',
    [
      'CURES',
      'PDMP',
      String.raw`prescription (?:drug )?monitoring program`,
      String.raw`opioid risk (?:assessment|screening|stratification|tool)`,
      String.raw`risk (?:assessment|screening|stratification|tool)`,
      'ORT',
      String.raw`SOAPP(?:-R)?`,
      'COMM',
      'DIRE',
      String.raw`screen(?:ed|ing)? for (?:aberrant|addiction|misuse|abuse|substance)`,
      String.raw`opioid (?:agreement|contract)`,
      String.raw`pain (?:agreement|contract)`,
      String.raw`narcotic (?:agreement|contract)`,
      String.raw`medication (?:agreement|contract)`,
      String.raw`treatment (?:agreement|contract)`,
    ],
  ],
  [
    'oral-nsaid-failed',
    [
      String.raw`(?:oral\s+)?(?:NSAIDs?|anti-?inflammator(?:y|ies)(?: medications?| drugs?)?)\s+(?:are|were|is|was)\s+(?:not tolerated|poorly tolerated|stopped|discontinued)`,
      String.raw`(?:not|cannot|could not|unable to)\s+tolerate\s+(?:oral\s+)?(?:NSAIDs?|anti-?inflammator\w*)`,
      String.raw`intoleran\w*\s+(?:of|to)\s+(?:oral\s+)?(?:NSAIDs?|anti-?inflammator\w*)`,
    ],
  ],
  [
    'adverse-effects',
    [
      String.raw`no side[- ]effects?`,
      String.raw`no adverse (?:effects?|events?|reactions?)`,
      String.raw`without side[- ]effects?`,
      String.raw`denies side[- ]effects?`,
      String.raw`side[- ]effects?`,
      String.raw`adverse (?:effects?|events?|reactions?)`,
      'constipation',
      'sedation',
      'somnolence',
    ],
  ],
  [
    'aberrant-behavior',
    [
      'aberrant',
      String.raw`drug[- ]seeking`,
      'diversion',
      'misuse',
      'abuse',
      String.raw`early refills?`,
      String.raw`consistent with (?:the )?prescri\w*`,
      'compliant',
      'compliance',
    ],
  ],
];
