import type { Drug } from '../../knowledge/medication-schema';
import type { DaysOfSupply, MedicationItem, Span } from '../types';
import { wordValue } from './numbers';

// A medication order's figures: strength, quantity, dosing, days and refills ("7.5mg #60, one
// tablet twice daily, 30 days, 2 refills"), and the days of supply they add up to.

const SALT = String.raw`(?:HCl|hydrochloride|sodium|sod|potassium|citrate|tartrate|bitartrate|besylate|magnesium|sulfate|ER|XR|SR|CR|DR|EC|DS|IR|XL|LA|CD|extended[- ]release|delayed[- ]release|immediate[- ]release|oral|tabs?|tablets?|caps?|capsules?|patch(?:es)?|cream|gel|ointment|lotion|solution|suspension|topical)`;
const NUM_UNIT = String.raw`\d+(?:\.\d+)?\s*(?:%|mg|mcg)?`;
// "7.5mg", "10/325", "7.5-325mg", "4%-27.5%-0.0325%", "30.5/30/16mg", "10mg/1ml", "300mg/g", "12 mcg/hr".
const PER_VOLUME = String.raw`(?!\s*(?:ml|g|gm|hr|h)\b)`;
export const STRENGTH = new RegExp(
  String.raw`^[\s,()]*(?:${SALT}\b[\s,()]*)*(${NUM_UNIT}(?:\s*[\/-]\s*${NUM_UNIT}${PER_VOLUME})*(?:\s*\/\s*(?:\d+(?:\.\d+)?\s*)?(?:ml|g|gm|hr|h)\b)?)`,
  'i',
);
export const HAS_UNIT = /%|mg|mcg|\d\s*[/-]\s*\d/i;

