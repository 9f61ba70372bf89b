import * as z from 'zod/mini';
import '../zod-english';
import { compileKnowledge, type Knowledge } from './knowledge';
import { findNodeAtLocation, parseTree, ParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { KnowledgeError, parseKnowledge } from './load';
import { UserFigureSchema } from './timeline-schema';
import {
  BodyRegionSchema,
  CitationEntrySchema,
  DiagnosisSchema,
  GuidelineSchema,
  LimitSchema,
  SurgerySchema,
  TreatmentSchema,
  type KnowledgeData,
} from './schema';

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

const CustomSchema = z.strictObject(
  Object.fromEntries(Object.entries(SECTIONS).map(([k, s]) => [k, z.optional(z.array(s))])) as {
    [K in Section]: z.ZodMiniOptional<z.ZodMiniArray<(typeof SECTIONS)[K]>>;
  },
);

/** Offsets of a place in the file. */
export interface Located {
  start: number;
  end: number;
}

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
  // Read as VS Code reads its own settings: comments and trailing commas are allowed, and every
  // value keeps its place in the file for the messages below.
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  let raw: unknown;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
    if (tree && !errors.length) raw = valueOf(tree);
  } catch (e) {
    // The reader recurses per level: thousands of nested brackets end the stack, not the server.
    if (!(e instanceof RangeError)) throw e;
    return { ...none, problems: [{ message: 'This knowledge file is nested too deeply to be a knowledge file.', span: top }] };
  }
  if (errors.length || !tree) {
    // The first error is the real one; those after it follow from the parser's recovery.
    const first = errors[0] ?? { error: ParseErrorCode.ValueExpected, offset: 0, length: 0 };
    const at = Math.min(first.offset, text.length);
    return {
      ...none,
      problems: [
        {
          message: `This knowledge file is not valid JSON: ${PARSE_ERRORS[first.error] ?? 'unexpected text'}.`,
          span: { start: at, end: Math.min(text.length, at + Math.max(1, first.length)) },
        },
      ],
    };
  }
  const root: Node = tree;
  const spanOf = (n: Node): Located => ({ start: n.offset, end: n.offset + n.length });
  const where = (path: (string | number)[], key = false): Located => {
    for (let n = path.length; n > 0; n--) {
      const node = findNodeAtLocation(root, path.slice(0, n));
      if (!node) continue;
      // An unknown property is marked on its name, not on its whole value.
      const name = key && n === path.length && node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      return spanOf(name ?? node);
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
        const span = unknownKey ? where([...path, unknownKey], true) : where(path);
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
      const index = section ? ((parsed.data[section] as { id: string }[] | undefined)?.findIndex((x) => x.id === m![2]) ?? -1) : -1;
      return {
        message: issue.replace(/^(\w+)\.\d+ /, (_, s: string) => `${s}.${index >= 0 ? index : '?'} `),
        span: index >= 0 ? where([section!, index]) : top,
      };
    });
    return { ...none, problems };
  }
}

const PARSE_ERRORS: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: 'a character that does not belong here',
  [ParseErrorCode.InvalidNumberFormat]: 'a number written wrongly',
  [ParseErrorCode.PropertyNameExpected]: 'a property name in double quotes was expected here',
  [ParseErrorCode.ValueExpected]: 'a value was expected here',
  [ParseErrorCode.ColonExpected]: 'a colon was expected here',
  [ParseErrorCode.CommaExpected]: 'a comma was expected here',
  [ParseErrorCode.CloseBraceExpected]: 'a closing brace } was expected here',
  [ParseErrorCode.CloseBracketExpected]: 'a closing bracket ] was expected here',
  [ParseErrorCode.EndOfFileExpected]: 'text after the end of the JSON value',
  [ParseErrorCode.InvalidCommentToken]: 'a comment written wrongly',
  [ParseErrorCode.UnexpectedEndOfComment]: 'a comment that is never closed',
  [ParseErrorCode.UnexpectedEndOfString]: 'a string that is never closed',
  [ParseErrorCode.UnexpectedEndOfNumber]: 'a number cut short',
  [ParseErrorCode.InvalidUnicode]: 'a \\u escape written wrongly',
  [ParseErrorCode.InvalidEscapeCharacter]: 'a backslash escape that JSON does not have',
  [ParseErrorCode.InvalidCharacter]: 'a character a string may not hold (a tab or line break must be written \\t or \\n)',
};

/** The value of a parsed node; keys are defined as own properties, so "__proto__" is a plain key. */
function valueOf(n: Node): unknown {
  if (n.type === 'array') return (n.children ?? []).map(valueOf);
  if (n.type !== 'object') return n.value;
  const o: Record<string, unknown> = {};
  for (const p of n.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k && v) Object.defineProperty(o, String(k.value), { value: valueOf(v), enumerable: true, writable: true, configurable: true });
  }
  return o;
}
