import { z } from 'zod';

/** Everything the team wrote, exported to a folder as files readable without Baton (Markdown, CSV). */
export const exportOperations = {
  exportTeamData: {
    input: z.object({ path: z.string().trim().min(1).max(4096) }).strict(),
    output: z.object({ path: z.string(), files: z.number().int().nonnegative() }),
  },
} as const;
