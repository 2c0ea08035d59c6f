export * from './schema';
export * from './pack';
