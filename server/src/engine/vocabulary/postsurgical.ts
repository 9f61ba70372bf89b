// The words that make care postoperative. Two lists, for two questions: a therapy after an
// operation (judged by the Postsurgical Treatment Guidelines, outside the 24-visit cap), and a
// medication around one (perioperative: outside the chronic-use rules, a formulary fill of its own).

/** Operations named after "after" or "following" ("after L4-S1 fusion", "following right TKA"). */
const OPERATION = String.raw`(?:surgery|surgeries|operation|repair|arthroscopy|fusion|arthroplasty|replacement|reconstruction|(?:tunnel|finger|quervain'?s?) release|discectomy|laminectomy|meniscectomy|decompression|ORIF|fixation|acromioplasty|debridement|tenodesis|TKA|THA|TKR|THR|ACLR?)`;

/**
 * Therapy after surgery, judged by the Postsurgical Treatment Guidelines (8 CCR 9792.24.3) and
 * outside the 24-visit cap, not by the chronic pain limits. Read by the item reader, the
 * passive-modality and active-care judgements and completion alike.
 */
export const POSTSURGICAL = new RegExp(
  String.raw`\bpost[- ]?(?:op|operative|operatively|surgical|surgery)\b|\bassociated surgical service\b|\b(?:after|following)\s+(?:(?:the|his|her|their|a|an|right|left|R|L|Rt|Lt|recent|revision|open|arthroscopic|total|partial)\s+)*(?:[\w/-]+\s+){0,2}?${OPERATION}\b`,
  'i',
);

/**
 * A medication around an operation: "post-op", "perioperative", "after the surgery" (read in the
 * words beside the drug, parse/medication-item.ts). Wider than POSTSURGICAL in time
 * ("perioperative": a drug for the operation itself), narrower in what follows "after" (only
 * "surgery" or "operation").
 */
export const POST_OP =
  /\bpost[- ]?(?:op|operative(?:ly)?|surgical|surgery)\b|\b(?:after|following) (?:the |his |her |their )?(?:surgery|operation)\b|\bperi-?operative\b/i;
