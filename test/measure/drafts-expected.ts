import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';

// The development drafts' expectations (../shared/drafts/expected.json), validated as they are
// read: a changed format should stop the measurement with a clear message, not score zero.

const located = z.object({
  text: z.string().min(1),
  span: z.number().int().min(0).optional(),
  alt: z.array(z.string().min(1)).optional(),
  why: z.string().optional(),
});
const flag = located.extend({ rules: z.array(z.string()).min(1), severity: z.literal('any').optional() });
const docFlag = z.object({ rules: z.array(z.string()).min(1), severity: z.literal('any').optional(), why: z.string().optional() });

const draft = z.object({
  file: z.string().min(1),
  kind: z.enum(['request', 'appeal']),
  flag: z.array(flag).default([]),
  docFlag: z.array(docFlag).default([]),
  clean: z.array(located).default([]),
  outOfScope: z.array(located).default([]),
  docMustNot: z.array(z.string()).default([]),
});

const expectations = z.object({ flagSeverities: z.array(z.string()).default(['error', 'warning']), docs: z.array(draft).min(1) });

export type DraftExpectation = z.infer<typeof draft>;
export type Expectations = z.infer<typeof expectations>;
export type Located = z.infer<typeof located>;

/** Where the drafts live beside a checkout: ../shared/drafts. */
export function draftsDir(root: string): string {
  return path.resolve(root, '..', 'shared', 'drafts');
}

/** The expectations, or an error that says what is wrong with the file. */
export function readExpectations(dir: string): Expectations {
  const file = path.join(dir, 'expected.json');
  if (!fs.existsSync(file)) throw new Error(`the development drafts are not at ${dir} (expected.json is missing): put ../shared beside the checkout`);
  const parsed = expectations.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${file}: ${first.path.join('.')}: ${first.message}`);
  }
  return parsed.data;
}