// How much of a cream, gel or liquid: "120 grams", "121gm", "500ml".
const AMOUNT = /\b\d+(?:\.\d+)?\s*(?:grams?|gm|g|ml|mL|oz)\b/i;
const QUANTITY = [
  /#\s*(\d{1,4})(?!\d|\.\d|\/)/,
  /\b(?:QTY|quantity|disp(?:ense)?|dispensed)\s*[:#.]?\s*#?\s*(\d{1,4})\b/i,
  /\b(\d{1,4})\s*(?:tablets?|tabs?|capsules?|caps|pills|patch(?:es)?|pads?)\b(?!\s*(?:by mouth|po\b|p\.o|orally|daily|each|every|per|a day|twice|once|three|four|at bedtime|q\d|qd|bid|tid|qid|prn|as needed|in the morning))/i,
];

const FREQUENCY = new RegExp(
  [
    String.raw`(?<hours>\b(?:every|q)\s*(?<h1>\d{1,2})(?:\s*(?:-|to)\s*(?<h2>\d{1,2}))?\s*(?:h|hrs?|hours?)\b)`,
    String.raw`(?<d4>\b(?:four|4)\s*(?:times|x)\s*(?:a|per|each)?\s*(?:day|daily)\b|\bq\.?i\.?d\.?(?![a-z]))`,
    String.raw`(?<d3>\b(?:three|3)\s*(?:times|x)\s*(?:a|per|each)?\s*(?:day|daily)\b|\bt\.?i\.?d\.?(?![a-z]))`,
    String.raw`(?<d2>\b(?:twice|(?:two|2)\s*(?:times|x))\s*(?:a|per|each)?\s*(?:day|daily)\b|\bb\.?i\.?d\.?(?![a-z]))`,
    String.raw`(?<d1>\b(?:once|(?:one|1)\s*(?:time|x))\s*(?:a|per|each)?\s*(?:day|daily)\b|\bdaily\b|\bq\.?d\.?(?![a-z])|\bqday\b|\bevery (?:day|morning|evening|night)\b|\bat bedtime\b|\bnightly\b|\bq\.?h\.?s\.?(?![a-z])|\bqam\b|\bqpm\b)`,
  ].join('|'),
  'i',
);
const PER_DOSE =
  /(?<![#\w./])(\d+(?:\.\d+)?|one|two|three|four|half|1\/2)(?:\s*(?:-|to|or)\s*(\d+|one|two|three|four))?\s*(?:tabs?|tablets?|caps?|capsules?|pills?|patch(?:es)?)?\s*(?:(?:by mouth|po|p\.o\.?|orally)\s*)?,?\s*$/i;

const WRITTEN_DAYS: [RegExp, number][] = [
  [/\bdays?['’]?\s*supply\s*[:=]?\s*(\d{1,3})\b/i, 1],
  [/\b(\d{1,3})\s*[- ]?days?\b(?!\s*(?:ago|prior|before|after|later|earlier|post))/i, 1],
  [/\b(\d{1,2}|one|two|three|four|six|a)\s*[- ]?(?:months?|mo)\b(?:['’]s|s['’])?\s*(?:supply|coverage|worth)\b/i, 30],
  [/\b(?:for|x|times)\s*(\d{1,2}|one|two|three|four|six)\s*weeks?\b/i, 7],
];
const DAYS_BEFORE: [RegExp, number][] = [
  [/\b(\d{1,2}|one|two|three|four|six|a)\s*[- ]?(?:months?|mo)\b(?:['’]s|s['’])?\s*(?:supply|coverage|worth)\s+of\s*$/i, 30],
  [/\b(\d{1,3})[- ]days?\s*supply\s+of\s*$/i, 1],
];

const REFILLS = [
  /\b(\d|one|two|three|four|five|six|no)\s*(?:additional\s*)?refills?\b/i,
  /\brefills?\s*[:x#]?\s*(\d|one|two|three|four|five|six)\b/i,
  /\bx\s*(\d)\s*refills?\b/i,
  /\bRF\s*[:x#]?\s*(\d)\b/,
];
const REFILLS_BEFORE = /\b(\d|one|two|three|four|five|six)\s*(?:additional\s*)?refills?\s+of\s*$/i;

export interface Amounts {
  quantity?: { value: number; span: Span };
  /** Where a cream's or liquid's amount is written ("120 grams"). */
  amountSpan?: Span;
  dosing: MedicationItem['dosing'];
  writtenDays?: { value: number; span: Span };
  refills: number;
  refillsOnly: boolean;
  refillSpan?: Span;
}

/** What a drug's order says of how much, how often and for how long, from the words after (and before) its name. */
export function readAmounts(after: string, afterStart: number, before: string, beforeStart: number): Amounts {
  const qm = firstOf(QUANTITY, after);
  const am = AMOUNT.exec(after.slice(0, 60));
  const quantity = qm
    ? { value: Number(qm[1]), span: { start: afterStart + qm.index + qm[0].indexOf(qm[1]), end: afterStart + qm.index + qm[0].indexOf(qm[1]) + qm[1].length } }
    : undefined;
  const dosing = readDosing(after, afterStart);
  let writtenDays: { value: number; span: Span } | undefined;
  for (const [re, mult] of WRITTEN_DAYS) {
    const m = re.exec(after);
    const v = m ? countWord(m[1]) : undefined;
    if (m && v) {
      writtenDays = { value: v * mult, span: { start: afterStart + m.index, end: afterStart + m.index + m[0].length } };
      break;
    }
  }
  if (!writtenDays) {
    for (const [re, mult] of DAYS_BEFORE) {
      const m = re.exec(before);
      const v = m ? countWord(m[1]) : undefined;
      if (m && v) {
        writtenDays = { value: v * mult, span: { start: beforeStart + m.index, end: beforeStart + m.index + m[0].length } };
        break;
      }
    }
  }
  let refills = 0;
  let refillsOnly = false;
  let refillSpan: Span | undefined;
  const rb = REFILLS_BEFORE.exec(before);
  if (rb) {
    refills = countWord(rb[1]) ?? 0;
    refillsOnly = refills > 0;
    refillSpan = { start: beforeStart + rb.index, end: beforeStart + rb.index + rb[0].length };
  } else {
    const rm = firstOf(REFILLS, after);
    if (rm) {
      refills = countWord(rm[1]) ?? 0;
      refillSpan = { start: afterStart + rm.index, end: afterStart + rm.index + rm[0].length };
    }
  }
  const amountSpan = am ? { start: afterStart + am.index, end: afterStart + am.index + am[0].length } : undefined;
  return { quantity, amountSpan, dosing, writtenDays, refills, refillsOnly, refillSpan };
}

function countWord(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const t = s.toLowerCase();
  if (t === 'a') return 1;
  if (t === 'no') return 0;
  return wordValue(t);
}

function firstOf(res: RegExp[], s: string): RegExpExecArray | undefined {
  let best: RegExpExecArray | undefined;
  for (const re of res) {
    const m = re.exec(s);
    if (m && (!best || m.index < best.index)) best = m;
  }
  return best;
}

function readDosing(after: string, offset: number): MedicationItem['dosing'] {
  const f = FREQUENCY.exec(after);
  if (!f) return undefined;
  const g = f.groups!;
  let perDay: number;
  let exact = true;
  if (g.hours) {
    const lo = Number(g.h1);
    if (!lo) return undefined;
    perDay = Math.floor(24 / lo);
    if (g.h2) exact = false;
  } else perDay = g.d4 ? 4 : g.d3 ? 3 : g.d2 ? 2 : 1;
  let perDose = 1;
  let start = f.index;
  const lead = after.slice(Math.max(0, f.index - 40), f.index);
  const u = PER_DOSE.exec(lead);
  if (u) {
    const a = u[1].toLowerCase() === 'half' || u[1] === '1/2' ? 0.5 : (countWord(u[1]) ?? Number(u[1]));
    const b = u[2] ? (countWord(u[2]) ?? Number(u[2])) : undefined;
    if (a > 0 && a <= 4) {
      perDose = b && b > a && b <= 4 ? b : a;
      if (b && b > a) exact = false;
      start = f.index - lead.length + u.index;
    }
  }
  const end = f.index + f[0].length;
  return {
    text: after.slice(start, end).replace(/\s+/g, ' ').trim(),
    span: { start: offset + start, end: offset + end },
    unitsPerDay: perDose * perDay,
    exact,
  };
}

/** Days the request lasts: written days, else quantity over the dosing, else over the usual maximum. */
export function daysOfSupply(item: MedicationItem, drug: Drug): DaysOfSupply | undefined {
  if (item.route !== 'oral') return undefined;
  const fills = item.refillsOnly ? item.refills : 1 + item.refills;
  if (item.writtenDays) return { days: item.writtenDays.value * fills, basis: 'written' };
  if (!item.quantity) return undefined;
  if (item.dosing) return { days: (item.quantity.value * fills) / item.dosing.unitsPerDay, basis: 'dosing', unitsPerDay: item.dosing.unitsPerDay };
  if (drug.maxUnitsPerDay) return { days: (item.quantity.value * fills) / drug.maxUnitsPerDay, basis: 'usual-maximum', unitsPerDay: drug.maxUnitsPerDay };
  return undefined;
}
