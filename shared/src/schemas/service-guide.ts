import { z } from 'zod';
import {
  DateTimeSchema,
  HttpsUrlSchema,
  IdSchema,
  NonBlankSchema,
  PhoneSchema,
  phoneMessage,
  phonePattern,
} from './common.ts';
import { LocaleSchema } from './locale.ts';
import { ServiceAudienceSchema, ServiceTopicSchema } from './service-topics.ts';

/**
 * The eight elements every service guide must carry (办事指南八要素), in display order.
 * A guide missing any of them, or with any of them empty, is rejected.
 */
export const serviceGuideRequiredElements = [
  'title',
  'legalBasis',
  'conditions',
  'materials',
  'location',
  'hours',
  'inquiryPhone',
  'process',
] as const;

/** A required element of a service guide. */
export type ServiceGuideRequiredElement = (typeof serviceGuideRequiredElements)[number];

/** The Chinese names of the service guide's elements, required and optional. */
export const serviceGuideElementLabels = {
  title: '事项名称',
  legalBasis: '设定依据',
  conditions: '办理条件',
  materials: '申请材料',
  location: '办理地点',
  hours: '办理时间',
  inquiryPhone: '咨询电话',
  process: '办理流程',
  timeLimit: '办理时限',
  fee: '收费标准',
  complaintPhone: '监督电话',
} as const satisfies Record<ServiceGuideRequiredElement | 'timeLimit' | 'fee' | 'complaintPhone', string>;

/** The message for a required element that is absent. */
function missing(element: ServiceGuideRequiredElement): string {
  return `required element ${serviceGuideElementLabels[element]} (${element}) is missing`;
}

/** The message for a required element that is present but empty. */
function empty(element: ServiceGuideRequiredElement): string {
  return `required element ${serviceGuideElementLabels[element]} (${element}) is empty`;
}

/** A non-blank text that is one of the eight required elements. */
function requiredText(element: ServiceGuideRequiredElement) {
  return z.string({ error: missing(element) }).regex(/\S/, { error: empty(element), abort: true });
}

/** The forms of a material (材料形式): original, copy or electronic. */
export const materialForms = ['原件', '复印件', '电子件'] as const;

/** The UI string key suffix of each material form: `materialForm.<key>` (e.g. `materialForm.copy`). */
export const materialFormKeys = {
  原件: 'original',
  复印件: 'copy',
  电子件: 'electronic',
} as const satisfies Record<(typeof materialForms)[number], string>;

/**
 * A material the applicant brings (申请材料).
 * @example { name: '居民身份证', form: '原件', copies: 1, note: '核验后退还' }
 */
export const ServiceMaterialSchema = z.object({
  /**
   * Name of the material (材料名称).
   * @example '居民身份证'
   */
  name: NonBlankSchema,
  /**
   * Form (材料形式): 原件, 复印件 or 电子件.
   * @example '原件'
   */
  form: z.enum(materialForms).optional(),
  /**
   * Number of copies (份数).
   * @example 1
   */
  copies: z.number().int().positive().optional(),
  /**
   * Note (备注).
   * @example '核验后退还'
   */
  note: NonBlankSchema.optional(),
});

/** A material the applicant brings. */
export type ServiceMaterial = z.infer<typeof ServiceMaterialSchema>;

/**
 * A service guide (办事指南) with its eight required elements. Type key `serviceGuide`; one record per (id, locale).
 * @example { id: 'rsj-guide-0001', locale: 'zh-CN', site: 'rsj', column: 'services', title: '失业保险金申领', legalBasis: '《失业保险条例》第十四条', conditions: '非因本人意愿中断就业……', materials: [{ name: '居民身份证', form: '原件' }], location: '临江市政务服务中心二楼', hours: '工作日 9:00—17:00', inquiryPhone: '0510-12345678', process: ['申请', '受理', '审核', '办结'], publishedAt: '2024-03-15T09:30:00+08:00', updatedAt: '2024-03-15T09:30:00+08:00' }
 */
export const ServiceGuideSchema = z.object({
  /**
   * Stable id (事项编号).
   * @example 'rsj-guide-0001'
   */
  id: IdSchema,
  /**
   * Locale of this record (语言).
   * @example 'zh-CN'
   */
  locale: LocaleSchema,
  /**
   * Id of the site (所属站点).
   * @example 'rsj'
   */
  site: IdSchema,
  /**
   * Slug of the column (所属栏目), a column of type `service`.
   * @example 'services'
   */
  column: IdSchema,
  /**
   * Name of the service (事项名称), required element.
   * @example '失业保险金申领'
   */
  title: requiredText('title'),
  /**
   * Legal basis (设定依据), required element.
   * @example '《失业保险条例》第十四条'
   */
  legalBasis: requiredText('legalBasis'),
  /**
   * Conditions (办理条件), required element.
   * @example '非因本人意愿中断就业，已办理失业登记并有求职要求。'
   */
  conditions: requiredText('conditions'),
  /**
   * Application materials (申请材料), required element, at least one.
   * @example [{ name: '居民身份证', form: '原件', copies: 1 }]
   */
  materials: z.array(ServiceMaterialSchema, { error: missing('materials') }).min(1, empty('materials')),
  /**
   * Where to apply (办理地点), required element.
   * @example '临江市政务服务中心二楼人社窗口'
   */
  location: requiredText('location'),
  /**
   * Office hours (办理时间), required element.
   * @example '工作日上午9:00—12:00，下午13:30—17:00'
   */
  hours: requiredText('hours'),
  /**
   * Inquiry telephone (咨询电话), required element.
   * @example '0510-12345678'
   */
  inquiryPhone: requiredText('inquiryPhone').regex(phonePattern, phoneMessage),
  /**
   * Steps of the process (办理流程), required element, at least one.
   * @example ['申请', '受理', '审核', '办结']
   */
  process: z.array(NonBlankSchema, { error: missing('process') }).min(1, empty('process')),
  /**
   * Time limit (办理时限).
   * @example '5个工作日'
   */
  timeLimit: NonBlankSchema.optional(),
  /**
   * Fee (收费标准).
   * @example '不收费'
   */
  fee: NonBlankSchema.optional(),
  /**
   * Complaint telephone (监督电话).
   * @example '12345'
   */
  complaintPhone: PhoneSchema.optional(),
  /**
   * Topic (办事主题), by which the 政务服务 pages list the guide; guides without one are listed by
   * department and audience only.
   * @example 'employment'
   */
  topic: ServiceTopicSchema.optional(),
  /**
   * Who the service is for (服务对象): 个人办事, 法人办事 or both.
   * @example ['personal']
   */
  audience: z.array(ServiceAudienceSchema).optional(),
  /**
   * Where the service is done online (在线办理), an https address; absent when it is done at the
   * counter only.
   * @example 'https://zwfw.linjiang.gov.cn/item/rsj-guide-0001'
   */
  onlineUrl: HttpsUrlSchema.optional(),
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

/** A service guide. */
export type ServiceGuide = z.infer<typeof ServiceGuideSchema>;
