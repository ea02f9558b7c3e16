export * from './signing.ts';
export type * from './wire.ts';
