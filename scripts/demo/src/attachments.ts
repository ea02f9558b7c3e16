/**
 * The attachment pool of the demo city: real PDFs with Chinese text (forms, a task list, a draft for
 * comment), written with pdfkit in Noto Sans Hans (SIL Open Font License, from the npm package
 * `@embedpdf/fonts-sc`), embedded as a subset of the characters used. The same code gives the same
 * bytes: the document dates are fixed and pdfkit's subset tag comes from the font's id.
 * @module
 */

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';

/** A PDF in the attachment pool. */
export interface AttachmentFile {
  /** Path relative to the snapshot folder. */
  file: string;
  /** Size in bytes. */
  size: number;
  /** Bytes. */
  bytes: Buffer;
  /** What the document is: the attachment names it stands for end with it (`报名表`, `清单`…). */
  kind: AttachmentKind;
}

/** The kinds of document in the pool; `申请表` stands for any other form. */
export const attachmentKinds = [
  '报名表',
  '自查表',
  '申报表',
  '申报书',
  '清单',
  '征求意见稿',
  '申请表',
] as const;

/** A kind of attachment. */
export type AttachmentKind = (typeof attachmentKinds)[number];

/** The kind of document an attachment name asks for (`…报名表.pdf` → `报名表`). */
export function attachmentKind(name: string): AttachmentKind {
  const base = name.replace(/\.pdf$/i, '');
  if (base.includes('征求意见稿')) return '征求意见稿';
  return attachmentKinds.find((kind) => base.endsWith(kind)) ?? '申请表';
}

/** A document to draw: its title, a lead, and either a table (a form or list) or numbered articles. */
interface DocumentPlan {
  kind: AttachmentKind;
  title: string;
  lead: string;
  /** Column headers and rows of a table; empty cells are the spaces to fill in. */
  table?: { headers: string[]; rows: string[][]; widths?: number[] };
  /** Articles of a draft (第一条…). */
  articles?: string[];
  note: string;
}

const plans: readonly DocumentPlan[] = [
  {
    kind: '报名表',
    title: '公开招聘编外工作人员报名表',
    lead: '报考岗位：＿＿＿＿＿＿　　岗位代码：＿＿＿＿',
    table: {
      headers: ['项目', '填写内容', '项目', '填写内容'],
      rows: [
        ['姓名', '', '性别', ''],
        ['出生年月', '', '民族', ''],
        ['政治面貌', '', '学历学位', ''],
        ['毕业院校', '', '所学专业', ''],
        ['身份证号码', '', '联系电话', ''],
        ['户籍所在地', '', '现居住地', ''],
        ['学习及工作简历', '', '', ''],
        ['家庭主要成员', '', '', ''],
      ],
    },
    note: '本人承诺所填信息真实准确，如有虚假，自愿取消应聘资格。报考人签名：＿＿＿＿　年　月　日',
  },
  {
    kind: '自查表',
    title: '专项检查自查表',
    lead: '自查单位（盖章）：＿＿＿＿＿＿＿＿　　填表日期：　　年　月　日',
    table: {
      headers: ['检查项目', '检查内容', '自查情况', '整改措施'],
      widths: [0.16, 0.44, 0.2, 0.2],
      rows: [
        ['组织领导', '是否成立工作专班、明确责任分工', '', ''],
        ['制度建设', '是否建立工作台账和定期调度制度', '', ''],
        ['任务落实', '年度重点任务完成进度是否符合要求', '', ''],
        ['资金管理', '专项资金是否专款专用、及时拨付', '', ''],
        ['安全管理', '风险隐患是否排查到位、整改闭环', '', ''],
        ['信息公开', '相关信息是否按规定及时公开', '', ''],
      ],
    },
    note: '请于通知规定时限前将自查表报送牵头单位，电子版同时发送至指定邮箱。',
  },
  {
    kind: '申报表',
    title: '项目申报表',
    lead: '申报单位（盖章）：＿＿＿＿＿＿＿＿＿＿',
    table: {
      headers: ['项目', '内容'],
      rows: [
        ['项目名称', ''],
        ['申报单位', ''],
        ['统一社会信用代码', ''],
        ['项目负责人及电话', ''],
        ['项目总投资（万元）', ''],
        ['申请支持资金（万元）', ''],
        ['建设地点', ''],
        ['建设内容及规模', ''],
        ['预期效益', ''],
      ],
    },
    note: '申报单位对申报材料的真实性负责。主管部门意见：＿＿＿＿＿＿（盖章）',
  },
  {
    kind: '申报书',
    title: '专项资金申报书',
    lead: '申报单位：＿＿＿＿＿＿＿＿　　所属行业：＿＿＿＿＿＿',
    table: {
      headers: ['序号', '材料名称', '份数', '备注'],
      widths: [0.1, 0.54, 0.14, 0.22],
      rows: [
        ['1', '专项资金申请报告', '1', '原件'],
        ['2', '营业执照或事业单位法人证书', '1', '复印件'],
        ['3', '项目可行性研究报告', '1', '原件'],
        ['4', '上年度财务审计报告', '1', '复印件'],
        ['5', '项目投资凭证及相关票据', '1', '复印件'],
        ['6', '信用承诺书', '1', '原件'],
      ],
    },
    note: '申报材料一式两份，按上述顺序装订成册，并附电子版。',
  },
  {
    kind: '清单',
    title: '重点任务清单',
    lead: '牵头单位：市政府有关部门　　配合单位：各镇（乡）人民政府',
    table: {
      headers: ['序号', '重点任务', '责任单位', '完成时限'],
      widths: [0.1, 0.5, 0.22, 0.18],
      rows: [
        ['1', '制定年度工作方案，明确目标任务', '牵头部门', '3月底前'],
        ['2', '建立工作台账，实行月调度', '牵头部门', '4月底前'],
        ['3', '组织开展专项督查', '市政府督查室', '9月底前'],
        ['4', '总结评估年度工作成效', '各责任单位', '12月底前'],
        ['5', '向社会公开工作进展情况', '牵头部门', '每季度'],
      ],
    },
    note: '各责任单位每月5日前报送上月工作进展情况。',
  },
  {
    kind: '征求意见稿',
    title: '管理办法（征求意见稿）',
    lead: '为规范相关工作，结合本市实际，制定本办法。',
    articles: [
      '第一条　本办法适用于本市行政区域内的相关管理活动。',
      '第二条　市人民政府有关部门按照职责分工，负责本办法的组织实施。',
      '第三条　各镇（乡）人民政府应当做好本辖区内的相关工作。',
      '第四条　有关单位和个人应当遵守本办法的规定，接受社会监督。',
      '第五条　违反本办法规定的，由有关部门依法予以处理。',
      '第六条　本办法自印发之日起施行。',
    ],
    note: '公众可在征求意见期间通过信函或电子邮件提出意见建议。',
  },
  {
    kind: '申请表',
    title: '申请表',
    lead: '受理编号：＿＿＿＿＿＿（由受理窗口填写）',
    table: {
      headers: ['项目', '内容'],
      rows: [
        ['申请人（单位）', ''],
        ['联系人及电话', ''],
        ['通信地址', ''],
        ['申请事项', ''],
        ['申请理由', ''],
        ['附送材料', ''],
      ],
    },
    note: '申请人承诺：以上内容真实有效。申请人签字（盖章）：＿＿＿＿　年　月　日',
  },
];

