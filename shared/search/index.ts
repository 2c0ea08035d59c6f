export * from './tokenize';
export * from './query-plan';
export * from './handover-search';
export * from './documents';
export * from './passage';
