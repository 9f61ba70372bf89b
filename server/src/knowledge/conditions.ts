import { aliasSource, escapeRegex, wordAlternation } from './aliases';
import type { Diagnosis, KnowledgeData, Surgery } from './schema';

// Diagnoses and surgeries change which figure applies (physical medicine for myalgia, therapy
// after a Bankart repair). Their names and codes are matched by one regex each, built once.

const escape = escapeRegex;

/** An alias in capitals of up to five letters ("CRPS", "RSD") is matched only in capitals. */
const isAcronym = (a: string) => /^[A-Z]{2,5}$/.test(a);

export interface Conditions {
  /** Diagnosis names and ICD-10/ICD-9 codes; see diagnosisOf. */
  diagnosisPattern: RegExp | undefined;
  diagnosisOf(matched: string): Diagnosis | undefined;
  surgeryPattern: RegExp | undefined;
  /** The distinctive words of the surgeries ("Bankart", "metacarpal"): the full pattern runs only near them. */
  surgeryAnchor: RegExp | undefined;
  surgeryOf(matched: string): Surgery | undefined;
}

const anchorWords = (words: string[]) => `\\b(?:${[...new Set(words)].map(escape).join('|')})`;

export function compileConditions(data: KnowledgeData): Conditions {
  const words: string[] = [];
  const acronyms = new Map<string, Diagnosis>();
  const tests: { re: RegExp; diagnosis: Diagnosis }[] = [];
  const codes: { prefix: string; diagnosis: Diagnosis }[] = [];
  for (const d of data.diagnoses) {
    for (const a of d.aliases) {
      if (isAcronym(a)) acronyms.set(a, d);
      else {
        words.push(a);
        tests.push({ re: new RegExp(`^(?:${aliasSource(a)})$`, 'i'), diagnosis: d });
      }
    }
    for (const c of [...d.icd10, ...d.icd9]) codes.push({ prefix: c.toUpperCase(), diagnosis: d });
  }
  // Codes are read by shape and looked up by prefix, so "M79.12" finds M79.1.
  const codeShape = String.raw`[A-TV-Z]\d[0-9A-Z]\.[0-9A-Z]{1,4}|[A-TV-Z]\d[0-9A-Z](?=\s*[-:,)])|\d{3}\.\d{1,2}`;
  const parts = [
    words.length ? `(?<word>\\b(?:${wordAlternation(words)})\\b)` : '',
    acronyms.size ? `(?<acronym>(?<![A-Za-z])(?:${[...acronyms.keys()].map(escape).join('|')})(?![A-Za-z]))` : '',
    codes.length ? `(?<code>(?<![\\w.])(?:${codeShape})(?![\\w.]))` : '',
  ].filter(Boolean);
  const diagnosisPattern = parts.length ? new RegExp(parts.join('|'), 'g') : undefined;

  const surgeryTests: { re: RegExp; surgery: Surgery }[] = [];
  const surgeryAliases: string[] = [];
  for (const s of data.surgeries) {
    for (const a of s.aliases) {
      surgeryTests.push({ re: new RegExp(`^(?:${aliasSource(a)})$`, 'i'), surgery: s });
      surgeryAliases.push(a);
    }
  }
  return {
    diagnosisPattern,
    diagnosisOf(matched) {
      const acronym = acronyms.get(matched);
      if (acronym) return acronym;
      const word = tests.find((t) => t.re.test(matched));
      if (word) return word.diagnosis;
      const code = matched.toUpperCase();
      // The longest prefix wins: a code belongs to the most specific entry.
      let best: { prefix: string; diagnosis: Diagnosis } | undefined;
      for (const c of codes) if (code.startsWith(c.prefix) && (!best || c.prefix.length > best.prefix.length)) best = c;
      return best?.diagnosis;
    },
    surgeryPattern: surgeryAliases.length ? new RegExp(`\\b(?:${wordAlternation(surgeryAliases)})\\b`, 'gi') : undefined,
    surgeryAnchor: surgeryAliases.length ? new RegExp(anchorWords(data.surgeries.flatMap((x) => x.anchors)), 'gi') : undefined,
    surgeryOf: (matched) => surgeryTests.find((t) => t.re.test(matched))?.surgery,
  };
}
