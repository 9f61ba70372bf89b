import { sentenceOf } from '../parse/sentences';
import { regionExclusion } from '../judgements/region-exclusion';
import { itemCore, itemSubject, type Rule } from './rule';
import { citationLabel } from '../wording/citation-label';
import { therapyVerdict } from '../judgements/therapy-verdict';
import { treatmentNoun } from '../wording/treatment-noun';
import { visitCapVerdict } from '../judgements/visit-cap';

// CPMTG, Physical medicine: "allow for fading of treatment frequency (from up to 3 visits per
// week to 1 or less), plus active self-directed home Physical Medicine". A schedule that holds
// a high frequency for weeks, with no taper and no home program, does not do that. Only an
// item no other therapy rule reports is judged here (one diagnostic per item).

const TAPER_WORDS = /\b(?:then|taper\w*|fad\w*|decreas\w*|reduc\w*|followed by|transition\w*|wean\w*|step(?:ping)? down)\b/i;
const HOME_PROGRAM =
  /\bhome (?:exercise|stretching|strengthening)?\s*(?:program|regimen|routine|exercises?|plan)\b|\bHEP\b|\bself[- ]directed\b|\bindependent (?:exercise|home)\b/i;

/** A flat schedule long enough that the guideline expects it to fade. */
const isFlat = (perWeek: number, weeks: number) => (perWeek >= 3 && weeks >= 4) || (perWeek >= 2 && weeks >= 6);

export const physicalMedicineTaper: Rule = {
  id: 'physical-medicine-taper',
  summary:
    'Physical or occupational therapy held at 3 a week for 4 weeks or more (or 2 a week for 6) within the visits allowed, with no tapering and no home program.',
  defaultSeverity: 'information',
  kinds: ['request', 'appeal'],
  docs: {
    readme: 'Physical therapy held at 3 a week for 4 weeks or more (or 2 a week for 6) with no tapering and no home program, within the visits allowed.',
    flags:
      'A flat physical therapy schedule (3 a week for 4+ weeks, 2 a week for 6+) within the visits allowed, with no taper and no home program; only when no rule above reports the item',
    figures: 'Fade from up to 3 visits a week to 1 or less plus a home program: CPMTG 2009 pp. 98–99 / CPMTG 2016, Physical medicine',
    fix: 'None',
  },
  check(ctx) {
    // A home program anywhere in the document is the transition the guideline asks for.
    if (ctx.doc.evidence.homeProgram) return [];
    return ctx.doc.items.flatMap((item) => {
      const q = item.quantity;
      if (item.treatment !== 'physical-medicine' || item.postsurgical || !q) return [];
      const schedules = q.parts.filter((p) => p.shape === 'frequency-duration' && p.perWeek && p.weeks);
      if (schedules.length !== 1) return []; // two schedules ("3x2 then 1x4") already taper
      const perWeek = schedules[0].perWeek!.value;
      const weeks = schedules[0].weeks!.value;
      if (!isFlat(perWeek, weeks)) return [];
      if (TAPER_WORDS.test(sentenceOf(ctx.text, item.span))) return [];
      if (therapyVerdict(item, ctx) || regionExclusion(item, ctx) || visitCapVerdict(item, ctx)) return [];
      if (HOME_PROGRAM.test(sentenceOf(ctx.text, item.span))) return [];
      const limit = ctx.kb.limitFor(item.treatment, ctx.edition);
      if (!limit) return [];
      const label = citationLabel(ctx.kb, limit.citation);
      return [
        {
          span: itemCore(item),
          message: `${perWeek} ${treatmentNoun(item)} visits a week for ${weeks} weeks does not fade: the guideline expects the frequency to fall from up to 3 a week to 1 or less, with a self-directed home program (${label}); taper the schedule and name the home program`,
          citation: { id: limit.citation, label },
          edition: ctx.kb.guideline(limit.guideline)?.edition,
          subject: itemSubject(item, 'taper'),
        },
      ];
    });
  },
};
