import { regexFinder } from '../incremental/finders';
import type { Rule } from './rule';
import { CLOSING, saysUrAttached, UR_DECISION } from '../parse/appeal-letter';

export const CLOSINGS = regexFinder('closing', CLOSING);
const spanOf = (m: RegExpExecArray | null) => (m ? { start: m.index, end: m.index + m[0].length } : undefined);

/** /\n\s*$/.test(text), read from the end: a line break among the spaces that end the text. */
function endsWithLineBreak(text: string): boolean {
  let i = text.length;
  while (i > 0 && /\s/.test(text[i - 1])) if (text[--i] === '\n') return true;
  return false;
}

export const ENCLOSURE_TEMPLATE = 'Enclosures: UR decision dated [MM/DD/YYYY]';

export const appealUrDecisionAttached: Rule = {
  id: 'appeal-ur-decision-attached',
  summary: 'An appeal letter that never says the UR decision is attached or enclosed.',
  defaultSeverity: 'warning',
  kinds: ['appeal'],
  docs: {
    readme: 'An appeal letter that never says the UR decision is attached or enclosed; the quick fix inserts an "Enclosures: UR decision" line to fill in.',
    flags: 'An appeal letter that never says the UR decision is attached or enclosed',
    figures: 'A copy of the UR decision with the IMR application, 8 CCR 9792.10.1(b)',
    fix: 'Inserts "Enclosures: UR decision dated [MM/DD/YYYY]" to fill in',
  },
  check(ctx) {
    const text = ctx.text;
    if (!text.trim() || saysUrAttached(text, ctx.find)) return [];
    // Underline the first mention of the UR decision, else the first line with words.
    const mention = new RegExp(UR_DECISION.source, 'i').exec(text);
    const first = /\S[^\n]*/.exec(text)!;
    const span = mention
      ? { start: mention.index, end: mention.index + mention[0].length }
      : { start: first.index, end: first.index + first[0].trimEnd().length };
    // The fix: a line before the closing ("Sincerely,"), else at the end.
    const closing = ctx.find ? ctx.find(CLOSINGS)[0]?.span : spanOf(new RegExp(CLOSING.source, 'im').exec(text));
    const at = closing ? closing.start + (closing.end - closing.start - text.slice(closing.start, closing.end).trimStart().length) : text.length;
    const newText = closing ? `${ENCLOSURE_TEMPLATE}\n\n` : `${endsWithLineBreak(text) ? '' : '\n'}\n${ENCLOSURE_TEMPLATE}\n`;
    return [
      {
        span,
        message:
          'The letter does not say the UR decision is attached: an IMR application must include a copy of the UR decision (8 CCR 9792.10.1(b)); say it is enclosed and attach it',
        fix: { title: 'Insert an "Enclosures: UR decision" line to fill in', edits: [{ span: { start: at, end: at }, newText }], certain: false },
      },
    ];
  },
};
