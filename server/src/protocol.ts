// mtus-lint's own messages between the editor and the server, beside the Language Server
// Protocol's: their names and the shape of what they carry, defined once for the server, the
// VS Code client and the tests. The client imports nothing else of the server (a test says so),
// so this module holds only names, types and words: no code that reads a document.
import type { EditionReason, MtusDateReason } from './engine/types';

export type { EditionReason } from './engine/types';

// ---- Server to editor ---------------------------------------------------------------------

/** Sent after each check: the edition a document is judged by, and why (the status bar shows it). */
export const DOCUMENT_STATUS_NOTIFICATION = 'mtusLint/documentStatus';

export interface DocumentStatus {
  uri: string;
  /** False when mtus-lint does not check the document (then the other fields are empty). */
  checked: boolean;
  /** The edition year the document is judged by ("2016"). */
  edition: string;
  /** "CPMTG 2016". */
  editionLabel: string;
  editionReason: EditionReason;
  knowledgeVersion: string;
  corpusLetters: number;
  /** Which MTUS governs the document and why (issue 12); absent for an undated document judged as before. */
  mtus?: {
    /** The date judged at, YYYY-MM-DD. */
    date: string;
    reason: MtusDateReason;
    /** "dated 03/14/2026: MTUS as of 2021-11-23 (ACOEM Low Back Disorders, 2/13/2020)". */
    explanation: string;
    /** "the date of the request". */
    why: string;
    /** From 12/1/2017: the Chronic Pain figures are superseded. */
    acoem: boolean;
    /** The imported Drug List version in force on the date, if any. */
    drugList?: string;
  };
}

/**
 * Why an edition was chosen, in the words every editor surface uses (status bar, guideline
 * browser): one table, so they agree. "asked": the guideline browser was asked for an edition.
 */
export const EDITION_REASON_WORDS: Record<EditionReason | 'asked', string> = {
  setting: 'chosen in the mtusLint.edition setting or the team configuration',
  document: "the edition this document's citations use",
  default: 'the edition the knowledge base holds most completely',
  asked: 'as asked',
};

/**
 * Sent after a pass over a folder of the user's letters (mtusLint.corpus.paths) that held PDF
 * letters the server could not read: it has no PDF reader (the VS Code extension ships without
 * pdf.js; its companion extension holds it). The .txt letters were read.
 */
export const PDF_LETTERS_UNREAD_NOTIFICATION = 'mtusLint/pdfLettersUnread';

export interface PdfLettersUnreadParams {
  /** The folder, as an absolute path. */
  folder: string;
  /** How many PDF letters in it were not read. */
  count: number;
}

/** The companion extension that holds pdf.js: "mtus-lint PDF reader" (publisher.name). */
export const PDF_READER_EXTENSION_ID = 'mtus-lint.mtus-lint-pdf';

/** What the editor tells the user about PDF letters not read: plain words, one sentence. */
export function pdfLettersUnreadMessage(p: PdfLettersUnreadParams): string {
  const letters = p.count === 1 ? '1 PDF letter' : `${p.count.toLocaleString('en-US')} PDF letters`;
  return `${letters} in ${p.folder} ${p.count === 1 ? 'was' : 'were'} not read: mtus-lint reads PDF letters with its companion extension, mtus-lint PDF reader.`;
}

// ---- Editor to server ---------------------------------------------------------------------

/** What the client sends at initialize (initializationOptions); other editors send none of it. */
export interface InitializationOptions {
  /** The mtusLint settings, for an editor the server cannot ask (Neovim 0.7 sends them later). */
  settings?: unknown;
  /** Where the rule pages are (the extension's own docs/rules), for each diagnostic's link. */
  docsBaseUri?: string;
  /** Where the index of the user's folders of letters is cached. */
  storagePath?: string;
  /** False in Restricted Mode; an editor that knows nothing of trust is trusted. */
  trusted?: boolean;
  /**
   * The pdf.js module of the companion extension, mtus-lint PDF reader (its dist/pdf-modules.js),
   * when it is installed. Without it the server uses a pdf.js beside itself, if there is one.
   */
  pdfModulesPath?: string;
}

