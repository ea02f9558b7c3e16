/**
 * The investors' view of the fixture cluster (issue 16): the English and Russian homes, the investor
 * contacts page and guide, and the 404 pages of the English and Russian prefixes, read as HTML.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { t as typedT } from '@govcluster/shared/i18n';
import { fixedPaths, sitePrefix } from '@govcluster/shared/urls';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FixtureBuild, fixtureBuild, readPage, readRecords, type SnapshotRecord } from './fixture.ts';

type Locale = 'zh-CN' | 'en' | 'ru';
const t = typedT as unknown as (locale: Locale, key: string, params?: Record<string, string>) => string;
type Text = Partial<Record<Locale, string>> & { 'zh-CN': string };
interface SiteRecord extends SnapshotRecord {
  id: string;
  kind: string;
  basePath: string;
  locales: Locale[];
  name: Text;
  shortName?: Text;
  investorContacts?: { office: Text; phone: string; email?: string }[];
}

/** The home blocks of a page: each block's heading text and how many list items it holds. */
export function homeBlocks(html: string): { title: string; items: number }[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return main
    .split('<section class="gc-block">')
    .slice(1)
    .map((block) => {
      const body = block.split('</section>')[0] ?? '';
      const title = (/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(body)?.[1] ?? '').replace(/<[^>]+>/g, '').trim();
      return { title, items: (body.match(/<li[\s>]/g) ?? []).length };
    });
}

/** The `href`s of a page's `<main>` with their `hreflang` (empty when none). */
function mainLinks(html: string): { href: string; hreflang: string; text: string }[] {
  const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
  return [...main.matchAll(/<a ([^>]*)>([\s\S]*?)<\/a>/g)].map((match) => ({
    href: /href="([^"]*)"/.exec(match[1] ?? '')?.[1] ?? '',
    hreflang: /hreflang="([^"]*)"/.exec(match[1] ?? '')?.[1] ?? '',
    text: (match[2] ?? '').replace(/<[^>]+>/g, ''),
  }));
}

let fixture: FixtureBuild;
let sites: SiteRecord[];
const investorLocales: Locale[] = ['en', 'ru'];

