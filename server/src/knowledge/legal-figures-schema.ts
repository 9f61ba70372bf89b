import * as z from 'zod/mini';
import '../zod-english';

// The figures the law sets, not a guideline (legal-figures.json): deadlines and windows counted
// in days. Each says where it comes from, so a domain expert checks the figure against its
// statute or regulation in one place, and a rule never writes one of its own.

const Days = z.int().check(z.positive());
const Source = z.string().check(z.minLength(10));

export const LegalFiguresSchema = z.strictObject({
  /** Applying for Independent Medical Review after the UR decision. */
  imrApplication: z.strictObject({
    days: Days,
    source: Source,
    /** Added when the UR decision was served by mail. */
    byMail: z.strictObject({ extraDays: Days, source: Source }),
  }),
  /** How long a denial of the same treatment stands against a new request. */
  repeatRequest: z.strictObject({ days: Days, source: Source }),
});

export type LegalFigures = z.infer<typeof LegalFiguresSchema>;
