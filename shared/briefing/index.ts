export * from './types';
export * from './duty';
export * from './handover-sections';
export * from './sync-section';
export * from './briefing';
export * from './notify';
export * from './schema';
