import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleDepartment, examplePortal, exampleSites, exampleTownship } from '../schemas/examples.ts';
import type { Site } from '../schemas/site.ts';
import {
  assertRegistry,
  formatProblem,
  loadRegistry,
  type Problem,
  RegistryError,
  validateRegistry,
} from './index.ts';

const file = 'registry/sites.json';

/** The problems as the lines a reviewer reads. */
function lines(problems: readonly Problem[]): string[] {
  return problems.map(formatProblem);
}

/** A site's footer with another 网站标识码, so that a copied site stays unique where it must be. */
function footerWithCode(site: Site, siteCode: string): Site['footer'] {
  return { ...site.footer, siteCode };
}

/** A copy of a site with some fields replaced. */
function variant(site: Site, changes: Record<string, unknown>): Record<string, unknown> {
  return { ...structuredClone(site), ...changes };
}

describe('validateRegistry', () => {
  it('accepts the example cluster', () => {
    expect(validateRegistry(exampleSites, { file })).toEqual([]);
    expect(assertRegistry(exampleSites, { file }).map((site) => site.id)).toEqual([
      'portal',
      'fgw',
      'jiangning-town',
    ]);
  });

  it('reports duplicate base paths, naming the file, the site and the rule', () => {
    const copy = variant(exampleDepartment, {
      id: 'jxw',
      footer: { ...exampleDepartment.footer, siteCode: '5301000009' },
    });
    expect(lines(validateRegistry([...exampleSites, copy], { file }))).toEqual([
      'registry/sites.json: site "jxw": unique-base-path: basePath "/bm/fgw/" is already used by site "fgw"',
    ]);
  });

  it('reports two sites with the same 网站标识码', () => {
    const copy = variant(exampleDepartment, { id: 'jxw', basePath: '/bm/jxw/' });
    expect(lines(validateRegistry([...exampleSites, copy], { file }))).toEqual([
      `registry/sites.json: site "jxw": unique-site-code: footer.siteCode "${exampleDepartment.footer.siteCode}" is already used by site "fgw"`,
    ]);
  });

  it('reports a township outside the portal’s path', () => {
    const portal = variant(examplePortal, { basePath: '/www/' });
    const problems = validateRegistry([portal, exampleDepartment, exampleTownship], { file });
    expect(lines(problems)).toEqual([
      'registry/sites.json: site "jiangning-town": township-under-portal: a township site\'s basePath must lie under the portal\'s basePath "/www/", but it is "/xz/jiangning-town/" (国办发〔2017〕47号: 乡镇原则上不开设门户网站)',
    ]);
  });

  it('reports a township whose parent is not the portal', () => {
    const township = variant(exampleTownship, { parent: 'fgw' });
    expect(lines(validateRegistry([examplePortal, exampleDepartment, township], { file }))).toEqual([
      'registry/sites.json: site "jiangning-town": township-under-portal: a township site\'s parent must be the portal "portal", not "fgw"',
    ]);
  });

  it('reports a site without 网站标识码', () => {
    const { siteCode: _siteCode, ...footer } = exampleDepartment.footer;
    const problems = validateRegistry(
      [examplePortal, variant(exampleDepartment, { footer }), exampleTownship],
      { file },
    );
    expect(problems).toEqual([
      {
        file,
        entry: 'site "fgw"',
        rule: 'site-code-required',
        message: 'footer.siteCode (网站标识码) is required',
        path: 'footer.siteCode',
      },
    ]);
  });

  it('reports a 网站标识码 that is not ten digits', () => {
    const footer = { ...exampleDepartment.footer, siteCode: 'ABC' };
    expect(
      lines(validateRegistry([examplePortal, variant(exampleDepartment, { footer })], { file })),
    ).toEqual([
      'registry/sites.json: site "fgw": site-code-invalid: footer.siteCode (网站标识码) must be exactly 10 digits (网站标识码)',
    ]);
  });

  it('reports every footer fact when the footer is missing', () => {
    const { footer: _footer, ...site } = exampleDepartment;
    expect(validateRegistry([examplePortal, site], { file }).map((problem) => problem.rule)).toEqual([
      'sponsor-required',
      'site-code-required',
      'icp-required',
      'public-security-required',
      'contact-required',
    ]);
  });

  it('reports an empty 主办单位 and a malformed ICP备案号', () => {
    const footer = { ...exampleDepartment.footer, sponsor: { 'zh-CN': '' }, icp: 'ICP 12345' };
    expect(
      lines(validateRegistry([examplePortal, variant(exampleDepartment, { footer })], { file })),
    ).toEqual([
      'registry/sites.json: site "fgw": sponsor-required: footer.sponsor.zh-CN (主办单位) is required',
      'registry/sites.json: site "fgw": icp-invalid: footer.icp (ICP备案号) must look like 云ICP备12345678号 (ICP备案号)',
    ]);
  });

  it('requires exactly one portal', () => {
    expect(lines(validateRegistry([exampleDepartment], { file }))).toEqual([
      'registry/sites.json: registry: single-portal: the registry has no portal (门户网站)',
      'registry/sites.json: site "fgw": parent-exists: parent "portal" is not a site of the registry',
    ]);
    const second = variant(examplePortal, {
      id: 'portal-2',
      basePath: '/p2/',
      footer: footerWithCode(examplePortal, '5301000091'),
    });
    expect(validateRegistry([examplePortal, second], { file }).map((p) => `${p.entry} ${p.rule}`)).toEqual([
      'site "portal-2" single-portal',
    ]);
  });

  it('reports duplicate ids, unknown parents and a department outside the portal', () => {
    const duplicate = variant(exampleTownship, {
      basePath: '/xz/other/',
      id: 'fgw',
      footer: footerWithCode(exampleTownship, '5301000092'),
    });
    const orphan = variant(exampleDepartment, {
      id: 'jxw',
      basePath: '/bm/jxw/',
      parent: 'nowhere',
      footer: footerWithCode(exampleDepartment, '5301000093'),
    });
    const nested = variant(exampleDepartment, {
      id: 'sub',
      basePath: '/bm/sub/',
      parent: 'fgw',
      footer: footerWithCode(exampleDepartment, '5301000094'),
    });
    expect(
      validateRegistry([...exampleSites, duplicate, orphan, nested], { file }).map(
        (p) => `${p.entry} ${p.rule}`,
      ),
    ).toEqual(['site "fgw" unique-id', 'site "jxw" parent-exists', 'site "sub" department-under-portal']);
  });

  it('reports a locale without UI strings and a site without zh-CN', () => {
    const english = variant(exampleDepartment, { locales: ['en'] });
    const problems = validateRegistry([examplePortal, english], { file, uiLocales: ['zh-CN', 'en'] });
    expect(lines(problems)).toEqual([
      'registry/sites.json: site "fgw": default-locale-required: locales (语言版本) must include zh-CN',
      'registry/sites.json: site "portal": ui-locale-available: locale "ru" has no UI strings (translations/ru.json); available: zh-CN, en',
    ]);
  });

  it('reports a column slug used twice in one site', () => {
    const columns = [
      ...exampleDepartment.columns,
      { slug: 'news', type: 'notice', name: { 'zh-CN': '通知公告' }, order: 3 },
    ];
    expect(
      lines(validateRegistry([examplePortal, variant(exampleDepartment, { columns })], { file })),
    ).toEqual([
      'registry/sites.json: site "fgw": unique-column-slug: columns.2.slug (栏目) column slug "news" is used twice',
    ]);
  });

  it("reports column slugs that clash with the site's own pages or other sites' paths", () => {
    const department = variant(exampleDepartment, {
      columns: [
        { slug: 'en', type: 'page', name: { 'zh-CN': '英文' }, order: 1 },
        { slug: '404', type: 'page', name: { 'zh-CN': '未找到' }, order: 2 },
      ],
    });
    const portal = variant(examplePortal, {
      columns: [{ slug: 'bm', type: 'page', name: { 'zh-CN': '部门' }, order: 1 }],
    });
    expect(lines(validateRegistry([portal, department, exampleTownship], { file }))).toEqual([
      'registry/sites.json: site "portal": reserved-column-slug: column slug "bm" of the portal clashes with the paths of other sites (/bm/…)',
      'registry/sites.json: site "fgw": reserved-column-slug: column slug "en" is reserved for the site\'s own pages (zh-cn, en, ru, villages, investment, leaders, sitemap, accessibility, search, mailbox, service-guides, interaction, 404)',
      'registry/sites.json: site "fgw": reserved-column-slug: column slug "404" is reserved for the site\'s own pages (zh-cn, en, ru, villages, investment, leaders, sitemap, accessibility, search, mailbox, service-guides, interaction, 404)',
    ]);
  });

  it('names a site without a usable id by its position', () => {
    const problems = validateRegistry([examplePortal, variant(exampleDepartment, { id: 42 })], { file });
    expect(problems.map((p) => `${p.entry} ${p.rule}`)).toEqual(['site #1 id-invalid']);
    const { id: _id, ...anonymous } = exampleDepartment;
    expect(validateRegistry([examplePortal, anonymous], { file }).map((p) => `${p.entry} ${p.rule}`)).toEqual(
      ['site #1 id-required'],
    );
  });
});

