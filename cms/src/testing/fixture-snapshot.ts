/**
 * A tiny, valid snapshot with one entry of every type, written with the shared snapshot writer (so it
 * is checked against the shared schemas on the way). Used by the seeding tests; independent of the
 * demo generator so the CMS suite runs before and without it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeSnapshot } from '@govcluster/shared/snapshot';
import sharp from 'sharp';

const t = (date: string) => `${date}T09:30:00+08:00`;

const footer = (name: string, siteCode: string) => ({
  sponsor: { 'zh-CN': `临江市${name}`, en: `Linjiang ${name}` },
  siteCode,
  icp: '云ICP备12345678号',
  publicSecurity: '云公网安备 53010202000123号',
  contact: { phone: '0871-12345678', address: { 'zh-CN': '临江市政务大道1号' }, postcode: '650000' },
});

/** The records of the fixture; `revision` changes one article title, to test updates. */
export function fixtureRecords(revision = 1): Record<string, unknown>[] {
  const portal = 'portal';
  return [
    {
      type: 'header',
      format: 'govcluster-snapshot@1',
      seed: 1,
      scale: 'fixture',
      today: '2024-06-01',
      locales: ['zh-CN', 'en', 'ru'],
    },
    {
      type: 'site',
      id: portal,
      kind: 'portal',
      name: {
        'zh-CN': '临江市人民政府',
        en: 'Linjiang Municipal Government',
        ru: 'Народное правительство Линьцзяна',
      },
      parent: null,
      basePath: '/',
      locales: ['zh-CN', 'en', 'ru'],
      footer: footer('人民政府办公室', '5301000001'),
      columns: [
        { slug: 'news', type: 'news', name: { 'zh-CN': '新闻动态', en: 'News' }, order: 1 },
        { slug: 'policies', type: 'policy', name: { 'zh-CN': '政策文件', en: 'Policies' }, order: 2 },
        { slug: 'services', type: 'service', name: { 'zh-CN': '办事服务' }, order: 3 },
        { slug: 'letters', type: 'interaction', name: { 'zh-CN': '市长信箱' }, order: 4 },
      ],
    },
    {
      type: 'site',
      id: 'hexi-town',
      kind: 'township',
      name: { 'zh-CN': '河西镇' },
      parent: portal,
      basePath: '/xz/hexi-town/',
      locales: ['zh-CN'],
      footer: footer('河西镇人民政府', '5301000002'),
      columns: [{ slug: 'news', type: 'news', name: { 'zh-CN': '镇村动态' }, order: 1 }],
    },
    {
      type: 'media',
      id: 'img-0001',
      file: 'media/img-0001.jpg',
      width: 640,
      height: 480,
      mime: 'image/jpeg',
      alt: { 'zh-CN': '临江大桥', en: 'Linjiang Bridge' },
    },
    ...['zh-CN', 'en'].map((locale) => ({
      type: 'article',
      id: 'business-meeting',
      locale,
      site: portal,
      column: 'news',
      title:
        locale === 'zh-CN'
          ? `临江市召开营商环境大会${revision > 1 ? '（更新）' : ''}`
          : 'Linjiang holds business environment conference',
      summary: locale === 'zh-CN' ? '大会部署优化营商环境工作。' : 'The conference planned the year.',
      body:
        locale === 'zh-CN'
          ? '3月15日，临江市召开**营商环境**大会。'
          : 'On 15 March Linjiang held a **business** conference.',
      images: [{ id: 'img-0001' }],
      attachments: [{ name: '会议材料.pdf', file: 'media/doc-0001.pdf', mime: 'application/pdf', size: 18 }],
      source: locale === 'zh-CN' ? '临江市人民政府办公室' : 'General Office',
      publishedAt: t('2024-03-15'),
      updatedAt: t('2024-03-15'),
    })),
    {
      type: 'policy',
      id: 'policy-2024-12',
      locale: 'zh-CN',
      site: portal,
      column: 'policies',
      title: '临江市人民政府关于优化营商环境的若干意见',
      indexNumber: '113201000000000000/2024-00123',
      issuingAuthority: '临江市人民政府',
      documentNumber: '临政发〔2024〕12号',
      writtenDate: '2024-03-01',
      publishedAt: t('2024-03-05'),
      topic: '综合政务',
      validity: 'valid',
      body: '为进一步优化营商环境，提出如下意见。',
      // The article's file again, under another name: each entry must keep its own.
      attachments: [{ name: '政策原文.pdf', file: 'media/doc-0001.pdf', mime: 'application/pdf', size: 18 }],
      interpretations: ['policy-2024-12-reading'],
      updatedAt: t('2024-03-05'),
    },
    {
      type: 'serviceGuide',
      id: 'business-licence',
      locale: 'zh-CN',
      site: portal,
      column: 'services',
      title: '个体工商户营业执照办理',
      legalBasis: '《促进个体工商户发展条例》',
      conditions: '具有经营能力的自然人。',
      materials: [
        { name: '身份证', form: '原件', copies: 1 },
        { name: '经营场所证明', form: '复印件' },
      ],
      location: '临江市政务服务中心一楼',
      hours: '工作日 9:00—17:00',
      inquiryPhone: '0871-12345679',
      process: ['申请', '受理', '审核', '发照'],
      timeLimit: '3个工作日',
      fee: '不收费',
      publishedAt: t('2024-02-01'),
      updatedAt: t('2024-02-01'),
    },
    {
      type: 'leader',
      id: 'mayor',
      locale: 'zh-CN',
      site: portal,
      name: '王明',
      position: '市长',
      portrait: { id: 'img-0001' },
      bio: '王明，男，汉族，1970年生。',
      responsibilities: '主持市政府全面工作。',
      order: 1,
      publishedAt: t('2024-01-10'),
      updatedAt: t('2024-01-10'),
    },
    {
      type: 'village',
      id: 'hexi-dongcun',
      locale: 'zh-CN',
      site: 'hexi-town',
      slug: 'dongcun',
      name: '东村',
      overview: '东村位于河西镇东部，以茶叶种植为主。',
      committee: [{ name: '李华', position: '村党支部书记' }],
      contact: { phone: '0871-12345670', address: '河西镇东村村委会' },
      industry: { title: '高山茶', description: '种植面积三千亩。' },
      photos: [{ id: 'img-0001' }],
      affairs: [
        {
          title: '2024年一季度财务公开',
          date: '2024-04-01',
          category: 'finance',
          body: '收入12万元，支出8万元。',
        },
      ],
      publishedAt: t('2024-04-02'),
      updatedAt: t('2024-04-02'),
    },
    ...(['zh-CN', 'en', 'ru'] as const).map((locale) => ({
      type: 'investmentProject',
      id: 'port-logistics',
      locale,
      site: portal,
      title: {
        'zh-CN': '临江港物流园项目',
        en: 'Linjiang Port Logistics Park',
        ru: 'Логистический парк порта Линьцзян',
      }[locale],
      sector: { 'zh-CN': '现代物流', en: 'Logistics', ru: 'Логистика' }[locale],
      location: { 'zh-CN': '临江港区', en: 'Linjiang Port Area', ru: 'Портовая зона Линьцзяна' }[locale],
      investment: {
        amount: 120000,
        text: { 'zh-CN': '12亿元', en: 'CNY 1.2 billion', ru: '1,2 млрд юаней' }[locale],
      },
      cooperation: { 'zh-CN': '合资', en: 'Joint venture', ru: 'Совместное предприятие' }[locale],
      summary: {
        'zh-CN': '建设现代物流园。',
        en: 'A modern logistics park.',
        ru: 'Современный логистический парк.',
      }[locale],
      body: { 'zh-CN': '项目占地500亩。', en: 'The site covers 33 hectares.', ru: 'Площадь 33 гектара.' }[
        locale
      ],
      contact: { name: '赵敏', phone: '0871-12345671', email: 'invest@linjiang.example.cn' },
      images: [{ id: 'img-0001' }],
      publishedAt: t('2024-05-01'),
      updatedAt: t('2024-05-01'),
    })),
    ...[
      { id: 'letter-parking', status: 'replied', title: '关于小区停车难的问题' },
      { id: 'letter-noise', status: 'received', title: '夜间施工噪音扰民' },
    ].map((letter) => ({
      type: 'letter',
      id: letter.id,
      locale: 'zh-CN',
      site: portal,
      column: 'letters',
      title: letter.title,
      question: '请有关部门尽快处理。',
      category: '城乡建设',
      submittedAt: t('2024-03-01'),
      status: letter.status,
      handlingUnit: '市住房和城乡建设局',
      ...(letter.status === 'replied' ? { reply: '已处理。', repliedAt: t('2024-03-10') } : {}),
      writer: {
        name: '张三',
        phone: '13912345678',
        email: 'zhangsan@example.com',
        idNumber: '320102199001011234',
      },
      publishedAt: t('2024-03-10'),
      updatedAt: t('2024-03-10'),
    })),
    {
      type: 'interpretation',
      id: 'policy-2024-12-reading',
      locale: 'zh-CN',
      site: portal,
      column: 'policies',
      title: '《关于优化营商环境的若干意见》政策解读',
      policy: 'policy-2024-12',
      form: 'text',
      body: '一、出台背景……',
      source: '临江市发展和改革委员会',
      publishedAt: t('2024-03-06'),
      updatedAt: t('2024-03-06'),
    },
  ];
}

/** Writes the fixture snapshot (records + media files) into `dir`. */
export async function writeFixtureSnapshot(dir: string, revision = 1): Promise<void> {
  mkdirSync(join(dir, 'media'), { recursive: true });
  await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .jpeg()
    .toFile(join(dir, 'media', 'img-0001.jpg'));
  writeFileSync(join(dir, 'media', 'doc-0001.pdf'), '%PDF-1.4\n%fixture\n');
  await writeSnapshot(dir, fixtureRecords(revision) as never);
}
