import type { Knowledge } from '../knowledge/knowledge';
import { TEMPLATE_CITATIONS_REQUEST, type TemplateCitations, type TemplateCitationsParams, type TemplateEdition, type TemplateItem } from '../protocol';
import type { FeatureContext } from './context';
import { citationText } from './guidelines';

// The citations the New Treatment Request and New IMR Appeal Letter templates carry
// (client/src/templates): which knowledge-base entry each item cites in each edition, written
// by the knowledge base the way the guideline browser writes it, so a template never holds a
// hand copy of a citation that could drift from what the checks read back.

// Today's MTUS names the ACOEM guideline of the body part; its version is the one in force on the document's date.
const LOW_BACK = 'acoem-mtus-low-back';

const CITED: Record<TemplateItem, Record<TemplateEdition, string>> = {
  // The Acupuncture Medical Treatment Guidelines have one edition (2007), whichever Chronic Pain edition applies.
  acupuncture: { '2009': 'ccr-9792.24.1-acupuncture', '2016': 'ccr-9792.24.1-acupuncture', current: 'ccr-9792.24.1-acupuncture' },
  manualTherapy: { '2009': 'cpmtg2009-manual-therapy', '2016': 'cpmtg2016-manual-therapy', current: LOW_BACK },
  massage: { '2009': 'cpmtg2009-massage', '2016': 'cpmtg2016-massage', current: 'acoem-mtus-chronic-pain' },
  physicalMedicine: { '2009': 'cpmtg2009-physical-medicine', '2016': 'cpmtg2016-physical-medicine', current: LOW_BACK },
};

const EDITIONS: readonly TemplateEdition[] = ['2009', '2016', 'current'];

/** The template's citations in `edition`, from the knowledge base in effect. */
export function templateCitations(kb: Knowledge, edition: TemplateEdition): TemplateCitations {
  const chosen = EDITIONS.includes(edition) ? edition : 'current';
  const out = {} as TemplateCitations;
  for (const [item, ids] of Object.entries(CITED) as [TemplateItem, Record<TemplateEdition, string>][]) {
    const id = ids[chosen];
    const entry = kb.citation(id);
    // A knowledge file may replace an entry but not remove one the templates name (knowledge tests).
    if (!entry) throw new Error(`the knowledge base has no citation ${id} for the ${item} template item`);
    out[item] = { id, text: citationText(kb, entry) };
  }
  return out;
}

export function registerTemplates(ctx: FeatureContext): void {
  ctx.connection.onRequest(
    TEMPLATE_CITATIONS_REQUEST,
    ctx.guard('template citations', undefined, (p: TemplateCitationsParams | undefined) => templateCitations(ctx.knowledge(), p?.edition ?? 'current')),
  );
}
