import type { Knowledge } from '../knowledge/knowledge';
import { findCitations } from './parse/citations';
import { findDiagnoses, findSurgeries } from './parse/conditions';
import { evidenceOf, findEvidence } from './parse/evidence';
import { assembleItems } from './parse/items';
import { findMedications } from './parse/medications';
import { findRegionMentions, findTreatmentMentions, type TreatmentMention } from './parse/mentions';
import { unitAt } from './parse/part-role';
import { remapAnalysis, remapSpans } from './remap';
import { readSpacing } from './structure/spacing';
import { readStructure } from './structure/read';
import type { AnalysisMemo } from './memo';
import { applyDirectives, findDirectives } from './directives';
import { RULES } from './rules';
import { ruleMemoOf } from './rules/rule-memo';
import { paragraphsAfterEdit } from './rules/paragraphs';
import { mtusInForce } from './mtus/in-force';
import { readsTodaysCitations, reviseForMtusInForce } from './mtus/revise';
import type { Knowledge as KB } from '../knowledge/knowledge';
import type { AnalysisResult, AnalyzeOptions, Citation, DocumentKind, EditionReason, Finding, RequestedItem } from './types';
import { inferKind } from './document-kind';
import { perAnalysis } from './per-analysis';

export { inferKind } from './document-kind';

export const DEFAULT_MAX_LENGTH = 2_000_000;

const RULE_IDS = RULES.map((r) => r.id);

export interface Analysis extends AnalysisResult {
  /** Treatment names found anywhere, for hover. */
  mentions: TreatmentMention[];
}

/** Whether every region of `a` ("hand") is among those of `b` ("hand,wrist"): the same request written more briefly. */
const within = (a: string, b: string) => a.split(',').every((x) => b.split(',').includes(x));

interface At {
  finding: Finding;
  /** Its place among the findings kept. */
  at: number;
}
/** The first finding kept with some regions, and the first of those not an item of a form. */
interface FirstWith {
  any: At;
  unstructured?: At;
}
type FirstWithRegions = Map<string, FirstWith>;

function keepFirst(seen: Map<string, FirstWithRegions>, key: string, regions: string, structured: boolean, f: At): void {
  let byRegions = seen.get(key);
  if (!byRegions) seen.set(key, (byRegions = new Map()));
  const first = byRegions.get(regions);
  if (!first) byRegions.set(regions, { any: f, unstructured: structured ? undefined : f });
  else if (!structured && !first.unstructured) first.unstructured = f;
}

/**
 * A letter often writes the same request several times (summary, heading, closing). That is
 * one problem: keep the first finding, point it at the other places, and let its fix cap
 * every one of them so the letter stays consistent.
 */
function mergeRestatements(findings: Finding[]): Finding[] {
  // The subject is "treatment|total|extension#regions": the same request when all but the
  // regions agree and the regions agree too, or one mention names none or only some of the other's.
  // A finding joins the first one before it that it restates. Whether it restates one depends only
  // on that one's regions and on whether both are items of a form ("@"), so of the findings kept
  // with the same regions only the first, and the first not of a form, can be joined: a long
  // form's thousand alike rows are not each compared with every row before.
  const seen = new Map<string, FirstWithRegions>();
  const out: Finding[] = [];
  for (const f of findings) {
    // "what#rest" read without a split: this runs for each of a long form's thousands of findings.
    const subject = f.subject ?? '';
    const hash = subject.indexOf('#');
    const what = hash < 0 ? subject : subject.slice(0, hash);
    const second = hash < 0 ? -1 : subject.indexOf('#', hash + 1);
    const rest = hash < 0 ? '' : subject.slice(hash + 1, second < 0 ? subject.length : second);
    const structured = rest.endsWith('@');
    const regions = structured ? rest.slice(0, -1) : rest;
    const key = f.subject ? `${f.rule}|${what}` : undefined;
    const byRegions = key ? seen.get(key) : undefined;
    let kept: At | undefined;
    for (const [r, first] of byRegions ?? []) {
      // Two items of a form's table or list are two requests, however alike.
      const candidate = structured ? first.unstructured : first.any;
      if (!candidate || (kept && kept.at <= candidate.at)) continue;
      if (r === regions || r === '' || regions === '' || within(r, regions) || within(regions, r)) kept = candidate;
    }
    if (!kept) {
      if (key) keepFirst(seen, key, regions, structured, { finding: f, at: out.length });
      out.push(f);
      continue;
    }
    const k = kept.finding;
    (k.related ??= []).push(f.span);
    if (k.fix && f.fix) k.fix.edits.push(...f.fix.edits);
  }
  for (const f of out) {
    if (f.related?.length && f.fix) f.fix.title = `${f.fix.title}, in ${f.related.length + 1} places`;
  }
  return out;
}

