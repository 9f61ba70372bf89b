import type { Finding, TextEditData } from './engine';

// "Fix all": every certain fix of an analysis, applied together. The one definition the
// language server's fix-all action (and fix on save) and the CLI's --fix share, so the
// editor and the command line change a document the same way. Fixes that insert a template
// to fill in are marked uncertain and left out.

export const hasCertainFix = (f: Pick<Finding, 'fix'>): boolean => Boolean(f.fix) && f.fix!.certain !== false;

/** The edits of every certain fix, in the engine's offsets. */
export function certainFixEdits(findings: readonly Finding[]): TextEditData[] {
  return findings.filter(hasCertainFix).flatMap((f) => f.fix!.edits);
}
