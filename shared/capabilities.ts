import { followUp, handover } from './handover';
import { teamSettings } from './team-settings';
import type { AnyCapability } from './sync';
import { rosterCapabilities } from './team';

/** Every capability the team's data is folded with; a new capability is one line here. */
export const teamCapabilities: readonly AnyCapability[] = [...rosterCapabilities, teamSettings, handover, followUp];
