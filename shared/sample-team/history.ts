import type { Op, OpDraft } from '../sync';
import type { Role } from '../team';
import { currentShift, DEFAULT_SHIFT_TYPES, DEFAULT_TIME_ZONE, upcomingShift, type Person } from '../team-settings';
import type { MemberKey, SampleContext, SampleMember } from './context';
import { writeHandovers } from './handovers';
import { writePrizes } from './prizes';
import { writeRota } from './rota';
import { writeTeamSettings } from './settings';
import { writeSops } from './sops';
import { sampleTexts, type SampleLanguage } from './texts';

/**
 * The whole sample team's history, told around `now`: who is who, then the rota, the SOPs, the
 * prize approvals and the last week of shifts. Pure: the writer (electron/services/sample-team)
 * gives every member a device and `emit` seals their ops; the same input gives the same story.
 */

export const SAMPLE_ROLES: Readonly<Record<MemberKey, readonly Role[]>> = {
  // The lead who created the team: she plans the rota, publishes SOPs and decides first steps.
  zhou: ['admin', 'lead', 'editor'],
  wang: ['editor'],
  li: ['editor'],
  liu: ['editor'],
  sun: ['editor'],
  // The marketing manager: approves the larger prize requests, works no shifts.
  chen: ['approver'],
  // The person opening the sample: a shift lead who also works shifts.
  me: ['lead', 'editor'],
};

export const SAMPLE_MEMBER_KEYS = Object.keys(SAMPLE_ROLES) as MemberKey[];

export interface SampleStory {
  readonly language: SampleLanguage;
  readonly now: number;
  /** Member ids of the cast, `me` being the person opening the sample (their name may be their own). */
  readonly memberIds: Readonly<Record<MemberKey, string>>;
  readonly myName: string | null;
}

export interface SampleEmit {
  (author: SampleMember, at: number, draft: OpDraft): Op;
}

export function sampleMembers(story: SampleStory): Record<MemberKey, SampleMember> {
  const names = sampleTexts(story.language).names;
  const person = (key: MemberKey): Person => ({ memberId: story.memberIds[key], name: key === 'me' && story.myName ? story.myName : names[key] });
  return Object.fromEntries(SAMPLE_MEMBER_KEYS.map((key) => [key, { key, person: person(key), roles: SAMPLE_ROLES[key] }])) as Record<MemberKey, SampleMember>;
}

/** Writes the story through `emit`; returns the first day of the history (when the team was made). */
export function writeSampleHistory(story: SampleStory, emit: SampleEmit): { firstDay: string } {
  const timeZone = DEFAULT_TIME_ZONE;
  const shiftTypes = DEFAULT_SHIFT_TYPES;
  const myShift = currentShift(story.now, shiftTypes, timeZone) ?? upcomingShift(story.now, shiftTypes, timeZone)!;
  let next = 0;
  const ctx: SampleContext = {
    members: sampleMembers(story),
    texts: sampleTexts(story.language),
    timeZone,
    shiftTypes,
    now: story.now,
    myShift,
    emit,
    newId: (prefix) => `${prefix}-${(next += 1)}`,
  };
  const rota = writeRota(ctx);
  writeTeamSettings(ctx, rota.firstDay);
  const sops = writeSops(ctx, story.language, rota.firstDay);
  writePrizes(ctx, rota.firstDay);
  writeHandovers(ctx, rota, sops);
  return { firstDay: rota.firstDay };
}
