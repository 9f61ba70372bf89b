// The guideline citation each template item carries, written as the guideline browser writes
// it (server/src/features/guidelines.ts, citationText): the 2009 Chronic Pain guideline by page,
// the 2016 one by section name. The unit tests check that each resolves to the entry named.

/**
 * What a template cites: today's MTUS ("current": a new document is dated today, and from
 * 12/1/2017 the Chronic Pain guideline no longer governs), or the Chronic Pain edition chosen in
 * mtusLint.edition for a writer working on an older request.
 */
export type TemplateEdition = '2009' | '2016' | 'current';

/** The edition a new document cites: the one chosen in mtusLint.edition, else today's MTUS. */
export const templateEdition = (setting: unknown): TemplateEdition => (setting === '2009' || setting === '2016' ? setting : 'current');

export interface TemplateCitation {
  /** The knowledge base's citation id, per edition. */
  id: Record<TemplateEdition, string>;
  text: Record<TemplateEdition, string>;
}

const same = (id: string, text: string): TemplateCitation => ({ id: { '2009': id, '2016': id, current: id }, text: { '2009': text, '2016': text, current: text } });
// Today's MTUS names the ACOEM guideline of the body part; its version is the one in force on the document's date.
const LOW_BACK = { id: 'acoem-mtus-low-back', text: 'MTUS (ACOEM) Low Back Disorders Guideline' };

export const CITATIONS = {
  // The Acupuncture Medical Treatment Guidelines have one edition (2007), whichever Chronic Pain edition applies.
  acupuncture: same('ccr-9792.24.1-acupuncture', 'MTUS Acupuncture Medical Treatment Guidelines (2007), 8 CCR 9792.24.1'),
  manualTherapy: {
    id: { '2009': 'cpmtg2009-manual-therapy', '2016': 'cpmtg2016-manual-therapy', current: LOW_BACK.id },
    text: {
      '2009': 'MTUS Chronic Pain Medical Treatment Guidelines (2009), Manual therapy & manipulation, pages 58-59',
      '2016': 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Manual therapy & manipulation',
      current: LOW_BACK.text,
    },
  },
  massage: {
    id: { '2009': 'cpmtg2009-massage', '2016': 'cpmtg2016-massage', current: 'acoem-mtus-chronic-pain' },
    text: {
      '2009': 'MTUS Chronic Pain Medical Treatment Guidelines (2009), Massage therapy, page 60',
      '2016': 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy',
      current: 'MTUS (ACOEM) Chronic Pain Guideline',
    },
  },
  physicalMedicine: {
    id: { '2009': 'cpmtg2009-physical-medicine', '2016': 'cpmtg2016-physical-medicine', current: LOW_BACK.id },
    text: {
      '2009': 'MTUS Chronic Pain Medical Treatment Guidelines (2009), Physical medicine, pages 98-99',
      '2016': 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine',
      current: LOW_BACK.text,
    },
  },
} satisfies Record<string, TemplateCitation>;

/** Text for a snippet placeholder's default: a snippet treats $, } and \ as its own. */
export const snippetText = (s: string) => s.replace(/[\\$}]/g, '\\$&');
