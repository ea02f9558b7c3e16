/**
 * The content and registry schemas of GovCluster (zod 4), the one source of truth for the CMS and the sites.
 * @module
 */
export * from './article.ts';
export * from './common.ts';
export * from './content-types.ts';
export * from './interaction.ts';
export * from './investment-project.ts';
export * from './leader.ts';
export * from './letter.ts';
export * from './locale.ts';
export * from './mailbox-statistics.ts';
export * from './media.ts';
export * from './policy.ts';
export * from './service-guide.ts';
export * from './service-topics.ts';
export * from './site.ts';
export * from './site-channels.ts';
export * from './village.ts';
