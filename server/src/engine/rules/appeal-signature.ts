import type { Rule } from './rule';
import { readSignature } from '../parse/appeal-letter';

export const SIGNATURE_TEMPLATE = 'Sincerely,\n\n[Physician name], M.D.\nPrimary Treating Physician\n[License number]';

export const appealSignature: Rule = {
  id: 'appeal-signature',
  summary: 'An appeal letter with no signature block, or one made only of placeholders.',
  defaultSeverity: 'warning',
  kinds: ['appeal'],
  docs: {
    readme: 'An appeal letter with no signature block, or one made only of placeholders; the quick fix appends a signature block to fill in.',
    flags: 'An appeal letter with no signature block (closing and name, "/s/ Name", "Signature: Name"), or one made only of placeholders',
    figures: 'An unsigned IMR application is ineligible, 8 CCR 9792.10.1(b)',
    fix: 'Appends a signature block to fill in',
  },
  check(ctx) {
    const text = ctx.text;
    if (!text.trim()) return [];
    const sig = readSignature(text);
    if (sig.state === 'signed') return [];
    const why = 'an unsigned IMR application is ineligible (8 CCR 9792.10.1(b))';
    if (sig.state === 'placeholders')
      return [{ span: sig.span, message: `The signature block under this closing holds only placeholders: sign it with the physician's name; ${why}` }];
    if (sig.state === 'closing-only') return [{ span: sig.span, message: `No name follows this closing: sign it with the physician's name; ${why}` }];
    // No closing at all: underline the last line with words and append a block to fill in.
    const span = lastLineWithWords(text);
    const newText = `${text.endsWith('\n') ? '' : '\n'}\n${SIGNATURE_TEMPLATE}\n`;
    return [
      {
        span,
        message: `The letter has no signature block (a closing such as "Sincerely," and the physician's name, or "/s/ Name"); ${why}`,
        fix: { title: 'Append a signature block to fill in', edits: [{ span: { start: text.length, end: text.length }, newText }], certain: false },
      },
    ];
  },
};

/** The last line with words, from its first to its last non-space character: read from the end, not by matching every line. */
function lastLineWithWords(text: string): { start: number; end: number } {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  const lineStart = text.lastIndexOf('\n', end - 1) + 1;
  let start = lineStart;
  while (start < end && /\s/.test(text[start])) start++;
  return { start, end };
}
