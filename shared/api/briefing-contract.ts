import { z } from 'zod';
import { defineOperations } from './define-operations';
import { BriefingSchema } from '../briefing/schema';
import { epochMsSchema } from '../team-settings';

/** The shift briefing (开班简报) of the person on this computer, now. */
export const briefingOperations = defineOperations({
  getBriefing: {
    // Sync notices up to this instant were seen on the sync screen (the renderer keeps that).
    input: z.object({ noticesSeenAt: epochMsSchema.default(0) }).strict(),
    output: BriefingSchema,
  },
  /** An OS notification from the desktop app; `shown: false` where the host has none (the page uses the browser's). */
  showNotification: {
    input: z.object({ title: z.string().min(1).max(200), body: z.string().max(1000) }).strict(),
    output: z.object({ shown: z.boolean() }),
  },
});
