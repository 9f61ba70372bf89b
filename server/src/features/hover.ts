import { hoverAt } from '../engine';
import { clampedOffset } from './clamp-position';
import type { FeatureContext } from './context';
import { toRange } from './convert';

// The pointer on a citation, a requested item or a medication: what the engine says of it
// (the guideline's words, how a quantity was read, how the corpus decided), from the analysis
// of the document's current version.

export function registerHover(ctx: FeatureContext): void {
  ctx.connection.onHover(
    ctx.guard('hover', null, async (params) => {
      const current = await ctx.current(params.textDocument.uri);
      if (!current) return null;
      const offset = clampedOffset(current.text, current.starts, params.position);
      if (offset === undefined) return null;
      const info = hoverAt(current.analysis, current.text, offset, ctx.knowledge(), ctx.corpus());
      if (!info) return null;
      return { contents: { kind: 'markdown' as const, value: info.markdown }, range: toRange(current.starts, info.span) };
    }),
  );
}
