import { z } from 'zod';

// Settings arrive from any editor, hand-edited. Each field is checked alone so one bad value
// falls back to its default with a message, and the rest still apply.

const severity = z.enum(['error', 'warning', 'information', 'hint', 'off']);

const FIELDS = {
  enable: z.boolean(),
  markdown: z.object({ enable: z.boolean() }),
  plaintext: z.object({ enable: z.boolean() }),
  debounceMs: z.number().int().min(0).max(5000),
  maxDocumentSize: z.number().int().min(10_000).max(50_000_000),
  rules: z.record(z.string(), severity),
  corpus: z.object({ paths: z.array(z.string().min(1)) }),
  edition: z.string().regex(/^(?:auto|\d{4})$/),
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
  /** "auto", or the Chronic Pain edition ("2009", "2016") every document is judged by. */
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
  edition: '"auto" or an edition year such as "2009" or "2016"',
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
  for (const key of Object.keys(FIELDS) as (keyof Settings)[]) {
    if (obj[key] === undefined || obj[key] === null) continue;
    const r = FIELDS[key].safeParse(obj[key]);
    if (r.success) (settings as unknown as Record<string, unknown>)[key] = r.data;
    else problems.push(`mtusLint.${key} should be ${HINTS[key]}, got ${show(obj[key])}; using ${show(DEFAULT_SETTINGS[key])}.`);
  }
  if (knownEditions && settings.edition !== 'auto' && !knownEditions.includes(settings.edition)) {
    problems.push(`mtusLint.edition "${settings.edition}" is not an edition the knowledge base holds (${['auto', ...knownEditions].join(', ')}); using "auto".`);
    settings.edition = 'auto';
  }
  for (const id of Object.keys(settings.rules)) {
    if (!knownRules.includes(id)) problems.push(`mtusLint.rules names an unknown rule "${id}" (known: ${knownRules.join(', ')}); it is ignored.`);
  }
  return { settings, problems };
}
