import type { Knowledge } from '../../knowledge/knowledge';
import type { Timeline, TimelineGuideline } from '../../knowledge/timeline-schema';
import { governingVersion } from '../../knowledge/timeline';
import type { Citation } from '../types';

// Today's citation forms: "MTUS (ACOEM) Low Back Disorders Guideline", "ACOEM Chronic Pain
// Guideline (2017)", "MTUS Drug List v13". They are read only in documents dated from the
// 12/1/2017 rebase: before it "ACOEM Hip and Groin" was not part of the MTUS, and the letters of
// that time are read as they always were.

// Each current ACOEM title, the citation entry it resolves to, and its timeline topic.
const TITLES: [string, string, string][] = [
  ['chronic-pain', 'acoem-mtus-chronic-pain', String.raw`Chronic\s+Pain`],
  ['opioids', 'acoem-mtus-opioids', String.raw`Opioids?`],
  ['low-back', 'acoem-mtus-low-back', String.raw`Low\s+Back(?:\s+Disorders)?`],
  ['neck-upper-back', 'acoem-mtus-cervical-thoracic', String.raw`Cervical\s+(?:and|&)\s+Thoracic\s+Spine(?:\s+Disorders)?`],
  ['shoulder', 'acoem-mtus-shoulder', String.raw`Shoulder(?:\s+Disorders)?`],
  ['elbow', 'acoem-mtus-elbow', String.raw`Elbow(?:\s+Disorders)?`],
  ['hand-wrist-forearm', 'acoem-mtus-hand-wrist-forearm', String.raw`Hand,?\s+Wrist,?\s+(?:and|&)\s+Forearm(?:\s+Disorders)?`],
  ['knee', 'acoem-mtus-knee', String.raw`Knee(?:\s+Disorders)?`],
  ['ankle-foot', 'acoem-mtus-ankle-foot', String.raw`Ankle\s+(?:and|&)\s+Foot(?:\s+Disorders)?`],
  ['hip-groin', 'acoem-mtus-hip-groin', String.raw`Hip\s+(?:and|&)\s+Groin(?:\s+Disorders)?`],
  ['initial-approaches', 'acoem-mtus-initial-approaches', String.raw`Initial\s+Approaches(?:\s+to\s+Treatment)?`],
  ['eye', 'acoem-mtus-eye', String.raw`Eye(?:\s+Disorders)?`],
  ['asthma', 'acoem-mtus-asthma', String.raw`(?:Occupational(?:\s*\/\s*Work-Related)?\s+)?Asthma`],
  ['interstitial-lung-disease', 'acoem-mtus-ild', String.raw`(?:Occupational\s+)?Interstitial\s+Lung\s+Disease`],
  ['mental-health-depression', 'acoem-mtus-mental-health', String.raw`Workplace\s+Mental\s+Health`],
  ['covid-19', 'acoem-mtus-covid-19', String.raw`Coronavirus(?:\s*\(COVID-19\))?|COVID-19`],
  ['cannabis', 'acoem-mtus-cannabis', String.raw`Cannabis`],
];

const VERSION = String.raw`(?:\s*,?\s*\(?\s*(?<version>(?:\d{1,2}\/){0,2}(?:19|20)\d\d)\s*\)?)?`;
const ACOEM = new RegExp(
  String.raw`(?:\bMTUS\s*\(\s*ACOEM\s*\)|\bACOEM)\s+(?:${TITLES.map(([t, , src]) => `(?<t_${t.replace(/-/g, '_')}>${src})`).join('|')})(?:\s+(?:Guidelines?|Disorders))?${VERSION}`,
  'g',
);
const DRUG_LIST =
  /\bMTUS\s+Drug\s+(?:List|Formulary)(?:\s*,?\s*(?:\(\s*(?:v\.?\s*|version\s+)(?<v>\d+(?:\.\d+)?)\s*\)|(?:v\.?\s*|version\s+)(?<v1>\d+(?:\.\d+)?)))?|\bDrug\s+List\s+(?:v\.?\s*|version\s+)(?<v2>\d+(?:\.\d+)?)/gi;

/** The timeline topic a current ACOEM citation names ("low-back"), from its citation entry. */
export const topicOfCitation = (entry: string) => TITLES.find(([, id]) => id === entry)?.[0];

