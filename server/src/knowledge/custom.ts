import { z } from 'zod';
import { compileKnowledge, type Knowledge } from './knowledge';
import { jsonErrorOffset, locateJson, type Located } from './json-locate';
import { KnowledgeError, parseKnowledge } from './load';
import { UserFigureSchema } from './timeline-schema';
import { BodyRegionSchema, CitationEntrySchema, DiagnosisSchema, GuidelineSchema, LimitSchema, SurgerySchema, TreatmentSchema, type KnowledgeData } from './schema';

// A user's own knowledge file: entries that add to the bundled knowledge base or replace an
// entry with the same id (a practice's preferred citation wording, a limit their reviewers
// apply, an alias their forms use). Validated by the same schemas; every error is placed on the
// line of the file that holds it.

const SECTIONS = {
  guidelines: GuidelineSchema,
  citations: CitationEntrySchema,
  treatments: TreatmentSchema,
  limits: LimitSchema,
  bodyRegions: BodyRegionSchema,
  diagnoses: DiagnosisSchema,
  surgeries: SurgerySchema,
  // Figures read from a licensed guideline the user holds (docs/mtus-timeline.md).
  figures: UserFigureSchema,
} as const;

type Section = keyof typeof SECTIONS;

const CustomSchema = z
  .object(Object.fromEntries(Object.entries(SECTIONS).map(([k, s]) => [k, z.array(s).optional()])) as { [K in Section]: z.ZodOptional<z.ZodArray<(typeof SECTIONS)[K]>> })
  .strict();

export interface CustomProblem {
  message: string;
  /** Where in the file; the top of the file when no better place is known. */
  span: Located;
}

export interface CustomResult {
  /** The merged knowledge base, when the file is valid. */
  knowledge?: Knowledge;
  problems: CustomProblem[];
  /** How many entries the file adds and replaces. */
  added: number;
  replaced: number;
}

/** Merge `custom` into `base`, section by section, by id. */
function merge(base: KnowledgeData, custom: Partial<Record<Section, { id: string }[]>>): { data: KnowledgeData; added: number; replaced: number } {
  const data = structuredClone(base) as unknown as Record<string, { id: string }[]>;
  let added = 0;
  let replaced = 0;
  for (const section of Object.keys(SECTIONS) as Section[]) {
    for (const entry of custom[section] ?? []) {
      const list = data[section];
      const at = list.findIndex((x) => x.id === entry.id);
      if (at >= 0) {
        list[at] = entry;
        replaced++;
      } else {
        list.push(entry);
        added++;
      }
    }
  }
  return { data: data as unknown as KnowledgeData, added, replaced };
}

export function loadCustomKnowledge(text: string, file: string, base: KnowledgeData): CustomResult {
  const none = { problems: [], added: 0, replaced: 0 };
  const top = { start: 0, end: Math.min(text.length, Math.max(1, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'))) };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const at = Math.max(0, jsonErrorOffset(text));
    return { ...none, problems: [{ message: `This knowledge file is not valid JSON: ${(e as Error).message}`, span: { start: at, end: Math.min(text.length, at + 1) } }] };
  }
  const places = locateJson(text);
  const where = (path: (string | number)[]): Located => {
    for (let n = path.length; n >= 0; n--) {
      const p = places.get(path.slice(0, n).join('.'));
      if (p && (n > 0 || path.length === 0)) return p;
    }
    return top;
  };
  const parsed = CustomSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ...none,
      problems: parsed.error.issues.map((i) => {
        const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        const unknownKey = i.code === 'unrecognized_keys' ? (i as { keys?: string[] }).keys?.[0] : undefined;
        const span = unknownKey ? where([...path, unknownKey]) : where(path);
        const label = path.length ? path.join('.') : 'the file';
        const what = unknownKey ? `"${unknownKey}" is not a section of a knowledge file (${Object.keys(SECTIONS).join(', ')})` : i.message;
        return { message: `${label}: ${what}`, span };
      }),
    };
  }
  const { data, added, replaced } = merge(base, parsed.data as Partial<Record<Section, { id: string }[]>>);
  // The version says the base was extended, so a status or report can tell.
  data.version = `${base.version} + ${file.split(/[\\/]/).pop()}`;
  try {
    return { knowledge: compileKnowledge(parseKnowledge(data, file)), problems: [], added, replaced };
  } catch (e) {
    if (!(e instanceof KnowledgeError)) throw e;
    // Cross-reference problems name the merged list and the entry's id: find that entry in the file.
    const problems = e.issues.map((issue) => {
      const m = /^(\w+)\.\d+ \(([^)]+)\)/.exec(issue);
      const section = m?.[1] as Section | undefined;
      const index = section ? (parsed.data[section] as { id: string }[] | undefined)?.findIndex((x) => x.id === m![2]) ?? -1 : -1;
      return { message: issue.replace(/^(\w+)\.\d+ /, (_, s: string) => `${s}.${index >= 0 ? index : '?'} `), span: index >= 0 ? where([section!, index]) : top };
    });
    return { ...none, problems };
  }
}

