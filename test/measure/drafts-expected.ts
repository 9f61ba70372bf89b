import * as fs from 'node:fs';
import * as path from 'node:path';
import * as z from 'zod/mini';
import '../../server/src/zod-english';

// The development drafts' expectations (../shared/drafts/expected.json), validated as they are
// read: a changed format should stop the measurement with a clear message, not score zero.

const located = z.object({
  text: z.string().check(z.minLength(1)),
  span: z.optional(z.int().check(z.gte(0))),
  alt: z.optional(z.array(z.string().check(z.minLength(1)))),
  why: z.optional(z.string()),
});
const rules = z.array(z.string()).check(z.minLength(1));
const flag = z.extend(located, { rules, severity: z.optional(z.literal('any')) });
const docFlag = z.object({ rules, severity: z.optional(z.literal('any')), why: z.optional(z.string()) });

const draft = z.object({
  file: z.string().check(z.minLength(1)),
  kind: z.enum(['request', 'appeal']),
  flag: z._default(z.array(flag), []),
  docFlag: z._default(z.array(docFlag), []),
  clean: z._default(z.array(located), []),
  outOfScope: z._default(z.array(located), []),
  docMustNot: z._default(z.array(z.string()), []),
});

const expectations = z.object({ flagSeverities: z._default(z.array(z.string()), ['error', 'warning']), docs: z.array(draft).check(z.minLength(1)) });

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
