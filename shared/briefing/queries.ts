/**
 * What other parts of shared/ may ask of the briefing (the stand-in pack reads the same world and
 * sections, so both say the same thing about a shift): one world per call, then its sections.
 */
export { briefingWorld, type BriefingWorld } from './team-world';
export { onDutyFor } from './rota-duty';
export { followUpsSection } from './handover-sections';
export { checklistSection } from './sop-sections';
export { campaignItem } from './prize-sections';
export { checklistItemSchema, placeSchema, shiftRefSchema } from './capability-schema';
export { shiftInstanceSchema, followUpItemSchema, onDutySchema } from './schema';
export type { BriefingQuery } from './duty';
export type { ChecklistItem } from './capability-types';
export type { FollowUpItem, OnDuty } from './types';
export { CAMPAIGN_PLACE_PREFIX, shiftPlaceItem, type Place } from './place';
