export * from './tokenize';
export * from './handover-search';
export * from './documents';
