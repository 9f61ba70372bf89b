// Where the protocol tests find the server, the knowledge base and their documents, and what
// their client tells the server it can do (lsp-client.ts is the client itself).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ClientCapabilities, ShowMessageParams } from 'vscode-languageserver-protocol';
import type { DocumentStatus } from '../../server/src/protocol';

/** The folder holding package.json, found by walking up from this file (out/test/helpers/). */
export function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
}

export const ROOT = repoRoot();
/**
 * The server the tests start: the shipped bundle, dist/server.js, as an editor runs it (and in
 * about two thirds of the CPU time of out/'s two hundred modules), when the last build made it
 * after tsc last wrote out/ (scripts/bundle.mjs dates dist/cli.js at every build, after tsc);
 * after a `tsc` alone, the compiled modules in out/, so no test runs old code.
 * MTUS_LINT_SERVER_FROM=out starts out/ always (readable names in a server's stack trace).
 */
export const SERVER_JS = serverToStart();

function serverToStart(): string {
  const compiled = path.join(ROOT, 'out', 'server', 'src', 'server.js');
  if (process.env.MTUS_LINT_SERVER_FROM === 'out') return compiled;
  try {
    const built = fs.statSync(path.join(ROOT, 'dist', 'cli.js')).mtimeMs;
    if (built >= fs.statSync(path.join(ROOT, 'out', 'tsconfig.tsbuildinfo')).mtimeMs) return path.join(ROOT, 'dist', 'server.js');
  } catch {}
  return compiled;
}
export const KNOWLEDGE_DATA = path.join(ROOT, 'server', 'src', 'knowledge', 'data');

/** Read one of the bundled knowledge files (citations.json, guidelines.json, ...). */
export function readKnowledge<T = unknown>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(KNOWLEDGE_DATA, file), 'utf8')) as T;
}

/** A file URI for a document that need not exist on disk. */
export function docUri(name: string): string {
  return pathToFileURL(path.join(ROOT, 'test-output', 'protocol', name)).href;
}

export const DEFAULT_TIMEOUT_MS = 5000;

/** What VS Code tells a server it can do, trimmed to what these tests exercise. */
export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceEdit: { documentChanges: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll', 'source.organizeImports'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
  },
  window: { showMessage: {} },
};

/** A message shown to the user, and how it was sent. */
export interface ShownMessage extends ShowMessageParams {
  via: 'notification' | 'request';
}

export interface StartOptions {
  /** The `mtusLint` settings section the client answers `workspace/configuration` with. */
  settings?: Record<string, unknown>;
  /** Defaults to what the VS Code extension sends: the rule pages' base URI. */
  initializationOptions?: unknown;
  capabilities?: ClientCapabilities;
  /** Extra environment for the server process (never used to point at another knowledge base). */
  env?: NodeJS.ProcessEnv;
  /** The server to start, when not SERVER_JS: a bundle elsewhere (a packaged .vsix unpacked). */
  serverJs?: string;
}

/** What the server says about a checked document. */
export type DocumentStatusParams = DocumentStatus;
