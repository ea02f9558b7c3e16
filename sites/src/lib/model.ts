/**
 * The one place where the sites package meets the shared model: locales, content types, schemas and the
 * registry's types and checks, all from @govcluster/shared. Everything else in sites/ imports from here,
 * so a renamed export in @govcluster/shared is fixed in one file.
 */
import { defaultLocale, type Locale, locales } from '@govcluster/shared/constants';
import { formatProblem, validateRegistry } from '@govcluster/shared/registry';
import {
  ArticleSchema,
  ConsultationSchema,
  type ContentTypeKey,
  contentTypeKeys,
  InterpretationSchema,
  InterviewSchema,
  InvestmentProjectSchema,
  LeaderSchema,
  type MailboxStatistics,
  MailboxStatisticsSchema,
  MediaSchema,
  PolicyDocumentSchema,
  PublicLetterSchema,
  ServiceGuideSchema,
  SiteSchema,
  VillageSchema,
} from '@govcluster/shared/schemas';
import type { z } from 'zod';

/** A text in several locales, zh-CN required; the registry's column, site and media item. */
export type { Column, InvestorContact, LocalizedText, Media, Site } from '@govcluster/shared/schemas';
/**
 * Whether a site carries the 政府信息公开 section (its registry flag, yes when absent); the eight
 * required elements of a service guide (办事指南八要素), in their order on the page.
 */
export { isOpenInfoBody, serviceGuideRequiredElements } from '@govcluster/shared/schemas';
/** The cluster's locales, default first; the default's pages sit at the site's basePath. */
export { defaultLocale, type Locale, locales };

/** The content type keys of the snapshot (`type` field), media and site aside. */
export const contentTypes = contentTypeKeys;

/** A content type key. */
export type ContentType = ContentTypeKey;

/** The zod schema of each record type (letters: the public shape only). */
const schemas: Record<ContentType | 'site' | 'media', z.ZodType> = {
  site: SiteSchema,
  media: MediaSchema,
  article: ArticleSchema,
  policy: PolicyDocumentSchema,
  interpretation: InterpretationSchema,
  serviceGuide: ServiceGuideSchema,
  leader: LeaderSchema,
  village: VillageSchema,
  investmentProject: InvestmentProjectSchema,
  letter: PublicLetterSchema,
  interview: InterviewSchema,
  consultation: ConsultationSchema,
};

/** The zod schema that validates one record of a content type (letters: the public shape only). */
export function schemaFor(type: ContentType | 'site' | 'media'): z.ZodType {
  return schemas[type];
}

/** The public statistics of a site's mailbox (counts only), as the CMS and a snapshot give them. */
export type { MailboxStatistics };

/** The schema of a site's mailbox statistics. */
export const mailboxStatisticsSchema: z.ZodType<MailboxStatistics> = MailboxStatisticsSchema;

/** Cross-site checks of the registry; returns the problems found, one line each (empty when valid). */
export function registryProblems(sites: unknown[], file: string): string[] {
  return validateRegistry(sites, { file }).map((problem) => formatProblem(problem));
}

/** Fields every content entry has. */
export interface EntryBase {
  id: string;
  locale: Locale;
  site: string;
  publishedAt: string;
  updatedAt: string;
  // biome-ignore lint/suspicious/noExplicitAny: type-specific fields are read by the templates
  [field: string]: any;
}
