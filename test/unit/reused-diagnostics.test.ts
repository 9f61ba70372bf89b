// Issue 15, the server's own work after a keystroke: the diagnostics of findings that stayed as
// they were are the last version's, not made again (features/reused-diagnostics.ts). What the
// editor is given must be exactly what converting every finding afresh gives, but for the version
// a kept diagnostic's data names.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver';
import { analyze, AnalysisMemo, lineStarts, type Finding } from '../../server/src/engine';
import { toDiagnostic } from '../../server/src/features/convert';
import { sameDiagnostics } from '../../server/src/features/result-ids';
import { ReusedDiagnostics, stillSays } from '../../server/src/features/reused-diagnostics';
import { drafts, longAppeal, longDraft, sessions } from '../helpers/random-edits';
import { kb } from '../helpers/repo';

const TODAY = new Date('2017-03-01T12:00:00Z');
const URI = 'file:///draft.rfa';
const href = (rule: string) => `https://example.org/rules/${rule}.md`;

interface State {
  memo: AnalysisMemo;
  reused: ReusedDiagnostics;
  version: number;
  kept: number;
  /** What the last conversion returned. */
  last: Diagnostic[];
}

function check(text: string, s: State): void {
  const findings = analyze(text, kb(), { today: TODAY }, s.memo).findings;
  const starts = lineStarts(text);
  s.version++;
  const before = new Set<Diagnostic>(s.last);
  const got = s.reused.convert(URI, findings, starts, s.version, href);
  const fresh = findings.map((f) => toDiagnostic(f, starts, s.version, href, URI));
  assert.ok(sameDiagnostics(got, fresh), `version ${s.version}: the diagnostics differ from a fresh conversion`);
  s.kept += got.filter((d) => before.has(d)).length;
  s.last = got;
}

describe('diagnostics kept from the last version (features/reused-diagnostics.ts)', () => {
  test('equal to converting every finding afresh, over hundreds of random edits', (t) => {
    let kept = 0;
    const start = (): State => ({ memo: new AnalysisMemo(), reused: new ReusedDiagnostics(), version: 0, kept: 0, last: [] });
    const run = (texts: string[], runs: number) => {
      let states: State[] = [];
      const edits = sessions(
        texts,
        runs,
        () => {
          const s = start();
          states.push(s);
          return s;
        },
        check,
      );
      kept += states.reduce((n, s) => n + s.kept, 0);
      states = [];
      return edits;
    };
    const edits = run(drafts, 30) + run([longDraft], 8) + run([longAppeal], 8);
    assert.ok(edits >= 800, `only ${edits} edits tried`);
    // Most edits leave most findings as they were: the point of the module.
    assert.ok(kept > edits, `only ${kept} diagnostics kept over ${edits} edits`);
    t.diagnostic(`${edits} edits, ${kept} diagnostics kept`);
  });

  test('a keystroke far from every finding keeps them all; one that changes a figure makes that one again', () => {
    const reused = new ReusedDiagnostics();
    const text = longDraft;
    const memo = new AnalysisMemo();
    const first = reused.convert(URI, analyze(text, kb(), { today: TODAY }, memo).findings, lineStarts(text), 1, href);
    assert.ok(first.length > 5, 'the long draft draws findings');
    // A letter typed at the very end, on a line of its own.
    const typed = `${text}\nx`;
    const second = reused.convert(URI, analyze(typed, kb(), { today: TODAY }, memo).findings, lineStarts(typed), 2, href);
    assert.equal(second.length, first.length);
    assert.ok(
      second.every((d, i) => d === first[i]),
      'every diagnostic kept',
    );
    // A quantity raised: that item's finding says another number, and only it is made again.
    const m = /\b(\d+) (?:sessions|visits)\b/.exec(typed);
    assert.ok(m, 'the draft asks for sessions or visits');
    const raised = typed.slice(0, m.index) + String(Number(m[1]) + 40) + typed.slice(m.index + m[1].length);
    const third = reused.convert(URI, analyze(raised, kb(), { today: TODAY }, memo).findings, lineStarts(raised), 3, href);
    const fresh = third.filter((d) => !second.includes(d));
    assert.ok(fresh.length >= 1 && fresh.length < third.length, `${fresh.length} of ${third.length} made again`);
    assert.ok(
      fresh.every((d) => (d.data as { version: number }).version === 3),
      'those made again carry the new version',
    );
  });

  test('a finding that differs in anything the diagnostic shows is made again', () => {
    const text = longDraft;
    const starts = lineStarts(text);
    const findings = analyze(text, kb(), { today: TODAY }).findings;
    const f = findings.find((x) => x.fix && x.citation && x.edition);
    assert.ok(f, 'a finding with a fix, a citation and an edition');
    const d = toDiagnostic(f, starts, 1, href, URI);
    assert.ok(stillSays(f, f, d, starts), 'the same finding keeps its diagnostic');
    const fix = f.fix!;
    const changed: [string, Finding][] = [
      ['rule', { ...f, rule: `${f.rule}-x` }],
      ['severity', { ...f, severity: f.severity === 'error' ? 'warning' : 'error' }],
      ['message', { ...f, message: `${f.message} ` }],
      ['edition', { ...f, edition: `${f.edition}-x` }],
      ['citation id', { ...f, citation: { ...f.citation!, id: `${f.citation!.id}-x` } }],
      ['citation label', { ...f, citation: { ...f.citation!, label: `${f.citation!.label} ` } }],
      ['no citation', { ...f, citation: undefined }],
      ['span', { ...f, span: { start: f.span.start + 1, end: f.span.end + 1 } }],
      ['related', { ...f, related: [{ ...f.span }] }],
      ['fix title', { ...f, fix: { ...fix, title: `${fix.title} ` } }],
      ['fix certainty', { ...f, fix: { ...fix, certain: fix.certain === false ? undefined : false } }],
      ['fix text', { ...f, fix: { ...fix, edits: fix.edits.map((e) => ({ ...e, newText: `${e.newText}0` })) } }],
      ['fix place', { ...f, fix: { ...fix, edits: fix.edits.map((e) => ({ ...e, span: { start: e.span.start - 1, end: e.span.end } })) } }],
      ['no fix', { ...f, fix: undefined }],
    ];
    for (const [what, g] of changed) assert.ok(!stillSays(g, f, d, starts), `a finding with another ${what} keeps the old diagnostic`);
  });

  test('a finding carries no field the comparison does not know of', () => {
    // stillSays compares every field toDiagnostic reads; a new field must be added to both.
    const known = new Set<keyof Finding>(['rule', 'severity', 'span', 'message', 'citation', 'edition', 'fix', 'related', 'subject']);
    for (const text of [...drafts, longAppeal])
      for (const f of analyze(text, kb(), { today: TODAY }).findings)
        for (const k of Object.keys(f)) assert.ok(known.has(k as keyof Finding), `a finding has the field "${k}"`);
  });
});
