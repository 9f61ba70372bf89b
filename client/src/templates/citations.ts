// The templates' citations come from the server (protocol.ts: TEMPLATE_CITATIONS_REQUEST), which
// writes them from the knowledge base as the guideline browser does: the 2009 Chronic Pain
// guideline by page, the 2016 one by section name, today's MTUS by its ACOEM guideline.

/** Text for a snippet placeholder's default: a snippet treats $, } and \ as its own. */
export const snippetText = (s: string) => s.replace(/[\\$}]/g, '\\$&');
