import { shiftInstance, type ShiftInstance } from '../team-settings';
import type { Assignment } from './schemas';
import type { RotaSettings } from './settings';

/** `2026-03-01_early`: one shift of one day (the day it starts, in the team's zone). */
export function slotKey(date: string, shiftTypeId: string): string {
  return `${date}_${shiftTypeId}`;
}

export function parseSlotKey(key: string): { date: string; shiftTypeId: string } {
  return { date: key.slice(0, 10), shiftTypeId: key.slice(11) };
}

/** The instants of a slot; null when its shift type is gone from the team's list. */
export function slotInstance(key: string, settings: Pick<RotaSettings, 'shiftTypes' | 'timeZone'>): ShiftInstance | null {
  return shiftInstance(parseSlotKey(key), settings.shiftTypes, settings.timeZone);
}

export const EMPTY_ASSIGNMENT: Assignment = { primary: [], backup: null };

export function sameAssignment(a: Assignment | undefined, b: Assignment | undefined): boolean {
  const left = a ?? EMPTY_ASSIGNMENT;
  const right = b ?? EMPTY_ASSIGNMENT;
  return left.backup === right.backup && left.primary.length === right.primary.length && left.primary.every((id, index) => right.primary[index] === id);
}

export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
