import * as z from 'zod/mini';
import '../zod-english';

// An imported MTUS Drug List, as stored per user (formulary/store.ts). The list is the DWC's
// (8 CCR 9792.27.15); mtus-lint ships none of it: a user downloads it and imports it. Its columns
// (MTUS Drug List v3 header, shared/reference/mtus-current.md 1.5): the drug; its reference in
// the ACOEM guidelines (Recommended / Not Recommended / No Recommendation); Exempt or
// Non-Exempt; Special Fill with a day-supply limit; Perioperative Fill with a day-supply limit.

const fill = z.object({
  /** Days of supply the list allows; absent when the cell marks eligibility without a number. */
  days: z.optional(z.int().check(z.positive())),
});

export const DrugListEntrySchema = z.object({
  /** As printed in the list. */
  name: z.string().check(z.minLength(1)),
  /** Its active ingredients, normalised (lower case, no salts): "hydrocodone", "acetaminophen". */
  ingredients: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  status: z.enum(['exempt', 'non-exempt']),
  reference: z.optional(z.enum(['recommended', 'not-recommended', 'no-recommendation'])),
  specialFill: z.optional(fill),
  perioperativeFill: z.optional(fill),
  /** The spreadsheet row it was read from (1-based), for messages. */
  row: z.int().check(z.positive()),
});

export const DrugListSchema = z.object({
  format: z.literal(1),
  /** As the file states it: "13", "11.1". */
  version: z.string().check(z.minLength(1)),
  /** The date it took effect (YYYY-MM-DD), as the file states it. */
  effective: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
  /** The file's title line, when it has one. */
  title: z.optional(z.string()),
  /** The file's name only: never its folder (a path can name a person or a practice). */
  file: z.string(),
  importedAt: z.string(),
  drugs: z.array(DrugListEntrySchema).check(z.minLength(1)),
});

export type DrugList = z.infer<typeof DrugListSchema>;
export type DrugListEntry = z.infer<typeof DrugListEntrySchema>;
