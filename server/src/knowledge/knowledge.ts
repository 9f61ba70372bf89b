import { aliasSource, escapeRegex, wordAlternation } from './aliases';
import { compileConditions, type Conditions } from './conditions';
import type { BodyRegion, CitationEntry, Guideline, KnowledgeData, Limit, Treatment } from './schema';
import { normalizeDrugName, type Drug, type DrugClass, type Medications } from './medication-schema';

/** Validated knowledge with its lookups and regexes built once, not per keystroke. */
export interface Knowledge {
  data: KnowledgeData;
  version: string;
  guideline(id: string): Guideline | undefined;
  citation(id: string): CitationEntry | undefined;
  treatment(id: string): Treatment | undefined;
  /** The limit for a treatment in the given edition ("2009", "2016"), else its first limit. */
  limitFor(treatment: string, edition?: string): Limit | undefined;
  /** The Chronic Pain guideline edition the knowledge base holds most completely. */
  defaultEdition: string;
  /** Editions a document may be judged by (a setting chooses among them). */
  editions: string[];
  conditions: Conditions;
  region(id: string): BodyRegion | undefined;
  /** Matches any treatment alias; group names are not used, see treatmentOf. */
  treatmentPattern: RegExp;
  /** Matches uppercase abbreviations (PT, OT, CMT) case-sensitively. */
  abbreviationPattern: RegExp | undefined;
  treatmentOf(matched: string): Treatment | undefined;
  /** The treatment a CPT or HCPCS code bills, if the knowledge base names one. */
  treatmentOfCode(code: string): Treatment | undefined;
  regionPattern: RegExp;
  regionOf(matched: string): BodyRegion | undefined;
  drug(id: string): Drug | undefined;
  drugClass(id: string): DrugClass | undefined;
  /** Matches any drug name, generic or brand (one alternation, longest names first). */
  drugPattern: RegExp;
  drugOf(matched: string): Drug | undefined;
}

const escape = escapeRegex;

/** `compute(key)`, computed once per key (the map is emptied when it grows past a bound). */
function remembered<T>(map: Map<string, T>, key: string, compute: () => T): T {
  if (map.has(key)) return map.get(key) as T;
  if (map.size >= 5000) map.clear();
  const value = compute();
  map.set(key, value);
  return value;
}

