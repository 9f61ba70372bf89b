// Helpers for the extension-host tests. Only the `vscode` API at run time: what the extension
// returns and the server's status are the client's and the protocol's own types, imported as
// types (erased when compiled), so the tests cannot drift from them.
// Every wait is on an event (diagnostics changed, message shown) with a hard timeout that fails
// with what was expected and what was there; nothing sleeps.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MtusLintApi } from '../../../client/src/activate';
import type { DocumentStatus } from '../../../server/src/protocol';

export type { MtusLintApi } from '../../../client/src/activate';
export type { GuidelineBrowserState } from '../../../client/src/guideline-browser';
export type { DocumentStatus } from '../../../server/src/protocol';

export const EXTENSION_ID = 'mtus-lint.mtus-lint';
export const SOURCE = 'mtus-lint';
export const WAIT_MS = 20_000;

/** Wait for the status of `uri` satisfying `ok` (or return the one already received). */
export function waitForStatus(
  api: MtusLintApi,
  uri: vscode.Uri,
  ok: (s: DocumentStatus) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<DocumentStatus> {
  const key = uri.toString();
  const already = api.status(key);
  if (already && ok(already)) return Promise.resolve(already);
  return new Promise((resolve, reject) => {
    const sub = api.onDidChangeStatus((st) => {
      if (st.uri !== key || !ok(st)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(st);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last status: ${JSON.stringify(api.status(key))}`));
    }, timeoutMs);
  });
}

export function extension(): vscode.Extension<MtusLintApi> {
  const ext = vscode.extensions.getExtension<MtusLintApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this editor`);
  return ext;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open as a folder');
  return folder.uri;
}

export const fileUri = (name: string) => vscode.Uri.joinPath(workspaceRoot(), name);

/** A fresh copy of a fixture file in the workspace, for a test that edits or saves it. */
export async function freshCopy(from: string, to: string): Promise<vscode.Uri> {
  const target = fileUri(to);
  await vscode.workspace.fs.copy(fileUri(from), target, { overwrite: true });
  return target;
}

export async function readDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function open(uri: vscode.Uri): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

/** Close the active editor, dropping unsaved changes. */
export async function revertAndClose(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

export const mtusDiagnostics = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === SOURCE)
    .sort((a, b) => a.range.start.compareTo(b.range.start));

const describeDiagnostics = (ds: vscode.Diagnostic[]) =>
  ds.length ? ds.map((d) => `\n    ${d.range.start.line + 1}:${d.range.start.character + 1} [${codeValue(d)}] ${d.message}`).join('') : ' none';

/**
 * Wait until the mtus-lint diagnostics of `uri` satisfy `ok`: checked now and on every
 * onDidChangeDiagnostics for that document, failing after `timeoutMs`.
 */
export function waitForDiagnostics(uri: vscode.Uri, ok: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = WAIT_MS): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let done = false;
    const check = () => {
      if (done) return;
      const ds = mtusDiagnostics(uri);
      if (!ok(ds)) return;
      done = true;
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      sub.dispose();
      reject(
        new Error(
          `timed out after ${timeoutMs} ms waiting for ${what} in ${uri.path.split('/').pop()}; mtus-lint diagnostics now:${describeDiagnostics(mtusDiagnostics(uri))}`,
        ),
      );
    }, timeoutMs);
    check();
  });
}

/** Wait for the extension to show a message satisfying `ok` (or return one already shown). */
export function waitForMessage(api: MtusLintApi, ok: (m: string) => boolean, what: string, timeoutMs = WAIT_MS): Promise<string> {
  const already = api.messages.find(ok);
  if (already !== undefined) return Promise.resolve(already);
  return new Promise((resolve, reject) => {
    const sub = api.onDidShowMessage((m) => {
      if (!ok(m)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(m);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for a message ${what}; messages shown: ${JSON.stringify(api.messages)}`));
    }, timeoutMs);
  });
}

export function codeValue(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

export function codeTarget(d: vscode.Diagnostic): vscode.Uri | undefined {
  return typeof d.code === 'object' ? d.code.target : undefined;
}

/** The position `offset` characters into the first occurrence of `text` in the document. */
export function positionOf(doc: vscode.TextDocument, text: string, offset = 1): vscode.Position {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" not found in ${doc.uri.path}`);
  return doc.positionAt(at + offset);
}

export function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const at = doc.getText().indexOf(text);
  assert.ok(at >= 0, `"${text}" not found in ${doc.uri.path}`);
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

/** All hover text at a position, from every provider, as one string. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n\n');
}

/** Read a JSON file shipped inside the installed extension (e.g. dist/knowledge/citations.json). */
export async function readExtensionJson<T>(...segments: string[]): Promise<T> {
  const uri = vscode.Uri.joinPath(extension().extensionUri, ...segments);
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))) as T;
}

/** Set (or with undefined, remove) an mtusLint setting in the workspace's .vscode/settings.json. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('mtusLint').update(key, value, vscode.ConfigurationTarget.Workspace);
}

export const workspaceSetting = (key: string): unknown => vscode.workspace.getConfiguration('mtusLint').inspect(key)?.workspaceValue;

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
