import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as z from 'zod/mini';
import { KnowledgeSchema, type KnowledgeData } from './schema';
import { compileKnowledge, type Knowledge } from './knowledge';
import { medicationProblems } from './medication-schema';
import { timelineProblems } from './timeline-schema';

/** A knowledge file that did not validate, with the file and the path inside it. */
export class KnowledgeError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly issues: string[],
  ) {
    super(message);
    this.name = 'KnowledgeError';
  }
}

const FILES = {
  guidelines: 'guidelines.json',
  citations: 'citations.json',
  treatments: 'treatments.json',
  limits: 'limits.json',
  bodyRegions: 'body-regions.json',
  diagnoses: 'diagnoses.json',
  surgeries: 'surgeries.json',
  medications: 'medications.json',
  timeline: 'mtus-timeline.json',
  legalFigures: 'legal-figures.json',
} as const;

/** Where the bundled data lives: beside this module in a build, or in the source tree. */
export function defaultKnowledgeDir(): string {
  const candidates = [
    process.env.MTUS_LINT_KNOWLEDGE_DIR,
    path.join(__dirname, 'data'),
    path.join(__dirname, 'knowledge'),
    path.resolve(__dirname, '../../../../server/src/knowledge/data'),
    path.resolve(__dirname, '../server/src/knowledge/data'),
  ];
  for (const dir of candidates) {
    // Every file: a compiled tree may hold only the files some module imports.
    if (dir && Object.values(FILES).every((f) => fs.existsSync(path.join(dir, f)))) return dir;
  }
  throw new Error(`mtus-lint: the bundled knowledge base was not found (looked in ${candidates.filter(Boolean).join(', ')})`);
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new KnowledgeError(`cannot read knowledge file ${file}: ${(e as Error).message}`, file, []);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new KnowledgeError(`knowledge file ${file} is not valid JSON: ${(e as Error).message}`, file, []);
  }
}

export function formatIssues(error: z.core.$ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(top)'}: ${i.message}`);
}

/** Validate raw knowledge data; throws KnowledgeError naming each problem. */
export function parseKnowledge(raw: unknown, file = '(knowledge)'): KnowledgeData {
  const result = KnowledgeSchema.safeParse(raw);
  if (!result.success) {
    const issues = formatIssues(result.error);
    throw new KnowledgeError(`knowledge data in ${file} is invalid:\n  ${issues.join('\n  ')}`, file, issues);
  }
  checkReferences(result.data, file);
  return result.data;
}

/** Cross-references zod cannot see: every id a record names must exist. */
function checkReferences(data: KnowledgeData, file: string): void {
  const problems: string[] = [];
  const ids = (xs: { id: string }[], what: string) => {
    const seen = new Set<string>();
    for (const x of xs) {
      if (seen.has(x.id)) problems.push(`${what}: duplicate id "${x.id}"`);
      seen.add(x.id);
    }
    return seen;
  };
  const guidelines = ids(data.guidelines, 'guidelines');
  const citations = ids(data.citations, 'citations');
  const treatments = ids(data.treatments, 'treatments');
  ids(data.limits, 'limits');
  const regions = ids(data.bodyRegions, 'bodyRegions');
  const diagnoses = ids(data.diagnoses, 'diagnoses');
  ids(data.surgeries, 'surgeries');
  data.citations.forEach((c, i) => {
    if (!guidelines.has(c.guideline)) problems.push(`citations.${i} (${c.id}): unknown guideline "${c.guideline}"`);
    for (const t of c.treatments) if (!treatments.has(t)) problems.push(`citations.${i} (${c.id}): unknown treatment "${t}"`);
  });
  data.limits.forEach((l, i) => {
    if (!treatments.has(l.treatment)) problems.push(`limits.${i} (${l.id}): unknown treatment "${l.treatment}"`);
    if (!guidelines.has(l.guideline)) problems.push(`limits.${i} (${l.id}): unknown guideline "${l.guideline}"`);
    if (!citations.has(l.citation)) problems.push(`limits.${i} (${l.id}): unknown citation "${l.citation}"`);
    for (const r of l.notRecommended?.regions ?? []) if (!regions.has(r)) problems.push(`limits.${i} (${l.id}): unknown body region "${r}" in notRecommended`);
    if (l.statutoryCap && !citations.has(l.statutoryCap.citation))
      problems.push(`limits.${i} (${l.id}): unknown citation "${l.statutoryCap.citation}" in statutoryCap`);
    for (const d of l.byDiagnosis ?? [])
      if (!diagnoses.has(d.diagnosis)) problems.push(`limits.${i} (${l.id}): unknown diagnosis "${d.diagnosis}" in byDiagnosis`);
  });
  data.surgeries.forEach((s, i) => {
    if (!treatments.has(s.treatment)) problems.push(`surgeries.${i} (${s.id}): unknown treatment "${s.treatment}"`);
    if (!citations.has(s.citation)) problems.push(`surgeries.${i} (${s.id}): unknown citation "${s.citation}"`);
    for (const r of s.regions) if (!regions.has(r)) problems.push(`surgeries.${i} (${s.id}): unknown body region "${r}"`);
  });
  const codes = new Map<string, string>();
  for (const t of data.treatments) {
    for (const c of t.codes?.cpt ?? []) {
      if (codes.has(c)) problems.push(`treatments (${t.id}): code ${c} already names "${codes.get(c)}"`);
      codes.set(c, t.id);
    }
  }
  problems.push(...medicationProblems(data.medications, citations));
  if (data.timeline) problems.push(...timelineProblems(data.timeline, data.figures, { guidelines, citations, treatments, regions }));
  if (problems.length) {
    throw new KnowledgeError(`knowledge data in ${file} is inconsistent:\n  ${problems.join('\n  ')}`, file, problems);
  }
}

/** Load and validate the knowledge base from a folder of JSON files. */
export function loadKnowledgeDir(dir: string): Knowledge {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(FILES)) raw[key] = readJson(path.join(dir, name));
  const version = readJson(path.join(dir, 'version.json')) as { version?: unknown };
  raw.version = typeof version?.version === 'string' ? version.version : 'unknown';
  // Validated once as a whole (a tenth of a second of every start); only when that fails is
  // each file validated alone, so the error names the file it is in. zod/mini writes no parser
  // for a shape on its first use, as classic zod did unless told `jitless`: that pays only for a
  // shape parsed many times, and cost a quarter of this load.
  const whole = KnowledgeSchema.safeParse(raw);
  if (whole.success) {
    checkReferences(whole.data, dir);
    return compileKnowledge(whole.data);
  }
  const perFile = KnowledgeSchema.shape;
  for (const [key, name] of Object.entries(FILES)) {
    const r = perFile[key as keyof typeof FILES].safeParse(raw[key]);
    if (!r.success) {
      const file = path.join(dir, name);
      const issues = formatIssues(r.error);
      throw new KnowledgeError(`knowledge file ${file} is invalid:\n  ${issues.join('\n  ')}`, file, issues);
    }
  }
  return compileKnowledge(parseKnowledge(raw, dir));
}

let cached: Knowledge | undefined;

/** The bundled knowledge base, loaded once per process. */
export function defaultKnowledge(): Knowledge {
  cached ??= loadKnowledgeDir(defaultKnowledgeDir());
  return cached;
}
