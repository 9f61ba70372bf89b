// Shrinks a failing document to one that still fails the same way, so a report shows the few
// words that matter: first whole lines are dropped, then words, then characters (ddmin-style).

export function minimizeText(text: string, stillFails: (t: string) => boolean, budget = 4000): string {
  let best = text;
  let tries = 0;
  const attempt = (candidate: string) => {
    if (tries++ >= budget || candidate === best) return false;
    if (!stillFails(candidate)) return false;
    best = candidate;
    return true;
  };
  for (const unit of [/(?<=\n)/, /(?<=\s)/, /(?=.)/su]) {
    let pieces = best.split(unit);
    let chunk = Math.max(1, Math.floor(pieces.length / 2));
    while (chunk >= 1 && tries < budget) {
      let removed = false;
      for (let i = 0; i + chunk <= pieces.length && tries < budget;) {
        const candidate = [...pieces.slice(0, i), ...pieces.slice(i + chunk)];
        if (attempt(candidate.join(''))) {
          pieces = candidate;
          removed = true;
        } else i += chunk;
      }
      if (!removed) chunk = Math.floor(chunk / 2);
    }
  }
  return best;
}
