import { z } from 'zod';
import { LanguageSchema, SettingsSchema } from '../settings/schema';
import { defineOperations, NoInput } from './define-operations';

/**
 * The sample team: opened from the first run (or Settings), in the language of the screen, and
 * left from its banner. Both answer with this computer's settings (`sample` says one is open).
 */
export const sampleTeamOperations = defineOperations({
  openSampleTeam: { input: z.object({ language: LanguageSchema }).strict(), output: SettingsSchema },
  leaveSampleTeam: { input: NoInput, output: SettingsSchema },
});
