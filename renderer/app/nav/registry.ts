import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n/resources';

/** One screen of the app and its place in the sidebar. */
export interface ScreenEntry {
  /** Unique and stable: it is also the address (#/settings). */
  id: string;
  /** The nav label and the screen's heading. */
  title: MessageKey;
  /** One sentence under the heading, so a stand-in knows what the screen is for. */
  description: MessageKey;
  icon: ComponentType;
  /** 'work' (briefing, handover, rota…) is listed first; 'system' (sync, settings) after it. */
  group: 'work' | 'system';
  /** Position inside the group, smaller first. */
  order: number;
  Screen: ComponentType;
  /** A small live indicator beside the nav label, such as sync health. */
  Status?: ComponentType;
}

const groupRank = { work: 0, system: 1 } as const;
const entries: ScreenEntry[] = [];

/**
 * Called by each module's `register.ts` while modules load, before the first render, so a plain
 * list is enough: nothing needs to react to a registration later.
 */
export function registerScreen(entry: ScreenEntry): void {
  if (entries.some((e) => e.id === entry.id)) throw new Error(`screen "${entry.id}" is registered twice`);
  entries.push(entry);
  entries.sort((a, b) => groupRank[a.group] - groupRank[b.group] || a.order - b.order);
}

/** Every registered screen in sidebar order; the first is the home screen. */
export const registeredScreens = (): readonly ScreenEntry[] => entries;

const frameNotices: ComponentType[] = [];

/**
 * A notice a module shows above every screen, such as "waiting for approval". The component decides
 * itself whether there is anything to say (it renders nothing otherwise), so the frame needs to know
 * nothing about the module. Registered while modules load, like screens.
 */
export function registerFrameNotice(Notice: ComponentType): void {
  if (!frameNotices.includes(Notice)) frameNotices.push(Notice);
}

/** Every registered frame notice, in registration order. */
export const registeredFrameNotices = (): readonly ComponentType[] => frameNotices;

const topbarItems: ComponentType[] = [];

/**
 * Something a module shows in the header of every screen, beside today's date (the rota's "on
 * now / next"). Like frame notices, it renders nothing when it has nothing to say.
 */
export function registerTopbarItem(Item: ComponentType): void {
  if (!topbarItems.includes(Item)) topbarItems.push(Item);
}

export const registeredTopbarItems = (): readonly ComponentType[] => topbarItems;
