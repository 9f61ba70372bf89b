// The real TextMate grammars of syntaxes/, loaded with vscode-textmate and vscode-oniguruma (the
// engine VS Code colours with), and assertions about the scopes a user would see on a line.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

// ---------------------------------------------------------------------------------------------
// Locating the repository (the compiled test runs from out/test/unit/)
// ---------------------------------------------------------------------------------------------

function isRepoRoot(dir: string): boolean {
  const manifest = path.join(dir, 'package.json');
  if (!fs.existsSync(manifest)) return false;
  try {
    return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'mtus-lint';
  } catch {
    return false;
  }
}

function findRepoRoot(): string {
  for (const start of [__dirname, process.cwd()]) {
    let dir = path.resolve(start);
    for (;;) {
      if (isRepoRoot(dir)) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`mtus-lint repository root not found above ${__dirname} or ${process.cwd()}`);
}

export const ROOT = findRepoRoot();
export const SYNTAXES = path.join(ROOT, 'syntaxes');

export const GRAMMAR_FILES: Record<string, string> = {
  'text.mtus.common': 'mtus-common.tmLanguage.json',
  'text.mtus.request': 'mtus-request.tmLanguage.json',
  'text.mtus.appeal': 'mtus-appeal.tmLanguage.json',
};

// ---------------------------------------------------------------------------------------------
// Scopes under test
// ---------------------------------------------------------------------------------------------

export const TREATMENT = 'entity.name.type.treatment.mtus';
export const QUANTITY = 'constant.numeric.quantity.mtus';
export const BODY = 'entity.name.tag.body-region.mtus';
export const DATE = 'constant.other.date.mtus';
export const CITATION = 'markup.underline.link.citation.mtus';
export const CITATION_PAGE = 'markup.underline.link.citation.page.mtus';
export const CITATION_SECTION = 'markup.underline.link.citation.section.mtus';
export const UPHELD = 'markup.deleted.upheld.mtus';
export const OVERTURNED = 'markup.inserted.overturned.mtus';
export const COMMENT = 'comment.block.mtus';
export const DIRECTIVE = 'keyword.control.directive.mtus';

// ---------------------------------------------------------------------------------------------
// Loading the grammars
// ---------------------------------------------------------------------------------------------

let registryPromise: Promise<vsctm.Registry> | undefined;

async function makeRegistry(): Promise<vsctm.Registry> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm);
  const onigLib: vsctm.IOnigLib = {
    createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
    createOnigString: (text: string) => new oniguruma.OnigString(text),
  };
  return new vsctm.Registry({
    onigLib: Promise.resolve(onigLib),
    loadGrammar: async (scopeName: string) => {
      const file = GRAMMAR_FILES[scopeName];
      if (!file) return null;
      const full = path.join(SYNTAXES, file);
      return vsctm.parseRawGrammar(fs.readFileSync(full, 'utf8'), full);
    },
  });
}

const grammarCache = new Map<string, Promise<vsctm.IGrammar>>();

export function grammar(scopeName: 'text.mtus.request' | 'text.mtus.appeal'): Promise<vsctm.IGrammar> {
  let cached = grammarCache.get(scopeName);
  if (!cached) {
    registryPromise ??= makeRegistry();
    cached = registryPromise.then(async (registry) => {
      const g = await registry.loadGrammar(scopeName);
      assert.ok(g, `grammar ${scopeName} did not load`);
      return g;
    });
    grammarCache.set(scopeName, cached);
  }
  return cached;
}

export const request = (): Promise<vsctm.IGrammar> => grammar('text.mtus.request');
export const appeal = (): Promise<vsctm.IGrammar> => grammar('text.mtus.appeal');

export interface Tok {
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

export interface Tokenized {
  line: string;
  tokens: Tok[];
}

export function tokenizeLines(g: vsctm.IGrammar, lines: string[]): Tokenized[] {
  let state = vsctm.INITIAL;
  const out: Tokenized[] = [];
  for (const line of lines) {
    const result = g.tokenizeLine(line, state, 1000);
    assert.equal(result.stoppedEarly, false, `tokenizing stopped early (time limit) on: ${line}`);
    state = result.ruleStack;
    out.push({
      line,
      tokens: result.tokens.map((t) => ({
        start: t.startIndex,
        end: Math.min(t.endIndex, line.length),
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes,
      })),
    });
  }
  return out;
}

export async function tok(g: Promise<vsctm.IGrammar>, line: string): Promise<Tokenized> {
  const [first] = tokenizeLines(await g, [line]);
  assert.ok(first);
  return first;
}

/** Start offset of the nth (0-based) occurrence of `needle` in `line`. */
export function locate(line: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = line.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `test bug: "${needle}" (occurrence ${nth}) not in "${line}"`);
  }
  return at;
}

export function describe(t: Tokenized): string {
  return t.tokens.map((k) => `[${k.text}] ${k.scopes.filter((s) => !s.startsWith('text.mtus.')).join(' ') || '-'}`).join('\n  ');
}

export function scopesAt(t: Tokenized, offset: number): string[] {
  const k = t.tokens.find((x) => x.start <= offset && offset < x.end);
  return k ? k.scopes : [];
}

/**
 * Every character of `needle` carries `scope`. With `exact` (the default), the characters just before
 * and just after it do not, so the scope covers exactly the substring.
 */
export function assertScope(t: Tokenized, needle: string, scope: string, opts: { nth?: number; exact?: boolean } = {}): void {
  const start = locate(t.line, needle, opts.nth ?? 0);
  const end = start + needle.length;
  for (let i = start; i < end; i++) {
    assert.ok(scopesAt(t, i).includes(scope), `expected "${needle}" to have ${scope}; character ${i} ("${t.line[i]}") does not.\n  ${describe(t)}`);
  }
  if (opts.exact ?? true) {
    if (start > 0) {
      assert.ok(
        !scopesAt(t, start - 1).includes(scope),
        `expected ${scope} to start at "${needle}", but the character before it has it too.\n  ${describe(t)}`,
      );
    }
    if (end < t.line.length) {
      assert.ok(!scopesAt(t, end).includes(scope), `expected ${scope} to end after "${needle}", but the character after it has it too.\n  ${describe(t)}`);
    }
  }
}

/** No character of `needle` carries a scope that equals or starts with `scopePrefix`. */
export function assertNoScope(t: Tokenized, needle: string, scopePrefix: string, nth = 0): void {
  const start = locate(t.line, needle, nth);
  for (let i = start; i < start + needle.length; i++) {
    const bad = scopesAt(t, i).find((s) => s === scopePrefix || s.startsWith(scopePrefix + '.'));
    assert.equal(bad, undefined, `expected "${needle}" to have no ${scopePrefix} scope, found ${bad}.\n  ${describe(t)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The grammar files themselves
// ---------------------------------------------------------------------------------------------

export function readJson(file: string): Record<string, unknown> {
  const text = fs.readFileSync(file, 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}
