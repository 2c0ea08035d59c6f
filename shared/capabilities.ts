import { followUp, handover } from './handover';
import { prizeCapabilities } from './prizes/capabilities';
import { teamSettings } from './team-settings';
import type { AnyCapability } from './sync';
import { shiftChecklist, sop } from './sop';
import { rosterCapabilities } from './team';
import { rotaCapabilities } from './rota';

/** Every capability the team's data is folded with; a new capability is one line here. */
export const teamCapabilities: readonly AnyCapability[] = [...rosterCapabilities, teamSettings, handover, followUp, ...rotaCapabilities, sop, shiftChecklist, ...prizeCapabilities];
