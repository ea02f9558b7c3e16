import { z } from 'zod';
import {
  CalendarDateSchema,
  DateTimeSchema,
  IdSchema,
  MarkdownSchema,
  NonBlankSchema,
  PhoneSchema,
} from './common.ts';
import { LocaleSchema } from './locale.ts';
import { MediaRefSchema } from './media.ts';

/** The categories of 村务公开 entries with their zh-CN labels: 党务, 村务, 财务. */
export const villageAffairCategories = {
  /** 党务公开 */
  party: '党务公开',
  /** 村务公开 */
  village: '村务公开',
  /** 财务公开 */
  finance: '财务公开',
} as const;

/**
 * The category of a 村务公开 entry (公开类别).
 * @example 'finance'
 */
export const VillageAffairCategorySchema = z.enum(['party', 'village', 'finance']);

/** The category of a 村务公开 entry. */
export type VillageAffairCategory = z.infer<typeof VillageAffairCategorySchema>;

/**
 * A member of the village committee (村委班子成员).
 * @example { name: '张建国', position: '村党总支书记、村委会主任' }
 */
export const VillageCommitteeMemberSchema = z.object({
  /**
   * Name (姓名).
   * @example '张建国'
   */
  name: NonBlankSchema,
  /**
   * Position (职务).
   * @example '村党总支书记、村委会主任'
   */
  position: NonBlankSchema,
});

/**
 * A 村务公开 entry (党务、村务、财务公开).
 * @example { title: '2024年第一季度财务收支公开', date: '2024-04-10', category: 'finance', body: '本季度收入……' }
 */
export const VillageAffairSchema = z.object({
  /**
   * Title (标题).
   * @example '2024年第一季度财务收支公开'
   */
  title: NonBlankSchema,
  /**
   * Date (公开日期).
   * @example '2024-04-10'
   */
  date: CalendarDateSchema,
  /**
   * Category (公开类别): party 党务, village 村务, finance 财务.
   * @example 'finance'
   */
  category: VillageAffairCategorySchema,
  /**
   * Body in Markdown without raw HTML (内容).
   * @example '本季度村集体经营性收入……'
   */
  body: MarkdownSchema,
});

/** A 村务公开 entry. */
export type VillageAffair = z.infer<typeof VillageAffairSchema>;

/**
 * The page of a village (一村一页). Type key `village`; one record per (id, locale); belongs to a township site.
 * URL: `<township basePath>villages/<slug>/`.
 * @example { id: 'qiaotou-village', locale: 'zh-CN', site: 'jiangning-town', slug: 'qiaotou', name: '桥头村', overview: '桥头村位于……', committee: [{ name: '张建国', position: '村党总支书记' }], contact: { phone: '0510-87654321', address: '江宁镇桥头村村民委员会' }, industry: { title: '特色茶叶', description: '……' }, photos: [], affairs: [], publishedAt: '2024-02-01T09:00:00+08:00', updatedAt: '2024-02-01T09:00:00+08:00' }
 */
export const VillageSchema = z.object({
  /**
   * Stable id (村编号).
   * @example 'qiaotou-village'
   */
  id: IdSchema,
  /**
   * Locale of this record (语言).
   * @example 'zh-CN'
   */
  locale: LocaleSchema,
  /**
   * Id of the township site it belongs to (所属乡镇).
   * @example 'jiangning-town'
   */
  site: IdSchema,
  /**
   * URL segment, unique within the township (村页面标识).
   * @example 'qiaotou'
   */
  slug: IdSchema,
  /**
   * Name (村名).
   * @example '桥头村'
   */
  name: NonBlankSchema,
  /**
   * Overview in Markdown (村情概况).
   * @example '桥头村位于江宁镇东部，面积8.2平方公里……'
   */
  overview: MarkdownSchema,
  /**
   * Village committee members (村委班子).
   * @example [{ name: '张建国', position: '村党总支书记、村委会主任' }]
   */
  committee: z.array(VillageCommitteeMemberSchema),
  /**
   * Contact (联系方式).
   * @example { phone: '0510-87654321', address: '江宁镇桥头村村民委员会' }
   */
  contact: z.object({
    /**
     * Telephone (联系电话).
     * @example '0510-87654321'
     */
    phone: PhoneSchema,
    /**
     * Address (地址).
     * @example '江宁镇桥头村村民委员会'
     */
    address: NonBlankSchema,
  }),
  /**
   * Featured industry (特色产业).
   * @example { title: '特色茶叶', description: '全村茶园面积1200亩……' }
   */
  industry: z.object({
    /**
     * Name of the industry (产业名称).
     * @example '特色茶叶'
     */
    title: NonBlankSchema,
    /**
     * Description in Markdown (产业介绍).
     * @example '全村茶园面积1200亩……'
     */
    description: MarkdownSchema,
  }),
  /**
   * Photos (图片).
   * @example [{ id: 'img-0201' }]
   */
  photos: z.array(MediaRefSchema),
  /**
   * 村务公开 entries (党务、村务、财务公开).
   * @example [{ title: '2024年第一季度财务收支公开', date: '2024-04-10', category: 'finance', body: '……' }]
   */
  affairs: z.array(VillageAffairSchema),
  /**
   * Publication time (发布时间).
   * @example '2024-02-01T09:00:00+08:00'
   */
  publishedAt: DateTimeSchema,
  /**
   * Last update (更新时间).
   * @example '2024-02-01T09:00:00+08:00'
   */
  updatedAt: DateTimeSchema,
});

/** The page of a village. */
export type Village = z.infer<typeof VillageSchema>;
