import { z } from 'zod';
import { MedicationsSchema } from './medication-schema';
import { LegalFiguresSchema } from './legal-figures-schema';
import { TimelineSchema, UserFigureSchema } from './timeline-schema';

// The knowledge base is data reviewed by people; these schemas are what "valid" means.
// Every limit and quotation must say where it was read (`source`).

const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes');
const source = z.string().min(3, 'say where this was read');

export const GuidelineSchema = z.object({
  id,
  title: z.string().min(3),
  /** Short name used in messages: "CPMTG 2009". */
  short: z.string().min(2),
  edition: z.string().min(2),
  /** How this edition is cited in letters: by page or by section name. */
  citedBy: z.enum(['page', 'section', 'regulation']),
  regulation: z.string().optional(),
  effective: z.string().optional(),
  /** Words that name this guideline in a citation, matched case-insensitively. */
  names: z.array(z.string().min(2)).min(1),
  source,
});

export const QuoteSchema = z.object({
  text: z.string().min(10).max(600, 'keep quotations short'),
  source,
});

export const CitationEntrySchema = z
  .object({
    id,
    guideline: z.string(),
    topic: z.string().min(2),
    chapter: z.number().int().positive().optional(),
    /** Pages this entry covers, as cited in that edition. */
    pages: z.array(z.number().int().positive()).optional(),
    /** Section names as cited (2016 form), first one canonical. */
    sections: z.array(z.string().min(2)).optional(),
    /** Regulations or statutes this entry is, as "8 CCR 9792.24.1" or "Labor Code 4604.5(c)(1)". */
    regulations: z.array(z.string().min(4)).optional(),
    /** Treatments this citation governs (treatment ids). */
    treatments: z.array(z.string()).default([]),
    /** The entry stands for the guideline as a whole ("MTUS Acupuncture Treatment Guidelines"). */
    wholeGuideline: z.boolean().optional(),
    quotes: z.array(QuoteSchema).min(1, 'a citation entry needs at least one quotation'),
    source,
  })
  .refine((c) => c.pages?.length || c.sections?.length || c.chapter || c.regulations?.length || c.wholeGuideline, {
    message: 'a citation entry needs pages, sections, a chapter, a regulation, or wholeGuideline: true',
  });

export const TreatmentSchema = z.object({
  id,
  name: z.string().min(2),
  /** Noun used in messages: "acupuncture sessions". */
  unit: z.string().min(2),
  /** passive-modality: applied to the patient (TENS, ultrasound, heat); the guideline wants it beside active care. */
  category: z.enum(['acupuncture', 'manual-therapy', 'massage', 'physical-medicine', 'passive-modality', 'other']),
  /**
   * Ways writers name the treatment. Plain words are matched whole and case-insensitively;
   * an alias written /like this/ is a regular expression.
   */
  aliases: z.array(z.string().min(1)).min(1),
  /** Uppercase abbreviations matched only in capitals ("PT", "OT", "CMT"). */
  abbreviations: z.array(z.string().min(2)).default([]),
  /** Billing codes that name the treatment on a form whose service cell names none ("97140"). */
  codes: z
    .object({
      cpt: z.array(z.string().regex(/^(?:\d{5}|[A-Z]\d{4})$/, 'a CPT or HCPCS code such as 97140 or G0283')).min(1),
      source,
    })
    .optional(),
});

const Range = z
  .object({ min: z.number().int().positive(), max: z.number().int().positive() })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });

