// The guideline citation each template item carries, written as the guideline browser writes
// it (server/src/features/guidelines.ts, citationText): the 2009 Chronic Pain guideline by page,
// the 2016 one by section name. The unit tests check that each resolves to the entry named.

/** The editions of the Chronic Pain guideline a template can cite. */
export type TemplateEdition = '2009' | '2016';

/** The edition a new document cites: the one chosen in mtusLint.edition, else 2016 (the default). */
export const templateEdition = (setting: unknown): TemplateEdition => (setting === '2009' ? '2009' : '2016');

export interface TemplateCitation {
  /** The knowledge base's citation id, per edition. */
  id: Record<TemplateEdition, string>;
  text: Record<TemplateEdition, string>;
}

const same = (id: string, text: string): TemplateCitation => ({ id: { '2009': id, '2016': id }, text: { '2009': text, '2016': text } });

export const CITATIONS = {
  // The Acupuncture Medical Treatment Guidelines have one edition (2007), whichever Chronic Pain edition applies.
  acupuncture: same('ccr-9792.24.1-acupuncture', 'MTUS Acupuncture Medical Treatment Guidelines (2007), 8 CCR 9792.24.1'),
  manualTherapy: {
    id: { '2009': 'cpmtg2009-manual-therapy', '2016': 'cpmtg2016-manual-therapy' },
    text: {
      '2009': 'MTUS Chronic Pain Medical Treatment Guidelines (2009), Manual therapy & manipulation, pages 58-59',
      '2016': 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Manual therapy & manipulation',
    },
  },
  massage: {
    id: { '2009': 'cpmtg2009-massage', '2016': 'cpmtg2016-massage' },
    text: {
      '2009': 'MTUS Chronic Pain Medical Treatment Guidelines (2009), Massage therapy, page 60',
      '2016': 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Massage therapy',
    },
  },
  physicalMedicine: {
    id: { '2009': 'cpmtg2009-physical-medicine', '2016': 'cpmtg2016-physical-medicine' },
    text: {
      '2009': 'MTUS Chronic Pain Medical Treatment Guidelines (2009), Physical medicine, pages 98-99',
      '2016': 'MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine',
    },
  },
} satisfies Record<string, TemplateCitation>;

/** Text for a snippet placeholder's default: a snippet treats $, } and \ as its own. */
export const snippetText = (s: string) => s.replace(/[\\$}]/g, '\\$&');
