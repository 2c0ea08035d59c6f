import { campaign } from './campaign';
import { prizeDelegate, prizeKey } from './people';
import { prizeRequest } from './request';
import { prizeSettings } from './settings';

/** What the fold needs of prize approvals (one line in shared/capabilities.ts). */
export const prizeCapabilities = [prizeSettings, campaign, prizeRequest, prizeDelegate, prizeKey] as const;
