export * from './errors';
export * from './primitives';
export * from './articles';
export * from './tags';
export * from './annotations';
export * from './notebook';
export * from './methods';
export * from './events';
