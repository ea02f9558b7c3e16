/**
 * The one place where the sites package meets the shared model: schemas, registry checks and
 * the list of content types. Everything else in sites/ imports from here, so a renamed export
 * in @govcluster/shared is fixed in one file.
 */
import { formatProblem, validateRegistry } from '@govcluster/shared/registry';
import * as schemas from '@govcluster/shared/schemas';
import type { z } from 'zod';

/** A locale of the cluster. */
export type Locale = 'zh-CN' | 'en' | 'ru';
/** Every locale, default first. */
export const locales: readonly Locale[] = ['zh-CN', 'en', 'ru'];
/** The default locale; its pages sit at the site's basePath. */
export const defaultLocale: Locale = 'zh-CN';

/** A text in several locales, zh-CN required (registry and media alt texts only). */
export type LocalizedText = { 'zh-CN': string; en?: string; ru?: string };

/** The content type keys of the snapshot (`type` field), media and site aside. */
export const contentTypes = schemas.contentTypeKeys;

/** A content type key. */
export type ContentType = schemas.ContentTypeKey;

// biome-ignore lint/suspicious/noExplicitAny: schemas are looked up by name on the shared module
const s = schemas as Record<string, any>;

function pick(...names: string[]): z.ZodType {
  for (const name of names) if (s[name]) return s[name] as z.ZodType;
  throw new Error(`@govcluster/shared/schemas exports none of ${names.join(', ')}`);
}

/** The zod schema that validates one record of a content type (letters: the public shape only). */
export function schemaFor(type: ContentType | 'site' | 'media'): z.ZodType {
  switch (type) {
    case 'site':
      return pick('SiteSchema');
    case 'media':
      return pick('MediaSchema');
    case 'article':
      return pick('ArticleSchema');
    case 'policy':
      return pick('PolicyDocumentSchema', 'PolicySchema');
    case 'interpretation':
      return pick('InterpretationSchema');
    case 'serviceGuide':
      return pick('ServiceGuideSchema');
    case 'leader':
      return pick('LeaderSchema');
    case 'village':
      return pick('VillageSchema');
    case 'investmentProject':
      return pick('InvestmentProjectSchema');
    case 'letter':
      return pick('PublicLetterSchema');
  }
}

/** The public statistics of a site's mailbox (counts only), as the CMS and a snapshot give them. */
export type MailboxStatistics = schemas.MailboxStatistics;

/** The schema of a site's mailbox statistics. */
export const mailboxStatisticsSchema: z.ZodType<MailboxStatistics> = schemas.MailboxStatisticsSchema;

/** Cross-site checks of the registry; returns the problems found, one line each (empty when valid). */
export function registryProblems(sites: unknown[], file: string): string[] {
  return validateRegistry(sites, { file }).map((problem) => formatProblem(problem));
}

/** Default freshness per column type, in days (news 14, notice and policy 183). */
export const defaultFreshnessDays: Record<string, number | undefined> = {
  news: 14,
  notice: 183,
  policy: 183,
};

/** The eight required elements of a service guide, in their order on the page. */
export const serviceGuideRequiredElements: readonly string[] = (s.serviceGuideRequiredElements as
  | string[]
  | undefined) ?? [
  'title',
  'legalBasis',
  'conditions',
  'materials',
  'location',
  'hours',
  'inquiryPhone',
  'process',
];

/** A column of a site. */
export interface Column {
  slug: string;
  type: 'news' | 'notice' | 'policy' | 'service' | 'interaction' | 'page';
  name: LocalizedText;
  order: number;
  freshnessDays?: number;
}

/** A site of the registry, as validated. */
export interface Site {
  id: string;
  kind: 'portal' | 'department' | 'township';
  name: LocalizedText;
  shortName?: LocalizedText;
  parent: string | null;
  basePath: string;
  host?: string;
  locales: Locale[];
  footer: {
    sponsor: LocalizedText;
    organizer?: LocalizedText;
    siteCode: string;
    icp: string;
    publicSecurity: string;
    contact: { phone: string; email?: string; address: LocalizedText; postcode?: string };
  };
  columns: Column[];
}

/** A media item (not per locale). */
export interface Media {
  id: string;
  file: string;
  width: number;
  height: number;
  mime: string;
  alt: LocalizedText;
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
