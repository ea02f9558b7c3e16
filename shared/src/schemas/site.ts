import { z } from 'zod';
import { EmailSchema, HttpsUrlSchema, IdSchema, PhoneSchema } from './common.ts';
import { LocaleSchema, LocalizedTextSchema } from './locale.ts';
import { HotlineSchema, NewMediaAccountSchema } from './site-channels.ts';

/** The kinds of site in a cluster: one portal, departments and townships. */
export const siteKinds = ['portal', 'department', 'township'] as const;

/**
 * The kind of a site (站点类型): `portal` (门户网站), `department` (部门网站), `township` (乡镇/街道站点).
 * @example 'township'
 */
export const SiteKindSchema = z.enum(siteKinds);

/** The kind of a site. */
export type SiteKind = z.infer<typeof SiteKindSchema>;

/** Chinese and English names of the site kinds. */
export const siteKindLabels: Readonly<Record<SiteKind, { 'zh-CN': string; en: string }>> = {
  portal: { 'zh-CN': '门户网站', en: 'Portal' },
  department: { 'zh-CN': '部门网站', en: 'Department' },
  township: { 'zh-CN': '乡镇（街道）', en: 'Township' },
};

/** The column types, each with its freshness rule (更新要求) in days, `null` when none applies. */
export const columnTypes = {
  /** 新闻动态: must be updated every two weeks. */
  news: { label: { 'zh-CN': '新闻动态', en: 'News' }, freshnessDays: 14 },
  /** 通知公告: every six months. */
  notice: { label: { 'zh-CN': '通知公告', en: 'Notices' }, freshnessDays: 183 },
  /** 政策文件 / 政策解读: every six months. */
  policy: { label: { 'zh-CN': '政策文件', en: 'Policies' }, freshnessDays: 183 },
  /** 办事服务: no freshness rule. */
  service: { label: { 'zh-CN': '办事服务', en: 'Services' }, freshnessDays: null },
  /** 互动交流: no freshness rule. */
  interaction: { label: { 'zh-CN': '互动交流', en: 'Interaction' }, freshnessDays: null },
  /** 单页 (e.g. 机构概况): no freshness rule. */
  page: { label: { 'zh-CN': '单页', en: 'Page' }, freshnessDays: null },
} as const satisfies Record<string, { label: { 'zh-CN': string; en: string }; freshnessDays: number | null }>;

/** The column type keys, in display order. */
export const columnTypeKeys = Object.keys(columnTypes) as ColumnType[];

/**
 * The type of a column (栏目类型); decides which content types it holds and its freshness rule.
 * @example 'news'
 */
export const ColumnTypeSchema = z.enum(['news', 'notice', 'policy', 'service', 'interaction', 'page']);

/** The type of a column. */
export type ColumnType = z.infer<typeof ColumnTypeSchema>;

/**
 * A column (栏目): a section of a site.
 * @example { slug: 'news', type: 'news', name: { 'zh-CN': '工作动态', en: 'News' }, order: 1 }
 */
export const ColumnSchema = z.object({
  /**
   * URL segment, unique within the site (栏目标识).
   * @example 'news'
   */
  slug: IdSchema,
  /**
   * Column type (栏目类型).
   * @example 'news'
   */
  type: ColumnTypeSchema,
  /**
   * Column name per locale (栏目名称).
   * @example { 'zh-CN': '工作动态', en: 'News', ru: 'Новости' }
   */
  name: LocalizedTextSchema,
  /**
   * Position in the navigation, ascending (排序).
   * @example 1
   */
  order: z.number().int(),
  /**
   * Freshness rule override in days (更新时限); the column type's default applies when absent.
   * @example 30
   */
  freshnessDays: z.number().int().positive().optional(),
});

/** A column of a site. */
export type Column = z.infer<typeof ColumnSchema>;

/** The freshness rule of a column in days: its override, else its type's default; `null` when none. */
export function columnFreshnessDays(column: Pick<Column, 'type' | 'freshnessDays'>): number | null {
  return column.freshnessDays ?? columnTypes[column.type].freshnessDays;
}

/**
 * Contact facts printed in the footer (联系方式).
 * @example { phone: '0510-12345678', email: 'zwgk@linjiang.gov.cn', address: { 'zh-CN': '临江市人民路1号' }, postcode: '214000' }
 */
export const ContactSchema = z.object({
  /**
   * Telephone (联系电话).
   * @example '0510-12345678'
   */
  phone: PhoneSchema,
  /**
   * E-mail (电子邮箱).
   * @example 'zwgk@linjiang.gov.cn'
   */
  email: EmailSchema.optional(),
  /**
   * Postal address (地址).
   * @example { 'zh-CN': '临江市人民路1号', en: '1 Renmin Road, Linjiang' }
   */
  address: LocalizedTextSchema,
  /**
   * Postcode (邮政编码), six digits.
   * @example '214000'
   */
  postcode: z
    .string()
    .regex(/^\d{6}$/, 'must be a six-digit postcode')
    .optional(),
});

