import type { Span } from '../types';
import { capital, oneLine, type OutlineKind, type OutlineNode } from './outline-node';

// An appeal letter's structure for its outline: the disputed items' sections, the denial
// reasons the letter quotes and the paragraphs that answer them.

// Headings writers use. A heading names a disputed item (a section), a denial reason, or a
// response; a line in capitals is read by its words.
const SECTION_HEADING =
  /^(?:#{1,6}\s+\S|(?:disputed|denied|contested|requested|non-?certified)\s+(?:items?|treatments?|services?|requests?)\b|(?:item|issue|request)\s*#?\s*\d+\s*[:.)–-])/i;
const DENIAL_HEADING =
  /^(?:#{1,6}\s+)?(?:(?:UR\s+|utilization review\s+)?denial(?:\s+reason)?s?|reasons?\s+(?:for|given for)\s+(?:the\s+)?(?:UR\s+)?(?:denial|non-?certification)|(?:the\s+)?(?:UR|utilization review)(?:'s)?\s+(?:rationale|reason(?:ing)?))\s*(?:#?\s*\d+)?\s*(?:[:.)–-]|$)/i;
const RESPONSE_HEADING = /^(?:#{1,6}\s+)?(?:my\s+)?(?:response|rebuttal|reply|answer)(?:\s+to\b[^:\n]{0,60})?\s*(?:#?\s*\d+)?\s*(?:[:.)–-]|$)/i;
const CAPITALS = /^[A-Z][A-Z0-9 ,&/'()#-]{3,60}:?$/;
const HEADING_WORDS =
  /\b(?:DISPUTED|ITEMS?|ISSUES?|TREATMENTS?|REQUESTS?|REQUESTED|DENIAL|DENIED|REASONS?|RATIONALE|RESPONSE|REBUTTAL|REPLY|ARGUMENT|DISCUSSION)\b/;
const CLOSING =
  /^(?:for (?:these|the (?:above|foregoing)|all of these) reasons|in (?:conclusion|summary)|therefore,? I (?:respectfully )?(?:ask|request)|thank you\b|sincerely|respectfully(?: submitted| yours)?,?$|(?:best |kind |warm )?regards|very truly yours|yours (?:truly|sincerely|faithfully)|cordially|enclosures?\b|encl\.|attachments?\s*:|cc\s*:)/i;
const ANSWER =
  /^(?:in (?:response|reply|answer|rebuttal) to|responding to|regarding|with (?:regard|respect) to|as (?:to|for) the|to address|addressing|concerning|contrary to)\b/i;

// A sentence quotes a denial reason when it says who denied (or that it was denied) and why.
const ACTOR = /\b(?:UR|utilization review|reviewer|reviewing physician|claims administrator|carrier|insurer|adjuster|denial|non-?certification)\b/i;
const DENIES = /\b(?:den(?:ied|ies|y|ying)|non-?certif(?:ied|ies|y)|not certified|modified|rejected|refused|did not (?:certify|approve|authorize))\b/i;
const SAYS =
  /\b(?:stat(?:ed|es)|sa(?:id|ys)|found|concluded|determined|opined|asserted|claimed|noted|reasoned|indicated|felt|wrote|cited|rel(?:ied|ies)|based|rest(?:ed|s))\b/i;
const PASSIVE = /\b(?:was|were|has been|have been|had been|is being|is)\s+(?:denied|non-?certified|not certified|modified|rejected)\b/i;
const REASON =
  /\b(?:not medically (?:necessary|reasonable)|(?:no|lack of) medical necessity|medical necessity (?:was|has|had) not|exceed(?:s|ed|ing)?\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?:guidelines?|limits?|recommendations?|number|maximum|frequency|MTUS(?:\s+guidelines?)?)|(?:no|not|lack(?:ed|s)? of|absence of|without|insufficient|inadequate)\s+(?:\w+\s+){0,2}?(?:documentation|documented|evidence|demonstrat\w+)\b[^.;]*|functional improvement (?:was|has|had|is) not\b[^.;]*|not (?:supported|recommended|indicated)\b[^.;]*|no (?:clear )?indication\b[^.;]*)/i;
const WHY =
  /\b(?:because|due to|since|as (?=there|the|it|no|this|he|she|they)|on the basis of|based on|citing|for (?=lack|no\b|the reason|failure|absence|insufficient))\s*/i;

/** The reason a sentence gives for a denial, or undefined when it quotes none. */
export function denialReason(sentence: string): string | undefined {
  const s = sentence.replace(/\s+/g, ' ');
  const who = (ACTOR.test(s) && (DENIES.test(s) || SAYS.test(s))) || PASSIVE.test(s);
  if (!who) return undefined;
  const r = REASON.exec(s);
  if (r) return tidy(r[0]);
  const w = WHY.exec(s);
  if (!w) return undefined;
  // "citing ODG" keeps its verb; "because there was ..." is read from after the connective.
  const from = /^citing/i.test(w[0]) ? w.index : w.index + w[0].length;
  return tidy(s.slice(from));
}

const tidy = (s: string) => oneLine(s.replace(/^["“'‘\s]+|["”'’\s.;:,]+$/g, ''), 70);

interface Block {
  start: number;
  end: number;
  heading?: { kind: 'section' | 'denial' | 'response'; line: Span; label: string; rest: string };
  closing?: boolean;
}

/** Paragraphs, with heading and closing lines each starting their own. */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  let cur: Block | undefined;
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m; (m = re.exec(text)) && m[0].length > 0;) {
    const raw = m[0].replace(/[\r\n]+$/, '');
    const lead = raw.length - raw.trimStart().length;
    const line = raw.trim();
    const span = { start: m.index + lead, end: m.index + lead + line.length };
    if (!line) {
      cur = undefined;
      continue;
    }
    const heading = headingOf(line, span);
    const closing = !heading && CLOSING.test(line);
    if (!cur || heading || closing || cur.closing) {
      cur = { start: span.start, end: span.end, ...(heading ? { heading } : {}), ...(closing ? { closing } : {}) };
      out.push(cur);
    } else cur.end = span.end;
  }
  return out;
}

function headingOf(line: string, span: Span): Block['heading'] {
  if (line.length > 160) return undefined;
  const split = (re: RegExp) => {
    const m = re.exec(line)!;
    // "Denial reason 1: The UR denied ...": the label, and what follows it on the line.
    const colon = line.indexOf(':');
    const end = colon >= 0 && colon < 80 ? colon + 1 : m[0].length;
    return {
      label: line
        .slice(0, end)
        .replace(/^#+\s*/, '')
        .replace(/[:.\s–-]+$/, ''),
      rest: line.slice(end).trim(),
    };
  };
  if (DENIAL_HEADING.test(line)) return { kind: 'denial', line: span, ...split(DENIAL_HEADING) };
  if (RESPONSE_HEADING.test(line)) return { kind: 'response', line: span, ...split(RESPONSE_HEADING) };
  if (SECTION_HEADING.test(line)) return { kind: 'section', line: span, label: line.replace(/^#+\s*/, ''), rest: '' };
  // A line in capitals is a heading when it says what it heads: an address or a name in
  // capitals ("MAXIMUS FEDERAL SERVICES") is not.
  if (CAPITALS.test(line) && HEADING_WORDS.test(line)) {
    const kind = /\b(?:DENIAL|DENIED|REASONS?|RATIONALE)\b/.test(line) ? 'denial' : /\b(?:RESPONSE|REBUTTAL|REPLY)\b/.test(line) ? 'response' : 'section';
    return { kind, line: span, label: line.replace(/:$/, ''), rest: '' };
  }
  return undefined;
}

/** Sentences of a stretch of text: the engine's segments where they fall inside it. */
function sentencesIn(from: number, to: number, segments: Span[], text: string): Span[] {
  const out: Span[] = [];
  // Segments are in order: start from the first that ends after `from` (a long letter has thousands).
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < segments.length; i++) {
    const s = segments[i];
    if (s.start >= to) break;
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    if (text.slice(start, end).trim()) out.push({ start, end });
  }
  if (!out.length && text.slice(from, to).trim()) out.push({ start: from, end: to });
  return out;
}

function node(kind: OutlineKind, name: string, range: Span, selection: Span, detail?: string): OutlineNode {
  return { name: name || capital(kind), kind, range: { start: range.start, end: range.end }, selection, children: [], ...(detail ? { detail } : {}) };
}

/** Sections, denial reasons and the responses to them, in the order the letter gives them. */
export function letterStructure(text: string, segments: Span[]): OutlineNode[] {
  const top: OutlineNode[] = [];
  let section: OutlineNode | undefined;
  let denial: OutlineNode | undefined;
  const here = () => (section ? section.children : top);
  const grow = (n: OutlineNode | undefined, end: number) => {
    if (n && end > n.range.end) n.range.end = end;
  };
  const respond = (range: Span, selection: Span, name: string, detail?: string) => {
    const r = node('response', `Response: ${name}`, range, selection, detail);
    (denial ? denial.children : here()).push(r);
    grow(denial, range.end);
  };
  const deny = (range: Span, selection: Span, reason: string, detail?: string) => {
    denial = node('denial', `Denial: ${reason}`, range, selection, detail);
    here().push(denial);
  };

  for (const b of blocks(text)) {
    if (b.closing) {
      section = undefined;
      denial = undefined;
      continue;
    }
    const h = b.heading;
    let from = b.start;
    if (h?.kind !== 'section') grow(section, b.end);
    if (h?.kind === 'section') {
      section = node('section', oneLine(h.label, 80), b, h.line);
      denial = undefined;
      top.push(section);
      from = h.line.end;
    } else if (h?.kind === 'denial') {
      const body = h.rest || text.slice(h.line.end, b.end);
      const first = sentencesIn(h.line.end, b.end, segments, text)[0];
      const reason = denialReason(body) ?? tidy(h.rest || (first ? text.slice(first.start, first.end) : '') || h.label);
      deny(b, h.line, reason, h.label);
      continue;
    } else if (h?.kind === 'response') {
      const first = sentencesIn(h.line.end, b.end, segments, text)[0];
      respond(b, h.line, tidy(h.rest || (first ? text.slice(first.start, first.end) : '') || h.label), h.label);
      continue;
    }
    if (from >= b.end) continue;
    const sentences = sentencesIn(from, b.end, segments, text);
    const denials = sentences.map((s) => ({ s, reason: denialReason(text.slice(s.start, s.end)) })).filter((d) => d.reason !== undefined);
    if (denials.length) {
      const lead = sentences.filter((s) => s.end <= denials[0].s.start);
      if (lead.length && ANSWER.test(text.slice(lead[0].start, lead[0].end).trimStart())) {
        respond({ start: lead[0].start, end: lead[lead.length - 1].end }, lead[0], tidy(text.slice(lead[0].start, lead[0].end)));
      }
      denials.forEach((d, i) => {
        const until = denials[i + 1]?.s.start ?? b.end;
        deny({ start: d.s.start, end: until }, d.s, d.reason!);
        // The rest of the paragraph after the quoted reason is the writer's answer to it.
        const after = sentences.filter((s) => s.start >= d.s.end && s.end <= until);
        if (after.length && text.slice(after[0].start, until).replace(/\s+/g, '').length >= 20) {
          respond({ start: after[0].start, end: after[after.length - 1].end }, after[0], tidy(text.slice(after[0].start, after[0].end)));
        }
      });
      continue;
    }
    const opening = sentences[0] ? text.slice(sentences[0].start, sentences[0].end) : '';
    if (denial || ANSWER.test(opening.trimStart())) respond({ start: from, end: b.end }, sentences[0] ?? { start: from, end: b.end }, tidy(opening));
  }
  return top;
}
