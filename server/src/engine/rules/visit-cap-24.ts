import { capQuantity } from '../fixes';
import { allowedTotal, itemLimit, perWeekMax } from '../judgements/allowed-total';
import { completedForCap } from '../judgements/completed-visits';
import type { FixData, RequestedItem } from '../types';
import { regionExclusion } from './manual-therapy-body-region';
import { DATE_SOURCE, dateOf } from '../parse/dates';
import { itemCore, itemSubject, perItem, type Rule, type RuleContext } from './rule';
import { citationLabel } from '../wording/citation-label';

// Labor Code 4604.5(c)(1): for injuries on or after 1/1/2004, no more than 24 chiropractic,
// 24 physical therapy and 24 occupational therapy visits per industrial injury, unless the
// therapy is postsurgical (8 CCR 9792.24.3) or the employer authorizes more in writing. The cap
// is data (limits.json, `statutoryCap`). It is a statute, not a guideline the writer can argue
// against, so on an item above it this rule wins over the therapy rules (therapy-verdict.ts).

export type Discipline = 'chiropractic' | 'physical therapy' | 'occupational therapy' | 'PT/OT';

/** The statute's discipline a treatment as written belongs to. */
export function disciplineOf(treatment: string, text: string): Discipline | undefined {
  if (treatment === 'manual-therapy') return 'chiropractic';
  if (treatment !== 'physical-medicine') return undefined;
  const ot = /\bOT\b|occupational|hand therap/i.test(text);
  const pt = /\bPTx?\b|physical|physio|aqua|pool|water|exercise|work hardening/i.test(text);
  return ot && pt ? 'PT/OT' : ot ? 'occupational therapy' : 'physical therapy';
}

// "Date of injury: 06/04/2014", "DOI 6-04-14", "injured on January 5, 2015", "industrial injury on 6-04-14".
const INJURY_CUE =
  /\b(?:date of (?:industrial )?injury|injury date|date injured|D\.?O\.?I\.?)(?:\s*\([^)\n]{0,20}\))?\s*[:#-]?\s*(?:on\s+)?|\b(?:injured|injury|hurt)\s+(?:on|dated?)\s+/gi;
const DATE_HERE = new RegExp(DATE_SOURCE, 'iy');

/** The first date of injury the document states, as a Date (UTC), or undefined. */
export function dateOfInjury(text: string): Date | undefined {
  const re = new RegExp(INJURY_CUE.source, INJURY_CUE.flags);
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // "doi" in lower case is a digital object identifier, not a date of injury.
    if (/^d\.?o\.?i/.test(m[0])) continue;
    DATE_HERE.lastIndex = m.index + m[0].length;
    const d = DATE_HERE.exec(text);
    const date = d && dateOf(d);
    if (date) return date;
  }
  return undefined;
}

// "the employer authorized 6 additional visits in writing", "written authorization from the employer".
const PARTY = '(?:employer|claims administrator|carrier|insurer|adjuster)';
// (The word-start guard up front lets the regex engine skip most positions of a long text.)
const WRITTEN_AUTH = new RegExp(
  `(?<![A-Za-z0-9_])(?=[A-Za-z])(?:\\b${PARTY}\\b[^.\\n]{0,80}?\\b(?:authoriz|approv|agree)\\w*\\b[^.\\n]{0,60}?\\bin writing\\b|\\b${PARTY}\\b[^.\\n]{0,40}?\\bin writing\\b[^.\\n]{0,40}?\\b(?:authoriz|approv|agree)\\w*|\\bwritten (?:authorization|approval|agreement|consent)\\b[^.\\n]{0,60}?\\b${PARTY}\\b|\\b${PARTY}(?:'s)?\\s+written (?:authorization|approval|agreement|consent)\\b)`,
  'gi',
);
// Not an authorization: "has not authorized ... in writing", "no written authorization from the
// employer", "we are requesting the employer's written authorization".
const NEGATED =
  /\b(?:no|not|never|without|absent|lack(?:s|ing)?|pending|awaiting)\b|n't\b|\b(?:request(?:s|ing)?|seek(?:s|ing)?|obtain|ask(?:s|ing)? for|will attach)\s+(?:the\s+|an?\s+)?(?:employer'?s?\s+)?written\b/i;

// Every match starts at one of these words: find them with a cheap scan, then try the full
// pattern only there (a third of the cost of the visit-cap rule on a long letter otherwise).
const AUTH_START = new RegExp(`\\b(?:${PARTY}|written)\\b`, 'gi');
const WRITTEN_AUTH_AT = new RegExp(WRITTEN_AUTH.source, 'iy');

/** True when the document says the employer authorized visits beyond the cap in writing. */
export function employerAuthorizedInWriting(text: string): boolean {
  const starts = new RegExp(AUTH_START.source, AUTH_START.flags);
  for (let a; (a = starts.exec(text));) {
    WRITTEN_AUTH_AT.lastIndex = a.index;
    const m = WRITTEN_AUTH_AT.exec(text);
    if (!m) continue;
    const lineStart = Math.max(text.lastIndexOf('.', m.index), text.lastIndexOf('\n', m.index)) + 1;
    if (!NEGATED.test(text.slice(lineStart, m.index + m[0].length))) return true;
  }
  return false;
}

interface DocFacts {
  injury?: Date;
  /** The employer authorized more in writing; undefined until first asked. */
  authorized?: boolean;
}

const facts = new WeakMap<object, DocFacts>();

function docFacts(ctx: RuleContext): DocFacts {
  let f = facts.get(ctx.doc.evidence);
  if (!f) {
    f = { injury: dateOfInjury(ctx.text) };
    facts.set(ctx.doc.evidence, f);
  }
  return f;
}