/** Contact facts printed in the footer. */
export type Contact = z.infer<typeof ContactSchema>;

/**
 * Whom a foreign investor can call or write (招商联系方式): an office of the site, shown on the site's
 * investor contacts page (`investment/contacts/`) and its home in every locale.
 * @example { office: { 'zh-CN': '临江市投资促进局项目服务科', en: 'Project Services Division, Linjiang Investment Promotion Bureau' }, phone: '0860-87553621', email: 'invest@linjiang.gov.cn', languages: ['zh-CN', 'en'] }
 */
export const InvestorContactSchema = z.object({
  /**
   * The office (部门/科室), per locale.
   * @example { 'zh-CN': '临江市投资促进局项目服务科', en: 'Project Services Division, Linjiang Investment Promotion Bureau' }
   */
  office: LocalizedTextSchema,
  /**
   * What the office helps with (服务内容), per locale.
   * @example { 'zh-CN': '项目对接、实地考察安排', en: 'Project matching and site visits' }
   */
  subject: LocalizedTextSchema.optional(),
  /**
   * Telephone (联系电话).
   * @example '0860-87553621'
   */
  phone: PhoneSchema,
  /**
   * E-mail (电子邮箱).
   * @example 'invest@linjiang.gov.cn'
   */
  email: EmailSchema.optional(),
  /**
   * Postal address (地址), per locale.
   * @example { 'zh-CN': '临江市滨江大道88号', en: '88 Binjiang Avenue, Linjiang' }
   */
  address: LocalizedTextSchema.optional(),
  /**
   * Office hours (办公时间), per locale.
   * @example { 'zh-CN': '工作日 9:00—17:00', en: 'Working days, 9:00–17:00 (China time)' }
   */
  hours: LocalizedTextSchema.optional(),
  /**
   * The languages the office answers in (服务语种).
   * @example ['zh-CN', 'en']
   */
  languages: z.array(LocaleSchema).optional(),
});

/** An investor contact of a site. */
export type InvestorContact = z.infer<typeof InvestorContactSchema>;

/**
 * The facts every government site must print in its footer (网站页脚).
 * @example { sponsor: { 'zh-CN': '临江市人民政府办公室' }, siteCode: '3202000001', icp: '云ICP备12345678号', publicSecurity: '云公网安备 53010202000123号', contact: { phone: '0510-12345678', address: { 'zh-CN': '临江市人民路1号' } } }
 */
export const FooterSchema = z.object({
  /**
   * Sponsoring body (主办单位), required.
   * @example { 'zh-CN': '临江市人民政府办公室', en: 'General Office of the Linjiang Municipal People\'s Government' }
   */
  sponsor: LocalizedTextSchema,
  /**
   * Operating body (承办单位).
   * @example { 'zh-CN': '临江市大数据管理局' }
   */
  organizer: LocalizedTextSchema.optional(),
  /**
   * Site identification code (网站标识码), exactly ten digits, issued by the State Council's general office.
   * @example '3202000001'
   */
  siteCode: z.string().regex(/^\d{10}$/, 'must be exactly 10 digits (网站标识码)'),
  /**
   * ICP filing number (ICP备案号).
   * @example '云ICP备12345678号'
   */
  icp: z
    .string()
    .regex(/^\p{Script=Han}ICP备\d{6,}号(?:-\d+)?$/u, 'must look like 云ICP备12345678号 (ICP备案号)'),
  /**
   * Public security filing number (公安备案号).
   * @example '云公网安备 53010202000123号'
   */
  publicSecurity: z
    .string()
    .regex(
      /^\p{Script=Han}公网安备\s?\d{10,}号$/u,
      'must look like 云公网安备 53010202000123号 (公安备案号)',
    ),
  /**
   * Contact facts (联系方式), required.
   * @example { phone: '0510-12345678', address: { 'zh-CN': '临江市人民路1号' } }
   */
  contact: ContactSchema,
  /**
   * Address of the certificate behind the 党政机关标识 (党政机关网站标识证书, issued by 中央编办);
   * the footer shows the mark linked to it.
   * @example 'https://bszs.conac.cn/sitename?method=show&id=7401000001'
   */
  partyGovMarkUrl: HttpsUrlSchema.optional(),
});

/** The footer facts of a site. */
export type Footer = z.infer<typeof FooterSchema>;

/**
 * A site of the cluster (站点): the portal, a department or a township. Lives in the registry.
 * Relations between sites (parent, base paths, one portal) are checked by `validateRegistry()`.
 * @example { id: 'fgw', kind: 'department', name: { 'zh-CN': '临江市发展和改革委员会' }, parent: 'portal', basePath: '/bm/fgw/', locales: ['zh-CN'], footer: { … }, columns: [ … ] }
 */
