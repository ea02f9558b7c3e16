import { serviceGuideElementLabels } from '@govcluster/shared/schemas';
import type { Core } from '@strapi/strapi';

/** Types whose entries are shown by their stored label (cms/src/setup/registry-labels.ts). */
const registryTargets = new Set(['api::site.site', 'api::column.column']);

/** Bump to apply changed layouts again (over what administrators may have arranged since). */
const layoutVersion = 5;

/** Chinese field labels for the admin's edit and list views, by attribute name. */
export const fieldLabels: Readonly<Record<string, string>> = {
  key: '标识（ID）',
  label: '显示名称',
  site: '所属站点',
  column: '栏目',
  summary: '摘要',
  body: '正文',
  images: '图片',
  attachments: '附件',
  source: '来源',
  author: '作者',
  datePublished: '发布日期',
  dateModified: '更新日期',
  indexNumber: '索引号',
  issuingAuthority: '发文机关',
  documentNumber: '文号',
  writtenDate: '成文日期',
  topic: '主题分类',
  validity: '有效性',
  validityDate: '废止/修改/失效日期',
  replacedBy: '替代文件（索引键）',
  interpretations: '政策解读',
  policy: '所解读的政策文件',
  form: '解读形式',
  // A service guide's elements as the national rules name them; `location` is also a project's.
  ...serviceGuideElementLabels,
  title: '标题',
  location: '地点',
  name: '名称',
  position: '职务',
  portrait: '照片',
  bio: '简历',
  responsibilities: '工作分工',
  order: '排序',
  slug: '路径名',
  overview: '概况',
  committee: '村两委成员',
  contact: '联系方式',
  industry: '特色产业',
  photos: '图片',
  affairs: '村务公开',
  sector: '行业',
  investment: '投资额',
  cooperation: '合作方式',
  question: '来信内容',
  category: '类别',
  submittedAt: '来信时间',
  handlingStatus: '办理状态',
  handlingUnit: '承办单位',
  reply: '答复内容',
  repliedAt: '答复时间',
  writer: '来信人信息（保密，不公开）',
  audience: '服务对象（personal 个人办事、legal 法人办事）',
  onlineUrl: '在线办理地址',
  heldAt: '访谈时间',
  guests: '访谈嘉宾',
  transcript: '文字实录',
  opensAt: '征集开始日期',
  closesAt: '征集截止日期',
  document: '征求意见稿',
  feedback: '意见反馈（征集结束后公布）',
  role: '职务',
  hotline: '便民热线',
  newMedia: '政务新媒体',
  partyGovMarkUrl: '党政机关标识证书地址',
  platform: '平台',
  account: '账号',
  number: '号码',
  url: '网址',
  kind: '站点类型',
  shortName: '简称',
  parent: '上级站点',
  basePath: '基础路径',
  host: '域名',
  locales: '语言',
  footer: '页脚信息',
  openInfo: '政府信息公开主体',
  investorContacts: '招商联系方式',
  columns: '栏目',
  type: '栏目类型',
  freshnessDays: '更新期限（天）',
  user: '管理员账号',
  sites: '所属站点',
  reviewRole: '审核角色',
};

/** Fields never shown in the edit view: a letter's sealed writer (cms/src/mailbox/sealed-writer.ts). */
const hiddenFields = new Set(['writerSealed']);

/** Hints under fields, by attribute name. */
const fieldDescriptions: Readonly<Record<string, string>> = {
  writer:
    '保存后加密存放，此处不再显示；网站管理部门和承办单位可在右侧“查看来信人信息”中查看，每次查看留痕。',
};

/** Field labels that differ by content type. */
export const typeLabels: Readonly<Record<string, Record<string, string>>> = {
  'api::investment-project.investment-project': { title: '项目名称', location: '项目地点' },
  'api::leader.leader': { name: '姓名' },
  'api::village.village': { name: '村名' },
  'api::service-guide.service-guide': { title: '事项名称', location: '办理地点', topic: '办事主题' },
  'api::interview.interview': { title: '访谈主题', summary: '访谈简介' },
  'api::consultation.consultation': { summary: '征集说明' },
};

/**
 * Makes the content manager usable for Chinese editors: entries listed by title (not by their key),
 * sites and columns by their Chinese label (site › column), so pickers and lists show names,
 * newest first, with site, column and 发布日期 as columns, and Chinese field labels. Applied once per
 * {@link layoutVersion}, so that what administrators arrange afterwards stays.
 */
export async function ensureAdminLayouts(strapi: Core.Strapi, uids: readonly string[]): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'govcluster', key: 'admin-layout-version' });
  if ((await store.get({})) === layoutVersion) return;
  const service = strapi.plugin('content-manager').service('content-types');
  for (const uid of uids) {
    const contentType = service.findContentType(uid);
    if (!contentType) continue;
    const configuration = await service.findConfiguration(contentType);
    const attributes = strapi.getModel(uid as any).attributes as Record<string, { type: string }>;
    const has = (name: string) => name in attributes;
    const mainField =
      ['label', 'title', 'name', 'key', 'slug'].find(
        (name) => has(name) && attributes[name].type === 'string',
      ) ?? 'id';
    const dated = has('datePublished');
    const settings = {
      ...configuration.settings,
      mainField,
      defaultSortBy: dated ? 'datePublished' : mainField,
      defaultSortOrder: dated ? 'DESC' : 'ASC',
    };
    const list = [mainField, 'site', 'column', 'datePublished', 'kind', 'type', 'reviewRole'].filter(
      (name, index, all) => (name === mainField || has(name)) && all.indexOf(name) === index,
    );
    const metadatas = { ...configuration.metadatas };
    // Relations to sites and columns show their label (name), in the edit view's picker and the list.
    for (const [name, attribute] of Object.entries(attributes) as [string, { target?: string }][]) {
      if (!registryTargets.has(attribute.target ?? '') || !metadatas[name]) continue;
      const metadata = metadatas[name] as any;
      metadatas[name] = { ...metadata, edit: { ...metadata.edit, mainField: 'label' } };
    }
    for (const [name, metadata] of Object.entries(metadatas) as [string, any][]) {
      const label = typeLabels[uid]?.[name] ?? fieldLabels[name];
      if (!label) continue;
      const description = fieldDescriptions[name];
      metadatas[name] = {
        ...metadata,
        // The label of sites and columns is derived from their names (registry-labels.ts).
        edit: {
          ...metadata.edit,
          label,
          ...(description ? { description } : {}),
          ...(name === 'label' ? { editable: false } : {}),
        },
        list: { ...metadata.list, label },
      };
    }
    await service.updateConfiguration(contentType, {
      settings,
      metadatas,
      layouts: {
        ...configuration.layouts,
        list: list.slice(0, 5),
        edit: (configuration.layouts.edit as { name: string }[][])
          .map((row) => row.filter((field) => !hiddenFields.has(field.name)))
          .filter((row) => row.length > 0),
      },
    });
  }
  await store.set({ value: layoutVersion });
}