/**
 * The Chronic Pain edition to judge by: the setting's, else the one the document's own citations
 * use most (a 2009 letter is answered in 2009 terms), else the knowledge base's default.
 */
export function chooseEdition(kb: KB, citations: Citation[], setting?: string): { edition: string; reason: EditionReason } {
  if (setting && setting !== 'auto' && kb.editions.includes(setting)) return { edition: setting, reason: 'setting' };
  const counts = new Map<string, number>();
  for (const c of citations) {
    const e = c.guideline ? kb.guideline(c.guideline)?.edition : undefined;
    if (e && kb.editions.includes(e)) counts.set(e, (counts.get(e) ?? 0) + 1);
  }
  const cited = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))[0];
  return cited ? { edition: cited[0], reason: 'document' } : { edition: kb.defaultEdition, reason: 'default' };
}

/** How an edition is named to a user: the short name of its Chronic Pain guideline ("CPMTG 2016"). */
export function editionLabel(kb: KB, edition: string): string {
  return kb.data.guidelines.find((g) => g.edition === edition && g.citedBy !== 'regulation')?.short ?? edition;
}

/**
 * Parse a draft and run every rule over it. Pure: text and knowledge in, findings out. `memo`
 * (one per document, kept between its versions) lets an edit re-read only what it touched; the
 * result is the same with or without it.
 */
export function analyze(text: string, kb: Knowledge, options: AnalyzeOptions = {}, memo?: AnalysisMemo): Analysis {
  return perAnalysis(() => analyzeWhole(text, kb, options, memo));
}

function analyzeWhole(text: string, kb: Knowledge, options: AnalyzeOptions, memo?: AnalysisMemo): Analysis {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const limit = Math.min(text.length, maxLength);
  const scope = limit < text.length ? text.slice(0, limit) : text;
  const kind = options.kind ?? memo?.kindOf(scope) ?? inferKind(scope);
  // An OCR'd form is read through a re-spaced copy; the result's spans are mapped back.
  const view = memo ? memo.spacing.read(scope) : readSpacing(scope);
  const doc = readDocument(view.text, kb, options, kind, memo, view.identity);
  const result = judge(view.text, kb, options, doc);
  if (limit < text.length) result.truncatedAt = limit;
  return remapAnalysis(result, view);
}

/**
 * The requested items of a short text (a letter's item title, for the corpus miner): the
 * document read as analyze() reads it, without the rules, which would judge what it discards.
 */
export function readItems(text: string, kb: Knowledge, kind: DocumentKind): RequestedItem[] {
  const view = readSpacing(text);
  return perAnalysis(() => remapSpans(readDocument(view.text, kb, {}, kind, undefined, view.identity).doc.items, view));
}

