import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * Strings of the content manager that Strapi 5.54 leaves in English for zh-Hans, the language the
 * cluster's editors work in. Keys are Strapi's translation ids.
 */
const zhHans: Record<string, string> = {
  'content-manager.plugin.name': '内容管理',
  'content-manager.header.name': '内容管理',
  'content-manager.components.LeftMenu.collection-types': '内容类型',
  'content-manager.components.LeftMenu.single-types': '单页类型',
  'content-manager.HeaderLayout.button.label-add-entry': '新建条目',
  'content-manager.pages.ListView.header-subtitle': '共 {number} 条',
  'content-manager.containers.list.filters.status': '状态',
  'content-manager.containers.List.draft': '草稿',
  'content-manager.containers.List.modified': '已修改',
  'content-manager.containers.List.published': '已发布',
  'i18n.list-view.table.header.label': '语言版本',
};

/** The admin panel: Chinese (Simplified) and Russian besides English; editors default to Chinese. */
export default {
  config: {
    locales: ['zh-Hans', 'ru'],
    translations: { 'zh-Hans': zhHans },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
