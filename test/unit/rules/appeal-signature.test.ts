import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { check } from '../../helpers/repo';

const RULE = 'appeal-signature';
const only = (text: string, kind: 'appeal' | 'request' = 'appeal') => check(text, { kind }).findings.filter((f) => f.rule === RULE);
const BODY = 'Re: IMR appeal\nThe UR decision dated 01/05/2017 (attached) denied acupuncture 2x3.\n';
const WHY = 'an unsigned IMR application is ineligible (8 CCR 9792.10.1(b))';

describe(RULE, () => {
  test('flags a letter with no signature block, on its last line, with a template fix', () => {
    const f = only(BODY);
    assert.equal(f.length, 1);
    assert.equal(f[0].message, `The letter has no signature block (a closing such as "Sincerely," and the physician's name, or "/s/ Name"); ${WHY}`);
    assert.equal(f[0].severity, 'warning');
    assert.equal(BODY.slice(f[0].span.start, f[0].span.end), 'The UR decision dated 01/05/2017 (attached) denied acupuncture 2x3.');
    assert.equal(f[0].fix!.certain, false);
    const e = f[0].fix!.edits[0];
    const fixed = BODY.slice(0, e.span.start) + e.newText + BODY.slice(e.span.end);
    assert.equal(fixed, `${BODY}\nSincerely,\n\n[Physician name], M.D.\nPrimary Treating Physician\n[License number]\n`);
  });
  test('flags a closing with no name under it', () => {
    const text = `${BODY}\nRespectfully,\n`;
    const f = only(text);
    assert.equal(f[0].message, `No name follows this closing: sign it with the physician's name; ${WHY}`);
    assert.equal(text.slice(f[0].span.start, f[0].span.end), 'Respectfully,');
  });
  test('flags a closing before the enclosures with no name between', () => {
    assert.equal(only(`${BODY}\nSincerely,\n\nEnclosures: UR decision\n`).length, 1);
  });
  test('flags a block made only of placeholders', () => {
    const f = only(`${BODY}\nSincerely,\n\n[Physician name]\n[License number]\n`);
    assert.equal(f[0].message, `The signature block under this closing holds only placeholders: sign it with the physician's name; ${WHY}`);
  });
  for (const text of [
    `${BODY}\nSincerely,\n\nJane Roe, M.D.\n`,
    `${BODY}\nRespectfully submitted,\n\n\n\nJane Roe, D.C.\nEnclosures: UR decision\n`,
    `${BODY}\nSincerely,\n\n[Physician name], M.D.\nPrimary Treating Physician\n[License number]\n`,
    `${BODY}/s/ Jane Roe, M.D.\n`,
    `${BODY}Signature: Jane Roe\n`,
    `${BODY}Electronically signed by Jane Roe, M.D. on 01/20/2017\n`,
  ]) {
    test(`does not flag: ${JSON.stringify(text.slice(BODY.length))}`, () => assert.deepEqual(only(text), []));
  }
  test('never flags a request', () => assert.deepEqual(only(BODY, 'request'), []));
});
