import { SymbolKind, type DocumentSymbol, type ServerCapabilities, type SymbolInformation } from 'vscode-languageserver';
import { outline, type OutlineKind, type OutlineNode } from '../engine';
import { toRange } from './convert';
import type { FeatureContext } from './context';
import type { RecentAnalyses } from './recent-analysis';

// textDocument/documentSymbol: the Outline view and breadcrumbs (engine/aids/outline.ts).

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

/** The same outline as a flat list, for an editor without hierarchical symbols: each names its container. */
export function flatten(symbols: DocumentSymbol[], uri: string, container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    { name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(container ? { containerName: container } : {}) },
    ...flatten(s.children ?? [], uri, s.name),
  ]);
}

export function registerSymbols(ctx: FeatureContext, recent: RecentAnalyses): void {
  ctx.connection.onDocumentSymbol(
    ctx.guard('document symbols', [] as DocumentSymbol[] | SymbolInformation[], async (params): Promise<DocumentSymbol[] | SymbolInformation[]> => {
      const a = await recent.fresh(params.textDocument.uri);
      if (!a) return [];
      const symbols = outline(a.analysis, a.text, ctx.knowledge()).map((n) => toSymbol(n, a.starts));
      const hierarchical = ctx.clientCapabilities().textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport === true;
      return hierarchical ? symbols : flatten(symbols, params.textDocument.uri);
    }),
  );
}
