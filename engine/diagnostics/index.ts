export * from './diagnostic.ts';
export * from './codes.ts';
export * from './suggest.ts';
