import type { SopTeam } from './team-facts';
import type { ShiftChecklistState, Tick } from './ticks';

/**
 * Which ticks of a shift's checklist count, given the team and the rota: pure and deterministic
 * on every device, so a tick signed by someone not on that shift (or in another person's name)
 * is ignored everywhere with the same reason. The trust layer has already refused ticks from
 * roles that may not tick at all.
 */
export const TICK_SET_ASIDE_REASONS = {
  'not-own-tick': "it ticks in another member's name: a tick is by the person whose computer signed it",
  'not-on-shift': 'the person who ticked is neither on that shift in the rota nor a lead',
} as const;
export type TickSetAsideReason = keyof typeof TICK_SET_ASIDE_REASONS;

export interface ShiftRef {
  readonly date: string;
  readonly shiftTypeId: string;
}

/**
 * The rota's answer: whether a member works or backs up the shift (covers, swaps and leave
 * applied); null when the rota publishes nothing for it (a team that does not use the rota), then
 * everyone whose role allows it may tick.
 */
export type OnShift = (memberId: string, shift: ShiftRef) => boolean | null;

export interface TickJudge {
  /** Null without a trust layer: nothing is judged then (as for the SOP rules). */
  readonly team: SopTeam | null;
  readonly onShift: OnShift;
}

export interface CountedTicks {
  /** Per item key, the newest tick or untick that counts. */
  readonly latest: Readonly<Record<string, Tick>>;
  readonly setAside: ReadonlyArray<{ readonly tick: Tick; readonly reason: TickSetAsideReason }>;
}

function reasonAgainst(tick: Tick, shift: ShiftRef, judge: TickJudge): TickSetAsideReason | null {
  if (!judge.team) return null;
  const signer = judge.team.memberOfDevice(tick.deviceId);
  if (signer === null || signer !== tick.by.memberId) return 'not-own-tick';
  if (judge.team.members.some((member) => member.memberId === signer && member.roles.includes('lead'))) return null;
  return judge.onShift(signer, shift) === false ? 'not-on-shift' : null;
}

/** The ticks of `shift` that count, replayed in fold order: one set aside does not hide an earlier one that counts. */
export function countedTicks(state: ShiftChecklistState | null, shift: ShiftRef, judge: TickJudge): CountedTicks {
  const latest: Record<string, Tick> = {};
  const setAside: Array<{ tick: Tick; reason: TickSetAsideReason }> = [];
  for (const tick of state?.history ?? []) {
    const reason = reasonAgainst(tick, shift, judge);
    if (reason) setAside.push({ tick, reason });
    else latest[tick.key] = tick;
  }
  return { latest, setAside };
}
