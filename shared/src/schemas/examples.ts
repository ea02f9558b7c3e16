/**
 * The example cluster: small, valid, one entry of each kind, for the tests of every package and for
 * documentation: a portal, a department, a township with a village, and content linked the way a real
 * snapshot links it (the article in two locales, the investment project in three, a policy and the
 * article sharing one file under different names, a letter that is public and one that is not).
 * Exported as `@govcluster/shared/examples`; nothing outside tests imports it.
 */
import type { SnapshotHeader, SnapshotRecord } from '../snapshot/format.ts';
import type { Article } from './article.ts';
import type { InvestmentProject } from './investment-project.ts';
import type { Leader } from './leader.ts';
import type { Letter } from './letter.ts';
import type { Media } from './media.ts';
import type { Interpretation, PolicyDocument } from './policy.ts';
import type { ServiceGuide } from './service-guide.ts';
import type { Footer, Site } from './site.ts';
import type { Village } from './village.ts';

/** Footer facts for a site of the demo province 云江省. */
export function exampleFooter(sponsor: string, siteCode: string): Footer {
  return {
    sponsor: { 'zh-CN': sponsor },
    organizer: { 'zh-CN': '临江市大数据管理局' },
    siteCode,
    icp: '云ICP备12345678号',
    publicSecurity: '云公网安备 53010202000123号',
    contact: {
      phone: '0871-63123456',
      email: 'web@linjiang.gov.cn',
      address: { 'zh-CN': '临江市人民路1号' },
      postcode: '650000',
    },
  };
}

/** The portal of 临江市. */
export const examplePortal: Site = {
  id: 'portal',
  kind: 'portal',
  name: {
    'zh-CN': '临江市人民政府',
    en: "Linjiang Municipal People's Government",
    ru: 'Народное правительство города Линьцзян',
  },
  parent: null,
  basePath: '/',
  locales: ['zh-CN', 'en', 'ru'],
  footer: exampleFooter('临江市人民政府办公室', '5301000001'),
  columns: [
    { slug: 'news', type: 'news', name: { 'zh-CN': '今日临江', en: 'News', ru: 'Новости' }, order: 1 },
    { slug: 'policies', type: 'policy', name: { 'zh-CN': '政策文件', en: 'Policies' }, order: 2 },
    {
      slug: 'interpretations',
      type: 'policy',
      name: { 'zh-CN': '政策解读', en: 'Interpretations' },
      order: 3,
    },
    { slug: 'letters', type: 'interaction', name: { 'zh-CN': '市长信箱' }, order: 4 },
  ],
};

/** The development and reform commission. */
export const exampleDepartment: Site = {
  id: 'fgw',
  kind: 'department',
  name: { 'zh-CN': '临江市发展和改革委员会' },
  parent: 'portal',
  basePath: '/bm/fgw/',
  locales: ['zh-CN'],
  footer: exampleFooter('临江市发展和改革委员会', '5301000002'),
  columns: [
    { slug: 'news', type: 'news', name: { 'zh-CN': '工作动态' }, order: 1 },
    { slug: 'services', type: 'service', name: { 'zh-CN': '办事指南' }, order: 2, freshnessDays: 365 },
  ],
};

/** A township under the portal. */
export const exampleTownship: Site = {
  id: 'jiangning-town',
  kind: 'township',
  name: { 'zh-CN': '江宁镇人民政府' },
  parent: 'portal',
  basePath: '/xz/jiangning-town/',
  locales: ['zh-CN'],
  footer: exampleFooter('临江市江宁镇人民政府', '5301000003'),
  columns: [{ slug: 'news', type: 'news', name: { 'zh-CN': '镇村动态' }, order: 1 }],
};

/** The example registry. */
export const exampleSites: Site[] = [examplePortal, exampleDepartment, exampleTownship];

/** An image. */
export const exampleMedia: Media = {
  id: 'img-0001',
  file: 'media/img-0001.jpg',
  width: 1200,
  height: 800,
  mime: 'image/jpeg',
  alt: { 'zh-CN': '临江市政务服务中心外景', en: 'The Linjiang government service centre' },
};

const at = '2024-03-15T09:30:00+08:00';

