/** The fixed pages of every site (概况, 机构职能, 联系我们 …). */
import type { Article, Locale, Site } from '@govcluster/shared/schemas';
import { investmentBureauId } from './catalog.ts';
import { type Org, officePhone } from './context.ts';
import { createRng } from './prng.ts';
import { allScenes, at, emit, hours, localesOf, pictures, type Run } from './run.ts';
import { bureauPages, portalPages, type Tri } from './text-investment.ts';

export async function pages(run: Run, site: Site, org: Org): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/pages`);
  const day = run.today - rng.int(60, 500);
  const published = at(rng, day);
  const sourceFor = (locale: Locale): string =>
    locale === 'zh-CN' ? org.sourceName : (site.name[locale] ?? org.sourceName);
  if (org.kind === 'portal' || org.siteId === investmentBureauId) {
    const facts = {
      townships: run.plan.townships.length,
      villages: run.plan.townships.reduce((sum, t) => sum + t.villages.length, 0),
    };
    const list = org.kind === 'portal' ? portalPages(facts) : bureauPages();
    for (const page of list) {
      const images = org.kind === 'portal' ? pictures(run, rng, allScenes, 1) : [];
      for (const locale of localesOf(site)) {
        const article: Article = {
          id: `${site.id}-page-${page.slug}`,
          locale,
          site: site.id,
          column: 'about',
          title: page.title[locale as keyof Tri],
          summary: page.summary[locale as keyof Tri],
          body: page.body[locale as keyof Tri],
          images,
          attachments: [],
          source: sourceFor(locale),
          publishedAt: published,
          updatedAt: published,
        };
        await emit(run, { type: 'article', ...article });
      }
    }
    if (org.kind === 'portal') return;
  }
  let title: string;
  let body: string;
  if (org.kind === 'township') {
    const town = run.plan.townships.find((t) => t.id === org.siteId);
    const villages = town?.villages ?? [];
    title = `${org.short}概况`;
    body = [
      '## 基本情况',
      `${org.short}位于临江市${rng.pick(['东', '南', '西', '北', '东南', '西北'])}部，距市区${rng.int(12, 60)}公里，总面积${rng.int(80, 260)}平方公里，辖${villages.length}个行政村和${rng.int(1, 3)}个社区，户籍人口${rng.int(2, 6)}.${rng.int(0, 9)}万人。`,
      '## 产业发展',
      `${org.short}以${rng.pick(['茶叶', '水稻', '蔬菜', '中药材', '水产养殖'])}和${rng.pick(['乡村旅游', '农产品加工', '竹木加工', '电商物流'])}为主导产业，近年来大力推进乡村振兴，农村居民人均可支配收入保持较快增长。`,
      '## 行政村',
      villages.map((v) => `- ${v.name}`).join('\n'),
      '## 联系方式',
      `- 地址：${org.address}\n- 电话：${officePhone(org, rng)}\n- 办公时间：${hours}`,
    ].join('\n\n');
  } else {
    const f = org.focus;
    const pickF = (i: number) => f[i % f.length] ?? '';
    title = '机构职能';
    body = [
      '## 主要职责',
      [
        `1. 贯彻执行国家、省和市关于${pickF(0)}等方面的方针政策和法律法规，拟订并组织实施相关规划和政策措施。`,
        `2. 负责${pickF(1)}工作，指导和监督各镇（乡）、街道开展相关工作。`,
        `3. 统筹推进${pickF(2)}，协调解决工作中的重大问题。`,
        `4. 承担${pickF(3)}的监督管理和服务职责，依法实施相关行政许可和行政执法。`,
        '5. 完成市委、市政府交办的其他任务。',
      ].join('\n'),
      '## 内设机构',
      rng
        .sample(
          ['办公室', '政策法规科', '规划财务科', '行政审批科', '监督管理科', '综合科', '人事科', '机关党委'],
          5,
        )
        .map((unit) => `- ${unit}`)
        .join('\n'),
      '## 联系方式',
      `- 地址：${org.address}\n- 电话：${officePhone(org, rng)}\n- 办公时间：${hours}`,
    ].join('\n\n');
  }
  const article: Article = {
    id: `${site.id}-page-about`,
    locale: 'zh-CN',
    site: site.id,
    column: 'about',
    title,
    body,
    images: [],
    attachments: [],
    source: org.sourceName,
    publishedAt: published,
    updatedAt: published,
  };
  await emit(run, { type: 'article', ...article });
}
