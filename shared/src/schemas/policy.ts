import { z } from 'zod';
import { CalendarDateSchema, DateTimeSchema, IdSchema, MarkdownSchema, NonBlankSchema } from './common.ts';
import { IndexNumberSchema } from './index-number.ts';
import { LocaleSchema } from './locale.ts';
import { AttachmentSchema } from './media.ts';

/**
 * The topic classification of policy documents (主题分类), after the State Council's
 * 公文主题分类, with labels for the investor locales.
 */
export const policyTopics = [
  {
    value: '综合政务',
    label: { 'zh-CN': '综合政务', en: 'General Government Affairs', ru: 'Общие вопросы управления' },
  },
  {
    value: '国民经济管理、国有资产监管',
    label: {
      'zh-CN': '国民经济管理、国有资产监管',
      en: 'Economic Management and State Assets',
      ru: 'Управление экономикой и госимуществом',
    },
  },
  {
    value: '财政、金融、审计',
    label: { 'zh-CN': '财政、金融、审计', en: 'Finance, Banking and Audit', ru: 'Финансы, банки и аудит' },
  },
  {
    value: '国土资源、能源',
    label: {
      'zh-CN': '国土资源、能源',
      en: 'Land Resources and Energy',
      ru: 'Земельные ресурсы и энергетика',
    },
  },
  {
    value: '农业、林业、水利',
    label: {
      'zh-CN': '农业、林业、水利',
      en: 'Agriculture, Forestry and Water',
      ru: 'Сельское, лесное и водное хозяйство',
    },
  },
  {
    value: '工业、交通',
    label: { 'zh-CN': '工业、交通', en: 'Industry and Transport', ru: 'Промышленность и транспорт' },
  },
  {
    value: '商贸、海关、旅游',
    label: {
      'zh-CN': '商贸、海关、旅游',
      en: 'Trade, Customs and Tourism',
      ru: 'Торговля, таможня и туризм',
    },
  },
  {
    value: '市场监管、安全生产监管',
    label: {
      'zh-CN': '市场监管、安全生产监管',
      en: 'Market Regulation and Work Safety',
      ru: 'Надзор за рынком и безопасностью труда',
    },
  },
  {
    value: '城乡建设、环境保护',
    label: {
      'zh-CN': '城乡建设、环境保护',
      en: 'Urban and Rural Development, Environment',
      ru: 'Городское и сельское строительство, охрана окружающей среды',
    },
  },
  {
    value: '科技、教育',
    label: { 'zh-CN': '科技、教育', en: 'Science and Education', ru: 'Наука и образование' },
  },
  {
    value: '文化、广电、新闻出版',
    label: {
      'zh-CN': '文化、广电、新闻出版',
      en: 'Culture, Broadcasting and Press',
      ru: 'Культура, телерадиовещание и печать',
    },
  },
  {
    value: '卫生、体育',
    label: { 'zh-CN': '卫生、体育', en: 'Health and Sports', ru: 'Здравоохранение и спорт' },
  },
  {
    value: '人口与计划生育、妇女儿童工作',
    label: {
      'zh-CN': '人口与计划生育、妇女儿童工作',
      en: 'Population, Women and Children',
      ru: 'Население, женщины и дети',
    },
  },
  {
    value: '劳动、人事、监察',
    label: {
      'zh-CN': '劳动、人事、监察',
      en: 'Labour, Personnel and Supervision',
      ru: 'Труд, кадры и надзор',
    },
  },
  {
    value: '公安、安全、司法',
    label: {
      'zh-CN': '公安、安全、司法',
      en: 'Public Security, Safety and Justice',
      ru: 'Общественная безопасность и юстиция',
    },
  },
  {
    value: '民政、扶贫、救灾',
    label: {
      'zh-CN': '民政、扶贫、救灾',
      en: 'Civil Affairs, Poverty Relief and Disaster Relief',
      ru: 'Гражданские дела, борьба с бедностью и помощь при бедствиях',
    },
  },
  {
    value: '民族、宗教',
    label: {
      'zh-CN': '民族、宗教',
      en: 'Ethnic and Religious Affairs',
      ru: 'Национальные и религиозные дела',
    },
  },
  { value: '对外事务', label: { 'zh-CN': '对外事务', en: 'Foreign Affairs', ru: 'Внешние связи' } },
  {
    value: '港澳台侨工作',
    label: {
      'zh-CN': '港澳台侨工作',
      en: 'Hong Kong, Macao, Taiwan and Overseas Chinese Affairs',
      ru: 'Дела Гонконга, Макао, Тайваня и зарубежных китайцев',
    },
  },
  { value: '国防', label: { 'zh-CN': '国防', en: 'National Defence', ru: 'Оборона' } },
  { value: '其他', label: { 'zh-CN': '其他', en: 'Other', ru: 'Прочее' } },
] as const;