export interface CapVerdict {
  item: RequestedItem;
  discipline: Discipline;
  completed: number;
  requested: number;
  cap: number;
  citation: string;
  /** No date of injury is stated: the cap is assumed to apply. */
  assumed: boolean;
}

/** The item's completed plus requested visits above the statutory cap, or undefined. */
export const visitCapVerdict = perItem((item, ctx) => judgeCap(item, ctx));

function judgeCap(item: RequestedItem, ctx: RuleContext): CapVerdict | undefined {
  if (item.postsurgical) return undefined; // 8 CCR 9792.24.3: postsurgical physical medicine is outside the cap
  const cap = ctx.kb.limitFor(item.treatment, ctx.edition)?.statutoryCap;
  const requested = item.quantity?.invalid ? undefined : item.quantity?.total;
  const discipline = disciplineOf(item.treatment, item.treatmentText);
  if (!cap || requested === undefined || !discipline) return undefined;
  // Not recommended for the region at all: manual-therapy-body-region reports it, the count is moot.
  if (regionExclusion(item, ctx)) return undefined;
  const f = docFacts(ctx);
  if (f.injury && f.injury.getTime() < Date.parse(`${cap.injuriesFrom}T00:00:00Z`)) return undefined;
  const completed = completedForCap(item, ctx.doc.evidence.priorCourses);
  if (completed + requested <= cap.visits) return undefined;
  // Read only when some item is over the cap: the search is the costliest part on long letters.
  f.authorized ??= employerAuthorizedInWriting(ctx.text);
  if (f.authorized) return undefined;
  return { item, discipline, completed, requested, cap: cap.visits, citation: cap.citation, assumed: !f.injury };
}

/**
 * Visits of the item's discipline still allowed under the cap (the cap less completed visits),
 * or undefined when the cap does not bind this item (postsurgical, an injury before 2004, the
 * employer's written authorization, a treatment the statute does not cap).
 */
export function capRoom(item: RequestedItem, ctx: RuleContext): number | undefined {
  if (item.postsurgical) return undefined;
  const cap = ctx.kb.limitFor(item.treatment, ctx.edition)?.statutoryCap;
  if (!cap || !disciplineOf(item.treatment, item.treatmentText)) return undefined;
  const f = docFacts(ctx);
  if (f.injury && f.injury.getTime() < Date.parse(`${cap.injuriesFrom}T00:00:00Z`)) return undefined;
  f.authorized ??= employerAuthorizedInWriting(ctx.text);
  if (f.authorized) return undefined;
  return cap.visits - completedForCap(item, ctx.doc.evidence.priorCourses);
}

export const visitCap24: Rule = {
  id: 'visit-cap-24',
  summary:
    'Completed plus requested chiropractic, physical therapy or occupational therapy visits above the 24-visit cap per injury (Labor Code 4604.5(c)(1)).',
  defaultSeverity: 'error',
  kinds: ['request', 'appeal'],
  docs: {
    readme:
      "Completed plus requested chiropractic, physical therapy or occupational therapy visits above the 24 per injury of Labor Code 4604.5(c)(1) (injuries from 2004; not postsurgical, not with the employer's written authorization).",
    flags:
      'Completed plus requested chiropractic, physical therapy or occupational therapy visits above 24 per discipline, for an injury on or after 1/1/2004 (assumed when no date of injury is stated); not postsurgical therapy or visits the employer authorized in writing. Wins over the guideline limits below',
    figures: '24 visits per discipline per injury, Labor Code 4604.5(c)(1) (current); postsurgical exception, 8 CCR 9792.24.3',
    fix: 'Lowers the quantity to what remains under 24',
  },
  check(ctx) {
    return ctx.doc.items.flatMap((item) => {
      const v = visitCapVerdict(item, ctx);
      if (!v) return [];
      const label = citationLabel(ctx.kb, v.citation);
      const total = v.completed + v.requested;
      const room = v.cap - v.completed;
      const sum = v.completed > 0 ? `${v.completed} completed + ${v.requested} requested = ${total}` : `${total}`;
      const assumed = v.assumed ? '; no date of injury is stated, so an injury on or after 1/1/2004 is assumed' : '';
      // The fix goes to the figure every limit allows at once: the guideline's may be lower than
      // the cap's, or, for more of a course without documented improvement, no figure at all.
      const target = room > 0 ? allowedTotal(item, ctx) : undefined;
      const limit = itemLimit(item, ctx);
      const guideline = limit ? citationLabel(ctx.kb, limit.citation) : 'the guideline';
      const todo =
        room <= 0
          ? `no visits remain: attach the employer's written authorization`
          : target === undefined
            ? `${room} remain under the cap, and ${guideline} allows more only with documented functional improvement from the completed visits (8 CCR 9792.20(e)); or attach the employer's written authorization`
            : target < room
              ? `request at most ${target} (${room} remain under the cap; ${guideline} allows ${target}), or attach the employer's written authorization`
              : `request at most ${room}, or attach the employer's written authorization`;
      const fix: FixData | undefined =
        room > 0 && item.quantity && target !== undefined ? capQuantity(item.quantity, target, ctx.text, 'visits', perWeekMax(item, ctx)) : undefined;
      const subject = itemSubject(item);
      return [
        {
          span: itemCore(item),
          message: `${sum} ${v.discipline} visits exceeds the ${v.cap}-visit cap per injury (${label}${assumed}); ${todo}`,
          citation: { id: v.citation, label },
          edition: ctx.kb.guideline(ctx.kb.citation(v.citation)?.guideline ?? '')?.edition,
          fix,
          subject,
        },
      ];
    });
  },
};
