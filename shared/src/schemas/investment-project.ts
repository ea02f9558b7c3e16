import { z } from 'zod';
import {
  DateTimeSchema,
  EmailSchema,
  IdSchema,
  MarkdownSchema,
  NonBlankSchema,
  PhoneSchema,
} from './common.ts';
import { LocaleSchema } from './locale.ts';
import { MediaRefSchema } from './media.ts';

/**
 * An investment project offered to investors (招商项目). Type key `investmentProject`; one record per
 * (id, locale), published in zh-CN, en and ru; not in a column.
 * @example { id: 'inv-0001', locale: 'en', site: 'swj', title: 'Linjiang Riverside Logistics Park', sector: 'Logistics', location: 'Linjiang Port Area', investment: { amount: 150000, text: 'CNY 1.5 billion' }, cooperation: 'Joint venture', summary: '…', body: '…', contact: { name: 'Wang Ming', phone: '0510-12345678', email: 'invest@linjiang.gov.cn' }, images: [], publishedAt: '2024-03-15T09:30:00+08:00', updatedAt: '2024-03-15T09:30:00+08:00' }
 */
export const InvestmentProjectSchema = z.object({
  /**
   * Stable id (项目编号), the same in every locale.
   * @example 'inv-0001'
   */
  id: IdSchema,
  /**
   * Locale of this record (语言).
   * @example 'en'
   */
  locale: LocaleSchema,
  /**
   * Id of the site (所属站点).
   * @example 'swj'
   */
  site: IdSchema,
  /**
   * Project name (项目名称).
   * @example '临江滨江物流园项目'
   */
  title: NonBlankSchema,
  /**
   * Sector (所属行业).
   * @example '现代物流'
   */
  sector: NonBlankSchema,
  /**
   * Location (项目地点).
   * @example '临江港区'
   */
  location: NonBlankSchema,
  /**
   * Total investment (总投资): the amount in 10,000 CNY (万元) and the text as printed in this locale.
   * @example { amount: 150000, text: '15亿元' }
   */
  investment: z.object({
    /**
     * Amount in 10,000 CNY (投资额，万元).
     * @example 150000
     */
    amount: z.number().nonnegative(),
    /**
     * The amount as printed in this locale (投资额说明).
     * @example '15亿元'
     */
    text: NonBlankSchema,
  }),
  /**
   * Form of cooperation (合作方式).
   * @example '合资'
   */
  cooperation: NonBlankSchema,
  /**
   * Summary (项目简介).
   * @example '项目规划建设现代化物流园区……'
   */
  summary: NonBlankSchema,
  /**
   * Body in Markdown without raw HTML (项目详情).
   * @example '## 项目背景\n\n……'
   */
  body: MarkdownSchema,
  /**
   * Contact for investors (联系人).
   * @example { name: '王明', phone: '0510-12345678', email: 'invest@linjiang.gov.cn' }
   */
  contact: z.object({
    /**
     * Contact person (联系人).
     * @example '王明'
     */
    name: NonBlankSchema,
    /**
     * Telephone (联系电话).
     * @example '0510-12345678'
     */
    phone: PhoneSchema,
    /**
     * E-mail (电子邮箱).
     * @example 'invest@linjiang.gov.cn'
     */
    email: EmailSchema,
  }),
  /**
   * Images (图片).
   * @example [{ id: 'img-0301' }]
   */
  images: z.array(MediaRefSchema),
  /**
   * Publication time (发布时间).
   * @example '2024-03-15T09:30:00+08:00'
   */
  publishedAt: DateTimeSchema,
  /**
   * Last update (更新时间).
   * @example '2024-03-15T09:30:00+08:00'
   */
  updatedAt: DateTimeSchema,
});

/** An investment project. */
export type InvestmentProject = z.infer<typeof InvestmentProjectSchema>;
