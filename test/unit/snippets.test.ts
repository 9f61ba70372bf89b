// The snippets, inserted where a writer would put them and filled in, draw no diagnostics from
// the rules they were written for.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { check, repoRoot } from '../helpers/repo';
import { fill, choicesOf } from '../helpers/snippet-fill';
import { requestTemplate, appealTemplate, TODAY, REQUEST_VALUES, APPEAL_VALUES, ANSWER_VALUES, FI_VALUES, assertClean } from '../helpers/template-values';

interface SnippetDef {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const readSnippets = (language: string): Record<string, SnippetDef> =>
  JSON.parse(fs.readFileSync(path.join(repoRoot(), 'snippets', `${language}.json`), 'utf8')) as Record<string, SnippetDef>;

const bodyOf = (s: SnippetDef) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);

/** A snippet inserted where a writer would put it: a request item, or a block after the letter's answers. */
function placeIn(kind: 'request' | 'appeal', snippet: string, name: string): string {
  if (kind === 'request') {
    // The snippets cite the Chronic Pain editions: tried in a request that cites one too.
    const base = fill(requestTemplate('2016'), REQUEST_VALUES, TODAY);
    const at = base.indexOf('\nFUNCTIONAL IMPROVEMENT');
    const piece = /^Functional improvement:/.test(snippet) ? `\n${snippet}` : `\n3. ${snippet}`;
    return `${base.slice(0, at)}${piece}${base.slice(at)}`;
  }
  // The letter's own answer left empty: the improvement has to come from the snippet.
  const base = fill(appealTemplate(), { ...APPEAL_VALUES, 17: '', 18: '', 19: '', 20: '' }, TODAY);
  const at = base.indexOf('\nFor these reasons');
  assert.ok(at > 0, `no place for ${name}`);
  return `${base.slice(0, at)}\n${snippet}${base.slice(at)}`;
}

test('the appeal the snippets are tried in documents no improvement of its own', () => {
  const rules = check(placeIn('appeal', '', 'nothing'), { kind: 'appeal', today: TODAY }).findings.map((f) => f.rule);
  assert.ok(rules.includes('appeal-unanswered-denial') && rules.includes('extension-without-improvement'), JSON.stringify(rules));
});

const SNIPPET_VALUES: Record<string, Record<number, string>> = {
  'Answer to: no documentation of functional improvement': ANSWER_VALUES,
  'Functional improvement block': FI_VALUES,
};

for (const [language, kind] of [
  ['mtus-request', 'request'],
  ['mtus-appeal', 'appeal'],
] as const) {
  describe(`snippets for ${language}`, () => {
    const snippets = readSnippets(language);
    test('each has a prefix, a description and a body', () => {
      assert.ok(Object.keys(snippets).length > 0);
      for (const [name, s] of Object.entries(snippets)) {
        assert.ok(
          (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).every((p) => /^[a-z][a-z-]+$/.test(p)),
          `${name}: prefixes are lower-case words joined by hyphens`,
        );
        assert.ok(s.description.length > 20, `${name}: a description`);
        assert.ok(bodyOf(s).length > 20, `${name}: a body`);
        assert.doesNotMatch(bodyOf(s).replace(/\$\{\d+\|[^}]*\|\}/g, ''), /\[[^\]\n]*\]/, `${name}: no [square-bracket] blanks`);
      }
    });
    for (const [name, s] of Object.entries(snippets)) {
      test(`"${name}", filled in (each choice) inside a filled ${kind}, draws no findings`, () => {
        const body = bodyOf(s);
        const values = SNIPPET_VALUES[name] ?? {};
        const variants = choicesOf(body, TODAY).flatMap(({ index, choices }) => choices.map((c) => ({ [index]: c })));
        for (const override of variants.length ? variants : [{}]) {
          const text = placeIn(kind, fill(body, values, TODAY, override), name);
          assertClean(text, kind);
        }
      });
    }
  });
}

test('the request snippets cover the therapies they are named for, within the limits', () => {
  const snippets = readSnippets('mtus-request');
  const expect: Record<string, [string, number]> = {
    'Acupuncture trial': ['acupuncture', 6],
    'Chiropractic trial': ['manual-therapy', 6],
    'Physical therapy course': ['physical-medicine', 8],
    'Massage with a home exercise program': ['massage', 4],
  };
  for (const [name, [treatment, total]] of Object.entries(expect)) {
    const a = check(fill(bodyOf(snippets[name]), {}, TODAY), { kind: 'request', today: TODAY });
    assert.deepEqual(
      a.items.map((i) => [i.treatment, i.quantity?.total]),
      [[treatment, total]],
      name,
    );
    assert.ok(
      a.citations.some((c) => c.resolved.length > 0),
      `${name} cites a guideline the knowledge base holds`,
    );
  }
});
