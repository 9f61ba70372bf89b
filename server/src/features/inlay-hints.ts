import type { InlayHint, ServerCapabilities } from 'vscode-languageserver';
import { inlayHints, offsetToPosition } from '../engine';
import { clampedOffset } from './clamp-position';
import type { FeatureContext } from './context';
import type { RecentAnalyses } from './recent-analysis';

// textDocument/inlayHint: "= 8 sessions · trial 3–6" after each requested quantity
// (engine/aids/inlay.ts), for the range the editor shows; none when mtusLint.inlayHints.enable is off.

export const inlayHintCapabilities = (): Partial<ServerCapabilities> => ({ inlayHintProvider: { resolveProvider: false } });

export function registerInlayHints(ctx: FeatureContext, recent: RecentAnalyses): void {
  ctx.connection.languages.inlayHint.on(
    ctx.guard('inlay hints', [] as InlayHint[], async (params): Promise<InlayHint[]> => {
      const uri = params.textDocument.uri;
      if (!(await ctx.settingsFor(uri)).inlayHints.enable) return [];
      const a = await recent.fresh(uri);
      if (!a) return [];
      const start = clampedOffset(a.text, a.starts, params.range?.start);
      const end = clampedOffset(a.text, a.starts, params.range?.end);
      if (start === undefined || end === undefined) return [];
      const within = { start, end };
      return inlayHints(a.analysis, ctx.knowledge(), within).map((h) => ({
        position: offsetToPosition(a.starts, h.offset),
        label: h.label,
        tooltip: h.tooltip,
        paddingLeft: true,
      }));
    }),
  );
}
