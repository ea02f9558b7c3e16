/**
 * The 政务服务 and 互动交流 pages of the fixture cluster as a visitor gets them (ADR 28): guides by
 * topic, audience and department with their 在线办理 links, the hub with the 12345 hotline, interviews
 * and consultations open and closed, and the 政务新媒体 in the footer.
 */

import { existsSync } from 'node:fs';
import path from 'node:path';
import { calendarDay } from '@govcluster/shared/dates';
import { beforeAll, describe, expect, it } from 'vitest';
import { type FixtureBuild, fixtureBuild, readPage, readRecords, type SnapshotRecord } from './fixture.ts';

type Site = SnapshotRecord & {
  id: string;
  kind: string;
  basePath: string;
  hotline?: { number: string };
  newMedia?: { name: { 'zh-CN': string }; account?: string; url?: string }[];
};

let fixture: FixtureBuild;
let records: SnapshotRecord[];
let sites: Site[];
let portal: Site;

const zh = (type: string) => records.filter((r) => r.type === type && r.locale === 'zh-CN');
const siteOf = (id: unknown) => sites.find((site) => site.id === id) as Site;
const urlOf = (r: SnapshotRecord) => `${siteOf(r.site).basePath}${r.column}/${r.id}/`;
const built = (url: string) => existsSync(path.join(fixture.dist, url, 'index.html'));
/** The entry pages a page links to (`/…/<column>/<id>/`), as a sorted list. */
const linkedEntries = (html: string, column: string) =>
  [...html.matchAll(new RegExp(`href="(/(?:[a-z0-9-]+/)*${column}/[a-z0-9-]+/)"`, 'g'))]
    .map((m) => m[1] as string)
    .sort();
/** The main part of a page, without header and footer. */
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
/** China's day now: consultations are judged by it. */
const today = () => calendarDay(new Date());

