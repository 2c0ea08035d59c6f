import { defineOperations } from './define-operations';
import { shiftRefSchema } from '../briefing/queries';
import { standInPackSchema } from '../stand-in';

/** The stand-in pack (代班手册) of one shift, composed now; `not-found` for a shift type the team does not have. */
export const standInOperations = defineOperations({
  getStandInPack: {
    input: shiftRefSchema.strict(),
    output: standInPackSchema,
  },
});
