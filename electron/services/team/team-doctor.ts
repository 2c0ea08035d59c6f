import type { AppSyncConfig } from '../sync/app-sync-config';
import { runDoctor, type DoctorReport } from '../sync/doctor';
import { checkRoot, type RootOfTrust } from './root-check';
import { setAsideOps, type SetAsideOp } from './set-aside-ops';
import { tapTrust } from './trust-tap';

export type TeamDoctorReport = DoctorReport & {
  readonly setAsideOps: readonly SetAsideOp[];
  /** team.json's root, its team code, and where the folder's history contradicts it; null when unavailable. */
  readonly rootOfTrust: RootOfTrust | null;
};

/**
 * `baton doctor`'s report plus the ops the trust layer does not count, each with its reason:
 * set-aside files come from the reader, set-aside ops from the same fold's trust filter. With
 * `teamCode` (the code an admin gave), team.json's root key is checked against it.
 */
export async function runTeamDoctor(sharedDir: string, config: AppSyncConfig, options: { teamCode?: string } = {}): Promise<TeamDoctorReport> {
  const tap = config.trust ? tapTrust(config.trust) : null;
  let rootOfTrust: RootOfTrust | null = null;
  const report = await runDoctor(sharedDir, tap ? { ...config, trust: tap.source } : config, {
    inspect: ({ team, reader, fold }) => {
      const evidence = { team, devices: reader.devices, setAsideFiles: reader.setAsideFiles(), state: fold.state };
      rootOfTrust = checkRoot(evidence, options.teamCode);
    },
  });
  return { ...report, setAsideOps: report.available ? setAsideOps(tap?.latest() ?? null) : [], rootOfTrust };
}
