/**
 * What a site's registry record says about its channels to the public beside its pages: the 12345
 * hotline, its official new-media accounts (政务新媒体) and the certificate of its 党政机关标识.
 * @module
 */
import { z } from 'zod';
import { HttpsUrlSchema, NonBlankSchema, PhoneSchema } from './common.ts';
import { LocalizedTextSchema } from './locale.ts';

/**
 * The government service hotline (政务服务便民热线), shown on the 互动交流 hub.
 * @example { number: '12345', hours: { 'zh-CN': '全天24小时', en: '24 hours a day' } }
 */
export const HotlineSchema = z.object({
  /**
   * Number to call (热线号码).
   * @example '12345'
   */
  number: PhoneSchema,
  /**
   * When it answers (服务时间).
   * @example { 'zh-CN': '全天24小时', en: '24 hours a day', ru: 'круглосуточно' }
   */
  hours: LocalizedTextSchema,
});

/** The government service hotline. */
export type Hotline = z.infer<typeof HotlineSchema>;

/** The platforms of new-media accounts (政务新媒体), in display order. */
export const newMediaPlatforms = ['wechat', 'weibo', 'douyin', 'toutiao', 'app'] as const;

/**
 * An official new-media account of the site's body (政务新媒体): 微信公众号, 微博, 抖音, 头条号, 客户端.
 * @example { platform: 'wechat', name: { 'zh-CN': '临江发布' }, account: 'linjiangfabu', url: 'https://mp.weixin.qq.com/linjiangfabu' }
 */
export const NewMediaAccountSchema = z.object({
  /**
   * Platform (平台).
   * @example 'weibo'
   */
  platform: z.enum(newMediaPlatforms),
  /**
   * Name of the account (账号名称).
   * @example { 'zh-CN': '临江发布', en: 'Linjiang Release' }
   */
  name: LocalizedTextSchema,
  /**
   * Account id on the platform (微信号, 微博号), shown beside the name.
   * @example 'linjiangfabu'
   */
  account: NonBlankSchema.optional(),
  /**
   * Address of the account's page (主页地址).
   * @example 'https://weibo.com/linjiangfabu'
   */
  url: HttpsUrlSchema.optional(),
});

/** An official new-media account. */
export type NewMediaAccount = z.infer<typeof NewMediaAccountSchema>;
