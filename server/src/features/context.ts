import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../corpus/types';
import type { Knowledge } from '../knowledge/knowledge';
import type { Settings } from '../settings';
import type { Analyzed } from './analysis-cache';

/**
 * What a feature module needs from the server to answer a request: the documents, the
 * document's current analysis (undefined when mtus-lint does not check it), its settings, and
 * the knowledge base and corpus in effect. lsp.ts builds one and hands it to each feature.
 */
export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The analysis of the document's current version, or undefined when it is not checked. */
  current(uri: string): Promise<Analyzed | undefined>;
  settingsFor(uri: string): Promise<Settings>;
  /** The knowledge base in effect (the bundled one, with the user's custom file when trusted). */
  knowledge(): Knowledge;
  corpus(): CorpusIndex | undefined;
  /** What the editor said it supports, at initialize. */
  clientCapabilities(): ClientCapabilities;
  /** Report a failure without document text (like every handler's guard). */
  guard<A extends unknown[], R>(name: string, fallback: R, fn: (...a: A) => R | Promise<R>): (...a: A) => Promise<R>;
}
