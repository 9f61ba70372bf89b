// The body parts a request names (rules/request-facts.ts), read by rfa-item-incomplete: those in
// request passages, in prose, and in body-part fields, never one named only in the diagnosis.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { regionsNamed } from '../../../server/src/engine/rules/request-facts';
import type { RuleContext } from '../../../server/src/engine/rules/rule';
import type { Span } from '../../../server/src/engine/types';
import { check } from '../../helpers/repo';

/** The analysis as the rules see it, with every body-part field's value counting the times its start is read. */
function contextCounting(text: string): { ctx: RuleContext; reads: () => number } {
  const doc = check(text, { kind: 'request' });
  let reads = 0;
  const fields = doc.structure.fields.map((f) =>
    f.kind !== 'body'
      ? f
      : {
          ...f,
          value: new Proxy(f.value, {
            get(target: Span, key: string | symbol) {
              if (key === 'start') reads++;
              return Reflect.get(target, key);
            },
          }),
        },
  );
  return { ctx: { text, doc: { ...doc, structure: { ...doc.structure, fields } } } as unknown as RuleContext, reads: () => reads };
}

const form = (lines: number) =>
  `DWC FORM RFA\n${Array.from({ length: lines }, (_, i) => `Requested treatment: Acupuncture   Frequency: 2x${(i % 5) + 2}   Body part: neck   [X] New`).join('\n')}\n`;

describe('regionsNamed', () => {
  test('a body part in a body-part field or a request line counts; one named only in the diagnosis does not', () => {
    const named = (text: string) => [...regionsNamed(contextCounting(text).ctx)].sort();
    assert.deepEqual(named('REQUEST FOR AUTHORIZATION\nDiagnosis: lumbar strain\nBody part: right knee\n1. Acupuncture 2x3.\n'), ['knee']);
    assert.deepEqual(named('REQUEST FOR AUTHORIZATION\nDiagnosis: lumbar strain\n1. Acupuncture 2x3.\n'), []);
  });
  test("a form's body-part fields are each read a bounded number of times, however many regions it names", () => {
    // Each region was once tested against every field: a form with a field on every line cost the square of its length.
    const small = contextCounting(form(500));
    const large = contextCounting(form(1000));
    assert.deepEqual([...regionsNamed(small.ctx)], [...regionsNamed(large.ctx)]);
    const ratio = large.reads() / small.reads();
    assert.ok(ratio < 2.5, `twice the fields, ${ratio.toFixed(1)} times the reads (${small.reads()} → ${large.reads()})`);
  });
});
