import * as z from 'zod/mini';
import './zod-english';

// Settings arrive from any editor, hand-edited. Each field is checked alone so one bad value
// falls back to its default with a message, and the rest still apply.

const severity = z.enum(['error', 'warning', 'information', 'hint', 'off']);

const FIELDS = {
  enable: z.boolean(),
  markdown: z.object({ enable: z.boolean() }),
  plaintext: z.object({ enable: z.boolean() }),
  // z.int() is classic zod's z.number().int(): a whole number, checked before its bounds.
  debounceMs: z.int().check(z.gte(0), z.lte(5000)),
  maxDocumentSize: z.int().check(z.gte(10_000), z.lte(50_000_000)),
  // rules and corpus.paths are read entry by entry below: one bad entry drops that entry only.
  rules: z.record(z.string(), z.unknown()),
  corpus: z.object({ paths: z.array(z.unknown()) }),
  edition: z.string().check(z.regex(/^(?:auto|current|\d{4})$/)),
  inlayHints: z.object({ enable: z.boolean() }),
  knowledge: z.object({ customFile: z.string() }),
};

export interface Settings {
  /** false: mtus-lint checks nothing in this document (per folder or per language). */
  enable: boolean;
  markdown: { enable: boolean };
  plaintext: { enable: boolean };
  debounceMs: number;
  maxDocumentSize: number;
  rules: Record<string, z.infer<typeof severity>>;
  corpus: { paths: string[] };
  /** "auto", "current" (an undated document judged by today's MTUS), or the Chronic Pain edition ("2009", "2016") every undated or pre-2017 document is judged by. */
  edition: string;
  /** Inline totals after quantities ("= 8 sessions · trial 3–6"). */
  inlayHints: { enable: boolean };
  /** A JSON file that adds to or overrides the bundled knowledge base ("" for none). */
  knowledge: { customFile: string };
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  markdown: { enable: false },
  plaintext: { enable: false },
  debounceMs: 250,
  maxDocumentSize: 2_000_000,
  rules: {},
  corpus: { paths: [] },
  edition: 'auto',
  inlayHints: { enable: true },
  knowledge: { customFile: '' },
};

const HINTS: Record<keyof Settings, string> = {
  enable: 'true or false',
  markdown: 'an object like { "enable": true }',
  plaintext: 'an object like { "enable": true }',
  debounceMs: 'a whole number of milliseconds from 0 to 5000',
  maxDocumentSize: 'a whole number of characters from 10000 to 50000000',
  rules: 'an object mapping rule ids to "error", "warning", "information", "hint" or "off"',
  corpus: 'an object like { "paths": ["/path/to/letters"] }',
  edition: '"auto", "current" or an edition year such as "2009" or "2016"',
  inlayHints: 'an object like { "enable": false }',
  knowledge: 'an object like { "customFile": "mtus-knowledge.json" }',
};

export interface SettingsResult {
  settings: Settings;
  problems: string[];
}

const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

/** Read the `mtusLint` settings object; bad fields fall back to defaults and are reported. */
export function readSettings(raw: unknown, knownRules: readonly string[], knownEditions?: readonly string[]): SettingsResult {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  const problems: string[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { settings, problems: [`mtusLint settings must be an object, got ${show(raw)}; using the defaults.`] };
  }
  const obj = raw as Record<string, unknown>;
  // A setting is read from each field alone; anything outside them is not ours to judge.
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    if (obj[key] === undefined || obj[key] === null) continue;
    const r = FIELDS[key].safeParse(obj[key]);
    if (r.success) (settings as unknown as Record<string, unknown>)[key] = r.data;
    else problems.push(`mtusLint.${key} should be ${HINTS[key]}, got ${show(obj[key])}; using ${show(DEFAULT_SETTINGS[key])}.`);
  }
  // "current": an undated document is judged by the MTUS in force today (engine/mtus/in-force.ts).
  if (knownEditions && settings.edition !== 'auto' && settings.edition !== 'current' && !knownEditions.includes(settings.edition)) {
    problems.push(
      `mtusLint.edition "${settings.edition}" is not an edition the knowledge base holds (${['auto', ...knownEditions].join(', ')}); using "auto".`,
    );
    settings.edition = 'auto';
  }
  readRules(settings, knownRules, problems);
  readCorpusPaths(settings, problems);
  return { settings, problems };
}

/** How many corpus folders are indexed at most; each is watched and read in the background. */
export const MAX_CORPUS_FOLDERS = 100;
/** How many names a summary quotes before "and N more". */
const QUOTED = 3;

/** '"a", "b", "c" and 19,997 more': the first few of a long list, each shown as JSON. */
export function listSome(values: readonly unknown[], quoted = QUOTED): string {
  const shown = values.slice(0, quoted).map(show).join(', ');
  return values.length > quoted ? `${shown} and ${(values.length - quoted).toLocaleString('en-US')} more` : shown;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Keep each rule whose id is known and whose value is a severity; one message per kind of problem. */
function readRules(settings: Settings, knownRules: readonly string[], problems: string[]): void {
  const raw = settings.rules as Record<string, unknown>;
  const known = new Set(knownRules);
  const rules: Settings['rules'] = {};
  const unknown: string[] = [];
  const badValue: string[] = [];
  for (const [id, value] of Object.entries(raw)) {
    if (!known.has(id)) unknown.push(id);
    else if (severity.safeParse(value).success) rules[id] = value as z.infer<typeof severity>;
    else badValue.push(`${show(id)}: ${show(value)}`);
  }
  settings.rules = rules;
  if (badValue.length) {
    const shown = badValue.slice(0, QUOTED).join(', ') + (badValue.length > QUOTED ? ` and ${(badValue.length - QUOTED).toLocaleString('en-US')} more` : '');
    problems.push(
      `mtusLint.rules: ${plural(badValue.length, 'value is', 'values are')} not "error", "warning", "information", "hint" or "off" (${shown}); ${badValue.length === 1 ? 'that rule keeps its' : 'those rules keep their'} default severity, the others apply.`,
    );
  }
  if (unknown.length) {
    const which =
      unknown.length === 1
        ? `an unknown rule ${show(unknown[0])}; it is`
        : `${plural(unknown.length, 'unknown rule', 'unknown rules')} (${listSome(unknown)}); they are`;
    problems.push(`mtusLint.rules names ${which} ignored. Known rules: ${knownRules.join(', ')}.`);
  }
}

/** Keep the folder names that are non-empty strings, at most MAX_CORPUS_FOLDERS of them. */
function readCorpusPaths(settings: Settings, problems: string[]): void {
  const raw = settings.corpus.paths as unknown[];
  const isName = (p: unknown): p is string => typeof p === 'string' && p.trim() !== '';
  const good = raw.filter(isName);
  const bad = raw.filter((p) => !isName(p));
  if (bad.length)
    problems.push(
      `mtusLint.corpus.paths: ${plural(bad.length, 'entry is', 'entries are')} not a folder name (${listSome(bad)}); ${bad.length === 1 ? 'it is' : 'they are'} skipped.`,
    );
  const unique = [...new Set(good)];
  if (unique.length > MAX_CORPUS_FOLDERS) {
    problems.push(
      `mtusLint.corpus.paths names ${plural(unique.length, 'folder', 'folders')}; only the first ${MAX_CORPUS_FOLDERS} are indexed, and the rest, from ${show(unique[MAX_CORPUS_FOLDERS])} on, are left out.`,
    );
  }
  settings.corpus = { paths: unique.slice(0, MAX_CORPUS_FOLDERS) };
}
