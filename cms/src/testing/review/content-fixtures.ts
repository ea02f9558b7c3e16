/**
 * A valid draft of every content type under review, as an author sends it through the content
 * manager: every required field, components included, with a title the public API shows and a text
 * field whose change is a change of content. The review suites run over this list, so a content type
 * added to the CMS without an entry here fails the suite that checks the list is complete.
 */
import { randomBytes } from 'node:crypto';

/** What a suite needs to know about one content type under review. */
export interface ReviewedType {
  /** The content type uid. */
  uid: string;
  /** The REST plural (`/api/<plural>`). */
  plural: string;
  /** The field the public API shows as the entry's name. */
  titleField: string;
  /** A localized text field whose change is a change of content. */
  textField: string;
  /** Whether the type has a column relation. */
  hasColumn: boolean;
  /** The content-manager data of a new draft. */
  draft(title: string, refs: { site: string; column: string }): Record<string, unknown>;
}

const when = { datePublished: '2026-01-15T09:30:00+08:00', dateModified: '2026-01-15T09:30:00+08:00' };
const key = () => `t-${randomBytes(5).toString('hex')}`;
const site = (documentId: string) => ({ connect: [{ documentId }] });

/** Every content type under review, with a valid draft. */
export const reviewedTypes: readonly ReviewedType[] = [
  {
    uid: 'api::article.article',
    plural: 'articles',
    titleField: 'title',
    textField: 'body',
    hasColumn: true,
    draft: (title, refs) => ({
      key: key(),
      title,
      body: `${title}的正文。`,
      source: '临江市人民政府办公室',
      ...when,
      site: site(refs.site),
      column: site(refs.column),
    }),
  },
  {
    uid: 'api::policy.policy',
    plural: 'policies',
    titleField: 'title',
    textField: 'body',
    hasColumn: true,
    draft: (title, refs) => ({
      key: key(),
      title,
      indexNumber: `11530100MB0000000A/2026-${String(Math.floor(Math.random() * 90000) + 10000)}`,
      issuingAuthority: '临江市人民政府',
      documentNumber: `临政发〔2026〕${Math.floor(Math.random() * 90) + 10}号`,
      writtenDate: '2026-01-10',
      datePublished: when.datePublished,
      dateModified: when.dateModified,
      topic: '综合政务',
      validity: 'valid',
      body: `${title}全文。`,
      site: site(refs.site),
      column: site(refs.column),
    }),
  },
  {
    uid: 'api::interpretation.interpretation',
    plural: 'interpretations',
    titleField: 'title',
    textField: 'body',
    hasColumn: true,
    draft: (title, refs) => ({
      key: key(),
      title,
      form: 'text',
      body: `${title}：解读正文。`,
      source: '临江市发展和改革委员会',
      ...when,
      site: site(refs.site),
      column: site(refs.column),
    }),
  },
  {
    uid: 'api::service-guide.service-guide',
    plural: 'service-guides',
    titleField: 'title',
    textField: 'conditions',
    hasColumn: true,
    draft: (title, refs) => ({
      key: key(),
      title,
      legalBasis: '《中华人民共和国行政许可法》',
      conditions: `${title}的办理条件。`,
      materials: [{ name: '身份证', form: '原件', copies: 1 }],
      location: '临江市政务服务中心',
      hours: '工作日 9:00-17:00',
      inquiryPhone: '0871-12345678',
      process: [{ text: '申请' }, { text: '受理' }, { text: '办结' }],
      timeLimit: '5个工作日',
      fee: '不收费',
      complaintPhone: '0871-12345679',
      ...when,
      site: site(refs.site),
      column: site(refs.column),
    }),
  },
  {
    uid: 'api::leader.leader',
    plural: 'leaders',
    titleField: 'name',
    textField: 'bio',
    hasColumn: false,
    draft: (title, refs) => ({
      key: key(),
      name: title,
      position: '镇长',
      bio: `${title}，1975年生。`,
      responsibilities: '主持镇政府全面工作。',
      order: 1,
      ...when,
      site: site(refs.site),
    }),
  },
  {
    uid: 'api::village.village',
    plural: 'villages',
    titleField: 'name',
    textField: 'overview',
    hasColumn: false,
    draft: (title, refs) => ({
      key: key(),
      slug: key(),
      name: title,
      overview: `${title}位于河西镇东部。`,
      committee: [{ name: '李明', position: '村委会主任' }],
      contact: { phone: '0871-23456789', address: '河西镇东村1号' },
      industry: { title: '茶叶', description: '种植茶叶三千亩。' },
      affairs: [
        { title: '2026年一季度财务公开', date: '2026-04-01', category: 'finance', body: '收入十万元。' },
      ],
      ...when,
      site: site(refs.site),
    }),
  },
  {
    uid: 'api::investment-project.investment-project',
    plural: 'investment-projects',
    titleField: 'title',
    textField: 'summary',
    hasColumn: false,
    draft: (title, refs) => ({
      key: key(),
      title,
      sector: '现代农业',
      location: '河西镇',
      investment: { amount: 5000, text: '5000万元' },
      cooperation: '独资或合资',
      summary: `${title}的项目概况。`,
      body: `${title}的详细介绍。`,
      contact: { name: '王芳', phone: '0871-34567890', email: 'invest@example.gov.cn' },
      ...when,
      site: site(refs.site),
    }),
  },
  {
    uid: 'api::letter.letter',
    plural: 'letters',
    titleField: 'title',
    textField: 'reply',
    hasColumn: true,
    draft: (title, refs) => ({
      key: key(),
      title,
      question: `${title}：请问如何办理？`,
      category: '咨询',
      submittedAt: '2026-01-10T10:00:00+08:00',
      handlingStatus: 'replied',
      handlingUnit: '临江市发展和改革委员会',
      reply: '您好，来信收悉，答复如下。',
      repliedAt: '2026-01-12T10:00:00+08:00',
      writer: {
        name: '张三',
        phone: '13912345678',
        email: 'writer@example.com',
        idNumber: '320102199001011234',
      },
      ...when,
      site: site(refs.site),
      column: site(refs.column),
    }),
  },
  {
    uid: 'api::interview.interview',
    plural: 'interviews',
    titleField: 'title',
    textField: 'transcript',
    hasColumn: true,
    draft: (title, refs) => ({
      key: key(),
      title,
      heldAt: '2026-01-14T09:30:00+08:00',
      guests: [{ name: '王建国', role: '临江市人力资源和社会保障局局长' }],
      summary: `${title}的访谈简介。`,
      transcript: `**主持人：** ${title}，各位网友好。`,
      ...when,
      site: site(refs.site),
      column: site(refs.column),
    }),
  },
  {
    uid: 'api::consultation.consultation',
    plural: 'consultations',
    titleField: 'title',
    textField: 'document',
    hasColumn: true,
    draft: (title, refs) => ({
      key: key(),
      title,
      summary: '欢迎社会各界提出意见建议。',
      opensAt: '2026-01-15',
      closesAt: '2026-02-14',
      document: `${title}：征求意见稿全文。`,
      ...when,
      site: site(refs.site),
      column: site(refs.column),
    }),
  },
];

/** The fixture of a content type. */
export function reviewedType(uid: string): ReviewedType {
  const found = reviewedTypes.find((type) => type.uid === uid);
  if (!found) throw new Error(`no review fixture for ${uid}`);
  return found;
}
