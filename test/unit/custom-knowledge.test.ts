import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/engine';
import { loadCustomKnowledge } from '../../server/src/knowledge/custom';
import { kb } from '../helpers/repo';

// A practice's own knowledge file: it adds entries or replaces bundled ones by id, and each
// error is placed on the line that holds it.
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('a custom knowledge file', () => {
  const base = kb().data;

  test('an alias added to a treatment is read in drafts', () => {
    const acupuncture = base.treatments.find((t) => t.id === 'acupuncture')!;
    const text = JSON.stringify({ treatments: [{ ...acupuncture, aliases: [...acupuncture.aliases, 'dry needling'] }] }, null, 2);
    const r = loadCustomKnowledge(text, 'mine.json', base);
    assert.deepEqual(r.problems, []);
    assert.equal(r.replaced, 1);
    assert.equal(r.added, 0);
    const a = analyze('Dry needling 2x4 low back', r.knowledge!);
    assert.deepEqual(
      a.findings.map((f) => f.rule),
      ['therapy-over-trial'],
    );
    assert.deepEqual(analyze('Dry needling 2x4 low back', kb()).findings, [], 'the bundled base is unchanged');
  });

  test('a limit of its own replaces the bundled one', () => {
    const limit = base.limits.find((l) => l.id === 'acupuncture-mtg-2007')!;
    const text = JSON.stringify({ limits: [{ ...limit, trial: { min: 3, max: 8 } }] }, null, 2);
    const r = loadCustomKnowledge(text, 'mine.json', base);
    assert.deepEqual(analyze('Acupuncture 2x4 low back', r.knowledge!).findings, []);
  });

  test('a schema error names the path and sits on its line', () => {
    const text = '{\n  "limits": [\n    {\n      "id": "mine",\n      "treatment": "acupuncture",\n      "trial": { "min": 6, "max": 3 }\n    }\n  ]\n}\n';
    const r = loadCustomKnowledge(text, 'mine.json', base);
    assert.equal(r.knowledge, undefined);
    const trial = r.problems.find((p) => p.message.startsWith('limits.0.trial'));
    assert.ok(trial, JSON.stringify(r.problems));
    assert.match(trial.message, /min must not exceed max/);
    assert.equal(lineOf(text, trial.span.start), 6);
    const missing = r.problems.find((p) => /limits\.0\.source/.test(p.message));
    assert.ok(missing, 'a limit without its source is refused');
    assert.equal(lineOf(text, missing.span.start), 3, 'a missing field is put on its entry');
  });

  test('an unknown section and an unknown reference are placed on their lines', () => {
    const limit = base.limits.find((l) => l.id === 'massage-cpmtg-2016')!;
    const text = JSON.stringify({ limits: [{ ...limit, id: 'my-massage', citation: 'no-such-citation' }] }, null, 2);
    const r = loadCustomKnowledge(text, 'mine.json', base);
    assert.equal(r.problems.length, 1);
    assert.match(r.problems[0].message, /^limits\.0 \(my-massage\): unknown citation "no-such-citation"/);
    assert.equal(lineOf(text, r.problems[0].span.start), 3);
    const typo = loadCustomKnowledge('{\n  "limit": []\n}\n', 'mine.json', base);
    assert.match(typo.problems[0].message, /"limit" is not a section of a knowledge file/);
    assert.equal(lineOf('{\n  "limit": []\n}\n', typo.problems[0].span.start), 2);
  });

  test('text that is not JSON: the message and the place', () => {
    const text = '{\n  "limits": [,]\n}\n';
    const r = loadCustomKnowledge(text, 'mine.json', base);
    assert.match(r.problems[0].message, /^This knowledge file is not valid JSON/);
    assert.equal(lineOf(text, r.problems[0].span.start), 2);
  });
});