/** What the document holds (its structure, items, citations, evidence and facts), before any rule judges it. */
function readDocument(scope: string, kb: Knowledge, options: AnalyzeOptions, kind: DocumentKind, memo: AnalysisMemo | undefined, identity: boolean) {
  // What a memo hands out may be shared with its next analysis when nothing changes it in place:
  // only remap.ts does, for a re-spaced view (and the mentions' roles are set below, on copies).
  // The MTUS in force on the document's date (engine/mtus/): today's citation forms are read,
  // and findings revised, only for dates it applies to.
  // Where this version differs from the last one read: the stages that can re-read only there do.
  const edit = memo?.editTo(scope);
  const mtus = mtusInForce(scope, kind, kb, options, memo && ((text, k) => memo.documentDate.read(text, k, edit)));
  const structure = memo ? memo.structure.read(scope, edit, identity) : readStructure(scope);
  const current = readsTodaysCitations(mtus);
  const citations = memo ? memo.citations.read(scope, { kb, current }, edit, identity) : findCitations(scope, kb, scope.length, current);
  // A treatment named inside a citation ("... Massage therapy Page(s): 60") is not a request.
  const inCitation = (s: { span: { start: number; end: number } }) => {
    // Citations are sorted and do not overlap: find the last one starting at or before s.
    let lo = 0;
    let hi = citations.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (citations[mid].span.start <= s.span.start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && s.span.end <= citations[at].span.end;
  };
  // Each mention's role is set on a copy when the memo hands out its own (a view read as it is);
  // otherwise on the copy it handed out.
  const found = memo ? memo.treatments.read(scope, kb, edit, identity) : findTreatmentMentions(scope, kb);
  const mentions: TreatmentMention[] = [];
  for (const m of found) {
    if (inCitation(m)) continue;
    const role = unitAt(structure.units, m.span.start)?.role ?? 'narrative';
    mentions.push(memo && identity ? memo.withRole(m, role) : Object.assign(m, { role }));
  }
  const regions = memo ? memo.regions.read(scope, kb, edit, identity) : findRegionMentions(scope, kb);
  const { items, priorCourses, firstCourses, priorMentioned } = assembleItems(
    { text: scope, kind, structure, mentions, regions, citations, kb },
    memo && {
      passages: memo.passages,
      edit,
      changed: [memo.structure.lastSpan, memo.treatments.lastWindow, memo.regions.lastWindow, memo.citations.lastWindow],
      shared: identity,
      hadBefore: memo.hadBefore,
    },
  );
  const segments = structure.units.map((u) => u.span);
  const evidence = memo ? evidenceOf(memo.evidence.read(scope, undefined, edit, identity), priorCourses) : findEvidence(scope, priorCourses);
  const asked = (at: number) => {
    const role = unitAt(structure.units, at)?.role ?? 'narrative';
    return role === 'request' || (role === 'narrative' && !structure.hasRequestStructure);
  };
  const medications = findMedications(
    scope,
    kb,
    segments,
    inCitation,
    asked,
    mentions.map((m) => m.span.start),
    memo?.medications.reuse(scope, kb, edit, identity),
  );

  const { edition, reason: editionReason } = chooseEdition(kb, citations, options.edition);
  const diagnoses = memo ? memo.diagnoses.read(scope, kb, edit, identity) : findDiagnoses(scope, kb);
  const surgeries = memo ? memo.surgeries.read(scope, kb, edit, identity) : findSurgeries(scope, kb);
  // Comments the writer put in the text to silence rules (read before the rules: one reports misspelt ids).
  const { directives, lineOf } = memo ? memo.directives.find(scope, edit) : findDirectives(scope);
  const doc = {
    kind,
    items,
    medications,
    citations,
    evidence,
    truncatedAt: undefined as number | undefined,
    segments,
    edition,
    editionReason,
    diagnoses,
    surgeries,
    mentions,
    regions,
    directives,
    structure,
    firstCourses: [...firstCourses],
    priorMentioned,
    mtus,
  };
  const find = memo?.finders.forText(scope, edit, identity);
  const rulesMemo = memo && ruleMemoOf(memo);
  // The blank lines the rules' paragraphs are cut at, searched again only where the edit was.
  paragraphsAfterEdit(scope, edit);
  return { doc, find, rulesMemo, lineOf };
}

/**
 * A rule's finding with its rule and severity: a new object (a rule may hand out one it keeps),
 * written field by field. An object spread here, over findings of forty rules' shapes, went
 * through V8's slowest copy path and was about a sixth of a warm keystroke's analysis.
 */
function withRule(f: Omit<Finding, 'rule' | 'severity'>, rule: string, severity: Finding['severity']): Finding {
  const out: Finding = { rule, severity, span: f.span, message: f.message };
  if (f.citation !== undefined) out.citation = f.citation;
  if (f.edition !== undefined) out.edition = f.edition;
  if (f.fix !== undefined) out.fix = f.fix;
  if (f.related !== undefined) out.related = f.related;
  if (f.subject !== undefined) out.subject = f.subject;
  return out;
}

/** Every rule run over the document read; their findings revised for the MTUS in force, restatements merged, directives applied. */
function judge(scope: string, kb: Knowledge, options: AnalyzeOptions, read: ReturnType<typeof readDocument>): Analysis {
  const { doc, find, rulesMemo, lineOf } = read;
  const { kind, edition, directives } = doc;
  const findings: Finding[] = [];
  // One context for every rule (none changes it): not forty made on each keystroke.
  const ctx = { text: scope, kb, doc, corpus: options.corpus, today: options.today, edition, ruleIds: RULE_IDS, find, memo: rulesMemo };
  for (const rule of RULES) {
    const setting = options.ruleSeverity?.[rule.id];
    if (setting === 'off' || !rule.kinds.includes(kind)) continue;
    const found = rule.check(ctx);
    for (let i = 0; i < found.length; i++) findings.push(withRule(found[i], rule.id, setting ?? rule.defaultSeverity));
  }
  findings.sort((a, b) => a.span.start - b.span.start);
  const inForce = reviseForMtusInForce(findings, ctx, options.ruleSeverity);
  return { ...doc, findings: applyDirectives(mergeRestatements(inForce), directives, lineOf) };
}
