export * from './limits';
export * from './attachment';
export * from './validation';
