import type { CorpusIndex } from '../corpus/types';
import { editionLabel, type Analysis } from '../engine';
import { dateReasonWords, mtusLabel } from '../engine/mtus/in-force';
import type { Knowledge } from '../knowledge/knowledge';
import type { DocumentStatus } from '../protocol';

// What the editor shows about a checked document beside the diagnostics: the edition its
// figures come from and why, the knowledge base version and the corpus size. Sent after each
// check as a notification of our own (protocol.ts: DOCUMENT_STATUS_NOTIFICATION); a client
// that does not know it ignores it.

export function documentStatus(uri: string, analysis: Analysis, kb: Knowledge, corpus: CorpusIndex | undefined): DocumentStatus {
  return {
    uri,
    checked: true,
    edition: analysis.edition,
    editionLabel: mtusLabel(analysis.mtus, editionLabel(kb, analysis.edition)),
    editionReason: analysis.editionReason,
    knowledgeVersion: kb.version,
    corpusLetters: corpus?.letters ?? 0,
    mtus: analysis.mtus?.date
      ? {
          date: analysis.mtus.date,
          reason: analysis.mtus.reason,
          explanation: analysis.mtus.explanation,
          why: dateReasonWords(analysis.mtus),
          acoem: analysis.mtus.acoem,
          drugList: analysis.mtus.drugList?.version,
        }
      : undefined,
  };
}

/** For a document mtus-lint does not check (Markdown while it is off): the editor hides the status. */
export const uncheckedStatus = (uri: string): DocumentStatus => ({
  uri,
  checked: false,
  edition: '',
  editionLabel: '',
  editionReason: 'default',
  knowledgeVersion: '',
  corpusLetters: 0,
});

/**
 * Sends a document's status only when it differs from the last one sent for it: most checks
 * (a keystroke in a sentence) leave it as it was. After a settings change every status is sent
 * again (forget()), so an editor hears from each checked document once the new settings apply.
 */
export class StatusNotifier {
  private readonly sent = new Map<string, string>();

  constructor(private readonly send: (status: DocumentStatus) => void) {}

  notify(status: DocumentStatus): void {
    const said = JSON.stringify(status);
    if (this.sent.get(status.uri) === said) return;
    this.sent.set(status.uri, said);
    this.send(status);
  }

  /** Forget what was sent for one document (closed), or for all. */
  forget(uri?: string): void {
    if (uri === undefined) this.sent.clear();
    else this.sent.delete(uri);
  }
}
