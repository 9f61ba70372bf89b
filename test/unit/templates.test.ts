// The New Treatment Request and New IMR Appeal Letter templates, and the snippets, filled in the
// way a writer fills them (every tab stop: its default where the template gives one, else a
// realistic invented value), draw no diagnostics from the rules they were written for. The
// citations they carry resolve to the entries they name, in the edition's own form.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { appealTemplate as appealFrom, APPEAL_SECTIONS } from '../../client/src/templates/appeal';
import { requestTemplate as requestFrom, REQUEST_SECTIONS } from '../../client/src/templates/request';
import type { Analysis } from '../../server/src/engine';
import { findCitations } from '../../server/src/engine/parse/citations';
import { guidelineEntries } from '../../server/src/features/guidelines';
import { templateCitations } from '../../server/src/features/templates';
import type { TemplateEdition, TemplateItem } from '../../server/src/protocol';
import { check, kb, repoRoot } from '../helpers/repo';

// The templates as the New Treatment Request and New IMR Appeal Letter commands write them: with
// the citations the server writes from the knowledge base for the edition chosen.
const requestTemplate = (edition: TemplateEdition = 'current') => requestFrom(templateCitations(kb(), edition));
const appealTemplate = () => appealFrom(templateCitations(kb(), 'current'));

// ---- Expanding a snippet as VS Code does ------------------------------------------------------

interface Stop {
  index: number;
  /** The default text (already expanded), or undefined for a bare $1 / ${1}. */
  value?: string;
  choices?: string[];
}

type Node = string | { stop: number; children?: Node[]; choices?: string[] } | { variable: string; children?: Node[] };

/** Parses VS Code's snippet syntax: $1, ${1}, ${1:default}, ${1|a,b|}, $VAR, ${VAR:default}, \\ escapes. */
function parseSnippet(src: string): Node[] {
  let i = 0;
  const parse = (inside: boolean): Node[] => {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    while (i < src.length) {
      const ch = src[i];
      if (ch === '\\' && i + 1 < src.length && /[$}\\]/.test(src[i + 1])) {
        text += src[i + 1];
        i += 2;
      } else if (inside && ch === '}') {
        break;
      } else if (ch === '$') {
        const simple = /^\$(\d+|[A-Z_][A-Z_0-9]*)/.exec(src.slice(i));
        const braced = /^\$\{(\d+|[A-Z_][A-Z_0-9]*)(:|\||\})/.exec(src.slice(i));
        if (simple) {
          flush();
          out.push(/^\d/.test(simple[1]) ? { stop: Number(simple[1]) } : { variable: simple[1] });
          i += simple[0].length;
        } else if (braced) {
          flush();
          const name = braced[1];
          i += braced[0].length;
          if (braced[2] === '}') out.push(/^\d/.test(name) ? { stop: Number(name) } : { variable: name });
          else if (braced[2] === ':') {
            const children = parse(true);
            assert.equal(src[i], '}', `unclosed \${${name}:… in the snippet`);
            i++;
            out.push(/^\d/.test(name) ? { stop: Number(name), children } : { variable: name, children });
          } else {
            const end = src.indexOf('|}', i);
            assert.ok(end > 0, `unclosed choice \${${name}|… in the snippet`);
            const choices = src
              .slice(i, end)
              .split(/(?<!\\),/)
              .map((c) => c.replace(/\\([$}\\,|])/g, '$1'));
            i = end + 2;
            out.push({ stop: Number(name), choices });
          }
        } else text += src[i++];
      } else text += src[i++];
    }
    flush();
    return out;
  };
  const nodes = parse(false);
  assert.equal(i, src.length, `unexpected "}" at ${i} in the snippet`);
  return nodes;
}

const pad = (n: number) => String(n).padStart(2, '0');

function variableValue(name: string, today: Date): string {
  switch (name) {
    case 'CURRENT_YEAR':
      return String(today.getUTCFullYear());
    case 'CURRENT_MONTH':
      return pad(today.getUTCMonth() + 1);
    case 'CURRENT_DATE':
      return pad(today.getUTCDate());
    default:
      throw new Error(`the snippet uses the variable $${name}, which this test does not know`);
  }
}

/** Every tab stop in the snippet, with the default that VS Code would give all its mirrors. */
function stopsOf(nodes: Node[], today: Date, into = new Map<number, Stop>()): Map<number, Stop> {
  for (const n of nodes) {
    if (typeof n === 'string' || !('stop' in n)) {
      if (typeof n !== 'string' && n.children) stopsOf(n.children, today, into);
      continue;
    }
    const s = into.get(n.stop) ?? { index: n.stop };
    // The first occurrence with a default gives its text to every occurrence.
    if (s.value === undefined && n.children) s.value = render(n.children, new Map(), today);
    if (s.value === undefined && n.choices) {
      s.choices = n.choices;
      s.value = n.choices[0];
    }
    into.set(n.stop, s);
    if (n.children) stopsOf(n.children, today, into);
  }
  return into;
}

