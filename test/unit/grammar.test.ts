// Tokenizes sample lines with the real TextMate grammars in syntaxes/ (vscode-textmate + vscode-oniguruma,
// the same engine VS Code uses) and checks the scopes a user would see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { requestTemplate } from '../../client/src/templates/request';
import { appealTemplate } from '../../client/src/templates/appeal';
import { templateCitations } from '../../server/src/features/templates';
import { defaultKnowledge } from '../../server/src/knowledge/load';

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

const ROOT = findRepoRoot();
const SYNTAXES = path.join(ROOT, 'syntaxes');

const GRAMMAR_FILES: Record<string, string> = {
  'text.mtus.common': 'mtus-common.tmLanguage.json',
  'text.mtus.request': 'mtus-request.tmLanguage.json',
  'text.mtus.appeal': 'mtus-appeal.tmLanguage.json',
};

// ---------------------------------------------------------------------------------------------
// Scopes under test
// ---------------------------------------------------------------------------------------------

const TREATMENT = 'entity.name.type.treatment.mtus';
const QUANTITY = 'constant.numeric.quantity.mtus';
const BODY = 'entity.name.tag.body-region.mtus';
const DATE = 'constant.other.date.mtus';
const CITATION = 'markup.underline.link.citation.mtus';
const CITATION_PAGE = 'markup.underline.link.citation.page.mtus';
const CITATION_SECTION = 'markup.underline.link.citation.section.mtus';
const UPHELD = 'markup.deleted.upheld.mtus';
const OVERTURNED = 'markup.inserted.overturned.mtus';
const COMMENT = 'comment.block.mtus';
const DIRECTIVE = 'keyword.control.directive.mtus';

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

