// Tokenizes sample lines with the real TextMate grammars in syntaxes/ (vscode-textmate + vscode-oniguruma,
// the same engine VS Code uses) and checks the scopes a user would see: the grammar files, and
// requests (grammar-letters.test.ts: citations, comments and appeal letters).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { assertNoScope, assertScope, BODY, DATE, GRAMMAR_FILES, QUANTITY, readJson, request, ROOT, SYNTAXES, tok, TREATMENT } from '../helpers/grammar';

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
