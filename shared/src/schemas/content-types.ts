import type { z } from 'zod';
import type { ContentTypeKey } from '../model/constants.ts';
import { ArticleSchema } from './article.ts';
import { ConsultationSchema, InterviewSchema } from './interaction.ts';
import { InvestmentProjectSchema } from './investment-project.ts';
import { LeaderSchema } from './leader.ts';
import { LetterSchema, PublicLetterSchema } from './letter.ts';
import { InterpretationSchema, PolicyDocumentSchema } from './policy.ts';
import { ServiceGuideSchema } from './service-guide.ts';
import type { ColumnType } from './site.ts';
import { VillageSchema } from './village.ts';

export { type ContentTypeKey, contentTypeKeys, isContentTypeKey } from '../model/constants.ts';

/** What the cluster knows about one content type. */
export interface ContentTypeInfo<S extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  /** The schema of a record as the CMS and the snapshot hold it. */
  readonly schema: S;
  /** The schema of what the public may see; the build parses with this one. */
  readonly publicSchema: P;
  /** Name in Chinese and English. */
  readonly label: { readonly 'zh-CN': string; readonly en: string };
  /** Whether its entries belong to a column of their site (and carry a `column` field). */
  readonly inColumn: boolean;
  /** The column types that may hold it; empty when `inColumn` is false. */
  readonly columnTypes: readonly ColumnType[];
}

/**
 * The content types of the cluster, keyed by their type key (the `type` of a snapshot record).
 * Every entry is one record per (id, locale).
 */
export const contentTypes = {
  /** 文章: news, notices, single pages. */
  article: {
    schema: ArticleSchema,
    publicSchema: ArticleSchema,
    label: { 'zh-CN': '文章', en: 'Article' },
    inColumn: true,
    columnTypes: ['news', 'notice', 'page'],
  },
  /** 政策文件 */
  policy: {
    schema: PolicyDocumentSchema,
    publicSchema: PolicyDocumentSchema,
    label: { 'zh-CN': '政策文件', en: 'Policy document' },
    inColumn: true,
    columnTypes: ['policy'],
  },
  /** 政策解读 */
  interpretation: {
    schema: InterpretationSchema,
    publicSchema: InterpretationSchema,
    label: { 'zh-CN': '政策解读', en: 'Policy interpretation' },
    inColumn: true,
    columnTypes: ['policy'],
  },
  /** 办事指南 */
  serviceGuide: {
    schema: ServiceGuideSchema,
    publicSchema: ServiceGuideSchema,
    label: { 'zh-CN': '办事指南', en: 'Service guide' },
    inColumn: true,
    columnTypes: ['service'],
  },
  /** 领导信息 */
  leader: {
    schema: LeaderSchema,
    publicSchema: LeaderSchema,
    label: { 'zh-CN': '领导信息', en: 'Leader' },
    inColumn: false,
    columnTypes: [],
  },
  /** 一村一页 */
  village: {
    schema: VillageSchema,
    publicSchema: VillageSchema,
    label: { 'zh-CN': '一村一页', en: 'Village page' },
    inColumn: false,
    columnTypes: [],
  },
  /** 招商项目 */
  investmentProject: {
    schema: InvestmentProjectSchema,
    publicSchema: InvestmentProjectSchema,
    label: { 'zh-CN': '招商项目', en: 'Investment project' },
    inColumn: false,
    columnTypes: [],
  },
  /** 领导信箱 / 市民心声: the public schema leaves out the writer. */
  letter: {
    schema: LetterSchema,
    publicSchema: PublicLetterSchema,
    label: { 'zh-CN': '信件', en: 'Letter' },
    inColumn: true,
    columnTypes: ['interaction'],
  },
  /** 在线访谈 */
  interview: {
    schema: InterviewSchema,
    publicSchema: InterviewSchema,
    label: { 'zh-CN': '在线访谈', en: 'Online interview' },
    inColumn: true,
    columnTypes: ['interaction'],
  },
  /** 征集调查 */
  consultation: {
    schema: ConsultationSchema,
    publicSchema: ConsultationSchema,
    label: { 'zh-CN': '征集调查', en: 'Public consultation' },
    inColumn: true,
    columnTypes: ['interaction'],
  },
} as const satisfies Record<ContentTypeKey, ContentTypeInfo>;

/** An entry of a content type as stored (CMS, snapshot). */
export type ContentEntry<K extends ContentTypeKey = ContentTypeKey> = z.infer<
  (typeof contentTypes)[K]['schema']
>;

/** An entry of a content type as the public may see it. */
export type PublicContentEntry<K extends ContentTypeKey = ContentTypeKey> = z.infer<
  (typeof contentTypes)[K]['publicSchema']
>;

/** Tells whether a column of the given type may hold entries of the given content type. */
export function columnAccepts(columnType: ColumnType, typeKey: ContentTypeKey): boolean {
  return (contentTypes[typeKey].columnTypes as readonly ColumnType[]).includes(columnType);
}