/** A news article of the portal, in zh-CN. */
export const exampleArticle: Article = {
  id: 'portal-news-0001',
  locale: 'zh-CN',
  site: 'portal',
  column: 'news',
  title: '临江市召开2024年重点项目推进会',
  summary: '会议部署了全年重点项目建设任务。',
  body: '3月15日，临江市召开2024年重点项目推进会。\n\n详见<https://www.linjiang.gov.cn/>。',
  images: [{ id: 'img-0001' }],
  attachments: [{ name: '项目清单.pdf', file: 'media/att-0001.pdf', mime: 'application/pdf', size: 12 }],
  source: '临江市人民政府办公室',
  publishedAt: at,
  updatedAt: at,
};

/** The portal's article in English. */
export const exampleArticleEn: Article = {
  ...exampleArticle,
  locale: 'en',
  title: 'Linjiang holds its 2024 key projects meeting',
  summary: "The meeting set the year's key project tasks.",
  body: 'On 15 March Linjiang held its **key projects** meeting.',
  attachments: [{ name: 'Project list.pdf', file: 'media/att-0001.pdf', mime: 'application/pdf', size: 12 }],
  source: 'General Office of the Linjiang Municipal Government',
};

/** A policy document with one interpretation. */
export const examplePolicy: PolicyDocument = {
  id: 'portal-policy-0001',
  locale: 'zh-CN',
  site: 'portal',
  column: 'policies',
  title: '临江市人民政府关于促进民营经济发展的若干意见',
  indexNumber: '115301000000000000/2024-00123',
  issuingAuthority: '临江市人民政府',
  documentNumber: '临政发〔2024〕12号',
  writtenDate: '2024-03-10',
  publishedAt: at,
  topic: '综合政务',
  validity: 'valid',
  body: '各县（市、区）人民政府，市各委办局：\n\n为促进民营经济发展，提出如下意见。',
  // The article's file again, under another name: each entry keeps its own.
  attachments: [{ name: '政策原文.pdf', file: 'media/att-0001.pdf', mime: 'application/pdf', size: 12 }],
  interpretations: ['portal-interp-0001'],
  updatedAt: at,
};

/** The interpretation of the policy document. */
export const exampleInterpretation: Interpretation = {
  id: 'portal-interp-0001',
  locale: 'zh-CN',
  site: 'portal',
  column: 'interpretations',
  title: '《关于促进民营经济发展的若干意见》政策解读',
  policy: 'portal-policy-0001',
  form: 'text',
  body: '一、出台背景\n\n……',
  source: '临江市发展和改革委员会',
  publishedAt: at,
  updatedAt: at,
};

/** A service guide with its eight required elements. */
export const exampleServiceGuide: ServiceGuide = {
  id: 'fgw-guide-0001',
  locale: 'zh-CN',
  site: 'fgw',
  column: 'services',
  title: '企业投资项目备案',
  legalBasis: '《企业投资项目核准和备案管理条例》第十三条',
  conditions: '在本市行政区域内投资建设的企业投资项目。',
  materials: [{ name: '项目备案信息表', form: '原件', copies: 1 }],
  location: '临江市政务服务中心二楼发展改革窗口',
  hours: '工作日上午9:00—12:00，下午13:30—17:00',
  inquiryPhone: '0871-63123457',
  process: ['申请', '受理', '备案', '办结'],
  timeLimit: '即时办结',
  fee: '不收费',
  complaintPhone: '12345',
  publishedAt: at,
  updatedAt: at,
};

/** A leader of the department. */
export const exampleLeader: Leader = {
  id: 'fgw-leader-01',
  locale: 'zh-CN',
  site: 'fgw',
  name: '李华',
  position: '党组书记、主任',
  portrait: { id: 'img-0001' },
  bio: '李华，男，汉族，1972年出生，研究生学历。',
  responsibilities: '主持委全面工作。',
  order: 1,
  publishedAt: at,
  updatedAt: at,
};

/** A village page of the township. */
export const exampleVillage: Village = {
  id: 'qiaotou-village',
  locale: 'zh-CN',
  site: 'jiangning-town',
  slug: 'qiaotou',
  name: '桥头村',
  overview: '桥头村位于江宁镇东部，面积8.2平方公里。',
  committee: [{ name: '张建国', position: '村党总支书记、村委会主任' }],
  contact: { phone: '0871-63123458', address: '江宁镇桥头村村民委员会' },
  industry: { title: '特色茶叶', description: '全村茶园面积1200亩。' },
  photos: [{ id: 'img-0001' }],
  affairs: [
    {
      title: '2024年第一季度财务收支公开',
      date: '2024-04-10',
      category: 'finance',
      body: '本季度村集体收入12万元。',
    },
  ],
  publishedAt: at,
  updatedAt: at,
};

