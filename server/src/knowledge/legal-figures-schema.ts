import { z } from 'zod';

// The figures the law sets, not a guideline (legal-figures.json): deadlines and windows counted
// in days. Each says where it comes from, so a domain expert checks the figure against its
// statute or regulation in one place, and a rule never writes one of its own.

const Days = z.number().int().positive();
const Source = z.string().min(10);

export const LegalFiguresSchema = z
  .object({
    /** Applying for Independent Medical Review after the UR decision. */
    imrApplication: z
      .object({
        days: Days,
        source: Source,
        /** Added when the UR decision was served by mail. */
        byMail: z.object({ extraDays: Days, source: Source }).strict(),
      })
      .strict(),
    /** How long a denial of the same treatment stands against a new request. */
    repeatRequest: z.object({ days: Days, source: Source }).strict(),
  })
  .strict();

export type LegalFigures = z.infer<typeof LegalFiguresSchema>;
