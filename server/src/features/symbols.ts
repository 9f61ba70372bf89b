import { SymbolKind, type DocumentSymbol, type ServerCapabilities } from 'vscode-languageserver';
import { outline, type OutlineKind, type OutlineNode } from '../engine';
import { toRange } from './convert';
import type { FeatureContext } from './context';
import type { RecentAnalyses } from './recent-analysis';

// textDocument/documentSymbol: the Outline view and breadcrumbs (engine/outline.ts).

export const symbolCapabilities = (): Partial<ServerCapabilities> => ({ documentSymbolProvider: { label: 'mtus-lint' } });

const KIND: Record<OutlineKind, SymbolKind> = {
  item: SymbolKind.Event,
  medication: SymbolKind.Object,
  citations: SymbolKind.Package,
  citation: SymbolKind.String,
  section: SymbolKind.Namespace,
  denial: SymbolKind.Interface,
  response: SymbolKind.Method,
};

/** A DocumentSymbol whose selection lies inside its range, as the protocol requires. */
export function toSymbol(n: OutlineNode, starts: number[]): DocumentSymbol {
  const start = Math.max(n.selection.start, n.range.start);
  const end = Math.min(n.selection.end, n.range.end);
  const selection = start <= end ? { start, end } : n.range;
  return {
    name: n.name.trim() || n.kind,
    ...(n.detail ? { detail: n.detail } : {}),
    kind: KIND[n.kind],
    range: toRange(starts, n.range),
    selectionRange: toRange(starts, selection),
    children: n.children.map((c) => toSymbol(c, starts)),
  };
}

export function registerSymbols(ctx: FeatureContext, recent: RecentAnalyses): void {
  ctx.connection.onDocumentSymbol(
    ctx.guard('document symbols', [] as DocumentSymbol[], async (params): Promise<DocumentSymbol[]> => {
      const a = await recent.fresh(params.textDocument.uri);
      if (!a) return [];
      return outline(a.analysis, a.text, ctx.knowledge()).map((n) => toSymbol(n, a.starts));
    }),
  );
}