/** The topic values (主题分类), in display order. */
export const policyTopicValues = policyTopics.map((topic) => topic.value) as [
  (typeof policyTopics)[number]['value'],
  ...(typeof policyTopics)[number]['value'][],
];

/**
 * The topic of a policy document (主题分类), one of `policyTopicValues`.
 * @example '城乡建设、环境保护'
 */
export const PolicyTopicSchema = z.enum(policyTopicValues);

/** The topic of a policy document. */
export type PolicyTopic = z.infer<typeof PolicyTopicSchema>;

/** The validity values of a policy document (有效性) with their zh-CN labels. */
export const policyValidity = {
  /** 有效: in force. */
  valid: '有效',
  /** 已修改: amended by a later document. */
  amended: '已修改',
  /** 已废止: repealed. */
  repealed: '已废止',
  /** 已失效: expired. */
  expired: '已失效',
} as const;

/**
 * The validity of a policy document (有效性).
 * @example 'valid'
 */
export const PolicyValiditySchema = z.enum(['valid', 'amended', 'repealed', 'expired']);

/** The validity of a policy document. */
export type PolicyValidity = z.infer<typeof PolicyValiditySchema>;

/**
 * A policy document (政策文件) of the information disclosure catalogue (信息公开目录).
 * Type key `policy`; one record per (id, locale).
 * @example { id: 'portal-policy-0001', locale: 'zh-CN', site: 'portal', column: 'policies', title: '临江市人民政府关于促进民营经济发展的若干意见', indexNumber: '113201000000000000/2024-00123', issuingAuthority: '临江市人民政府', documentNumber: '临政发〔2024〕12号', writtenDate: '2024-03-10', publishedAt: '2024-03-15T09:30:00+08:00', topic: '综合政务', validity: 'valid', body: '……', attachments: [], interpretations: ['portal-interp-0001'], updatedAt: '2024-03-15T09:30:00+08:00' }
 */
export const PolicyDocumentSchema = z.object({
  /**
   * Stable id (文件编号), the same in every locale.
   * @example 'portal-policy-0001'
   */
  id: IdSchema,
  /**
   * Locale of this record (语言).
   * @example 'zh-CN'
   */
  locale: LocaleSchema,
  /**
   * Id of the site (所属站点).
   * @example 'portal'
   */
  site: IdSchema,
  /**
   * Slug of the column (所属栏目), a column of type `policy`.
   * @example 'policies'
   */
  column: IdSchema,
  /**
   * Title (标题).
   * @example '临江市人民政府关于促进民营经济发展的若干意见'
   */
  title: NonBlankSchema,
  /**
   * Index number (索引号): the body's code, a slash, the year and a serial.
   * @example '113201000000000000/2024-00123'
   */
  indexNumber: IndexNumberSchema,
  /**
   * Issuing authority (发文机关).
   * @example '临江市人民政府'
   */
  issuingAuthority: NonBlankSchema,
  /**
   * Document number (文号).
   * @example '临政发〔2024〕12号'
   */
  documentNumber: z.string().regex(/^\S.*〔\d{4}〕\d+号$/u, 'must look like 临政发〔2024〕12号 (文号)'),
  /**
   * Date written (成文日期).
   * @example '2024-03-10'
   */
  writtenDate: CalendarDateSchema,
  /**
   * Publication time (发布日期).
   * @example '2024-03-15T09:30:00+08:00'
   */
  publishedAt: DateTimeSchema,
  /**
   * Topic (主题分类).
   * @example '综合政务'
   */
  topic: PolicyTopicSchema,
  /**
   * Validity (有效性).
   * @example 'valid'
   */
  validity: PolicyValiditySchema,
  /**
   * The day the document was repealed, amended or expired (废止/修改/失效日期); absent while it is valid.
   * Optional: documents published before the field existed keep rendering.
   * @example '2025-06-30'
   */
  validityDate: CalendarDateSchema.optional(),
  /**
   * Id of the policy document that repealed or amended this one (替代文件), in the same site or another.
   * @example 'portal-policy-0042'
   */
  replacedBy: IdSchema.optional(),
  /**
   * Body in Markdown without raw HTML (正文).
   * @example '各县（市、区）人民政府，市各委办局：……'
   */
  body: MarkdownSchema,
  /**
   * Attachments (附件).
   * @example [{ name: '附件1.pdf', file: 'media/att-0002.pdf', mime: 'application/pdf', size: 90210 }]
   */
  attachments: z.array(AttachmentSchema),
  /**
   * Ids of its interpretations (政策解读); each must name this document back in its `policy` field.
   * @example ['portal-interp-0001']
   */
  interpretations: z.array(IdSchema),
  /**
   * Last update (更新时间).
   * @example '2024-03-16T10:00:00+08:00'
   */
  updatedAt: DateTimeSchema,
});

