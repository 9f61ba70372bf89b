import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzed } from './analysis-cache';
import { SOURCE, toTextEdit, type DiagnosticData } from './convert';
import { silenceFixes } from '../engine';
import { certainFixEdits, hasCertainFix } from '../fix-all';
import type { FeatureContext } from './context';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

const sameRange = (a: Diagnostic['range'], b: Diagnostic['range']) =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

function editAction(doc: TextDocument, title: string, kind: string, edits: TextEdit[], diagnostics?: Diagnostic[], preferred = false): CodeAction {
  return {
    title,
    kind,
    diagnostics,
    isPreferred: preferred || undefined,
    edit: { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] },
  };
}

const certain = hasCertainFix;

/** Every certain fix in the current analysis, as LSP edits, for "fix all" and fix-on-save. */
function allFixEdits(current: Analyzed): TextEdit[] {
  return certainFixEdits(current.analysis.findings).map((e) => toTextEdit(current.starts, e));
}

export function codeActions(params: CodeActionParams, doc: TextDocument, current: Analyzed): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const silencing: Diagnostic[] = [];
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE) continue;
      const data = d.data as DiagnosticData | undefined;
      let fix = data?.version === doc.version ? data.fix : undefined;
      if (!fix) {
        // The diagnostic came from an older version: take the fix from the current analysis.
        const f = current.analysis.findings.find((x) => x.rule === d.code && x.fix && sameRange(rangeOf(current, x.span), d.range));
        if (f?.fix) fix = { title: f.fix.title, edits: f.fix.edits.map((e) => toTextEdit(current.starts, e)), certain: f.fix.certain };
      }
      if (fix) actions.push(editAction(doc, fix.title, CodeActionKind.QuickFix, fix.edits, [d], fix.certain !== false));
      silencing.push(d);
    }
    const fixable = current.analysis.findings.filter(certain);
    if (fixable.length > 1 && actions.length > 0) {
      actions.push(
        editAction(doc, `Fix every mtus-lint problem with a certain fix in this document (${fixable.length})`, CodeActionKind.QuickFix, allFixEdits(current)),
      );
    }
    // Last in the menu: silencing a rule on the line or in the document (an HTML comment).
    for (const d of silencing) {
      if (d.code === undefined) continue; // a notice (document too long), not a rule's finding
      const start = doc.offsetAt(d.range.start);
      for (const s of silenceFixes(current.text, { rule: String(d.code), span: { start, end: start } })) {
        actions.push(
          editAction(
            doc,
            s.title,
            CodeActionKind.QuickFix,
            s.edits.map((e) => toTextEdit(current.starts, e)),
            [d],
          ),
        );
      }
    }
  }
  if (only && wants(FIX_ALL_KIND)) {
    const edits = allFixEdits(current);
    if (edits.length) actions.push(editAction(doc, 'mtus-lint: fix all (cap quantities, correct citations)', FIX_ALL_KIND, edits));
  }
  return actions;
}

function rangeOf(current: Analyzed, span: { start: number; end: number }): Diagnostic['range'] {
  return toTextEdit(current.starts, { span, newText: '' }).range;
}

/** Quick fixes, silencing a rule, and "fix all" (also on save), from the current analysis. */
export function registerCodeActions(ctx: FeatureContext): void {
  ctx.connection.onCodeAction(
    ctx.guard('code actions', [], async (params) => {
      const current = await ctx.current(params.textDocument.uri);
      const doc = ctx.documents.get(params.textDocument.uri);
      return current && doc ? codeActions(params, doc, current) : [];
    }),
  );
}

export const codeActionCapabilities = () => ({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false } });
