import { z } from 'zod';
import { defineOperations } from '../../../shared/api/define-operations';

/** Its bridge operations, declared once (in the app: shared/api/toy-note-contract.ts plus one line in contract.ts). */
export const toyNoteOperations = defineOperations({
  setToyNote: {
    writes: true,
    input: z.object({ id: z.string().regex(/^[a-z0-9]{1,20}$/), title: z.string().max(1000) }).strict(),
    output: z.object({ queued: z.boolean() }),
  },
  getToyNote: {
    input: z.object({ id: z.string().regex(/^[a-z0-9]{1,20}$/) }).strict(),
    output: z.object({ title: z.string().nullable() }),
  },
});