describe('assertRegistry and loadRegistry', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('throw a RegistryError listing every problem as <file>: site "<id>": <rule>: <message>', () => {
    const copy = variant(exampleDepartment, {
      id: 'jxw',
      footer: { ...exampleDepartment.footer, siteCode: '1' },
    });
    const error = (() => {
      try {
        assertRegistry([...exampleSites, copy], { file });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).message).toBe(
      [
        'The site registry has 2 problems:',
        'registry/sites.json: site "jxw": site-code-invalid: footer.siteCode (网站标识码) must be exactly 10 digits (网站标识码)',
        'registry/sites.json: site "jxw": unique-base-path: basePath "/bm/fgw/" is already used by site "fgw"',
      ].join('\n'),
    );
  });

  it('load a JSON file and name it in errors', async () => {
    dir = await mkdtemp(join(tmpdir(), 'govcluster-registry-'));
    const good = join(dir, 'sites.json');
    await writeFile(good, JSON.stringify(exampleSites));
    expect((await loadRegistry(good)).length).toBe(3);

    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify([examplePortal, { ...exampleDepartment, basePath: '/' }]));
    await expect(loadRegistry(bad)).rejects.toThrow(`${bad}: site "fgw": unique-base-path:`);

    const broken = join(dir, 'broken.json');
    await writeFile(broken, '[{');
    await expect(loadRegistry(broken)).rejects.toThrow(`${broken}: registry: json-syntax:`);
  });
});
