/**
 * The 政务服务 facets of a service guide: its topic (主题) and its audience (个人办事 / 法人办事).
 * The keys are the URL segments of the browse pages (`<prefix>service-guides/topic/<key>/`) and the
 * values the CMS stores; every locale names them through the UI strings.
 * @module
 */
import { z } from 'zod';

/** The service topics (办事主题), in display order; their names are the UI strings `serviceTopic.<key>`. */
export const serviceTopicKeys = [
  'household',
  'birth',
  'education',
  'employment',
  'social-security',
  'health',
  'housing',
  'transport',
  'marriage',
  'elderly',
  'business-setup',
  'permits',
  'investment',
  'tax',
  'agriculture',
  'environment',
  'public-affairs',
] as const;

/** The key of a service topic. */
export type ServiceTopic = (typeof serviceTopicKeys)[number];

/**
 * The topic of a service guide (办事主题).
 * @example 'social-security'
 */
export const ServiceTopicSchema = z.enum(serviceTopicKeys);

/**
 * Who a service is for: `personal` 个人办事, `legal` 法人办事 (companies and organizations); their
 * names are the UI strings `serviceAudience.<key>`.
 */
export const serviceAudienceKeys = ['personal', 'legal'] as const;

/** The key of a service audience. */
export type ServiceAudience = (typeof serviceAudienceKeys)[number];

/**
 * Who a service is for (服务对象).
 * @example 'personal'
 */
export const ServiceAudienceSchema = z.enum(serviceAudienceKeys);
