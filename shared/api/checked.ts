import { z } from 'zod';
import type { ValidationIssue } from '../team-settings';

/**
 * The answer of an operation whose input a person typed: done, or every problem at once as
 * validation codes the UI places next to their fields (not an error: the person fixes and retries).
 */
export type Checked<T> = ({ ok: true } & T) | { ok: false; issues: ValidationIssue[] };

export const ValidationIssueSchema = z.object({
  code: z.string().min(1),
  path: z.array(z.union([z.string(), z.number()])),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});

/** The output schema of a `Checked<{...shape}>` answer. */
export function checked<S extends z.ZodRawShape>(shape: S): z.ZodType<Checked<z.output<z.ZodObject<S>>>> {
  const answer = z.union([z.object({ ok: z.literal(true), ...shape }), z.object({ ok: z.literal(false), issues: z.array(ValidationIssueSchema) })]);
  // Typed as the domain's Checked, whose issue paths are read-only: the shape is the same.
  return answer as unknown as z.ZodType<Checked<z.output<z.ZodObject<S>>>>;
}
