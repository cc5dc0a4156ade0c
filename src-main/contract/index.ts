export * from './errors';
export * from './primitives';
export * from './articles';
export * from './annotations';
export * from './notebook';
export * from './search';
export * from './methods';
export * from './events';