describe('investors’ pages in English and Russian', () => {
  beforeAll(async () => {
    fixture = await fixtureBuild();
    sites = readRecords(fixture.snapshot).filter((r) => r.type === 'site') as SiteRecord[];
    expect(
      sites.filter((site) => site.locales.includes('en') && site.locales.includes('ru')).length,
      'sites in English and Russian in the fixture',
    ).toBeGreaterThan(1);
  }, 300_000);

  it('homes show only what exists in their language: no empty block, no Chinese-only site unmarked', () => {
    for (const site of sites) {
      for (const locale of investorLocales.filter((l) => site.locales.includes(l))) {
        const url = sitePrefix(site, locale);
        const html = readPage(fixture.dist, url);
        const blocks = homeBlocks(html);
        expect(blocks.length, url).toBeGreaterThan(1);
        expect(
          blocks.filter((block) => block.items === 0),
          `${url}: empty blocks`,
        ).toEqual([]);
        expect(html, url).not.toContain(t(locale, 'list.empty'));
        // On the home and the site map, a link out of the page's language says so, in words and hreflang.
        for (const page of [url, url + fixedPaths.siteMap]) {
          for (const link of mainLinks(readPage(fixture.dist, page))) {
            const target = sites
              .filter((other) => link.href.startsWith(other.basePath))
              .sort((a, b) => b.basePath.length - a.basePath.length)[0];
            if (!link.href.startsWith('/') || link.href.startsWith(sitePrefix(target ?? site, locale)))
              continue;
            expect(link, `${page}: a link to Chinese pages`).toMatchObject({ hreflang: 'zh-CN' });
            expect(link.text, `${page}: marked as Chinese`).toContain(t(locale, 'locale.inChinese'));
          }
        }
      }
    }
  });

  it('the English and Russian portal homes lead investors to projects, guide, contacts and the bureau', () => {
    const portal = sites.find((site) => site.kind === 'portal') as SiteRecord;
    const bureau = sites.find((site) => site.kind === 'department' && site.locales.includes('en'));
    for (const locale of investorLocales) {
      const prefix = sitePrefix(portal, locale);
      const html = readPage(fixture.dist, prefix);
      const links = mainLinks(html).map((link) => link.href);
      expect(links, prefix).toEqual(
        expect.arrayContaining([
          prefix + fixedPaths.investorGuide,
          prefix + fixedPaths.investment,
          prefix + fixedPaths.investorContacts,
        ]),
      );
      if (bureau) expect(links, `${prefix}: the bureau`).toContain(sitePrefix(bureau, locale));
      // News for investors: the newest news in this language, from any site.
      const news = readRecords(fixture.snapshot)
        .filter((r) => r.type === 'article' && r.column === 'news' && r.locale === locale)
        .sort((a, b) => String(b.publishedAt).localeCompare(String(a.publishedAt)));
      expect(news.length, `news in ${locale} in the fixture`).toBeGreaterThan(0);
      expect(html, `${prefix}: news for investors`).toContain(`>${news[0]?.title}</a>`);
      const first = portal.investorContacts?.[0];
      expect(first, 'the fixture portal has investor contacts').toBeDefined();
      expect(html, `${prefix}: key contact`).toContain(first?.office[locale] as string);
      expect(html, `${prefix}: key contact`).toContain(first?.phone as string);
    }
  });

  it('every site with investor contacts has a contacts page listing them in each of its locales', () => {
    let checked = 0;
    for (const site of sites.filter((s) => (s.investorContacts ?? []).length > 0)) {
      for (const locale of site.locales) {
        const url = sitePrefix(site, locale) + fixedPaths.investorContacts;
        const html = readPage(fixture.dist, url);
        expect(html, url).toContain(`<h1>${t(locale, 'investorContact.title')}</h1>`);
        for (const contact of site.investorContacts ?? []) {
          expect(html, url).toContain(contact.office[locale] ?? contact.office['zh-CN']);
          expect(html, url).toContain(`href="tel:${contact.phone.replace(/[^\d+]/g, '')}"`);
          if (contact.email) expect(html, url).toContain(`href="mailto:${contact.email}"`);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('the investor guide names the city, not the government', () => {
    const portal = sites.find((site) => site.kind === 'portal') as SiteRecord;
    for (const locale of investorLocales) {
      const url = sitePrefix(portal, locale) + fixedPaths.investorGuide;
      const html = readPage(fixture.dist, url);
      const city = portal.shortName?.[locale] as string;
      expect(html, url).toContain(t(locale, 'guide.intro', { city }));
      expect(html, url).not.toContain(`${portal.name[locale]}.`);
    }
  });

  it('answers unknown URLs under /en/ and /ru/ with a 404 page in that language', () => {
    for (const site of sites) {
      for (const locale of site.locales) {
        const where = `${sitePrefix(site, locale)}404.html`;
        const html = readPage(fixture.dist, where);
        expect(html, where).toContain(`<html lang="${locale}"`);
        expect(html, where).toContain(`<h1>${t(locale, 'error.notFound')}</h1>`);
        expect(html, where).toContain(`>${t(locale, 'nav.home')}</a>`);
        expect(html, where).toContain(site.name[locale] ?? site.name['zh-CN']);
        // Each language's home is where the switch leads: no "not available" on a missing page.
        for (const other of site.locales.filter((l) => l !== locale)) {
          expect(html, where).not.toContain(t(other, 'locale.missingTitle'));
          expect(html, where).toContain(`href="${sitePrefix(site, other)}" lang="${other}"`);
        }
        expect(existsSync(path.join(fixture.dist, sitePrefix(site, locale), '404')), where).toBe(false);
      }
    }
    const english = readPage(fixture.dist, '/en/404.html');
    expect(english).toContain(t('en', 'error.notFoundMessage'));
    expect(english).not.toContain(`<h1>${t('zh-CN', 'error.notFound')}</h1>`);
  });
});
