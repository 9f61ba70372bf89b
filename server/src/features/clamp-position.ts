import type { Position } from 'vscode-languageserver';

// An editor may send a position past the end of its line (a stale cursor, a client counting in
// another unit). LSP says such a character means the line's end: clamp there, never running on
// into the next line, and refuse what is not a position at all.

/** The offset of `pos`, its character clamped to its line's end; undefined for a malformed one. */
export function clampedOffset(text: string, starts: readonly number[], pos: Position | undefined): number | undefined {
  const line = Number(pos?.line);
  const character = Number(pos?.character);
  if (!Number.isFinite(line) || !Number.isFinite(character)) return undefined;
  if (line < 0) return 0;
  if (line >= starts.length) return text.length;
  const start = starts[Math.floor(line)];
  let end = Math.floor(line) + 1 < starts.length ? starts[Math.floor(line) + 1] : text.length;
  // The line's end is before its line break (\n, \r\n or \r).
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return Math.min(end, start + Math.max(0, Math.floor(character)));
}
