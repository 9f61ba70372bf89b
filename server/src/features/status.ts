import type { CorpusIndex } from '../corpus/types';
import { editionLabel, type Analysis } from '../engine';
import type { Knowledge } from '../knowledge/knowledge';

// What the editor shows about a checked document beside the diagnostics: the edition its
// figures come from and why, the knowledge base version and the corpus size. Sent after each
// check as a notification of our own; a client that does not know it ignores it.

export const STATUS_NOTIFICATION = 'mtusLint/documentStatus';

export interface DocumentStatus {
  uri: string;
  /** False when mtus-lint does not check the document (then the other fields are empty). */
  checked: boolean;
  /** The edition year the document is judged by ("2016"). */
  edition: string;
  /** "CPMTG 2016". */
  editionLabel: string;
  editionReason: 'setting' | 'document' | 'default';
  knowledgeVersion: string;
  corpusLetters: number;
}

export function documentStatus(uri: string, analysis: Analysis, kb: Knowledge, corpus: CorpusIndex | undefined): DocumentStatus {
  return {
    uri,
    checked: true,
    edition: analysis.edition,
    editionLabel: editionLabel(kb, analysis.edition),
    editionReason: analysis.editionReason,
    knowledgeVersion: kb.version,
    corpusLetters: corpus?.letters ?? 0,
  };
}

/** For a document mtus-lint does not check (Markdown while it is off): the editor hides the status. */
export const uncheckedStatus = (uri: string): DocumentStatus => ({ uri, checked: false, edition: '', editionLabel: '', editionReason: 'default', knowledgeVersion: '', corpusLetters: 0 });
