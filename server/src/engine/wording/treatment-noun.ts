import type { RequestedItem } from '../types';

// A treatment named in a message as the writer named it, not by its knowledge-base id: the
// writer asked for "chiropractic", and a finding about "manual therapy" reads as another request.

const ABBREVIATED: Record<string, string> = {
  PT: 'physical therapy',
  OT: 'occupational therapy',
  'PT/OT': 'PT/OT',
  CMT: 'chiropractic manipulation',
  OMT: 'osteopathic manipulation',
  PTx: 'physical therapy',
};

/** The treatment as the writer named it, for messages: "acupuncture", "occupational therapy". */
export function treatmentNoun(item: RequestedItem): string {
  if (ABBREVIATED[item.treatmentText]) return ABBREVIATED[item.treatmentText];
  const t = item.treatmentText.toLowerCase().replace(/\s+/g, ' ');
  switch (item.treatment) {
    case 'acupuncture':
      return /elec/.test(t) ? 'electroacupuncture' : 'acupuncture';
    case 'manual-therapy':
      return /chiro|\bcmt\b|\b989\d\d\b/.test(t) ? 'chiropractic' : /manip|\bsmt\b/.test(t) ? 'manipulation' : 'manual therapy';
    case 'massage':
      return /myofascial/.test(t) ? 'myofascial release' : 'massage';
    case 'physical-medicine':
      // Office shorthand ("ther ex", "97110") is named as the therapy it is.
      return /occupational|hand therap|\bot\b/.test(t)
        ? 'occupational therapy'
        : /aqua|pool|water/.test(t)
          ? 'aquatic therapy'
          : /work (?:hardening|conditioning)/.test(t)
            ? t
            : 'physical therapy';
    default:
      return /^\d{5}$|^[a-z]\d{4}$/.test(t) ? 'therapy' : t;
  }
}