/** A policy document. */
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>;

/** The forms of interpretation: 文字解读, 图文解读, 视频解读. */
export const interpretationForms = {
  /** 文字解读 */
  text: '文字解读',
  /** 图文解读 */
  graphic: '图文解读',
  /** 视频解读 */
  video: '视频解读',
} as const;

/**
 * The form of an interpretation (解读形式).
 * @example 'graphic'
 */
export const InterpretationFormSchema = z.enum(['text', 'graphic', 'video']);

/** The form of an interpretation. */
export type InterpretationForm = z.infer<typeof InterpretationFormSchema>;

/**
 * An interpretation of a policy document (政策解读). Type key `interpretation`; one record per (id, locale).
 * The link is two-way: the policy document lists this id in its `interpretations`.
 * @example { id: 'portal-interp-0001', locale: 'zh-CN', site: 'portal', column: 'interpretations', title: '《关于促进民营经济发展的若干意见》政策解读', policy: 'portal-policy-0001', form: 'text', body: '一、出台背景……', source: '临江市发展和改革委员会', publishedAt: '2024-03-16T09:00:00+08:00', updatedAt: '2024-03-16T09:00:00+08:00' }
 */
export const InterpretationSchema = z.object({
  /**
   * Stable id (解读编号).
   * @example 'portal-interp-0001'
   */
  id: IdSchema,
  /**
   * Locale of this record (语言).
   * @example 'zh-CN'
   */
  locale: LocaleSchema,
  /**
   * Id of the site (所属站点).
   * @example 'portal'
   */
  site: IdSchema,
  /**
   * Slug of the column (所属栏目), a column of type `policy`.
   * @example 'interpretations'
   */
  column: IdSchema,
  /**
   * Title (标题).
   * @example '《关于促进民营经济发展的若干意见》政策解读'
   */
  title: NonBlankSchema,
  /**
   * Id of the policy document it interprets (解读的文件).
   * @example 'portal-policy-0001'
   */
  policy: IdSchema,
  /**
   * Form (解读形式): text, graphic or video.
   * @example 'text'
   */
  form: InterpretationFormSchema,
  /**
   * Body in Markdown without raw HTML (正文).
   * @example '一、出台背景……'
   */
  body: MarkdownSchema,
  /**
   * Source (来源).
   * @example '临江市发展和改革委员会'
   */
  source: NonBlankSchema,
  /**
   * Publication time (发布时间).
   * @example '2024-03-16T09:00:00+08:00'
   */
  publishedAt: DateTimeSchema,
  /**
   * Last update (更新时间).
   * @example '2024-03-16T09:00:00+08:00'
   */
  updatedAt: DateTimeSchema,
});

/** An interpretation of a policy document. */
export type Interpretation = z.infer<typeof InterpretationSchema>;
