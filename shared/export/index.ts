export * from './types';
export * from './time';
export * from './handover-export';
export * from './export-all';
