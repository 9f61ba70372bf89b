import * as z from 'zod/mini';
import '../zod-english';
import { MedicationsSchema } from './medication-schema';
import { LegalFiguresSchema } from './legal-figures-schema';
import { TimelineSchema, UserFigureSchema } from './timeline-schema';

// The knowledge base is data reviewed by people; these schemas are what "valid" means.
// Every limit and quotation must say where it was read (`source`).

const id = z.string().check(z.regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes'));
const source = z.string().check(z.minLength(3, 'say where this was read'));
/** A whole number above 0: classic zod's z.number().int().positive(). */
const positiveInt = z.int().check(z.positive());

export const GuidelineSchema = z.object({
  id,
  title: z.string().check(z.minLength(3)),
  /** Short name used in messages: "CPMTG 2009". */
  short: z.string().check(z.minLength(2)),
  edition: z.string().check(z.minLength(2)),
  /** How this edition is cited in letters: by page or by section name. */
  citedBy: z.enum(['page', 'section', 'regulation']),
  regulation: z.optional(z.string()),
  effective: z.optional(z.string()),
  /** Words that name this guideline in a citation, matched case-insensitively. */
  names: z.array(z.string().check(z.minLength(2))).check(z.minLength(1)),
  source,
});

export const QuoteSchema = z.object({
  text: z.string().check(z.minLength(10), z.maxLength(600, 'keep quotations short')),
  source,
});

export const CitationEntrySchema = z
  .object({
    id,
    guideline: z.string(),
    topic: z.string().check(z.minLength(2)),
    chapter: z.optional(positiveInt),
    /** Pages this entry covers, as cited in that edition. */
    pages: z.optional(z.array(positiveInt)),
    /** Section names as cited (2016 form), first one canonical. */
    sections: z.optional(z.array(z.string().check(z.minLength(2)))),
    /** Regulations or statutes this entry is, as "8 CCR 9792.24.1" or "Labor Code 4604.5(c)(1)". */
    regulations: z.optional(z.array(z.string().check(z.minLength(4)))),
    /** Treatments this citation governs (treatment ids). */
    treatments: z._default(z.array(z.string()), []),
    /** The entry stands for the guideline as a whole ("MTUS Acupuncture Treatment Guidelines"). */
    wholeGuideline: z.optional(z.boolean()),
    quotes: z.array(QuoteSchema).check(z.minLength(1, 'a citation entry needs at least one quotation')),
    source,
  })
  .check(
    z.refine((c) => c.pages?.length || c.sections?.length || c.chapter || c.regulations?.length || c.wholeGuideline, {
      message: 'a citation entry needs pages, sections, a chapter, a regulation, or wholeGuideline: true',
    }),
  );

export const TreatmentSchema = z.object({
  id,
  name: z.string().check(z.minLength(2)),
  /** Noun used in messages: "acupuncture sessions". */
  unit: z.string().check(z.minLength(2)),
  /** passive-modality: applied to the patient (TENS, ultrasound, heat); the guideline wants it beside active care. */
  category: z.enum(['acupuncture', 'manual-therapy', 'massage', 'physical-medicine', 'passive-modality', 'other']),
  /**
   * Ways writers name the treatment. Plain words are matched whole and case-insensitively;
   * an alias written /like this/ is a regular expression.
   */
  aliases: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  /** Uppercase abbreviations matched only in capitals ("PT", "OT", "CMT"). */
  abbreviations: z._default(z.array(z.string().check(z.minLength(2))), []),
  /** Billing codes that name the treatment on a form whose service cell names none ("97140"). */
  codes: z.optional(
    z.object({
      cpt: z.array(z.string().check(z.regex(/^(?:\d{5}|[A-Z]\d{4})$/, 'a CPT or HCPCS code such as 97140 or G0283'))).check(z.minLength(1)),
      source,
    }),
  ),
});

const Range = z.object({ min: positiveInt, max: positiveInt }).check(z.refine((r) => r.min <= r.max, { message: 'min must not exceed max' }));

export const LimitSchema = z.object({
  id,
  treatment: z.string(),
  guideline: z.string(),
  /** Citation entry the figures come from. */
  citation: z.string(),
  /** Trial (initial course) in treatments. */
  trial: z.optional(Range),
  /** Most treatments for the condition even with functional improvement; absent = no stated cap. */
  maximum: z.optional(Range),
  /** Treatments per week. */
  perWeek: z.optional(Range),
  /** Duration in weeks. */
  weeks: z.optional(Range),
  /** Going past the trial needs documented functional improvement. */
  extensionNeedsImprovement: z.boolean(),
  /** What the reviewer will ask for, printed after the figure. */
  advice: z.string().check(z.minLength(5)),
  conditions: z._default(z.array(z.string()), []),
  /** Body regions (body-region ids) the treatment is not recommended for at all, as the guideline words it. */
  notRecommended: z.optional(
    z.object({
      regions: z.array(z.string()).check(z.minLength(1)),
      /** The guideline's sentence, printed in messages: "manual therapy is not recommended for ...". */
      wording: z.string().check(z.minLength(10)),
      source,
    }),
  ),
  /** A statute's visit cap per injury that applies over the guideline (Labor Code 4604.5(c)(1)). */
  statutoryCap: z.optional(
    z.object({
      visits: positiveInt,
      /** Citation entry of the statute. */
      citation: z.string(),
      /** Injuries on or after this date (YYYY-MM-DD) are capped. */
      injuriesFrom: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')),
      source,
    }),
  ),
  /** Visit figures that depend on the diagnosis (physical medicine: myalgia 9-10 over 8 weeks). */
  byDiagnosis: z.optional(
    z.array(
      z.object({
        diagnosis: z.string(),
        visits: Range,
        weeks: positiveInt,
        source,
      }),
    ),
  ),
  source,
});

/** A diagnosis some limit depends on, as writers name it or code it. */
export const DiagnosisSchema = z.object({
  id,
  name: z.string().check(z.minLength(3)),
  aliases: z.array(z.string().check(z.minLength(2))).check(z.minLength(1)),
  /** ICD-10-CM code prefixes: "M79.1" matches M79.1 and M79.10-M79.18. */
  icd10: z._default(z.array(z.string().check(z.regex(/^[A-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?$/, 'an ICD-10 code or prefix such as M79.1'))), []),
  icd9: z._default(z.array(z.string().check(z.regex(/^\d{3}(?:\.\d{1,2})?$/, 'an ICD-9 code such as 729.1'))), []),
  source,
});

/** A surgery with its own postsurgical physical medicine figure (8 CCR 9792.24.3). */
export const SurgerySchema = z.object({
  id,
  name: z.string().check(z.minLength(3)),
  aliases: z.array(z.string().check(z.minLength(2))).check(z.minLength(1)),
  /** Words every alias contains one of ("Bankart", "metacarpal"), to find the surgery fast. */
  anchors: z.array(z.string().check(z.minLength(3))).check(z.minLength(1)),
  /** The treatment (treatment id) the figure counts. */
  treatment: z.string(),
  /** Body regions (body-region ids) the surgery is on: a therapy item for them follows it. */
  regions: z._default(z.array(z.string()), []),
  /** The general course of therapy, in visits. */
  visits: positiveInt,
  weeks: z.optional(positiveInt),
  citation: z.string(),
  source,
});

export const BodyRegionSchema = z.object({
  id,
  name: z.string(),
  aliases: z.array(z.string().check(z.minLength(2))).check(z.minLength(1)),
  source: z.optional(source),
});

export const KnowledgeSchema = z.object({
  version: z.string(),
  guidelines: z.array(GuidelineSchema).check(z.minLength(1)),
  citations: z.array(CitationEntrySchema),
  treatments: z.array(TreatmentSchema).check(z.minLength(1)),
  limits: z.array(LimitSchema),
  bodyRegions: z.array(BodyRegionSchema),
  diagnoses: z._default(z.array(DiagnosisSchema), []),
  surgeries: z._default(z.array(SurgerySchema), []),
  medications: z._default(MedicationsSchema, { classes: [], drugs: [], topicalNotRecommended: [] }),
  // The MTUS in force by date (mtus-timeline.json), and figures a user adds from the licensed
  // guidelines (custom knowledge file). Without a timeline every document is judged as before.
  timeline: z.optional(TimelineSchema),
  figures: z._default(z.array(UserFigureSchema), []),
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
