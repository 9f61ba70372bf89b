import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../engine';
import type { Settings } from '../settings';
import { kindFor, looksBinary, type AnalysisCache, type Analyzed } from './analysis-cache';

// Whether mtus-lint checks a document, in one place for every feature (diagnostics, hover,
// code actions, completion, inline totals, the outline, the guideline browser): a document is
// checked when its language or file name is one of ours (or Markdown or plain text switched
// on), the knowledge base loaded, and it is not a binary file opened as text.

/** Why a document is not checked: switched off or not a draft, no knowledge base, or binary. */
export type NotChecked = 'off' | 'knowledge' | 'binary';

export interface Inspected {
  doc: TextDocument;
  /** The version the settings were read for (a newer one may have arrived meanwhile). */
  version: number;
  settings: Settings;
  /** The text of that version, read once for the whole check. */
  text: string;
  /** The kind it is checked as, or why it is not checked. */
  verdict: { kind: DocumentKind | 'infer' } | { not: NotChecked };
}

export class DocumentGate {
  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settingsFor: (uri: string) => Promise<Settings>,
    private readonly knowledgeError: () => string | undefined,
    private readonly cache: AnalysisCache,
  ) {}

  /** The open document with its settings and whether it is checked; undefined when it is not open. */
  async inspect(uri: string): Promise<Inspected | undefined> {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const version = doc.version;
    const settings = await this.settingsFor(uri);
    const kind = kindFor(doc.languageId, settings, doc.uri);
    const text = doc.getText();
    const not: NotChecked | undefined = !kind ? 'off' : this.knowledgeError() ? 'knowledge' : looksBinary(text) ? 'binary' : undefined;
    return { doc, version, settings, text, verdict: not || !kind ? { not: not ?? 'off' } : { kind } };
  }

  /** The analysis of the document's current version, or undefined when it is not checked. */
  async analyzed(uri: string): Promise<Analyzed | undefined> {
    const d = await this.inspect(uri);
    if (!d || !('kind' in d.verdict)) return undefined;
    return this.cache.get(d.doc, d.verdict.kind, d.settings, d.version === d.doc.version ? d.text : undefined);
  }

  /** The analysis of a document already inspected and checked. */
  analysisOf(d: Inspected & { verdict: { kind: DocumentKind | 'infer' } }): Analyzed {
    return this.cache.get(d.doc, d.verdict.kind, d.settings, d.version === d.doc.version ? d.text : undefined);
  }
}
