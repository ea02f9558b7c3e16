import type { Core } from '@strapi/strapi';

/** What a test says about a site; everything else is filled with valid footer facts. */
export interface TestSite {
  key: string;
  kind: 'portal' | 'department' | 'township';
  /** The site's name: zh-CN, optionally en and ru (CMS component field names). */
  name: { zhCN: string; en?: string; ru?: string };
  locales?: string[];
  /** 主办单位; the site's own name when absent. */
  sponsor?: string;
  siteCode?: string;
  address?: string;
}

/** 河西镇, the township the admin walks and their authors work in. */
export const hexiTown: TestSite = {
  key: 'hexi-town',
  kind: 'township',
  name: { zhCN: '河西镇' },
  sponsor: '河西镇人民政府',
  siteCode: '5301000002',
  address: '河西镇政府路1号',
};

/** The base path a site of this kind gets in the demo city: `/`, `/bm/<key>/` or `/xz/<key>/`. */
function basePathOf(site: TestSite): string {
  if (site.kind === 'portal') return '/';
  return site.kind === 'township' ? `/xz/${site.key}/` : `/bm/${site.key}/`;
}

/** Creates a site in the CMS with every footer fact the registry requires. */
export async function createTestSite(strapi: Core.Strapi, site: TestSite) {
  return strapi.documents('api::site.site').create({
    data: {
      key: site.key,
      kind: site.kind,
      name: site.name,
      basePath: basePathOf(site),
      locales: site.locales ?? ['zh-CN'],
      footer: {
        sponsor: { zhCN: site.sponsor ?? site.name.zhCN },
        siteCode: site.siteCode ?? '5301000001',
        icp: '云ICP备12345678号',
        publicSecurity: '云公网安备 53010202000123号',
        contact: { phone: '0871-12345678', address: { zhCN: site.address ?? '临江市政务大道1号' } },
      },
      // biome-ignore lint/suspicious/noExplicitAny: the document service's input type is generated per app
    } as any,
  });
}

/** Creates the site's news column (新闻动态, slug `news`); returns its document id. */
export async function createNewsColumn(strapi: Core.Strapi, siteDocumentId: string): Promise<string> {
  const column = await strapi.documents('api::column.column').create({
    data: { slug: 'news', type: 'news', name: { zhCN: '新闻动态' }, order: 1, site: siteDocumentId },
    // biome-ignore lint/suspicious/noExplicitAny: the document service's input type is generated per app
  } as any);
  return column.documentId;
}
