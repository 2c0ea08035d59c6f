import { z } from 'zod';
import { defineCapability, foldLww, lwwSetSchema, opBuilders, opsOfType } from '../../../shared/sync';
import { personSchema } from '../../../shared/team-settings';

/**
 * A toy capability, as a new one would sit in shared/<cap>/: its kind, a schema per op type, the
 * reducer and the builders. (In the app this is shared/toyNote/toy-note.ts plus one line in
 * shared/capabilities.ts.)
 */
export const toyNoteFields = { title: z.string().trim().min(1).max(40) };

export const toyNote = defineCapability({
  kind: 'toyNote',
  ops: {
    'toyNote.set': lwwSetSchema(toyNoteFields).extend({ by: personSchema }),
  },
  reduce(ops) {
    return { title: foldLww<{ title: string }>(opsOfType(ops, 'toyNote.set')).title?.value ?? null };
  },
});

export const toyNoteOps = opBuilders(toyNote);
