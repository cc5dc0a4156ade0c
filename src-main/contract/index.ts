export * from './errors';
export * from './primitives';
export * from './articles';
export * from './annotations';
export * from './notebook';
export * from './methods';
export * from './events';
export * from './export';
