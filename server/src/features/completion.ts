import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type ServerCapabilities } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt, type CompletionCandidate } from '../engine';
import type { FeatureContext } from './context';
import type { RecentAnalyses } from './recent-analysis';

// textDocument/completion: treatment names, citations and quantities (engine/aids/completion.ts).

export const completionCapabilities = (): Partial<ServerCapabilities> => ({
  // A space after a treatment name or "MTUS" is where the next words are offered.
  completionProvider: { triggerCharacters: [' '], resolveProvider: false },
});

const KIND: Record<CompletionCandidate['kind'], CompletionItemKind> = {
  treatment: CompletionItemKind.Value,
  citation: CompletionItemKind.Reference,
  quantity: CompletionItemKind.Unit,
};

export function toCompletionItem(c: CompletionCandidate, doc: TextDocument): CompletionItem {
  return {
    label: c.label,
    kind: KIND[c.kind],
    detail: c.detail,
    ...(c.documentation ? { documentation: { kind: 'markdown', value: c.documentation } } : {}),
    textEdit: { range: { start: doc.positionAt(c.replace.start), end: doc.positionAt(c.replace.end) }, newText: c.insertText },
    insertTextFormat: InsertTextFormat.PlainText,
    ...(c.filterText ? { filterText: c.filterText } : {}),
    sortText: c.sortText,
  };
}

export function registerCompletion(ctx: FeatureContext, recent: RecentAnalyses): void {
  ctx.connection.onCompletion(
    ctx.guard('completion', null, async (params): Promise<CompletionList | null> => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const analyzed = await recent.latest(doc.uri);
      if (!analyzed) return null;
      const result = completionsAt(doc.getText(), doc.offsetAt(params.position), ctx.knowledge(), analyzed.analysis);
      return { isIncomplete: result.incomplete, items: result.items.map((c) => toCompletionItem(c, doc)) };
    }),
  );
}