function grammar(scopeName: 'text.mtus.request' | 'text.mtus.appeal'): Promise<vsctm.IGrammar> {
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

const request = (): Promise<vsctm.IGrammar> => grammar('text.mtus.request');
const appeal = (): Promise<vsctm.IGrammar> => grammar('text.mtus.appeal');

interface Tok {
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

interface Tokenized {
  line: string;
  tokens: Tok[];
}

function tokenizeLines(g: vsctm.IGrammar, lines: string[]): Tokenized[] {
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

async function tok(g: Promise<vsctm.IGrammar>, line: string): Promise<Tokenized> {
  const [first] = tokenizeLines(await g, [line]);
  assert.ok(first);
  return first;
}

/** Start offset of the nth (0-based) occurrence of `needle` in `line`. */
function locate(line: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = line.indexOf(needle, at + 1);
    assert.notEqual(at, -1, `test bug: "${needle}" (occurrence ${nth}) not in "${line}"`);
  }
  return at;
}

function describe(t: Tokenized): string {
  return t.tokens.map((k) => `[${k.text}] ${k.scopes.filter((s) => !s.startsWith('text.mtus.')).join(' ') || '-'}`).join('\n  ');
}

function scopesAt(t: Tokenized, offset: number): string[] {
  const k = t.tokens.find((x) => x.start <= offset && offset < x.end);
  return k ? k.scopes : [];
}

/**
 * Every character of `needle` carries `scope`. With `exact` (the default), the characters just before
 * and just after it do not, so the scope covers exactly the substring.
 */
function assertScope(t: Tokenized, needle: string, scope: string, opts: { nth?: number; exact?: boolean } = {}): void {
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
function assertNoScope(t: Tokenized, needle: string, scopePrefix: string, nth = 0): void {
  const start = locate(t.line, needle, nth);
  for (let i = start; i < start + needle.length; i++) {
    const bad = scopesAt(t, i).find((s) => s === scopePrefix || s.startsWith(scopePrefix + '.'));
    assert.equal(bad, undefined, `expected "${needle}" to have no ${scopePrefix} scope, found ${bad}.\n  ${describe(t)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The grammar files themselves
// ---------------------------------------------------------------------------------------------

function readJson(file: string): Record<string, unknown> {
  const text = fs.readFileSync(file, 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

test('grammar files parse as JSON and have the right scopeName', () => {
  for (const [scopeName, file] of Object.entries(GRAMMAR_FILES)) {
    const g = readJson(path.join(SYNTAXES, file));
    assert.equal(g['scopeName'], scopeName, file);
    assert.ok(Array.isArray(g['patterns']) && g['patterns'].length > 0, `${file} has top-level patterns`);
  }
  for (const file of [GRAMMAR_FILES['text.mtus.request'], GRAMMAR_FILES['text.mtus.appeal']]) {
    const text = fs.readFileSync(path.join(SYNTAXES, file!), 'utf8');
    assert.match(text, /"include":\s*"text\.mtus\.common"/, `${file} includes the shared grammar`);
  }
});

test('package.json contributes the request and appeal grammars at these paths', () => {
  const manifest = readJson(path.join(ROOT, 'package.json')) as {
    contributes?: { grammars?: { language?: string; scopeName: string; path: string }[] };
  };
  const grammars = manifest.contributes?.grammars ?? [];
  for (const [language, scopeName] of [
    ['mtus-request', 'text.mtus.request'],
    ['mtus-appeal', 'text.mtus.appeal'],
  ] as const) {
    const entry = grammars.find((g) => g.language === language);
    assert.ok(entry, `package.json has a grammar for ${language}`);
    assert.equal(entry.scopeName, scopeName);
    assert.equal(path.resolve(ROOT, entry.path), path.join(SYNTAXES, GRAMMAR_FILES[scopeName]!));
  }
});

// VS Code resolves `"include": "text.mtus.common"` only for scopes contributed in package.json; without the
// entry the two grammars load but highlight nothing.
test('package.json contributes the shared grammar text.mtus.common', () => {
  const manifest = readJson(path.join(ROOT, 'package.json')) as {
    contributes?: { grammars?: { scopeName: string; path: string }[] };
  };
  const entry = (manifest.contributes?.grammars ?? []).find((g) => g.scopeName === 'text.mtus.common');
  assert.ok(entry, 'package.json contributes.grammars has no entry for text.mtus.common');
  assert.equal(path.resolve(ROOT, entry.path), path.join(SYNTAXES, GRAMMAR_FILES['text.mtus.common']!));
});

test('every regex in the grammars compiles with Oniguruma', async () => {
  await request(); // loads the WASM
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') found.push(value);
        else walk(value);
      }
    }
  };
  for (const file of Object.values(GRAMMAR_FILES)) walk(readJson(path.join(SYNTAXES, file)));
  assert.ok(found.length > 20, `found ${found.length} regexes`);
  for (const source of found) {
    assert.doesNotThrow(() => new oniguruma.OnigScanner([source]).dispose(), `does not compile: ${source}`);
  }
});

test('language-configuration.json: HTML block comments, brackets, auto-closing pairs, word pattern', () => {
  const config = readJson(path.join(ROOT, 'language-configuration.json')) as {
    comments: { blockComment: [string, string]; lineComment?: string };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string }[];
    wordPattern: string;
  };
  assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
  assert.equal(config.comments.lineComment, undefined);
  assert.deepEqual(config.brackets, [
    ['(', ')'],
    ['[', ']'],
  ]);
  const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
  for (const pair of ['()', '[]', '""', "''"]) assert.ok(pairs.includes(pair), `auto-closes ${pair}`);
  const word = new RegExp(config.wordPattern, 'g');
  const words = (s: string): string[] => s.match(word) ?? [];
  assert.deepEqual(words('Acupuncture 2x4, 8 CCR 9792.24.1'), ['Acupuncture', '2x4', '8', 'CCR', '9792.24.1']);
  assert.deepEqual(words("the patient's 1-3x/week on 01/26/2017."), ['the', "patient's", '1-3x/week', 'on', '01/26/2017']);
});

// ---------------------------------------------------------------------------------------------
// Request grammar: treatments, quantities, body regions
// ---------------------------------------------------------------------------------------------

test('request: "Acupuncture 2x4 low back"', async () => {
  const t = await tok(request(), 'Acupuncture 2x4 low back');
  assertScope(t, 'Acupuncture', TREATMENT);
  assertScope(t, '2x4', QUANTITY);
  assertScope(t, 'low back', BODY);
  assertNoScope(t, '2x4', TREATMENT);
  assertNoScope(t, 'Acupuncture', QUANTITY);
});

test('request: every treatment name, case-insensitively', async () => {
  const names = [
    'acupuncture',
    'Electroacupuncture',
    'electro-acupuncture',
    'Chiropractic',
    'manipulation',
    'Manual therapy',
    'CMT',
    'massage',
    'Massage therapy',
    'myofascial release',
    'Physical therapy',
    'PT',
    'physiotherapy',
    'Occupational therapy',
    'OT',
    'hand therapy',
    'AQUATIC THERAPY',
    'MASSAGE THERAPY',
  ];
  for (const name of names) {
    const t = await tok(request(), `Request: ${name} for the knee`);
    assertScope(t, name, TREATMENT);
    assertScope(t, 'knee', BODY);
  }
});

test('request: PT, OT and CMT only in capitals and only as whole words', async () => {
  let t = await tok(request(), 'Continue PT/OT and CMT; this is an OPTION, not a CPT code; the pt and ot notes');
  assertScope(t, 'PT', TREATMENT);
  assertScope(t, 'OT', TREATMENT);
  assertScope(t, 'CMT', TREATMENT);
  assertNoScope(t, 'OPTION', TREATMENT);
  assertNoScope(t, 'CPT', TREATMENT);
  assertNoScope(t, 'pt', TREATMENT);
  assertNoScope(t, 'ot', TREATMENT, 1);
  t = await tok(request(), 'OPTIONS: PTSD, NOTE, COTTON');
  assertNoScope(t, 'OPTIONS: PTSD, NOTE, COTTON', TREATMENT);
});

test('request: body regions are whole words ("hand" not in "handle")', async () => {
  let t = await tok(request(), 'Please handle the forms; pain in the right hand');
  assertNoScope(t, 'handle', BODY);
  assertScope(t, 'hand', BODY, { nth: 1 });
  t = await tok(request(), 'a slow backlog, a kneecap brace, hipster shoes, the footnote, a hands-on approach');
  assertNoScope(t, t.line, BODY);
  const regions = [
    'neck',
    'cervical',
    'cervical spine',
    'thoracic',
    'low back',
    'lower back',
    'lumbar',
    'lumbar spine',
    'lumbosacral',
    'shoulder',
    'elbow',
    'forearm',
    'wrist',
    'hand',
    'hip',
    'knee',
    'ankle',
    'foot',
    'upper extremity',
    'lower extremity',
    'bilateral upper extremities',
    'LUMBAR SPINE',
  ];
  for (const region of regions) {
    t = await tok(request(), `Physical therapy to the ${region}, 2x3`);
    const needle = region.replace(/^bilateral /, '');
    assertScope(t, needle, BODY);
    assertScope(t, '2x3', QUANTITY);
  }
});

test('request: quantities and frequency x duration', async () => {
  const cases: [line: string, quantity: string][] = [
    ['Chiropractic 2x4 to the neck', '2x4'],
    ['Chiropractic 2 x 4 to the neck', '2 x 4'],
    ['Acupuncture 1-3x/week, lumbar', '1-3x/week'],
    ['Massage therapy x 8 to the low back', 'x 8'],
    ['Manual therapy QTY 12 for the hip', 'QTY 12'],
    ['Hand therapy, qty: 1, right wrist', 'qty: 1'],
    ['Myofascial release #6 for the shoulder', '#6'],
    ['Request 8 sessions of massage for the neck', '8 sessions'],
    ['Requesting 12-18 sessions of chiropractic care', '12-18 sessions'],
    ['Aquatic therapy twice a week for six weeks.', 'twice a week for six weeks'],
    ['PT 3 times per week for 4 weeks, knee', '3 times per week for 4 weeks'],
    ['OT two times a week times 2 weeks for the elbow', 'two times a week times 2 weeks'],
    ['Chiropractic care, 1-2 visits per week over 2 weeks', '1-2 visits per week over 2 weeks'],
    ['Acupuncture 2x4.', '2x4'],
  ];
  for (const [line, quantity] of cases) {
    const t = await tok(request(), line);
    assertScope(t, quantity, QUANTITY);
  }
});

test('request: "eight physical therapy sessions" keeps the treatment inside the quantity', async () => {
  const t = await tok(request(), 'Request eight physical therapy sessions for the ankle');
  assertScope(t, 'eight physical therapy sessions', QUANTITY);
  assertScope(t, 'physical therapy', TREATMENT);
  assertScope(t, 'ankle', BODY);
  assertNoScope(t, 'eight', TREATMENT);
  assertNoScope(t, 'sessions', TREATMENT);
  const u = await tok(request(), 'Six additional acupuncture visits, lumbar spine');
  assertScope(u, 'Six additional acupuncture visits', QUANTITY);
  assertScope(u, 'acupuncture', TREATMENT);
});

test('request: numbers that are not quantities stay plain', async () => {
  const t = await tok(request(), 'Facet injection at L4-5 and L5-S1, Norco 10/325, 5% cream, 30 days ago');
  assertNoScope(t, t.line, QUANTITY);
  assertNoScope(t, t.line, DATE);
});

test('request: dates', async () => {
  const t = await tok(request(), 'Date of injury: 01/26/2017; seen 6-04-14; injured after 1/1/2004; UR dated January 5, 2017.');
  for (const d of ['01/26/2017', '6-04-14', '1/1/2004', 'January 5, 2017']) assertScope(t, d, DATE);
  assertNoScope(t, '01/26/2017', QUANTITY);
});

// ---------------------------------------------------------------------------------------------
// Citations
// ---------------------------------------------------------------------------------------------

test('citations: each form is one citation over its whole text', async () => {
  const cases: [line: string, citation: string][] = [
    ['Per the MTUS Chronic Pain Medical Treatment Guidelines, page 60, massage is an adjunct.', 'MTUS Chronic Pain Medical Treatment Guidelines, page 60'],
    ['Physical medicine, Page(s): 98-99.', 'Page(s): 98-99'],
    [
      'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy',
      'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy',
    ],
    [
      'The MTUS Chronic Pain Medical Treatment Guidelines Massage therapy Page(s): 60.',
      'MTUS Chronic Pain Medical Treatment Guidelines Massage therapy Page(s): 60',
    ],
    ['Trial limits are in the MTUS Acupuncture Treatment Guidelines.', 'MTUS Acupuncture Treatment Guidelines'],
    ['See ACOEM Chapter 12, page 305 for surgical referral.', 'ACOEM Chapter 12, page 305'],
    ['as required by 8 CCR 9792.24.1 for acupuncture', '8 CCR 9792.24.1'],
    ['defined in 8 C.C.R. § 9792.20(e) as', '8 C.C.R. § 9792.20(e)'],
    ['the cap in Labor Code 4604.5(c)(1) applies', 'Labor Code 4604.5(c)(1)'],
    ['UR relied on ODG instead', 'ODG'],
    [
      'Cited: MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies.',
      'MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies',
    ],
  ];
  for (const [line, citation] of cases) {
    const t = await tok(request(), line);
    assertScope(t, citation, CITATION);
  }
});

test('citations: page and section sub-scopes; no quantity or date inside a citation', async () => {
  let t = await tok(request(), 'MTUS Chronic Pain Medical Treatment Guidelines, page 60, massage');
  assertScope(t, 'page 60', CITATION_PAGE);
  assertNoScope(t, '60', QUANTITY);
  assertScope(t, 'massage', TREATMENT);
  assertNoScope(t, 'massage', CITATION);
  t = await tok(request(), 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy');
  assertScope(t, 'Section(s): Massage therapy', CITATION_SECTION);
  assertNoScope(t, 'Massage therapy', TREATMENT);
  t = await tok(request(), 'Physical Medicine Page(s): 98-99.');
  assertScope(t, 'Page(s): 98-99', CITATION_PAGE);
  assertNoScope(t, '98-99', DATE);
});

test('citations: a citation does not swallow the request that follows it', async () => {
  let t = await tok(request(), 'Per MTUS, Physical therapy 2x3 for the shoulder');
  assertScope(t, 'MTUS', CITATION);
  assertScope(t, 'Physical therapy', TREATMENT);
  assertScope(t, '2x3', QUANTITY);
  t = await tok(request(), 'the MTUS Acupuncture Treatment Guidelines and ACOEM Chapter 12, page 305 apply');
  assertScope(t, 'MTUS Acupuncture Treatment Guidelines', CITATION);
  assertScope(t, 'ACOEM Chapter 12, page 305', CITATION);
  t = await tok(request(), 'ODGERS and METHODS are not citations');
  assertNoScope(t, t.line, CITATION);
});

// ---------------------------------------------------------------------------------------------
// Comments (mtus-lint directives)
// ---------------------------------------------------------------------------------------------

test('comments: <!-- mtus-lint-disable ... --> is a comment with a directive, across lines too', async () => {
  const g = await request();
  const [one] = tokenizeLines(g, ['<!-- mtus-lint-disable acupuncture-trial-limit --> Acupuncture 2x4']);
  assert.ok(one);
  assertScope(one, '<!-- mtus-lint-disable acupuncture-trial-limit -->', COMMENT);
  assertScope(one, 'mtus-lint-disable', DIRECTIVE);
  assertScope(one, 'Acupuncture', TREATMENT);
  assertNoScope(one, 'Acupuncture 2x4', COMMENT);

  const [a, b, c] = tokenizeLines(g, ['<!-- note:', 'Acupuncture 2x4 low back', '--> Massage x 8']);
  assert.ok(a && b && c);
  assertScope(b, 'Acupuncture 2x4 low back', COMMENT);
  assertNoScope(b, 'Acupuncture', TREATMENT);
  assertScope(c, 'Massage', TREATMENT);
  assertScope(c, 'x 8', QUANTITY);
});

// ---------------------------------------------------------------------------------------------
// Appeal grammar
// ---------------------------------------------------------------------------------------------

test('appeal: "Acupuncture 2x3 neck: Overturned"', async () => {
  const t = await tok(appeal(), 'Acupuncture 2x3 neck: Overturned');
  assertScope(t, 'Overturned', OVERTURNED);
  assertScope(t, 'Acupuncture', TREATMENT);
  assertScope(t, '2x3', QUANTITY);
  assertScope(t, 'neck', BODY);
  assertNoScope(t, 'Overturned', UPHELD);
});

test('appeal: "... : Upheld" and outcomes in prose', async () => {
  let t = await tok(appeal(), 'Massage therapy 4 visits, lumbar spine: Upheld');
  assertScope(t, 'Upheld', UPHELD);
  assertScope(t, '4 visits', QUANTITY);
  assertScope(t, 'lumbar spine', BODY);
  assertNoScope(t, 'Upheld', OVERTURNED);
  t = await tok(appeal(), 'The denial should be overturned because the prior denial was upheld on other grounds.');
  assertScope(t, 'overturned', OVERTURNED);
  assertScope(t, 'upheld', UPHELD);
});

test('appeal: UR decision, denial-reason lines, headings', async () => {
  let t = await tok(appeal(), 'The UR decision dated 02/03/2017 denied 6 sessions of chiropractic care.');
  assertScope(t, 'UR decision', 'keyword.other.ur-decision.mtus');
  assertScope(t, '02/03/2017', DATE);
  assertScope(t, '6 sessions', QUANTITY);
  assertScope(t, 'chiropractic', TREATMENT);

  t = await tok(appeal(), 'Reason for denial: exceeds the MTUS Acupuncture Treatment Guidelines trial of 3-6 visits');
  assertScope(t, 'Reason for denial', 'keyword.other.denial-reason.mtus');
  assertScope(t, t.line, 'meta.denial-reason.mtus');
  assertScope(t, 'MTUS Acupuncture Treatment Guidelines', CITATION);
  assertScope(t, '3-6 visits', QUANTITY);

  t = await tok(appeal(), '## Functional improvement after acupuncture');
  assertScope(t, t.line, 'markup.heading.mtus');
  assertScope(t, '##', 'punctuation.definition.heading.mtus');
  assertScope(t, 'acupuncture', TREATMENT);
});

test('request grammar has no appeal-only scopes', async () => {
  const t = await tok(request(), 'Acupuncture 2x3 neck: Overturned; prior request Upheld; UR decision');
  assertNoScope(t, 'Overturned', 'markup.inserted');
  assertNoScope(t, 'Upheld', 'markup.deleted');
  assertNoScope(t, 'UR decision', 'keyword.other.ur-decision');
  assertScope(t, 'Acupuncture', TREATMENT);
});

test('long lines tokenize quickly (no runaway backtracking)', async () => {
  const g = await appeal();
  const lines = [
    'MTUS ' + 'Chronic Pain Medical Treatment Guidelines '.repeat(200),
    'Section(s): ' + 'a b c, '.repeat(800),
    'Acupuncture 2x4 low back, '.repeat(300),
    'x'.repeat(20000),
    '1 2 3 4 5 6 7 8 9 '.repeat(500) + 'sessions',
  ];
  for (const line of lines) {
    const started = Date.now();
    const result = g.tokenizeLine(line, vsctm.INITIAL, 2000);
    assert.equal(result.stoppedEarly, false, `stopped early on a ${line.length}-character line`);
    assert.ok(Date.now() - started < 1500, `took ${Date.now() - started} ms on a ${line.length}-character line`);
  }
});

// ---------------------------------------------------------------------------------------------
// Form labels are not coloured like errors (issue 14): light themes paint
// entity.other.attribute-name and markup.deleted red.
// ---------------------------------------------------------------------------------------------

test('the labels of the request and appeal templates ("Diagnosis:", "Date of injury:", "Denial reason 1") are never coloured like errors', async () => {
  const RED = ['entity.other.attribute-name', 'markup.deleted', 'invalid'];
  let labels = 0;
  for (const [g, text] of [
    [request(), requestTemplate(templateCitations(defaultKnowledge(), 'current'))],
    [appeal(), appealTemplate(templateCitations(defaultKnowledge(), 'current'))],
  ] as const) {
    const lines = tokenizeLines(await g, text.split('\n'));
    for (const t of lines) {
      const label = /^\s*([A-Z][A-Za-z0-9 ()-]*?)(?=,? as the UR decision|:)/.exec(t.line);
      if (!label) continue;
      labels++;
      const start = t.line.indexOf(label[1]);
      for (let i = start; i < start + label[1].length; i++) {
        const red = scopesAt(t, i).filter((s) => RED.some((r) => s.startsWith(r)));
        assert.deepEqual(red, [], `"${label[1]}" in "${t.line}":\n  ${describe(t)}`);
      }
    }
  }
  assert.ok(labels >= 20, `the templates' labels were found (${labels})`);
  const t = await tok(request(), 'Diagnosis: lumbar strain (S39.012A)');
  assertScope(t, 'Diagnosis', 'markup.bold.label.mtus');
});
