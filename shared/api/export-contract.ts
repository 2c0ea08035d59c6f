import { z } from 'zod';
import { defineOperations } from './define-operations';

/** Everything the team wrote, exported to a folder as files readable without Baton (Markdown, CSV). */
export const exportOperations = defineOperations({
  exportTeamData: {
    input: z.object({ path: z.string().trim().min(1).max(4096) }).strict(),
    output: z.object({ path: z.string(), files: z.number().int().nonnegative() }),
  },
});
