import type { AppSyncConfig } from '../sync/app-sync-config';
import { runDoctor, type DoctorReport } from '../sync/doctor';
import { setAsideOps, type SetAsideOp } from './set-aside-ops';
import { tapTrust } from './trust-tap';

export type TeamDoctorReport = DoctorReport & { readonly setAsideOps: readonly SetAsideOp[] };

/**
 * `baton doctor`'s report plus the ops the trust layer does not count, each with its reason:
 * set-aside files come from the reader, set-aside ops from the same fold's trust filter.
 */
export async function runTeamDoctor(sharedDir: string, config: AppSyncConfig): Promise<TeamDoctorReport> {
  const tap = config.trust ? tapTrust(config.trust) : null;
  const report = await runDoctor(sharedDir, tap ? { ...config, trust: tap.source } : config);
  return { ...report, setAsideOps: report.available ? setAsideOps(tap?.latest() ?? null) : [] };
}