function render(nodes: Node[], values: Map<number, string>, today: Date): string {
  return nodes
    .map((n) => {
      if (typeof n === 'string') return n;
      if ('variable' in n) return variableValue(n.variable, today);
      if (values.has(n.stop)) return values.get(n.stop)!;
      if (n.choices) return n.choices[0];
      return n.children ? render(n.children, values, today) : '';
    })
    .join('');
}

/**
 * The snippet as a writer leaves it: each tab stop holds its default, or the value given here
 * for a stop without one ($0, where the cursor ends, stays empty). Fails on a stop left without
 * a value and on a value for a stop the snippet does not have, so the two lists keep in step.
 */
function fill(snippet: string, invented: Record<number, string>, today: Date, overrides: Record<number, string> = {}): string {
  const nodes = parseSnippet(snippet);
  const stops = stopsOf(nodes, today);
  const values = new Map<number, string>();
  for (const [index, s] of stops) {
    if (index === 0) continue;
    const v = overrides[index] ?? s.value ?? invented[index];
    assert.ok(v !== undefined, `tab stop $${index} has no default and the test gives it no value`);
    values.set(index, v);
  }
  for (const k of Object.keys(invented)) {
    const s = stops.get(Number(k));
    assert.ok(s, `the test fills $${k}, which the snippet does not have`);
    assert.equal(s.value, undefined, `$${k} has a default ("${s.value}"): the test should use it, not its own value`);
  }
  values.set(0, '');
  return render(nodes, values, today);
}

const choicesOf = (snippet: string, today: Date) =>
  [...stopsOf(parseSnippet(snippet), today)].filter(([, s]) => s.choices).map(([i, s]) => ({ index: i, choices: s.choices! }));

// ---- Dates ------------------------------------------------------------------------------------

