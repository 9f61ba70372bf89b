// How a name in the knowledge base becomes a regex: shared by every list of names (treatments,
// body regions, diagnoses, surgeries), so they are all matched the same way.

export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alias in /slashes/ is a regex source; any other is a literal phrase with flexible spaces. */
export function aliasSource(alias: string): string {
  if (alias.length > 2 && alias.startsWith('/') && alias.endsWith('/')) return alias.slice(1, -1);
  return escapeRegex(alias).replace(/\\?\s+/g, '[\\s-]+');
}

/** One alternation of aliases, longest first so "massage therapy" wins over "massage". */
export function wordAlternation(aliases: string[]): string {
  return [...aliases]
    .sort((a, b) => b.length - a.length)
    .map(aliasSource)
    .join('|');
}
