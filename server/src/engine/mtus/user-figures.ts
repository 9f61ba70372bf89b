import { describeVersion, userFiguresOn } from '../../knowledge/timeline';
import type { UserFigure } from '../../knowledge/timeline-schema';
import { capQuantity } from '../fixes';
import { itemCore, type RuleContext } from '../rules/rule';
import { range } from '../wording/figures';
import { treatmentNoun } from '../wording/treatment-noun';
import type { Finding, RequestedItem, Severity } from '../types';

// Figures a user copied into their knowledge file from an ACOEM guideline they hold (licensed
// text mtus-lint cannot ship). While that guideline version governs, an item of its treatment
// and body region is judged by them, under the usual therapy rules and severities: they are
// the rule then, not a reference.

const DEFAULTS: Record<string, Severity> = { 'therapy-over-maximum': 'error', 'therapy-over-trial': 'error', 'frequency-over-limit': 'warning' };

/** The most generous figure wins where several apply (as diagnosis-specific figures do). */
const widest = (fs: UserFigure[]) => [...fs].sort((a, b) => (b.maximum?.max ?? b.trial?.max ?? 0) - (a.maximum?.max ?? a.trial?.max ?? 0))[0];

export interface UserFigureResult {
  findings: Finding[];
  /** Items judged by a user's figure: nothing else judges their quantity. */
  judged: Set<RequestedItem>;
}

export function judgeByUserFigures(ctx: RuleContext, ruleSeverity: Record<string, Severity | 'off'> | undefined): UserFigureResult {
  const t = ctx.kb.data.timeline;
  const date = ctx.doc.mtus?.date;
  const out: UserFigureResult = { findings: [], judged: new Set() };
  if (!t || !date || !ctx.doc.mtus?.acoem || !ctx.kb.data.figures.length) return out;
  for (const item of ctx.doc.items) {
    const q = item.quantity;
    if (item.postsurgical || !q) continue;
    const figures = userFiguresOn(t, ctx.kb.data.figures, item.treatment, item.bodyRegions, date);
    if (!figures.length) continue;
    out.judged.add(item);
    const f = widest(figures);
    const g = t.guidelines.find((x) => x.id === f.guideline)!;
    const unit = ctx.kb.treatment(item.treatment)?.unit ?? 'sessions';
    const noun = treatmentNoun(item);
    const where = `${describeVersion(g)}, ${f.section}; your knowledge file`;
    const base = {
      span: itemCore(item),
      citation: { id: g.citation ?? f.id, label: describeVersion(g) },
      edition: g.version,
      subject: `${item.treatment}|${q.total}|${item.extendsPriorCourse}#${[...item.bodyRegions].sort().join(',')}`,
    };
    let rule: string | undefined;
    let message = '';
    let cap: number | undefined;
    if (q.total !== undefined && f.maximum && q.total > f.maximum.max) {
      rule = 'therapy-over-maximum';
      cap = f.maximum.max;
      message = `${q.total} ${noun} ${unit} exceeds the ${range(f.maximum)} maximum (${where}); request no more than ${cap}`;
    } else if (q.total !== undefined && f.trial && q.total > f.trial.max && !ctx.doc.evidence.functionalImprovement) {
      rule = 'therapy-over-trial';
      cap = f.trial.max;
      message = `${q.total} ${noun} ${unit} exceeds the ${range(f.trial)} trial (${where}); document functional improvement or request ${cap}`;
    } else if (q.perWeek !== undefined && f.perWeek && q.perWeek > f.perWeek.max) {
      rule = 'frequency-over-limit';
      message = `${q.perWeek} ${noun} ${unit} a week exceeds the ${range(f.perWeek)} a week (${where}); schedule at most ${f.perWeek.max} a week`;
    }
    if (!rule) continue;
    const severity = ruleSeverity?.[rule] ?? DEFAULTS[rule];
    if (severity === 'off') continue;
    out.findings.push({ ...base, rule, severity, message, fix: cap !== undefined ? capQuantity(q, cap, ctx.text, unit) : undefined });
  }
  return out;
}
