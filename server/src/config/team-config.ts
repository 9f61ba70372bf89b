import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import * as z from 'zod/mini';
import '../zod-english';

// A practice's shared configuration, `.mtuslintrc.json`: the same checks in every editor, on
// the command line and in CI. JSON with comments and trailing commas, as VS Code's own
// settings files allow, read with jsonc-parser (which gives positions, so every error names
// its line). Its keys are the `mtusLint.*` settings a team would agree on, spelt the same.

export const CONFIG_FILE_NAME = '.mtuslintrc.json';

const severity = z.enum(['error', 'warning', 'information', 'hint', 'off']);

const TeamConfigSchema = z.strictObject({
  /** Editors offer completion when a file names its schema; not used by mtus-lint itself. */
  $schema: z.optional(z.string()),
  rules: z.optional(z.record(z.string(), severity)),
  edition: z.optional(z.string().check(z.regex(/^(?:auto|\d{4})$/, 'should be "auto" or an edition year such as "2009" or "2016"'))),
  markdown: z.optional(z.strictObject({ enable: z.boolean() })),
  plaintext: z.optional(z.strictObject({ enable: z.boolean() })),
});

export type TeamConfig = Omit<z.infer<typeof TeamConfigSchema>, '$schema'>;

/** One problem in a configuration file, at a 1-based line and column. */
export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type ConfigResult = { ok: true; file: string; config: TeamConfig } | { ok: false; file: string; problems: ConfigProblem[] };

/** "file:3:5: message", the form editors and terminals turn into a link. */
export const formatProblem = (p: ConfigProblem) => `${p.file}:${p.line}:${p.column}: ${p.message}`;

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The node a zod issue is about: the property's key for an unknown key, else the value. */
function nodeFor(root: Node | undefined, path: (string | number)[], key?: string): Node | undefined {
  if (!root) return undefined;
  const at = path.length ? findNodeAtLocation(root, path) : root;
  if (key === undefined || !at?.children) return at ?? root;
  const prop = at.children.find((p) => p.type === 'property' && p.children?.[0]?.value === key);
  return prop?.children?.[0] ?? at;
}

const describe = (path: (string | number | symbol)[]) => (path.length ? path.map(String).join('.') : '(top level)');

function closest(word: string, known: readonly string[]): string | undefined {
  // A cheap likeness: shared prefix length, enough to catch a dropped or swapped letter.
  let best: string | undefined;
  let score = 0;
  for (const k of known) {
    let n = 0;
    while (n < k.length && n < word.length && k[n] === word[n]) n++;
    if (n > score) {
      score = n;
      best = k;
    }
  }
  return score >= Math.min(6, word.length - 1) ? best : undefined;
}

/**
 * Read the text of a configuration file. Problems name the file, the line and the column;
 * `knownRules` and `knownEditions` turn a misspelt rule or an edition the knowledge base
 * lacks into a problem rather than a silent no-op.
 */
export function parseTeamConfig(text: string, file: string, knownRules: readonly string[], knownEditions?: readonly string[]): ConfigResult {
  const problems: ConfigProblem[] = [];
  const at = (offset: number, message: string) => problems.push({ file, ...positionOf(text, offset), message });
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  // The first error only: the ones after it follow from it.
  for (const e of errors.slice(0, 1))
    at(
      e.offset,
      `not valid JSON: ${printParseErrorCode(e.error)
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()}`,
    );
  if (problems.length) return { ok: false, file, problems };
  if (!root) return { ok: true, file, config: {} }; // an empty file configures nothing
  if (root.type !== 'object') {
    at(root.offset, `should be an object like { "rules": { "frequency-over-limit": "off" } }, not ${root.type === 'array' ? 'a list' : `a ${root.type}`}`);
    return { ok: false, file, problems };
  }
  const raw = nodeValue(root);
  const parsed = TeamConfigSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const hint = path.length === 0 ? ' (known: rules, edition, markdown, plaintext)' : '';
          at(nodeFor(root, path, key)?.offset ?? 0, `${describe([...path, key])}: unknown setting${hint}`);
        }
        continue;
      }
      at(nodeFor(root, path)?.offset ?? 0, `${describe(path)}: ${issue.message}`);
    }
    return { ok: false, file, problems };
  }
  const { $schema: _schema, ...config } = parsed.data;
  for (const id of Object.keys(config.rules ?? {})) {
    if (knownRules.includes(id)) continue;
    const guess = closest(id, knownRules);
    at(nodeFor(root, ['rules'], id)?.offset ?? 0, `rules: unknown rule "${id}"${guess ? ` (did you mean "${guess}"?)` : ''}`);
  }
  if (config.edition && config.edition !== 'auto' && knownEditions && !knownEditions.includes(config.edition)) {
    at(nodeFor(root, ['edition'])?.offset ?? 0, `edition: "${config.edition}" is not an edition the knowledge base holds (auto, ${knownEditions.join(', ')})`);
  }
  return problems.length ? { ok: false, file, problems } : { ok: true, file, config };
}

/**
 * The plain value of a parse tree. Objects have no prototype, so a key "__proto__" is an
 * ordinary (and then unknown) key, never the object's prototype.
 */
function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = Object.create(null);
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) out[String(k.value)] = nodeValue(v);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}
