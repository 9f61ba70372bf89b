import type { BodyRegion, CitationEntry, Guideline, KnowledgeData, Limit, Treatment } from './schema';

/** Validated knowledge with its lookups and regexes built once, not per keystroke. */
export interface Knowledge {
  data: KnowledgeData;
  version: string;
  guideline(id: string): Guideline | undefined;
  citation(id: string): CitationEntry | undefined;
  treatment(id: string): Treatment | undefined;
  limitFor(treatment: string): Limit | undefined;
  region(id: string): BodyRegion | undefined;
  /** Matches any treatment alias; group names are not used, see treatmentOf. */
  treatmentPattern: RegExp;
  /** Matches uppercase abbreviations (PT, OT, CMT) case-sensitively. */
  abbreviationPattern: RegExp | undefined;
  treatmentOf(matched: string): Treatment | undefined;
  regionPattern: RegExp;
  regionOf(matched: string): BodyRegion | undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alias in /slashes/ is a regex source; any other is a literal phrase with flexible spaces. */
function aliasSource(alias: string): string {
  if (alias.length > 2 && alias.startsWith('/') && alias.endsWith('/')) return alias.slice(1, -1);
  return escape(alias).replace(/\\?\s+/g, '[\\s-]+');
}

function wordAlternation(aliases: string[]): string {
  // Longest first so "massage therapy" wins over "massage".
  return [...aliases].sort((a, b) => b.length - a.length).map(aliasSource).join('|');
}

export function compileKnowledge(data: KnowledgeData): Knowledge {
  const byId = <T extends { id: string }>(xs: T[]) => new Map(xs.map((x) => [x.id, x]));
  const guidelines = byId(data.guidelines);
  const citations = byId(data.citations);
  const treatments = byId(data.treatments);
  const regions = byId(data.bodyRegions);
  const limits = new Map(data.limits.map((l) => [l.treatment, l]));

  const aliasTests: { re: RegExp; treatment: Treatment }[] = [];
  const allAliases: string[] = [];
  for (const t of data.treatments) {
    for (const a of t.aliases) {
      aliasTests.push({ re: new RegExp(`^(?:${aliasSource(a)})$`, 'i'), treatment: t });
      allAliases.push(a);
    }
  }
  const abbrevs = new Map<string, Treatment>();
  for (const t of data.treatments) for (const a of t.abbreviations) abbrevs.set(a, t);

  const treatmentPattern = new RegExp(`\\b(?:${wordAlternation(allAliases)})\\b`, 'gi');
  const abbreviationPattern = abbrevs.size
    ? new RegExp(`(?<![A-Za-z0-9/])(?:${[...abbrevs.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![A-Za-z0-9])`, 'g')
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

  return {
    data,
    version: data.version,
    guideline: (id) => guidelines.get(id),
    citation: (id) => citations.get(id),
    treatment: (id) => treatments.get(id),
    limitFor: (t) => limits.get(t),
    region: (id) => regions.get(id),
    treatmentPattern,
    abbreviationPattern,
    treatmentOf(matched) {
      const exact = abbrevs.get(matched);
      if (exact) return exact;
      return aliasTests.find((a) => a.re.test(matched))?.treatment;
    },
    regionPattern,
    regionOf: (matched) => regionAliases.find((a) => a.re.test(matched))?.region,
  };
}
