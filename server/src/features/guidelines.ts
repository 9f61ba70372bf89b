import type { ServerCapabilities } from 'vscode-languageserver';
import type { FeatureContext } from './context';

// The guideline browser's data, asked for by the client (issue 6).

export function guidelineCapabilities(): Partial<ServerCapabilities> {
  return {};
}

export function registerGuidelines(_ctx: FeatureContext): void {
  // registered by the guideline browser
}
