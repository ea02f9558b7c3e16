/** News (工作动态) and notices (通知公告) of every site. */
import type { Article, Site } from '@govcluster/shared/schemas';
import type { Org } from './context.ts';
import { dateTime, formatDay, partsOf } from './dates.ts';
import { createRng } from './prng.ts';
import {
  allScenes,
  at,
  attachment,
  columnDays,
  distinct,
  draw,
  earlyMinute,
  emit,
  laterUpdate,
  pad,
  pictures,
  type Run,
  staleOffset,
} from './run.ts';
import type { Range } from './scales.ts';
import { newsText } from './text-news.ts';
import { noticeText } from './text-notice.ts';

export async function news(run: Run, site: Site, org: Org, volume: Range): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/news`);
  const n = draw(rng, volume);
  const offset = staleOffset(run, rng, org, 'news');
  const fresh = org.kind === 'portal' ? 2 : 10;
  const days = columnDays(run, rng, n, fresh, offset);
  if (offset > 0 && days.length > 0)
    run.stale.push({ site: site.id, column: 'news', newest: formatDay(days[days.length - 1] ?? run.today) });
  // 常务会议 are numbered from 1 each year, in the order they were held.
  const meetings = new Map<number, number>();
  const meetingNumber = (year: number) => {
    const n = (meetings.get(year) ?? 0) + 1;
    meetings.set(year, n);
    return n;
  };
  for (const [i, day] of days.entries()) {
    const irng = rng.fork(String(i));
    const where = `${site.id}|news|${partsOf(day).year}`;
    const text = distinct(run, where, irng, (r) => newsText(r, org, run.plan.city, day, meetingNumber));
    // The portal's newest news is an early-morning release: every city has one before 08:00 China time.
    const newest = org.kind === 'portal' && i === days.length - 1;
    const published = newest ? dateTime(day, earlyMinute(irng)) : at(irng, day);
    const images = irng.chance(0.35) ? pictures(run, irng, allScenes, irng.chance(0.2) ? 2 : 1) : [];
    const article: Article = {
      id: `${site.id}-news-${pad(i + 1)}`,
      locale: 'zh-CN',
      site: site.id,
      column: 'news',
      title: text.title,
      summary: text.summary,
      body: text.body,
      images,
      attachments: [],
      source:
        org.kind === 'portal'
          ? irng.pick(['临江市人民政府办公室', '临江日报', '市融媒体中心'])
          : org.sourceName,
      author: text.author,
      publishedAt: published,
      updatedAt: laterUpdate(irng, run, day, published),
    };
    await emit(run, { type: 'article', ...article });
  }
}

export async function notices(run: Run, site: Site, org: Org, volume: Range): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/notices`);
  const n = draw(rng, volume);
  const offset = staleOffset(run, rng, org, 'notices');
  const days = columnDays(run, rng, n, 60, offset);
  if (offset > 0 && days.length > 0)
    run.stale.push({
      site: site.id,
      column: 'notices',
      newest: formatDay(days[days.length - 1] ?? run.today),
    });
  for (const [i, day] of days.entries()) {
    const irng = rng.fork(String(i));
    const where = `${site.id}|notices|${partsOf(day).year}`;
    const text = distinct(run, where, irng, (r) => noticeText(r, org, run.plan.city, day));
    const published = at(irng, day);
    const article: Article = {
      id: `${site.id}-notice-${pad(i + 1)}`,
      locale: 'zh-CN',
      site: site.id,
      column: 'notices',
      title: text.title,
      body: text.body,
      images: [],
      attachments: text.attachmentNames.map((name) => attachment(run, irng, name)),
      source: org.sourceName,
      publishedAt: published,
      updatedAt: laterUpdate(irng, run, day, published),
    };
    await emit(run, { type: 'article', ...article });
  }
}
