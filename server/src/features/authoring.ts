import type { ServerCapabilities } from 'vscode-languageserver';
import type { FeatureContext } from './context';

// Writing help: completion, inlay hints, document symbols (issue 6). Filled in by the authoring
// features; lsp.ts merges the capabilities and calls registerAuthoring once.

export function authoringCapabilities(): Partial<ServerCapabilities> {
  return {};
}

export function registerAuthoring(_ctx: FeatureContext): void {
  // registered by the authoring features
}