export function compileKnowledge(data: KnowledgeData): Knowledge {
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const guidelines = byId(data.guidelines);
  const citations = byId(data.citations);
  const treatments = byId(data.treatments);
  const regions = byId(data.bodyRegions);
  const limits = new Map<string, Limit[]>();
  for (const l of data.limits) limits.set(l.treatment, [...(limits.get(l.treatment) ?? []), l]);
  const editionOf = (l: Limit) => guidelines.get(l.guideline)?.edition;
  // Editions with a choice to make: those of guidelines that hold more than one limit's figures.
  // The default is the one with the most citation entries and limits behind it.
  const weight = new Map<string, number>();
  for (const l of data.limits) if ((limits.get(l.treatment)?.length ?? 0) > 1) weight.set(editionOf(l)!, (weight.get(editionOf(l)!) ?? 0) + 1);
  for (const c of data.citations) {
    const e = guidelines.get(c.guideline)?.edition;
    if (e && weight.has(e)) weight.set(e, weight.get(e)! + 1);
  }
  const editions = [...weight.keys()].sort();
  const defaultEdition = [...weight.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0]?.[0] ?? '';

  const aliasTests: { re: RegExp; treatment: Treatment }[] = [];
  const allAliases: string[] = [];
  for (const t of data.treatments) {
    for (const a of t.aliases) {
      aliasTests.push({ re: new RegExp(`^(?:${aliasSource(a)})$`, 'i'), treatment: t });
      allAliases.push(a);
    }
  }
  const byCode = new Map<string, Treatment>();
  for (const t of data.treatments) for (const c of t.codes?.cpt ?? []) byCode.set(c, t);
  const abbrevs = new Map<string, Treatment>();
  for (const t of data.treatments) for (const a of t.abbreviations) abbrevs.set(a, t);

  const treatmentPattern = new RegExp(`\\b(?:${wordAlternation(allAliases)})\\b`, 'gi');
  const abbreviationPattern = abbrevs.size
    ? new RegExp(
        `(?<![A-Za-z0-9/])(?:${[...abbrevs.keys()]
          .sort((a, b) => b.length - a.length)
          .map(escape)
          .join('|')})(?![A-Za-z0-9])`,
        'g',
      )
    : undefined;

  const regionAliases: { re: RegExp; region: BodyRegion }[] = [];
  const allRegionAliases: string[] = [];
  for (const r of data.bodyRegions) {
    for (const a of r.aliases) {
      regionAliases.push({ re: new RegExp(`^(?:${aliasSource(a)})$`, 'i'), region: r });
      allRegionAliases.push(a);
    }
  }
  const regionPattern = new RegExp(`\\b(?:${wordAlternation(allRegionAliases)})\\b`, 'gi');
  // Every name found in a text is looked up (a regex test per alias until one matches): the
  // same few spellings recur thousands of times in a long document, so each is tested once.
  const treatmentOfText = new Map<string, Treatment | undefined>();
  const regionOfText = new Map<string, BodyRegion | undefined>();

  return {
    data,
    version: data.version,
    guideline: (id) => guidelines.get(id),
    citation: (id) => citations.get(id),
    treatment: (id) => treatments.get(id),
    limitFor: (t, edition) => {
      const ls = limits.get(t);
      return ls?.find((l) => editionOf(l) === (edition ?? defaultEdition)) ?? ls?.[0];
    },
    defaultEdition,
    editions,
    conditions: compileConditions(data),
    region: (id) => regions.get(id),
    treatmentPattern,
    abbreviationPattern,
    treatmentOf(matched) {
      const exact = abbrevs.get(matched);
      if (exact) return exact;
      return remembered(treatmentOfText, matched, () => aliasTests.find((a) => a.re.test(matched))?.treatment);
    },
    treatmentOfCode: (code) => byCode.get(code.toUpperCase()),
    regionPattern,
    regionOf: (matched) => remembered(regionOfText, matched, () => regionAliases.find((a) => a.re.test(matched))?.region),
    ...compileMedications(data.medications),
  };
}

function compileMedications(m: Medications): Pick<Knowledge, 'drug' | 'drugClass' | 'drugPattern' | 'drugOf'> {
  const drugs = new Map(m.drugs.map((d) => [d.id, d]));
  const classes = new Map(m.classes.map((c) => [c.id, c]));
  // Drug names are plain words: a name is looked up, not tested against each alias's regex.
  const byName = new Map<string, Drug>();
  for (const d of m.drugs) for (const n of [...d.generic, ...d.brands]) byName.set(normalizeDrugName(n), d);
  // Names grouped by their first letter ("c(?:yclobenzaprine|elecoxib|...)"): the engine then
  // tries only the names that can start where it stands, which halves the scan.
  const byLetter = new Map<string, string[]>();
  for (const n of [...byName.keys()].sort((a, b) => b.length - a.length)) {
    const rest = escape(n.slice(1)).replace(/ /g, '[\\s-]+');
    byLetter.set(n[0], [...(byLetter.get(n[0]) ?? []), rest]);
  }
  const names = [...byLetter].map(([first, rests]) => `${escape(first)}(?:${rests.join('|')})`);
  const drugPattern = new RegExp(`\\b(?:${names.join('|') || '(?!)'})(?![A-Za-z])`, 'gi');
  return {
    drug: (id) => drugs.get(id),
    drugClass: (id) => classes.get(id),
    drugPattern,
    drugOf: (matched) => byName.get(normalizeDrugName(matched)),
  };
}