/** Sent by the client when the companion extension was installed while the server ran. */
export const PDF_READER_NOTIFICATION = 'mtusLint/pdfReader';

export interface PdfReaderParams {
  /** As InitializationOptions.pdfModulesPath. */
  pdfModulesPath: string;
}

/**
 * The files of the extension (under dist/) the web client hands to the server's web worker
 * before it starts: the knowledge base and the corpus index (server/src/web/files.ts).
 */
export const WEB_SERVER_FILES = [
  'knowledge/guidelines.json',
  'knowledge/citations.json',
  'knowledge/treatments.json',
  'knowledge/limits.json',
  'knowledge/body-regions.json',
  'knowledge/diagnoses.json',
  'knowledge/surgeries.json',
  'knowledge/medications.json',
  'knowledge/version.json',
  'knowledge/mtus-timeline.json',
  'knowledge/legal-figures.json',
  'corpus/default-index.json',
] as const;

/** Sent by the client when the workspace becomes trusted (VS Code's Restricted Mode). */
export const TRUST_NOTIFICATION = 'mtusLint/trust';

export interface TrustParams {
  trusted: boolean;
}

/** The guideline browser's list: the knowledge base's citations, in the form of the document's edition. */
export const GUIDELINES_REQUEST = 'mtusLint/guidelines';

export interface GuidelinesParams {
  /** The document the citation goes into: its edition decides the Chronic Pain entries offered. */
  uri?: string;
  /** "2009", "2016", or "all" for both editions; overrides the document's edition. */
  edition?: string;
}

export interface GuidelineEntry {
  /** The knowledge base's citation id. */
  id: string;
  /** The citation as the engine's messages write it: "CPMTG 2009 pp. 58-59", "CPMTG 2016, Massage therapy". */
  label: string;
  /** The citation to insert: "MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy". */
  insertText: string;
  topic: string;
  /** The guideline's short name: "CPMTG 2016", "Acupuncture MTG". */
  guideline: string;
  guidelineTitle: string;
  edition: string;
  /** Names of the treatments the entry governs ("Massage therapy"). */
  treatments: string[];
  /** The first quotation and where it was read. */
  quote: string;
  quoteSource: string;
}

export interface GuidelinesResult {
  /** The edition whose Chronic Pain entries are listed ("all" for both). */
  edition: string;
  /** "CPMTG 2016", or "both editions". */
  editionLabel: string;
  /** Why that edition: the setting, the document's citations, the default, or asked for. */
  editionReason: EditionReason | 'asked';
  entries: GuidelineEntry[];
}

/** Import an MTUS Drug List file the user chose (per user; shared with the command line). */
export const IMPORT_DRUG_LIST_REQUEST = 'mtusLint/importDrugList';

export interface ImportDrugListParams {
  /** The file the user chose (.xlsx or .csv). */
  path: string;
  version?: string;
  effective?: string;
}

export type ImportDrugListResult = { ok: true; summary: string; stored: string } | { ok: false; message: string };

/** The citations a new document's template carries, written from the knowledge base. */
export const TEMPLATE_CITATIONS_REQUEST = 'mtusLint/templateCitations';

/**
 * What a template cites: today's MTUS ("current": a new document is dated today, and from
 * 12/1/2017 the Chronic Pain guideline no longer governs), or the Chronic Pain edition chosen in
 * mtusLint.edition for a writer working on an older request.
 */
export type TemplateEdition = '2009' | '2016' | 'current';

/** The edition a new document cites: the one chosen in mtusLint.edition, else today's MTUS. */
export const templateEdition = (setting: unknown): TemplateEdition => (setting === '2009' || setting === '2016' ? setting : 'current');

/** The items a template may carry a citation for. */
export type TemplateItem = 'acupuncture' | 'manualTherapy' | 'massage' | 'physicalMedicine';

export interface TemplateCitationsParams {
  edition: TemplateEdition;
}

/** Per item: the knowledge base's citation id and the citation as the guideline browser writes it. */
export type TemplateCitations = Record<TemplateItem, { id: string; text: string }>;