/** An investment project of the portal, in zh-CN, en and ru. */
export const exampleInvestmentProjects: InvestmentProject[] = [
  {
    id: 'inv-0001',
    locale: 'zh-CN',
    site: 'portal',
    title: '临江滨江物流园项目',
    sector: '现代物流',
    location: '临江港区',
    investment: { amount: 150000, text: '15亿元' },
    cooperation: '合资',
    summary: '规划建设现代化物流园区。',
    body: '## 项目背景\n\n临江港区……',
    contact: { name: '王明', phone: '0871-63123459', email: 'invest@linjiang.gov.cn' },
    images: [],
    publishedAt: at,
    updatedAt: at,
  },
  {
    id: 'inv-0001',
    locale: 'en',
    site: 'portal',
    title: 'Linjiang Riverside Logistics Park',
    sector: 'Logistics',
    location: 'Linjiang Port Area',
    investment: { amount: 150000, text: 'CNY 1.5 billion' },
    cooperation: 'Joint venture',
    summary: 'A modern logistics park on the river.',
    body: '## Background\n\nThe Linjiang Port Area…',
    contact: { name: 'Wang Ming', phone: '0871-63123459', email: 'invest@linjiang.gov.cn' },
    images: [],
    publishedAt: at,
    updatedAt: at,
  },
  {
    id: 'inv-0001',
    locale: 'ru',
    site: 'portal',
    title: 'Логистический парк «Линьцзян»',
    sector: 'Логистика',
    location: 'Портовая зона Линьцзяна',
    investment: { amount: 150000, text: '1,5 млрд юаней' },
    cooperation: 'Совместное предприятие',
    summary: 'Современный логистический парк на берегу реки.',
    body: '## Предыстория\n\nПортовая зона Линьцзяна…',
    contact: { name: 'Ван Мин', phone: '0871-63123459', email: 'invest@linjiang.gov.cn' },
    images: [],
    publishedAt: at,
    updatedAt: at,
  },
];

/** A replied letter, with the writer's private data. */
export const exampleLetter: Letter = {
  id: 'letter-000123',
  locale: 'zh-CN',
  site: 'portal',
  column: 'letters',
  title: '关于桥头村道路维修的建议',
  question: '桥头村至镇区道路破损严重，建议尽快维修。',
  category: '城乡建设',
  submittedAt: '2024-03-01T10:12:00+08:00',
  status: 'replied',
  handlingUnit: '临江市交通运输局',
  reply: '经现场核查，该路段已列入2024年维修计划。',
  repliedAt: '2024-03-08T16:00:00+08:00',
  writer: { name: '陈女士', phone: '13800138000', idNumber: '11010519491231002X' },
  publishedAt: '2024-03-09T09:00:00+08:00',
  updatedAt: '2024-03-09T09:00:00+08:00',
};

/** A letter still being handled: not public. */
export const examplePendingLetter: Letter = {
  ...exampleLetter,
  id: 'letter-000124',
  status: 'processing',
  reply: undefined,
  repliedAt: undefined,
};

/** The example header. */
export const exampleHeader: SnapshotHeader = {
  type: 'header',
  format: 'govcluster-snapshot@1',
  seed: 42,
  scale: 'fixture',
  today: '2024-04-30',
  locales: ['zh-CN', 'en', 'ru'],
};

/** Every example as snapshot records, in file order. */
export function exampleRecords(): SnapshotRecord[] {
  return [
    exampleHeader,
    ...exampleSites.map((site) => ({ type: 'site' as const, ...site })),
    { type: 'media', ...exampleMedia },
    { type: 'article', ...exampleArticle },
    { type: 'policy', ...examplePolicy },
    { type: 'interpretation', ...exampleInterpretation },
    { type: 'serviceGuide', ...exampleServiceGuide },
    { type: 'leader', ...exampleLeader },
    { type: 'village', ...exampleVillage },
    ...exampleInvestmentProjects.map((project) => ({ type: 'investmentProject' as const, ...project })),
    { type: 'letter', ...exampleLetter },
    { type: 'letter', ...examplePendingLetter },
    { type: 'article', ...exampleArticleEn },
  ];
}
