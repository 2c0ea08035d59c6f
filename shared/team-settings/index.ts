export * from './fields';
export * from './shift-types';
export * from './shifts';
export * from './team-settings';
export * from './settings-lists';
export * from './validation';
