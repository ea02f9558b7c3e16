/**
 * Builds the fixture cluster (portal, two departments, a township with two villages, three
 * locales) and checks the HTML a visitor gets.
 * Long on purpose: one list of checks over one fixture build, each a few lines; the searched,
 * accessible, phone and Markdown views of the same build have files of their own.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { calendarDay } from '@govcluster/shared/dates';
import { t as typedT } from '@govcluster/shared/i18n';
import { serviceGuideRequiredElements } from '@govcluster/shared/schemas';
import { entryPath, sitePrefix } from '@govcluster/shared/urls';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type FixtureBuild,
  fixtureBuild,
  hreflangs,
  htmlPages,
  linksTo,
  readPage,
  readRecords,
  type SnapshotRecord,
} from './fixture.ts';

type Locale = 'zh-CN' | 'en' | 'ru';
/** The shared `t()`, with keys built at run time. */
const t = typedT as unknown as (locale: Locale, key: string) => string;
type SiteRecord = SnapshotRecord & {
  id: string;
  kind: string;
  basePath: string;
  locales: Locale[];
  parent: string | null;
  name: Record<string, string>;
  footer: {
    siteCode: string;
    icp: string;
    publicSecurity: string;
    sponsor: Record<string, string>;
    partyGovMarkUrl?: string;
  };
};

let fixture: FixtureBuild;
let records: SnapshotRecord[];
let sites: SiteRecord[];
let pages: string[];

function siteOfUrl(url: string): SiteRecord {
  const matches = sites.filter((site) => url.startsWith(site.basePath));
  return matches.sort((a, b) => b.basePath.length - a.basePath.length)[0] as SiteRecord;
}

function urlOf(record: SnapshotRecord): string {
  const site = sites.find((s) => s.id === record.site) as SiteRecord;
  return sitePrefix(site, record.locale as Locale) + entryPath(record.type as never, record as never);
}

/** Records that the build publishes: valid ones (what the fixture holds) of existing sites. */
function published(type: string): SnapshotRecord[] {
  return records.filter(
    (r) =>
      r.type === type && existsSync(path.join(fixture.dist, urlOf(r).split('#')[0] as string, 'index.html')),
  );
}