const TODAY = new Date(Date.UTC(2026, 10, 24));
const mdY = (d: Date) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${d.getUTCFullYear()}`;
const daysAgo = (n: number) => mdY(new Date(TODAY.getTime() - n * 86_400_000));

// ---- What the writer types where the template leaves a field empty ----------------------------

const REQUEST_VALUES: Record<number, string> = {
  2: 'Maria Alvarez',
  3: '04/12/1978',
  4: '03/14/2025',
  5: 'Central Valley Packing Co.',
  6: '05-4471823',
  7: 'Daniel Kim, M.D.',
  8: 'Valley Spine and Rehabilitation, Fresno, CA',
  9: 'Physical Medicine and Rehabilitation',
  10: '1639204718',
  11: '(559) 555-0143',
  12: '(559) 555-0144',
  13: 'Golden State Claims Services',
  14: 'Laura Chen',
  15: '(916) 555-0190',
  16: 'Lumbar sprain with chronic low back pain',
  17: 'S39.012A',
  30: 'sitting tolerance improved from 20 to 40 minutes with the home exercise program; she now dresses without help',
  31: 'modified duty, no lifting over 15 pounds',
  32: 'naproxen 550 mg twice daily, unchanged',
  33: 'lumbar flexion improved from 30 to 45 degrees',
  34: daysAgo(3),
  35: '/s/ Daniel Kim, M.D.',
};

const APPEAL_VALUES: Record<number, string> = {
  2: 'P.O. Box 138009, Sacramento, CA 95813',
  3: 'Maria Alvarez',
  4: '05-4471823',
  5: '03/14/2025',
  6: daysAgo(14),
  7: 'UR-2026-118204',
  8: daysAgo(24),
  9: daysAgo(12),
  12: '6',
  14: daysAgo(70),
  15: daysAgo(30),
  16: daysAgo(28),
  17: 'sitting tolerance increased from 20 minutes to 60 minutes, and she drives to work again',
  18: 'returned to modified duty; lifting restriction reduced from 10 to 25 pounds',
  19: 'Norco reduced from 10/325 three times daily to 5/325 once daily',
  20: 'Oswestry Disability Index improved from 46% to 30%',
  23: 'Daniel Kim',
  25: 'A 123456',
};

const ANSWER_VALUES: Record<number, string> = {
  2: '6',
  4: daysAgo(70),
  5: daysAgo(30),
  6: daysAgo(28),
  7: 'walking distance increased from one block to six blocks',
  8: 'returned to regular duty',
  9: 'stopped tramadol',
  10: 'grip strength improved from 20 to 32 kg',
};

const FI_VALUES: Record<number, string> = {
  1: 'standing tolerance increased from 15 to 45 minutes',
  2: 'work restrictions reduced from sedentary to light duty',
  3: 'cyclobenzaprine discontinued',
  4: 'shoulder abduction improved from 90 to 150 degrees',
};

// ---- Checking ---------------------------------------------------------------------------------

const describeFindings = (a: Analysis) => a.findings.map((f) => `\n  ${f.rule}: ${f.message}`).join('');

// The request template and snippets cite the Chronic Pain edition chosen in mtusLint.edition;
// since issue 12 a request is judged by the MTUS in force on its date, and a CPMTG citation in
// a request dated today is reported (citation-not-in-force). A request citing it is checked as
// of a date that edition governed.
const CPMTG_ERA = new Date(Date.UTC(2017, 2, 1));

function assertClean(text: string, kind: 'request' | 'appeal'): Analysis {
  const a = check(text, { kind, today: TODAY, date: kind === 'request' && /Chronic Pain Medical Treatment/.test(text) ? CPMTG_ERA : undefined });
  assert.equal(a.findings.length, 0, `the filled ${kind} draws findings:${describeFindings(a)}\n--- text ---\n${text}`);
  return a;
}

const EDITIONS: TemplateEdition[] = ['2009', '2016'];

describe('the New Treatment Request template', () => {
  for (const edition of EDITIONS) {
    test(`filled in, it draws no findings and is judged by the edition it cites (${edition})`, () => {
      const text = fill(requestTemplate(edition), REQUEST_VALUES, TODAY);
      const a = assertClean(text, 'request');
      assert.equal(a.edition, edition);
      assert.equal(a.editionReason, 'document');
      // Both requested items are read, with their quantities and body parts.
      assert.deepEqual(
        a.items.map((i) => [i.treatment, i.quantity?.total]),
        [
          ['acupuncture', 6],
          ['physical-medicine', 8],
        ],
      );
      assert.ok(a.evidence.functionalImprovement, 'the functional-improvement block, filled in, documents improvement');
      for (const s of REQUEST_SECTIONS) assert.ok(text.includes(s), `the request has "${s}"`);
    });
  }

  test('by default it cites the MTUS in force today, and filled in, dated today, it draws no findings', () => {
    const text = fill(requestTemplate(), REQUEST_VALUES, TODAY);
    assert.match(text, /Guideline: MTUS \(ACOEM\) Low Back Disorders Guideline\./);
    const a = assertClean(text, 'request');
    assert.equal(a.mtus?.explanation, `dated ${mdY(TODAY)}: MTUS as of 2021-11-23 (ACOEM Low Back Disorders, 2/13/2020)`);
  });

  test('every choice of the request type draws no findings', () => {
    for (const { index, choices } of choicesOf(requestTemplate(), TODAY)) {
      for (const c of choices) assertClean(fill(requestTemplate(), REQUEST_VALUES, TODAY, { [index]: c }), 'request');
    }
  });

  test('left unfilled, the empty diagnosis still draws its diagnostic', () => {
    const text = fill(requestTemplate(), { ...REQUEST_VALUES, 16: '', 17: '' }, TODAY);
    const rules = check(text, { kind: 'request', today: TODAY }).findings.map((f) => f.rule);
    assert.ok(rules.includes('rfa-diagnosis-missing'), `expected rfa-diagnosis-missing, got ${JSON.stringify(rules)}`);
  });

  test('a fill-in placeholder never stands in for a fact: the template holds no [square brackets]', () => {
    for (const t of [requestTemplate('2009'), requestTemplate('2016'), appealTemplate()]) {
      const stripped = t.replace(/\$\{\d+\|[^}]*\|\}/g, '');
      assert.doesNotMatch(stripped, /\[[^\]\n]*\]/);
    }
  });
});

describe('the New IMR Appeal Letter template', () => {
  test('filled in, it draws no findings: dated within 30 days of the UR decision, answered, enclosed, signed', () => {
    const text = fill(appealTemplate(), APPEAL_VALUES, TODAY);
    const a = assertClean(text, 'appeal');
    assert.ok(a.evidence.functionalImprovement);
    for (const s of APPEAL_SECTIONS) assert.ok(text.includes(s), `the letter has "${s}"`);
    assert.ok(text.startsWith(`Date: ${mdY(TODAY)}`), 'the letter is dated today');
  });

  test('left unfilled, the denial it quotes is unanswered and says so', () => {
    const blank = Object.fromEntries(Object.keys(APPEAL_VALUES).map((k) => [k, '']));
    const rules = check(fill(appealTemplate(), blank, TODAY), { kind: 'appeal', today: TODAY }).findings.map((f) => f.rule);
    assert.ok(rules.includes('appeal-unanswered-denial'), `expected appeal-unanswered-denial, got ${JSON.stringify(rules)}`);
  });

  test('filed late, the deadline rule still fires on the filled template', () => {
    const text = fill(appealTemplate(), { ...APPEAL_VALUES, 6: daysAgo(60), 9: daysAgo(58) }, TODAY);
    const rules = check(text, { kind: 'appeal', today: TODAY }).findings.map((f) => f.rule);
    assert.deepEqual(rules, ['appeal-deadline']);
  });
});

describe('the templates cite as the guideline browser does', () => {
  const ITEMS: TemplateItem[] = ['acupuncture', 'manualTherapy', 'massage', 'physicalMedicine'];
  for (const edition of [...EDITIONS, 'current'] as TemplateEdition[]) {
    for (const item of ITEMS) {
      test(`${item} (${edition}): the citation the template carries reads back as the entry it names`, () => {
        const c = templateCitations(kb(), edition)[item];
        assert.ok(kb().citation(c.id), `no citation entry ${c.id}`);
        const found = findCitations(`${c.text}.`, kb());
        assert.ok(found.length >= 1 && found.every((x) => x.resolved.includes(c.id)), JSON.stringify(found.map((x) => [x.text, x.resolved])));
      });
    }
  }
  test('the 2009 citations are by page and the 2016 ones by section, as the editions are cited', () => {
    assert.match(templateCitations(kb(), '2009').physicalMedicine.text, /\(2009\), Physical medicine, pages 98-99$/);
    assert.match(templateCitations(kb(), '2016').physicalMedicine.text, /2016, Section\(s\): Physical medicine$/);
    assert.equal(templateCitations(kb(), 'current').physicalMedicine.text, 'MTUS (ACOEM) Low Back Disorders Guideline');
  });
});

describe("the guideline browser's citations", () => {
  test('each entry, inserted into a request, resolves to that entry and draws no citation finding', () => {
    const entries = guidelineEntries(kb(), 'all');
    assert.equal(entries.length, kb().data.citations.filter((c) => !['odg', 'acoem-3'].includes(c.guideline)).length, 'every MTUS entry is offered');
    for (const e of entries) {
      // Today's forms in today's request; the Chronic Pain editions' in a request of their time.
      const today = ['mtus-acoem', 'mtus-drug-list'].includes(kb().citation(e.id)?.guideline ?? '');
      const text = fill(requestTemplate(today ? 'current' : '2016'), REQUEST_VALUES, TODAY).replace(
        '\nFUNCTIONAL IMPROVEMENT',
        `\n   Also: ${e.insertText}.\n\nFUNCTIONAL IMPROVEMENT`,
      );
      const a = check(text, { kind: 'request', today: TODAY, date: today ? undefined : CPMTG_ERA });
      const at = text.indexOf(e.insertText);
      const cited = a.citations.filter((c) => c.span.start >= at && c.span.end <= at + e.insertText.length + 1);
      assert.ok(
        cited.length > 0 && cited.every((c) => c.resolved.includes(e.id)),
        `${e.id}: "${e.insertText}" reads as ${JSON.stringify(cited.map((c) => [c.text, c.resolved]))}`,
      );
      const citationRules = a.findings.filter((f) => f.rule.startsWith('citation-'));
      assert.equal(citationRules.length, 0, `${e.id}:${describeFindings({ ...a, findings: citationRules })}`);
    }
  });

  test('a document judged by 2009 is offered the 2009 entries, cited by page; 2016 by section', () => {
    const of = (edition: string) => guidelineEntries(kb(), edition).filter((e) => e.guidelineTitle === 'Chronic Pain Medical Treatment Guidelines');
    assert.ok(of('2009').length > 0 && of('2009').every((e) => e.edition === '2009'));
    assert.ok(of('2016').length > 0 && of('2016').every((e) => e.edition === '2016'));
    assert.equal(
      of('2009').find((e) => e.id === 'cpmtg2009-massage')?.insertText,
      'MTUS Chronic Pain Medical Treatment Guidelines (2009), Massage therapy, page 60',
    );
    assert.equal(of('2016').find((e) => e.id === 'cpmtg2016-massage')?.insertText, 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy');
    // The guidelines with one edition are offered whichever edition the document is judged by.
    for (const edition of ['2009', '2016']) assert.ok(guidelineEntries(kb(), edition).some((e) => e.id === 'ccr-9792.24.1-acupuncture'));
  });
});

// ---- Snippets ---------------------------------------------------------------------------------

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
