import type { ServerCapabilities } from 'vscode-languageserver';
import { completionCapabilities, registerCompletion } from './completion';
import type { FeatureContext } from './context';
import { inlayHintCapabilities, registerInlayHints } from './inlay-hints';
import { RecentAnalyses } from './recent-analysis';
import { registerSymbols, symbolCapabilities } from './symbols';

// Writing help (issue 6): completion, inline totals and the outline. lsp.ts merges the
// capabilities and calls registerAuthoring once.

export function authoringCapabilities(): Partial<ServerCapabilities> {
  return { ...completionCapabilities(), ...inlayHintCapabilities(), ...symbolCapabilities() };
}

export function registerAuthoring(ctx: FeatureContext): void {
  const recent = new RecentAnalyses(ctx);
  registerCompletion(ctx, recent);
  registerInlayHints(ctx, recent);
  registerSymbols(ctx, recent);
}
