import type { Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, AnalysisMemo, lineStarts, type Analysis, type AnalyzeOptions, type DocumentKind } from '../engine';
import type { CorpusIndex } from '../corpus/types';
import type { Knowledge } from '../knowledge/knowledge';
import type { Settings } from '../settings';
import type { DrugList } from '../formulary/types';
import type { EditLog } from './edit-log';
import { nextLineStarts } from './line-index';

export interface Analyzed {
  uri: string;
  version: number;
  text: string;
  starts: number[];
  analysis: Analysis;
  /** The findings as LSP diagnostics, made once per version (lsp.ts): an editor may ask again. */
  diagnostics?: Diagnostic[];
}

const BINARY_SAMPLE = 8192;

/** The control characters counted below (all but tab, line feed, form feed and carriage return). */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F]/;

/** True when the text looks like a binary file opened as text: NULs or many control bytes. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, BINARY_SAMPLE);
  // Asked on every keystroke, and a draft has none: one regex pass answers, with no loop.
  if (!CONTROL.test(sample)) return false;
  if (sample.includes('\u0000')) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Language ids editors give drafts: VS Code's (from this extension), and names a user may pick elsewhere. */
const LANGUAGE_KINDS: Record<string, DocumentKind> = { 'mtus-request': 'request', 'mtus-appeal': 'appeal', rfa: 'request', appeal: 'appeal' };
/** What editors without the extension call plain text: VS Code, Emacs' text-mode, Neovim's "text". */
const PLAIN_TEXT = new Set(['plaintext', 'text', '']);

/** A draft's kind from its file name, whatever the editor calls its language. */
export function kindFromUri(uri: string): DocumentKind | undefined {
  const name = uri.replace(/[?#].*$/, '').toLowerCase();
  if (name.endsWith('.rfa')) return 'request';
  if (name.endsWith('.appeal')) return 'appeal';
  return undefined;
}

/**
 * The kind a document is checked as, or undefined when settings leave it unchecked. Editors
 * other than VS Code often know no language for a .rfa or .appeal file (Neovim sends "",
 * Emacs "text"), so the file name decides unless the language id is one of ours.
 */
export function kindFor(languageId: string, settings: Settings, uri = ''): DocumentKind | 'infer' | undefined {
  if (!settings.enable) return undefined;
  const byLanguage = LANGUAGE_KINDS[languageId];
  if (byLanguage) return byLanguage;
  const byName = kindFromUri(uri);
  if (byName) return byName;
  if (languageId === 'markdown' && settings.markdown.enable) return 'infer';
  if (PLAIN_TEXT.has(languageId) && settings.plaintext.enable) return 'infer';
  return undefined;
}

/**
 * From this length a document's first check is made without the memo an edit reads from, and the
 * memo is made half a second later, when the first check has long been answered (`prime`). Keeping every
 * reading for the next edit made a 1 MB document's first check about a fifth slower (copies and
 * garbage), and the user waits for that check; the memo can wait until typing starts. An edit
 * that comes first makes the memo itself (one whole analysis, what a first check cost before).
 * Under this length the difference is too small to pay for a second analysis.
 */
export const PRIME_AFTER = 64 * 1024;
/** How long after a long document's first check its memo is made (ms), unless an edit made it. */
export const PRIME_DELAY_MS = 500;

/** One analysis per document version; hover and code actions reuse it. */
export class AnalysisCache {
  private readonly byUri = new Map<string, Analyzed>();
  /** What each document's last analysis keeps for the next: an edit re-reads only what it touched. */
  private readonly memos = new Map<string, AnalysisMemo>();

  constructor(
    private readonly kb: () => Knowledge,
    private readonly corpus: () => CorpusIndex | undefined = () => undefined,
    /** The imported MTUS Drug Lists (features/drug-list.ts). */
    private readonly drugLists: () => DrugList[] | undefined = () => undefined,
    /** Where each document changed since its last analysis (lsp.ts feeds it the editor's edits). */
    private readonly edits?: EditLog,
    /** How a document's first check is run (v8-tuning.ts); the analysis of an edit runs as it is. */
    private readonly analyseFirst: <T>(analyse: () => T) => T = (analyse) => analyse(),
    /** Runs work a while after the current message is answered (the memo of a long document's first check). */
    private readonly later: (work: () => void) => void = (work) => void setTimeout(work, PRIME_DELAY_MS),
  ) {}

  /** `text`: the document's text, when the caller has it already (one getText per check). */
  get(doc: TextDocument, kind: DocumentKind | 'infer', settings: Settings, text?: string): Analyzed {
    const hit = this.byUri.get(doc.uri);
    if (hit && hit.version === doc.version) return hit;
    // Let the old version's text go before reading the new one: for a long document that is
    // the difference between one copy of it and two.
    if (hit) this.byUri.delete(doc.uri);
    // The edit since the last analysis, when the editor's ranges tell it: line starts then follow it.
    const edit = hit && hit.analysis.truncatedAt === undefined ? this.edits?.since(doc.uri, hit.version) : undefined;
    const before = edit && hit ? { starts: hit.starts, edit } : undefined;
    text ??= doc.getText();
    const options = {
      kind: kind === 'infer' ? undefined : kind,
      maxLength: settings.maxDocumentSize,
      ruleSeverity: settings.rules,
      edition: settings.edition,
      corpus: this.corpus(),
      drugLists: this.drugLists(),
    };
    const kb = this.kb();
    let memo = this.memos.get(doc.uri);
    let analysis: Analysis;
    const lean = !memo && !hit && text.length >= PRIME_AFTER;
    if (lean) {
      // A long document's first check: answered without the memo, which is made after it.
      analysis = this.analyseFirst(() => analyze(text, kb, options));
    } else {
      // A memo made now reads the whole text: a first check, or an edit that came before `prime`.
      const whole = !memo;
      if (!memo) this.memos.set(doc.uri, (memo = new AnalysisMemo()));
      const run = () => analyze(text, kb, options, memo);
      analysis = whole ? this.analyseFirst(run) : run();
    }
    // Positions are needed only where the analysis reaches: past the cap nothing is reported, so
    // a 50 MB document's line starts are counted over its first 2,000,000 characters, not all.
    const starts = analysis.truncatedAt === undefined ? nextLineStarts(text, before) : lineStarts(text.slice(0, analysis.truncatedAt + 1));
    this.edits?.mark(doc.uri, doc.version);
    const entry = { uri: doc.uri, version: doc.version, text, starts, analysis };
    this.byUri.set(doc.uri, entry);
    if (lean) this.prime(entry, kb, options);
    return entry;
  }

  /**
   * The memo of a check made without one, made later from the same text, knowledge and settings,
   * while that check is still the document's last: not after an edit, a close, or a change of
   * settings, knowledge or corpus (each replaces or drops the entry). The next edit then re-reads
   * only what it touched (incremental and whole analyses are equal: test/unit/incremental.test.ts).
   */
  private prime(entry: Analyzed, kb: Knowledge, options: AnalyzeOptions): void {
    this.later(() => {
      if (this.memos.has(entry.uri) || this.byUri.get(entry.uri) !== entry) return;
      const memo = new AnalysisMemo();
      this.analyseFirst(() => analyze(entry.text, kb, options, memo));
      this.memos.set(entry.uri, memo);
    });
  }

  /** The memo kept for a document, if it has one yet (tests and figures). */
  memoOf(uri: string): AnalysisMemo | undefined {
    return this.memos.get(uri);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
    this.memos.delete(uri);
    this.edits?.forget(uri);
  }

  clear(): void {
    this.byUri.clear();
    this.memos.clear();
  }
}
