/**
 * @govcluster/shared: the domain model of GovCluster — content and registry schemas, the snapshot format,
 * review stages and screening, and the public UI strings.
 * @module
 */
export * from './dates/index.ts';
export * from './i18n/index.ts';
export * from './registry/index.ts';
export * from './review/index.ts';
export * from './schemas/index.ts';
export * from './snapshot/index.ts';