export const LimitSchema = z.object({
  id,
  treatment: z.string(),
  guideline: z.string(),
  /** Citation entry the figures come from. */
  citation: z.string(),
  /** Trial (initial course) in treatments. */
  trial: Range.optional(),
  /** Most treatments for the condition even with functional improvement; absent = no stated cap. */
  maximum: Range.optional(),
  /** Treatments per week. */
  perWeek: Range.optional(),
  /** Duration in weeks. */
  weeks: Range.optional(),
  /** Going past the trial needs documented functional improvement. */
  extensionNeedsImprovement: z.boolean(),
  /** What the reviewer will ask for, printed after the figure. */
  advice: z.string().min(5),
  conditions: z.array(z.string()).default([]),
  /** Body regions (body-region ids) the treatment is not recommended for at all, as the guideline words it. */
  notRecommended: z
    .object({
      regions: z.array(z.string()).min(1),
      /** The guideline's sentence, printed in messages: "manual therapy is not recommended for ...". */
      wording: z.string().min(10),
      source,
    })
    .optional(),
  /** A statute's visit cap per injury that applies over the guideline (Labor Code 4604.5(c)(1)). */
  statutoryCap: z
    .object({
      visits: z.number().int().positive(),
      /** Citation entry of the statute. */
      citation: z.string(),
      /** Injuries on or after this date (YYYY-MM-DD) are capped. */
      injuriesFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD'),
      source,
    })
    .optional(),
  /** Visit figures that depend on the diagnosis (physical medicine: myalgia 9-10 over 8 weeks). */
  byDiagnosis: z
    .array(
      z.object({
        diagnosis: z.string(),
        visits: Range,
        weeks: z.number().int().positive(),
        source,
      }),
    )
    .optional(),
  source,
});

/** A diagnosis some limit depends on, as writers name it or code it. */
export const DiagnosisSchema = z.object({
  id,
  name: z.string().min(3),
  aliases: z.array(z.string().min(2)).min(1),
  /** ICD-10-CM code prefixes: "M79.1" matches M79.1 and M79.10-M79.18. */
  icd10: z.array(z.string().regex(/^[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?$/, 'an ICD-10 code or prefix such as M79.1')).default([]),
  icd9: z.array(z.string().regex(/^\d{3}(?:\.\d{1,2})?$/, 'an ICD-9 code such as 729.1')).default([]),
  source,
});

/** A surgery with its own postsurgical physical medicine figure (8 CCR 9792.24.3). */
export const SurgerySchema = z.object({
  id,
  name: z.string().min(3),
  aliases: z.array(z.string().min(2)).min(1),
  /** Words every alias contains one of ("Bankart", "metacarpal"), to find the surgery fast. */
  anchors: z.array(z.string().min(3)).min(1),
  /** The treatment (treatment id) the figure counts. */
  treatment: z.string(),
  /** Body regions (body-region ids) the surgery is on: a therapy item for them follows it. */
  regions: z.array(z.string()).default([]),
  /** The general course of therapy, in visits. */
  visits: z.number().int().positive(),
  weeks: z.number().int().positive().optional(),
  citation: z.string(),
  source,
});

export const BodyRegionSchema = z.object({
  id,
  name: z.string(),
  aliases: z.array(z.string().min(2)).min(1),
  source: source.optional(),
});

export const KnowledgeSchema = z.object({
  version: z.string(),
  guidelines: z.array(GuidelineSchema).min(1),
  citations: z.array(CitationEntrySchema),
  treatments: z.array(TreatmentSchema).min(1),
  limits: z.array(LimitSchema),
  bodyRegions: z.array(BodyRegionSchema),
  diagnoses: z.array(DiagnosisSchema).default([]),
  surgeries: z.array(SurgerySchema).default([]),
  medications: MedicationsSchema.default({ classes: [], drugs: [], topicalNotRecommended: [] }),
  // The MTUS in force by date (mtus-timeline.json), and figures a user adds from the licensed
  // guidelines (custom knowledge file). Without a timeline every document is judged as before.
  timeline: TimelineSchema.optional(),
  figures: z.array(UserFigureSchema).default([]),
  // Deadlines and windows the law sets (legal-figures.json), each with its source.
  legalFigures: LegalFiguresSchema,
});

export type Guideline = z.infer<typeof GuidelineSchema>;
export type CitationEntry = z.infer<typeof CitationEntrySchema>;
export type Treatment = z.infer<typeof TreatmentSchema>;
export type Limit = z.infer<typeof LimitSchema>;
export type BodyRegion = z.infer<typeof BodyRegionSchema>;
export type Diagnosis = z.infer<typeof DiagnosisSchema>;
export type Surgery = z.infer<typeof SurgerySchema>;
export type KnowledgeData = z.infer<typeof KnowledgeSchema>;