export const SiteSchema = z.object({
  /**
   * Stable id (站点标识).
   * @example 'jiangning-town'
   */
  id: IdSchema,
  /**
   * Kind of site (站点类型).
   * @example 'department'
   */
  kind: SiteKindSchema,
  /**
   * Full name per locale (站点名称).
   * @example { 'zh-CN': '临江市发展和改革委员会', en: 'Linjiang Development and Reform Commission' }
   */
  name: LocalizedTextSchema,
  /**
   * Short name per locale (简称).
   * @example { 'zh-CN': '市发展改革委' }
   */
  shortName: LocalizedTextSchema.optional(),
  /**
   * Id of the parent site (上级站点): `null` for the portal, the portal's id for departments and townships.
   * @example 'portal'
   */
  parent: IdSchema.nullable(),
  /**
   * Path prefix of every page of the site (站点路径), starting and ending with `/`.
   * Portal `/`, departments `/bm/<id>/`, townships `/xz/<id>/`.
   * @example '/bm/fgw/'
   */
  basePath: z
    .string()
    .regex(
      /^\/(?:[a-z0-9][a-z0-9-]*\/)*$/,
      'must start and end with "/" and use lower-case segments, e.g. /bm/fgw/',
    ),
  /**
   * Own host name (独立域名), if the site has one.
   * @example 'fgw.linjiang.gov.cn'
   */
  host: z
    .string()
    .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, 'must be a lower-case host name')
    .optional(),
  /**
   * Locales the site publishes in (语言版本); must include zh-CN.
   * @example ['zh-CN', 'en', 'ru']
   */
  locales: z
    .array(LocaleSchema)
    .min(1)
    .superRefine((value, ctx) => {
      if (!value.includes('zh-CN')) {
        ctx.addIssue({
          code: 'custom',
          message: 'must include zh-CN',
          params: { rule: 'default-locale-required' },
        });
      }
      if (new Set(value).size !== value.length) {
        ctx.addIssue({ code: 'custom', message: 'lists a locale twice', params: { rule: 'unique-locale' } });
      }
    }),
  /**
   * Footer facts (页脚信息): 主办单位, 承办单位, 网站标识码, ICP备案号, 公安备案号, 联系方式.
   * @example { sponsor: { 'zh-CN': '临江市发展和改革委员会' }, siteCode: '3202000002', icp: '云ICP备12345678号', publicSecurity: '云公网安备 53010202000123号', contact: { phone: '0510-12345678', address: { 'zh-CN': '临江市人民路1号' } } }
   */
  footer: FooterSchema,
  /**
   * Contacts for foreign investors (招商联系方式); a site with any has an investor contacts page.
   * @example [{ office: { 'zh-CN': '临江市投资促进局项目服务科' }, phone: '0860-87553621' }]
   */
  investorContacts: z.array(InvestorContactSchema).optional(),
  /**
   * The government service hotline (政务服务便民热线) of the site's area, shown on its 互动交流 hub;
   * a site without one shows the portal's.
   * @example { number: '12345', hours: { 'zh-CN': '全天24小时' } }
   */
  hotline: HotlineSchema.optional(),
  /**
   * The body's official new-media accounts (政务新媒体), listed in the footer.
   * @example [{ platform: 'wechat', name: { 'zh-CN': '临江发布' }, account: 'linjiangfabu' }]
   */
  newMedia: z.array(NewMediaAccountSchema).optional(),
  /**
   * Whether the site's body is a 政府信息公开 body (公开主体) and the site carries the 政府信息公开
   * section (docs/adr/0027-open-information.md). Absent means yes: the portal, every department and
   * every township are 公开 bodies; `false` for a site of a body that is not (e.g. a topic site).
   * @example true
   */
  openInfo: z.boolean().optional(),
  /**
   * Columns of the site (栏目); slugs unique within the site.
   * @example [{ slug: 'news', type: 'news', name: { 'zh-CN': '工作动态' }, order: 1 }]
   */
  columns: z.array(ColumnSchema).superRefine((value, ctx) => {
    const seen = new Set<string>();
    for (const [index, column] of value.entries()) {
      if (seen.has(column.slug)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'slug'],
          message: `column slug "${column.slug}" is used twice`,
          params: { rule: 'unique-column-slug' },
        });
      }
      seen.add(column.slug);
    }
  }),
});

/** A site of the cluster. */
export type Site = z.infer<typeof SiteSchema>;

/** Whether a site carries the 政府信息公开 section: its `openInfo` flag, `true` when absent. */
export function isOpenInfoBody(site: Pick<Site, 'openInfo'>): boolean {
  return site.openInfo ?? true;
}
