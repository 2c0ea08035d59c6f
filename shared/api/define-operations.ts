import { z } from 'zod';

/**
 * One bridge operation: what it takes (checked at the door, strict) and what it answers (a real
 * schema: dispatch checks answers where it is asked to, as every test's app services do).
 */
export interface OperationSpec {
  readonly input: z.ZodType;
  readonly output: z.ZodType;
  /**
   * It records edits in the team's data: while the team is still opening it waits for the open to
   * end, since an edit is built from the state it reads (reads answer at once, with what is known).
   */
  readonly writes?: true;
}

export type OperationSpecs = Readonly<Record<string, OperationSpec>>;

/** The input of an operation that takes none. */
export const NoInput = z.object({}).strict();

/**
 * A capability's bridge operations, declared once: the name is the key. `contract.ts` spreads the
 * object into the contract; `names.ts` (the preload's zod-free list), the handler types and the
 * dispatch table follow from it.
 */
export function defineOperations<const T extends OperationSpecs>(operations: T): T {
  for (const [name, spec] of Object.entries(operations)) {
    if (!/^[a-z][A-Za-z]{1,63}$/.test(name)) throw new RangeError(`not an operation name: ${name}`);
    // z.custom(() => true) checks nothing: an answer the screens rely on gets a schema that says what it is.
    if (spec.output instanceof z.ZodCustom) throw new RangeError(`${name}: its output needs a real schema, not z.custom`);
  }
  return operations;
}
