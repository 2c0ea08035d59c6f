import { z } from 'zod';
import { MAX_SECTION_CHARS } from './limits';

/**
 * The sections of a handover note (交接班记录), in the order they are shown. Markdown each.
 * summary 本班概况 · posts 发布情况 (done against the plan) · fans 粉丝互动与投诉 · opinion 舆情 ·
 * campaigns 活动进展 · nextShift 下一班注意事项.
 */
export const SECTION_KEYS = ['summary', 'posts', 'fans', 'opinion', 'campaigns', 'nextShift'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];
export type Sections = Record<SectionKey, string>;

const sectionShape = <S extends z.ZodType<string>>(text: S) =>
  z.object(Object.fromEntries(SECTION_KEYS.map((key) => [key, text])) as Record<SectionKey, S>);

/** In a submitted note: each section within the limit. Sections a newer version adds are dropped here. */
export const sectionsSchema = sectionShape(z.string().max(MAX_SECTION_CHARS));

/**
 * In a draft: no limit, so that an oversized paste is saved with the rest and the person trims
 * it; the limit is enforced (and explained) at submission.
 */
export const draftSectionsSchema = sectionShape(z.string());

export function emptySections(): Sections {
  return { summary: '', posts: '', fans: '', opinion: '', campaigns: '', nextShift: '' };
}

/** Whitespace (including the full-width space of Chinese input) says nothing. */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

export function allSectionsEmpty(sections: Sections): boolean {
  return SECTION_KEYS.every((key) => isBlank(sections[key]));
}
