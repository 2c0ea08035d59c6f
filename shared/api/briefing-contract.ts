import { z } from 'zod';
import { defineOperations } from './define-operations';
import type { Briefing } from '../briefing';
import { epochMsSchema } from '../team-settings';

const out = <T>() => z.custom<T>(() => true);

/** The shift briefing (开班简报) of the person on this computer, now. */
export const briefingOperations = defineOperations({
  getBriefing: {
    // Sync notices up to this instant were seen on the sync screen (the renderer keeps that).
    input: z.object({ noticesSeenAt: epochMsSchema.default(0) }).strict(),
    output: out<Briefing>(),
  },
});