const require = createRequire(import.meta.url);
const fontFile = join(
  dirname(require.resolve('@embedpdf/fonts-sc')),
  '..',
  'fonts',
  'NotoSansHans-Regular.otf',
);
/** The documents' fixed date: a run's bytes must not depend on the clock. */
const documentDate = new Date('2026-01-01T00:00:00Z');

/** Writes one document as a PDF (A4, text in Noto Sans Hans). */
export function pdfDocument(plan: DocumentPlan): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 64,
    info: { Title: plan.title, Creator: '临江市演示数据', CreationDate: documentDate, ModDate: documentDate },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('hans', fontFile);
  doc.font('hans');
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.fillColor('#a5121c').rect(left, 56, width, 4).fill();
  doc.fillColor('#000000').fontSize(20).text(plan.title, left, 80, { width, align: 'center' });
  doc.moveDown(0.8).fontSize(11).text(plan.lead, { width });
  doc.moveDown(0.8);
  if (plan.table) {
    const { headers, rows } = plan.table;
    const shares = plan.table.widths ?? headers.map(() => 1 / headers.length);
    const starts = shares.map((_, index) => left + width * shares.slice(0, index).reduce((a, b) => a + b, 0));
    let y = doc.y;
    const row = (cells: string[], bold: boolean) => {
      const height = 30;
      cells.forEach((cell, index) => {
        const x = starts[index] ?? left;
        const column = width * (shares[index] ?? 0);
        if (bold) doc.rect(x, y, column, height).fillAndStroke('#eef0f3', '#333333');
        else doc.rect(x, y, column, height).stroke('#333333');
        doc
          .fillColor('#000000')
          .fontSize(10.5)
          .text(cell, x + 6, y + 9, { width: column - 12, height: height - 10, lineBreak: false });
      });
      y += height;
    };
    row(headers, true);
    for (const cells of rows) row(cells, false);
    doc.y = y + 16;
  }
  for (const article of plan.articles ?? [])
    doc.fontSize(11.5).text(article, left, doc.y, { width }).moveDown(0.6);
  doc.moveDown(0.6).fontSize(10.5).text(plan.note, left, doc.y, { width });
  // The footer sits in the bottom margin: without a margin there pdfkit would start a new page.
  doc.page.margins.bottom = 0;
  doc
    .fontSize(8.5)
    .fillColor('#555555')
    .text('临江市演示数据（虚构城市，仅供演示）', left, doc.page.height - 48, {
      width,
      align: 'center',
      lineBreak: false,
    });
  doc.end();
  return done;
}

let pool: Promise<AttachmentFile[]> | undefined;

/**
 * The attachment pool: one PDF of each kind. It depends on nothing of the run, so it is written once
 * per process (subsetting the font takes a few hundred milliseconds a document).
 */
export function planAttachments(): Promise<AttachmentFile[]> {
  pool ??= writePool();
  return pool;
}

async function writePool(): Promise<AttachmentFile[]> {
  const files: AttachmentFile[] = [];
  for (const [i, plan] of plans.entries()) {
    const bytes = await pdfDocument(plan);
    files.push({
      file: `media/att-${String(i + 1).padStart(4, '0')}.pdf`,
      size: bytes.length,
      bytes,
      kind: plan.kind,
    });
  }
  return files;
}