describe('政务服务 and 互动交流 on the fixture cluster', () => {
  beforeAll(async () => {
    fixture = await fixtureBuild();
    records = readRecords(fixture.snapshot);
    sites = records.filter((r) => r.type === 'site') as Site[];
    portal = sites.find((site) => site.kind === 'portal') as Site;
    expect(zh('serviceGuide').length, 'guides in the fixture').toBeGreaterThan(4);
  }, 300_000);

  it('lists on a topic page exactly the guides of that topic, from every site on the portal', () => {
    const topics = [
      ...new Set(
        zh('serviceGuide')
          .map((g) => g.topic)
          .filter(Boolean),
      ),
    ] as string[];
    expect(topics.length).toBeGreaterThan(1);
    for (const topic of topics) {
      const html = readPage(fixture.dist, `${portal.basePath}service-guides/topic/${topic}/`);
      const expected = zh('serviceGuide')
        .filter((g) => g.topic === topic)
        .map(urlOf)
        .filter(built)
        .sort();
      expect(linkedEntries(main(html), 'services'), topic).toEqual(expected);
    }
  });

  it('lists by audience and by department, and the home links every facet page', () => {
    const home = main(readPage(fixture.dist, `${portal.basePath}service-guides/`));
    for (const audience of ['personal', 'legal']) {
      const url = `${portal.basePath}service-guides/audience/${audience}/`;
      expect(home).toContain(`href="${url}"`);
      const expected = zh('serviceGuide')
        .filter((g) => (g.audience as string[] | undefined)?.includes(audience))
        .map(urlOf)
        .sort();
      expect(linkedEntries(main(readPage(fixture.dist, url)), 'services'), audience).toEqual(expected);
    }
    for (const site of sites.filter((s) => zh('serviceGuide').some((g) => g.site === s.id))) {
      const url = `${portal.basePath}service-guides/department/${site.id}/`;
      expect(home).toContain(`href="${url}"`);
      const expected = zh('serviceGuide')
        .filter((g) => g.site === site.id)
        .map(urlOf)
        .sort();
      expect(linkedEntries(main(readPage(fixture.dist, url)), 'services'), site.id).toEqual(expected);
    }
    // A department's own 政务服务 pages hold its own guides only, without a department facet.
    const department = sites.find((s) => s.kind === 'department') as Site;
    const own = main(readPage(fixture.dist, `${department.basePath}service-guides/`));
    expect(own).not.toContain('service-guides/department/');
  });

  it('shows 在线办理 on a guide that has an address for it, and not on one without', () => {
    const guides = zh('serviceGuide');
    const online = guides.find((g) => g.onlineUrl) as SnapshotRecord;
    const offline = guides.find((g) => !g.onlineUrl) as SnapshotRecord;
    expect([online, offline].every(Boolean)).toBe(true);
    expect(main(readPage(fixture.dist, urlOf(online)))).toMatch(
      new RegExp(`<a class="gc-online-service" href="${online.onlineUrl}"[^>]*>在线办理</a>`),
    );
    expect(main(readPage(fixture.dist, urlOf(offline)))).not.toContain('在线办理');
    // The topic list carries the link too, named for its guide.
    const topicPage = main(
      readPage(fixture.dist, `${portal.basePath}service-guides/topic/${String(online.topic)}/`),
    );
    expect(topicPage).toContain(`href="${online.onlineUrl}"`);
    expect(topicPage).toContain(`aria-label="在线办理：${online.title}"`);
  });

  it('links the hub to the mailbox, interviews, consultations and the 12345 hotline', () => {
    const html = main(readPage(fixture.dist, `${portal.basePath}interaction/`));
    expect(portal.hotline?.number).toBe('12345');
    expect(html).toMatch(/<a class="gc-hub__number" href="tel:12345"[^>]*>12345<\/a>/);
    expect(html).toContain('全天24小时');
    expect(html).toContain(`href="${portal.basePath}mailbox/write/"`);
    expect(html).toContain(`href="${portal.basePath}mailbox/track/"`);
    expect(html).toContain(`href="${portal.basePath}interviews/"`);
    expect(html).toContain(`href="${portal.basePath}consultations/"`);
    for (const interview of zh('interview').slice(0, 5)) expect(html).toContain(`href="${urlOf(interview)}"`);
    // A department without a hotline of its own shows the portal's; its hub has no consultations.
    const department = sites.find((s) => s.kind === 'department' && !s.hotline) as Site;
    const departmentHub = main(readPage(fixture.dist, `${department.basePath}interaction/`));
    expect(departmentHub).toMatch(/href="tel:12345"/);
    expect(departmentHub).toContain(`href="${department.basePath}mailbox/write/"`);
    expect(departmentHub).not.toContain('consultations/');
    // The header's navigation and the home page lead to the hub and to 政务服务.
    const home = readPage(fixture.dist, portal.basePath);
    expect(home).toContain(`href="${portal.basePath}interaction/">互动交流</a>`);
    expect(home).toContain(`href="${portal.basePath}service-guides/">政务服务</a>`);
    expect(main(home)).toMatch(
      new RegExp(`<a class="gc-entrances__link" href="${portal.basePath}interaction/"[^>]*>.*12345`),
    );
    expect(main(home)).toMatch(
      new RegExp(
        `<a class="gc-entrances__link" href="${portal.basePath}service-guides/"[^>]*>.*共${zh('serviceGuide').length}项办事指南`,
      ),
    );
  });

  it('shows an open consultation as 征集中 without feedback, a closed one as 已结束 with its summary', () => {
    const open = zh('consultation').find(
      (c) => String(c.closesAt) >= today() && String(c.opensAt) <= today(),
    );
    const closed = zh('consultation').find((c) => String(c.closesAt) < today() && c.feedback);
    const pending = zh('consultation').find((c) => String(c.closesAt) < today() && !c.feedback);
    expect([open, closed, pending].every(Boolean), 'open, closed and pending consultations').toBe(true);
    const openHtml = main(readPage(fixture.dist, urlOf(open as SnapshotRecord)));
    expect(openHtml).toMatch(/<strong class="gc-consultation__state[^>]*>征集中<\/strong>/);
    // The period as a reader sees it, its two days as <time> elements.
    expect(openHtml.replace(/<[^>]+>/g, '')).toContain(`${open?.opensAt} 至 ${open?.closesAt}`);
    expect(openHtml).toMatch(new RegExp(`<time datetime="${open?.closesAt}"[^>]*>${open?.closesAt}</time>`));
    expect(openHtml).not.toContain('意见反馈');
    expect(openHtml).not.toContain('gc-consultation__feedback');
    const closedHtml = main(readPage(fixture.dist, urlOf(closed as SnapshotRecord)));
    expect(closedHtml).toMatch(/<strong class="gc-consultation__state[^>]*>已结束<\/strong>/);
    expect(closedHtml).toMatch(/<h2 id="gc-consultation-feedback"[^>]*>意见反馈<\/h2>/);
    expect(closedHtml).toContain(String(closed?.feedback).split(/[，。\n]/)[0]);
    const pendingHtml = main(readPage(fixture.dist, urlOf(pending as SnapshotRecord)));
    expect(pendingHtml).toContain('意见采纳情况正在整理');
    // The listing says where each stands.
    const listing = main(readPage(fixture.dist, `${portal.basePath}consultations/`));
    expect(listing).toContain('<span class="gc-list__status">征集中</span>');
    expect(listing).toContain('<span class="gc-list__status">已结束</span>');
  });

  it('shows an interview with its time, guests and roles, transcript and photo', () => {
    const interview = zh('interview')[0] as SnapshotRecord & {
      guests: { name: string; role: string }[];
      transcript: string;
    };
    const html = main(readPage(fixture.dist, urlOf(interview)));
    expect(html).toContain('访谈嘉宾');
    for (const guest of interview.guests) {
      expect(html).toMatch(new RegExp(`<span class="gc-interview__guest-name"[^>]*>${guest.name}</span>`));
      expect(html).toMatch(new RegExp(`<span class="gc-interview__guest-role"[^>]*>${guest.role}</span>`));
    }
    expect(html).toContain('文字实录');
    expect(html).toContain('<strong>主持人：</strong>');
    expect(html).toMatch(/<img [^>]*alt="[^"]+"/);
  });

  it('lists the 政务新媒体 of a site in its footer', () => {
    const html = readPage(fixture.dist, portal.basePath);
    expect(portal.newMedia?.length).toBeGreaterThan(0);
    expect(html).toContain('<h2 class="gc-new-media__heading" id="gc-new-media-heading">政务新媒体</h2>');
    for (const account of portal.newMedia ?? []) {
      expect(html).toContain(account.name['zh-CN']);
      if (account.url) expect(html).toContain(`href="${account.url}"`);
      if (account.account) expect(html).toContain(account.account);
    }
  });
});
