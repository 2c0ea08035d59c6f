export * from './context';
export * from './history';
export * from './texts';
