// The engine's public face: what the server, the CLI and the tests use.
export { AnalysisMemo } from './memo';
export { analyze, editionLabel, inferKind, DEFAULT_MAX_LENGTH, type Analysis } from './analyze';
export { hoverAt, citationHover, type HoverInfo } from './aids/hover';
export { applyEdits, capQuantity } from './fixes';
export { RULES, ruleById } from './rules';
export { ruleDocPath } from './rules/rule';
export { offsetToPosition, positionToOffset, lineStarts } from './positions';
export type * from './types';
export { findDirectives, silenceFixes } from './directives';
export { completionsAt, type CompletionCandidate, type CompletionFacts, type CompletionResult } from './aids/completion';
export { inlayHints, type InlayHintInfo } from './aids/inlay';
export { outline, type OutlineKind, type OutlineNode } from './aids/outline';