/**
 * The matches of `re` (global) that start in [from, to), as `re.exec` from `from` finds them.
 * Every match starts with one of the words of `starts`: each place one stands is tried in turn,
 * the pattern held to start there. A window of a long document (incremental/window.ts) is then
 * read by its own length: an exec finding nothing before `to` would scan on to the text's end.
 */
function* matchesAt(re: RegExp, starts: RegExp, text: string, from: number, to: number): Generator<RegExpExecArray> {
  const at = new RegExp(re.source, `${re.flags.replace('g', '')}y`);
  const words = new RegExp(starts.source, starts.flags);
  // The longest start word fits in 5 characters past the last place a match may start.
  const part = to < text.length ? text.slice(from, to + 5) : from > 0 ? text.slice(from) : text;
  let next = from;
  for (let w; (w = words.exec(part));) {
    const p = from + w.index;
    words.lastIndex = w.index + 1;
    if (p >= to) break;
    if (p < next) continue;
    at.lastIndex = p;
    const m = at.exec(text);
    if (!m) continue;
    next = p + m[0].length;
    yield m;
  }
}

/** Today's citation forms in the text, resolved to the knowledge base's entries for them. */
export function findCurrentCitations(text: string, from = 0, to = Infinity): Citation[] {
  const out: Citation[] = [];
  for (const m of matchesAt(ACOEM, /MTUS|ACOEM/g, text, from, to)) {
    // "ACOEM Hip and Groin Disorders" alone is how 2016 letters cite a guideline outside the
    // MTUS: today's form says "MTUS (ACOEM)", "Guideline" or the version.
    if (!/^MTUS/.test(m[0]) && !/Guidelines?\b/.test(m[0]) && !m.groups!.version) continue;
    const hit = TITLES.find(([t]) => m!.groups![`t_${t.replace(/-/g, '_')}`] !== undefined)!;
    out.push({
      span: { start: m.index, end: m.index + m[0].length },
      text: m[0],
      guideline: 'mtus-acoem',
      sections: [m.groups![`t_${hit[0].replace(/-/g, '_')}`]],
      edition: m.groups!.version,
      resolved: [hit[1]],
    });
  }
  for (const m of matchesAt(DRUG_LIST, /MTUS|Drug/gi, text, from, to)) {
    out.push({
      span: { start: m.index, end: m.index + m[0].length },
      text: m[0],
      guideline: 'mtus-drug-list',
      edition: m.groups!.v ?? m.groups!.v1 ?? m.groups!.v2,
      resolved: ['mtus-drug-list'],
    });
  }
  return out;
}

/** Add today's forms to the citations found, replacing any older reading of the same words. */
export function mergeCitations(found: Citation[], current: Citation[]): Citation[] {
  if (!current.length) return found;
  const overlaps = (a: Citation, b: Citation) => a.span.start < b.span.end && b.span.start < a.span.end;
  return [...found.filter((c) => !current.some((n) => overlaps(c, n))), ...current].sort((a, b) => a.span.start - b.span.start);
}

/**
 * The version a current ACOEM citation names, and the one that governed on the date. A citation
 * that names no version cites whichever governed.
 */
export function citedVersions(
  c: Citation,
  kb: Knowledge,
  iso: string,
): { topic: string; cited?: TimelineGuideline; governing?: TimelineGuideline } | undefined {
  const t = kb.data.timeline;
  const topic = c.guideline === 'mtus-acoem' && c.resolved[0] ? topicOfCitation(c.resolved[0]) : undefined;
  if (!t || !topic) return undefined;
  const governing = governingVersion(t, topic, iso);
  return { topic, governing, cited: c.edition ? versionNamed(t, topic, c.edition) : governing };
}

/** A topic's version as a citation writes it: "2/13/2020", "2020" (the year alone picks the one of that year). */
function versionNamed(t: Timeline, topic: string, written: string): TimelineGuideline | undefined {
  const versions = t.guidelines.filter((g) => g.topic === topic && g.licensed);
  const norm = (v: string) => v.replace(/\b0(\d)/g, '$1');
  return versions.find((g) => norm(g.version) === norm(written)) ?? versions.find((g) => g.version.endsWith(written.slice(-4)));
}