describe('the fixture cluster', () => {
  beforeAll(async () => {
    fixture = await fixtureBuild();
    records = readRecords(fixture.snapshot);
    sites = records.filter((r) => r.type === 'site') as SiteRecord[];
    pages = htmlPages(fixture.dist);
    // Every case below walks these lists: empty ones would check nothing.
    expect(sites.length, 'sites in the fixture').toBeGreaterThan(2);
    expect(
      sites.some((site) => site.locales.length > 1),
      'a multilingual site in the fixture',
    ).toBe(true);
    expect(pages.length, 'pages in the fixture build').toBeGreaterThan(20);
  }, 300_000);

  it('writes the manifest dist/sites.json with every site of the registry', () => {
    const manifest = JSON.parse(readFileSync(path.join(fixture.dist, 'sites.json'), 'utf8')) as {
      sites: Record<string, unknown>[];
    };
    expect(manifest.sites.map((s) => s.id).sort()).toEqual(sites.map((s) => s.id).sort());
    for (const site of sites) {
      const entry = manifest.sites.find((s) => s.id === site.id) as Record<string, unknown>;
      expect(entry).toMatchObject({
        kind: site.kind,
        name: site.name,
        locales: site.locales,
        basePath: site.basePath,
        parent: site.parent,
      });
      expect(String(entry.url)).toMatch(new RegExp(`${site.basePath.replace(/\//g, '\\/')}$`));
    }
    expect(sites.filter((s) => s.kind === 'township').length).toBeGreaterThan(0);
  });

  it('shows the national furniture on every page', () => {
    expect(pages.length).toBeGreaterThan(20);
    const portal = sites.find((site) => site.kind === 'portal') as SiteRecord & {
      shortName?: Record<string, string>;
    };
    const emblemMark = Array.from((portal.shortName ?? portal.name)['zh-CN'] ?? '')[0];
    expect(emblemMark).toBeTruthy();
    for (const url of pages) {
      const html = readPage(fixture.dist, url);
      const site = siteOfUrl(url);
      const lang = /<html lang="([^"]+)"/.exec(html)?.[1] as Locale;
      const where = `${url} (site ${site.id}, ${lang})`;
      expect(html, where).toContain('<a class="gc-skip-link" href="#gc-main">');
      expect(html, where).toContain('<main id="gc-main"');
      expect(html, where).toContain(site.name[lang] ?? site.name['zh-CN']);
      expect(html, where).toContain(t(lang, 'footer.sponsor'));
      expect(html, where).toContain(site.footer.sponsor[lang] ?? site.footer.sponsor['zh-CN']);
      expect(html, where).toContain(`${t(lang, 'footer.siteCode')}</dt><dd>${site.footer.siteCode}</dd>`);
      expect(html, where).toContain(site.footer.icp);
      expect(html, where).toContain(site.footer.publicSecurity);
      // The 党政机关标识 is the drawn mark, linked to the site's certificate where the registry has one.
      expect(html, where).toMatch(/<svg class="gc-party-gov-mark__image"[^>]*role="img"/);
      if (site.footer.partyGovMarkUrl)
        expect(html, where).toContain(
          `<a class="gc-party-gov-mark" href="${site.footer.partyGovMarkUrl.replaceAll('&', '&amp;')}"`,
        );
      expect(html, where).toContain(`siteCode=${site.footer.siteCode}`);
      expect(html, where).toContain(t(lang, 'footer.reportError'));
      expect(html, where).toContain(t(lang, 'footer.accessibility'));
      expect(html, where).toContain('id="gc-elder-toggle"');
      // The emblem is the seal drawn from the city's name (an empty circle before): hills, a river and
      // the city's first character, named for screen readers.
      const emblem = /<span class="gc-header__emblem"><svg class="gc-emblem"([^>]*)>([\s\S]*?)<\/svg>/.exec(
        html,
      );
      expect(emblem?.[1], where).toMatch(/role="img" aria-label="[^"]+"/);
      expect(emblem?.[2], where).toContain(`>${emblemMark}</text>`);
      expect(emblem?.[2].match(/<path /g)?.length ?? 0, where).toBeGreaterThanOrEqual(2);
      // Only the search page (the search engine) and the letter form (its proof of work, ADR 23) load a
      // script; every page works without one.
      if (!url.endsWith('/search/') && !url.endsWith('/mailbox/write/'))
        expect(html, where).not.toMatch(/<script[^>]+src=/);
    }
  });

  it('gives every site a search page in each of its locales, and the header a search form to it', () => {
    for (const site of sites) {
      for (const locale of site.locales) {
        const url = `${sitePrefix(site, locale)}search/`;
        expect(pages, url).toContain(url);
        const html = readPage(fixture.dist, url);
        expect(html, url).toContain('data-gc-search');
        expect(html, url).toContain(`data-site="${site.id}"`);
        expect(html, url).toContain(`data-locale="${locale}"`);
        expect(html, url).toMatch(/<main[^>]+data-pagefind-ignore="all"/);
        // The site's home points its header search at it: a GET form with a `q` field.
        const home = readPage(fixture.dist, sitePrefix(site, locale));
        expect(home, url).toMatch(
          new RegExp(`<form[^>]+action="${url.replace(/\//g, '\\/')}"[^>]+method="get"`),
        );
        expect(home, url).toMatch(/<input[^>]+name="q"/);
      }
    }
    // The search index was built with the cluster.
    expect(existsSync(path.join(fixture.dist, 'pagefind', 'search.json'))).toBe(true);
  });

  it('marks entry pages for the search index with gc:site, gc:type and gc:date', () => {
    let checked = 0;
    for (const type of [
      'article',
      'policy',
      'interpretation',
      'serviceGuide',
      'letter',
      'village',
      'investmentProject',
    ]) {
      for (const record of published(type)) {
        const url = urlOf(record);
        const html = readPage(fixture.dist, url);
        expect(html, url).toContain(`<meta name="gc:site" content="${record.site}">`);
        expect(html, url).toContain(`<meta name="gc:type" content="${type}">`);
        expect(html, url).toContain(
          `<meta name="gc:date" content="${calendarDay(String(record.publishedAt))}">`,
        );
        expect(html, url).not.toContain('data-pagefind-ignore="all"');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
    // Listings and the site map stay out of the index.
    const site = sites.find((s) => s.kind === 'portal') as SiteRecord;
    for (const url of [sitePrefix(site, 'zh-CN'), `${sitePrefix(site, 'zh-CN')}sitemap/`]) {
      expect(readPage(fixture.dist, url), url).toMatch(/<main[^>]+data-pagefind-ignore="all"/);
    }
  });

  it('says on a policy no longer in force, and in its column, that it is not in force; never on a valid one', () => {
    const policies = records.filter((r) => r.type === 'policy' && r.locale === 'zh-CN');
    const retired = policies.filter((r) => r.validity !== 'valid');
    expect(retired.length, 'a repealed, amended or expired policy in the fixture').toBeGreaterThan(0);
    expect(policies.length - retired.length, 'a valid policy in the fixture').toBeGreaterThan(0);
    for (const policy of policies) {
      const html = readPage(fixture.dist, urlOf(policy));
      const notice = /class="gc-notice gc-notice--validity"[^>]*><strong[^>]*>([^<]+)/.exec(html)?.[1];
      if (policy.validity === 'valid') expect(notice, urlOf(policy)).toBeUndefined();
      else expect(notice, urlOf(policy)).toMatch(/^本文件已(废止|修改|失效)/);
      const site = sites.find((s) => s.id === policy.site) as SiteRecord;
      const column = readPage(fixture.dist, `${sitePrefix(site, 'zh-CN')}${policy.column}/`);
      const item = column.slice(column.indexOf(`href="${urlOf(policy)}"`)).split('</li>')[0] ?? '';
      expect(item.includes('gc-list__status'), `${policy.title} in its column`).toBe(
        policy.validity !== 'valid',
      );
    }
  });

  it('lists on every home block’s 更多 page every item of the block (the portal’s aggregate the cluster)', () => {
    let checked = 0;
    for (const site of sites) {
      for (const locale of site.locales as Locale[]) {
        const home = readPage(fixture.dist, sitePrefix(site, locale));
        for (const block of home.split('<section class="gc-block">').slice(1)) {
          const more = /class="gc-block__more" href="([^"]+)"/.exec(block)?.[1];
          if (!more) continue;
          const items = [
            ...block.matchAll(/<li class="gc-list__item">\s*<span[^>]*>\s*<a href="([^"]+)"/g),
          ].map((match) => match[1]);
          // Every page of the listing, page 2 on at <more>page/N/.
          const listed = new Set<string>();
          for (let page = 1; ; page += 1) {
            const url = page === 1 ? more : `${more}page/${page}/`;
            if (!existsSync(path.join(fixture.dist, url, 'index.html'))) break;
            for (const match of readPage(fixture.dist, url).matchAll(/<a href="([^"]+)"/g))
              listed.add(match[1]!);
          }
          expect(listed.size, `${more} has pages`).toBeGreaterThan(0);
          expect(
            items.filter((item) => !listed.has(item!)),
            `${sitePrefix(site, locale)}: items of the block whose 更多 is ${more} missing there`,
          ).toEqual([]);
          checked += items.length;
        }
      }
    }
    expect(checked, 'block items checked').toBeGreaterThan(10);
  });

  it('links every language version with reciprocal hreflang pairs', () => {
    let pairs = 0;
    for (const url of pages) {
      const html = readPage(fixture.dist, url);
      const versions = hreflangs(html);
      if (versions.size === 0) continue;
      const lang = /<html lang="([^"]+)"/.exec(html)?.[1] as string;
      expect(versions.get(lang), url).toBe(url);
      for (const [locale, other] of versions) {
        if (locale === 'x-default') {
          expect(hreflangs(readPage(fixture.dist, other)).get('zh-CN')).toBe(other);
          continue;
        }
        expect(hreflangs(readPage(fixture.dist, other)), `${other} should link back to ${url}`).toEqual(
          versions,
        );
        pairs += 1;
      }
    }
    expect(pairs).toBeGreaterThan(0);
    // An investment project in three locales is one page in three languages.
    const project = published('investmentProject').find((r) => r.locale === 'en');
    expect(project, 'the fixture has an English investment project').toBeDefined();
    const versions = hreflangs(readPage(fixture.dist, urlOf(project as SnapshotRecord)));
    expect([...versions.keys()]).toEqual(expect.arrayContaining(['zh-CN', 'en']));
  });

  it('sends the language switch of an untranslated page to that locale home, with a notice', () => {
    const translated = new Set(
      records.filter((r) => r.locale && r.locale !== 'zh-CN').map((r) => `${r.type}|${r.id}|${r.locale}`),
    );
    const types = ['article', 'policy', 'interpretation', 'serviceGuide', 'letter', 'investmentProject'];
    let checked = 0;
    for (const site of sites.filter((s) => s.locales.length > 1)) {
      for (const other of site.locales.filter((l) => l !== 'zh-CN')) {
        const onlyChinese = types
          .flatMap((type) => published(type))
          .find(
            (r) =>
              r.site === site.id && r.locale === 'zh-CN' && !translated.has(`${r.type}|${r.id}|${other}`),
          );
        if (!onlyChinese) continue;
        const html = readPage(fixture.dist, urlOf(onlyChinese));
        expect(linksTo(html, `${sitePrefix(site, other)}#gc-untranslated`), urlOf(onlyChinese)).toBe(true);
        expect(html).toContain(`lang="${other}"> ${t(other, 'locale.missingTitle')}</span></a>`);
        const home = readPage(fixture.dist, sitePrefix(site, other));
        expect(home).toContain('id="gc-untranslated"');
        expect(home).toContain(t(other, 'locale.missingNotice'));
        checked += 1;
      }
    }
    expect(checked, 'the fixture has an untranslated entry on a multilingual site').toBeGreaterThan(0);
  });

  it('links policy documents and their interpretations both ways', () => {
    const interpretations = published('interpretation');
    expect(interpretations.length).toBeGreaterThan(0);
    for (const interpretation of interpretations) {
      const policy = records.find(
        (r) => r.type === 'policy' && r.id === interpretation.policy && r.locale === interpretation.locale,
      );
      expect(policy, `the policy of ${urlOf(interpretation)}`).toBeDefined();
      if (!policy) continue;
      const locale = interpretation.locale as Locale;
      const interpretationHtml = readPage(fixture.dist, urlOf(interpretation));
      const policyHtml = readPage(fixture.dist, urlOf(policy));
      expect(linksTo(interpretationHtml, urlOf(policy)), `${urlOf(interpretation)} → policy`).toBe(true);
      expect(linksTo(policyHtml, urlOf(interpretation)), `${urlOf(policy)} → interpretation`).toBe(true);
      expect(policyHtml).toContain(t(locale, 'policy.interpretations'));
    }
  });

  it('shows the 公开目录 metadata of every policy document', () => {
    const policies = published('policy');
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      // As a reader sees it: the parts of a 索引号 and the line break between them are no text.
      const html = readPage(fixture.dist, urlOf(policy)).replace(/<wbr>|<\/?span[^>]*>/g, '');
      const locale = policy.locale as Locale;
      for (const field of ['indexNumber', 'issuingAuthority', 'documentNumber', 'writtenDate', 'topic']) {
        expect(html, `${urlOf(policy)} ${field}`).toContain(
          `${t(locale, `policy.${field}`)}</th><td role="cell">${String(policy[field]).replace(/&/g, '&amp;')}</td>`,
        );
      }
      expect(html).toContain(t(locale, `validity.${policy.validity}`));
    }
  });

  it('shows the eight required elements on every service guide', () => {
    const guides = published('serviceGuide');
    expect(guides.length).toBeGreaterThan(0);
    for (const guide of guides) {
      const html = readPage(fixture.dist, urlOf(guide));
      const locale = guide.locale as Locale;
      for (const element of serviceGuideRequiredElements) {
        const label = t(locale, `serviceGuide.${element}`);
        expect(
          new RegExp(`data-element="${element}">\\s*<h2>${label}</h2>`).test(html),
          `${urlOf(guide)} ${element}`,
        ).toBe(true);
      }
      for (const value of [guide.title, guide.location, guide.hours, guide.inquiryPhone]) {
        expect(html.includes(String(value)), `${urlOf(guide)}: ${String(value)}`).toBe(true);
      }
      for (const material of guide.materials as { name: string }[])
        expect(html.includes(material.name)).toBe(true);
      for (const step of guide.process as string[])
        expect(html.includes(`<li>${step}</li>`), step).toBe(true);
    }
  });

  it('gives every village its page under the township and lists it on the township home', () => {
    const villages = published('village');
    expect(villages.length).toBeGreaterThanOrEqual(2);
    for (const village of villages) {
      const township = sites.find((s) => s.id === village.site) as SiteRecord;
      expect(township.kind).toBe('township');
      const url = `${sitePrefix(township, village.locale as Locale)}villages/${village.slug}/`;
      expect(urlOf(village)).toBe(url);
      expect(readPage(fixture.dist, url)).toContain(String(village.name));
      expect(linksTo(readPage(fixture.dist, sitePrefix(township, village.locale as Locale)), url)).toBe(true);
    }
  });

  it('gives every leader a page with position, responsibilities and biography, linked from the leaders page', () => {
    const leaders = records.filter((r) => r.type === 'leader');
    expect(leaders.length).toBeGreaterThan(0);
    for (const leader of leaders) {
      const site = sites.find((s) => s.id === leader.site) as SiteRecord;
      const prefix = sitePrefix(site, leader.locale as Locale);
      const url = `${prefix}leaders/${leader.id}/`;
      const html = readPage(fixture.dist, url);
      expect(html, url).toContain(`<h1>${leader.name}</h1>`);
      expect(html, url).toContain(String(leader.position));
      expect(html, url).toContain(t(leader.locale as Locale, 'leader.bio'));
      expect(html, url).toContain('<meta name="gc:type" content="leader">');
      // The breadcrumb leads back to the leaders page.
      const crumbs = /<ol class="gc-breadcrumbs__list">(.*?)<\/ol>/s.exec(html)?.[1] ?? '';
      expect(crumbs, url).toContain(
        `<a href="${prefix}leaders/">${t(leader.locale as Locale, 'nav.leaders')}</a>`,
      );
      expect(linksTo(readPage(fixture.dist, `${prefix}leaders/`), url), url).toBe(true);
    }
  });

  it('never publishes letter writers or unreplied letters', () => {
    const all = pages.map((url) => readPage(fixture.dist, url)).join('\n');
    const letters = records.filter((r) => r.type === 'letter');
    // The demo city's writers have no ID number; the CMS's API-access suite checks that one never leaks.
    const writers = letters.flatMap((letter) => (letter.writer ? [letter.writer as { phone: string }] : []));
    const unreplied = letters.filter((letter) => letter.status !== 'replied');
    expect(writers.length, 'letters with a writer in the fixture').toBeGreaterThan(0);
    expect(unreplied.length, 'unreplied letters in the fixture').toBeGreaterThan(0);
    for (const writer of writers) expect(all).not.toContain(writer.phone);
    for (const letter of unreplied)
      expect(existsSync(path.join(fixture.dist, urlOf(letter), 'index.html'))).toBe(false);
  });

  it('writes a sitemap.xml and an RSS feed per site and robots.txt', () => {
    for (const site of sites) {
      const sitemap = readFileSync(path.join(fixture.dist, site.basePath, 'sitemap.xml'), 'utf8');
      expect(sitemap).toContain(`${site.basePath}</loc>`);
      for (const locale of site.locales) {
        const feed = readFileSync(path.join(fixture.dist, sitePrefix(site, locale), 'rss.xml'), 'utf8');
        expect(feed).toContain('<rss version="2.0">');
      }
    }
    const robots = readFileSync(path.join(fixture.dist, 'robots.txt'), 'utf8');
    for (const site of sites) expect(robots).toContain(`${site.basePath}sitemap.xml`);
  });

  it('gives every site a 404 page in its own frame, with the way back in each of its locales', () => {
    for (const site of sites) {
      const html = readPage(fixture.dist, `${site.basePath}404.html`);
      const where = `${site.basePath}404.html`;
      expect(html, where).toContain(`<h1>${t('zh-CN', 'error.notFound')}</h1>`);
      expect(html, where).toContain(site.name['zh-CN']);
      expect(html, where).toContain('<meta name="robots" content="noindex">');
      expect(html, where).not.toContain('rel="canonical"');
      for (const locale of site.locales.filter((l) => l !== 'zh-CN')) {
        expect(html, `${where} (${locale})`).toContain(
          `<section lang="${locale}" class="gc-not-found__locale">`,
        );
        expect(html, `${where} (${locale})`).toContain(`href="${sitePrefix(site, locale)}"`);
        expect(html, `${where} (${locale})`).toContain(t(locale, 'error.notFound'));
      }
    }
    // Rendered at <basePath>404/ and moved: no 404 folder is left to be served as a page.
    for (const site of sites) expect(existsSync(path.join(fixture.dist, site.basePath, '404'))).toBe(false);
  });

  it('keeps an article page under 50 KB transferred, without images', () => {
    const article = published('article')[0] as SnapshotRecord;
    const html = readPage(fixture.dist, urlOf(article));
    // What the browser fetches besides images: the HTML, the stylesheets, no script files.
    expect(html).not.toMatch(/<script[^>]+src=/);
    const styles = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1] as string);
    const bytes = [
      gzipSync(html).length,
      ...styles.map((href) => gzipSync(readFileSync(path.join(fixture.dist, href))).length),
    ];
    expect(bytes.reduce((a, b) => a + b, 0)).toBeLessThan(50 * 1024);
  });

  it('renders images as AVIF with a WebP fallback, with width and height', () => {
    const withImage = published('article').find((r) => (r.images as unknown[]).length > 0);
    expect(withImage, 'the fixture has an article with an image').toBeDefined();
    const html = readPage(fixture.dist, urlOf(withImage as SnapshotRecord));
    // The largest file offered is as wide as the image is drawn (46rem at most, the image's own width
    // when smaller): a wide screen must not get a 480-pixel file blown up to 800.
    const img = html.match(/<figure class="gc-figure"[^>]*>[\s\S]*?(<img[^>]+>)/)?.[1] ?? '';
    const drawn = Number(img.match(/width="(\d+)"/)?.[1]);
    const offered = [...(img.match(/srcset="([^"]+)"/)?.[1] ?? '').matchAll(/ (\d+)w/g)].map((m) =>
      Number(m[1]),
    );
    expect(offered.length, 'the image offers a srcset').toBeGreaterThan(0);
    expect(Math.max(...offered)).toBeGreaterThanOrEqual(Math.min(drawn, 736));
    expect(html).toMatch(/<source[^>]+type="image\/avif"/);
    expect(html).toMatch(
      /<img[^>]+src="\/_astro\/[^"]+\.webp"[^>]*width="\d+"[^>]*height="\d+"|<img[^>]+width="\d+"[^>]+height="\d+"[^>]+src="\/_astro\/[^"]+\.webp"/,
    );
  });
});
