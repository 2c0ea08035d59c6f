import { teamCapabilities } from '../../../shared/capabilities';
import type { AnyCapability } from '../../../shared/sync/capability';
import type { TrustSource } from '../../../shared/sync/trust-plug';
import { trustPlugin } from '../../../shared/team';

/**
 * The capabilities and the trust plug the app folds with. One place, because the desktop app and
 * `baton doctor` must fold alike for their state hashes to agree.
 */
export interface AppSyncConfig {
  readonly capabilities: readonly AnyCapability[];
  readonly trust?: TrustSource;
}

export function appSyncConfig(): AppSyncConfig {
  return { capabilities: teamCapabilities, trust: (team) => trustPlugin(team) };
}
