// The words that make a therapy postoperative: judged by the Postsurgical Treatment Guidelines
// (8 CCR 9792.24.3) and outside the 24-visit cap, not by the chronic pain limits. One list, read
// by the item reader, the passive-modality and active-care judgements and completion alike.

/** Operations named after "after" or "following" ("after L4-S1 fusion", "following right TKA"). */
const OPERATION = String.raw`(?:surgery|surgeries|operation|repair|arthroscopy|fusion|arthroplasty|replacement|reconstruction|(?:tunnel|finger|quervain'?s?) release|discectomy|laminectomy|meniscectomy|decompression|ORIF|fixation|acromioplasty|debridement|tenodesis|TKA|THA|TKR|THR|ACLR?)`;

export const POSTSURGICAL = new RegExp(
  String.raw`\bpost[- ]?(?:op|operative|operatively|surgical|surgery)\b|\bassociated surgical service\b|\b(?:after|following)\s+(?:(?:the|his|her|their|a|an|right|left|R|L|Rt|Lt|recent|revision|open|arthroscopic|total|partial)\s+)*(?:[\w/-]+\s+){0,2}?${OPERATION}\b`,
  'i',
);
