/**
 * The mailboxes' public statistics from the CMS's letters (docs/adr/0023-mailbox.md): every letter of
 * the months covered, drafts included — the build sees published letters only, so only the CMS can
 * count what was received and not yet answered. A letter is replied when a version with its reply is
 * online (the reply passed the review); the ratings come from the intakes. What leaves here is what
 * `mailboxStatistics()` of `@govcluster/shared/mailbox` makes of that: counts per site, month and
 * office, nothing of a letter or its writer.
 */
import {
  type LetterFacts,
  type LetterRating,
  letterRatings,
  mailboxStatistics,
  statisticsMonths,
} from '@govcluster/shared/mailbox';
import type { MailboxStatistics } from '@govcluster/shared/schemas';
import type { Core } from '@strapi/strapi';
import { promiseWorkingDays } from './handling';

const letterUid = 'api::letter.letter';
const intakeUid = 'api::letter-intake.letter-intake';
const siteUid = 'api::site.site';
/** Letter rows read at a time. */
const defaultPageSize = 2000;

/** A zh-CN row of a letter, draft or published, with its site's key. */
interface LetterRow {
  documentId: string;
  submittedAt: string | Date;
  handlingStatus: string;
  handlingUnit: string | null;
  repliedAt: string | Date | null;
  publishedAt: string | Date | null;
  site?: { key?: string } | null;
}

/** The statistics of every site's mailbox on the day of `now` (China time), reading `pageSize` letter rows at a time. */
export async function mailboxStatisticsOf(
  strapi: Core.Strapi,
  now: Date = new Date(),
  pageSize = defaultPageSize,
): Promise<MailboxStatistics[]> {
  const months = statisticsMonths(now);
  // China has no daylight saving time: its months start at 00:00 +08:00.
  const from = new Date(`${months[0]}-01T00:00:00+08:00`).toISOString();
  const byDocument = new Map<string, { draft?: LetterRow; online?: LetterRow }>();
  // In pages: a year of a large city's letters would pass the databases' limit of bound parameters
  // when the sites are populated for all of them at once.
  for (let start = 0; ; start += pageSize) {
    const rows = (await strapi.db.query(letterUid).findMany({
      where: { locale: 'zh-CN', submittedAt: { $gte: from } },
      select: ['documentId', 'submittedAt', 'handlingStatus', 'handlingUnit', 'repliedAt', 'publishedAt'],
      populate: { site: { select: ['key'] } },
      orderBy: { id: 'asc' },
      offset: start,
      limit: pageSize,
    })) as LetterRow[];
    for (const row of rows) {
      const versions = byDocument.get(row.documentId) ?? {};
      if (row.publishedAt === null) versions.draft = row;
      else versions.online = row;
      byDocument.set(row.documentId, versions);
    }
    if (rows.length < pageSize) break;
  }
  // A rating comes after its letter: those given since the first month cover every letter counted.
  const ratings = new Map<string, LetterRating>();
  const rated = (await strapi.db.query(intakeUid).findMany({
    where: { ratedAt: { $gte: from }, rating: { $notNull: true } },
    select: ['letter', 'rating'],
  })) as { letter: string; rating: string }[];
  for (const intake of rated) {
    if (byDocument.has(intake.letter) && Object.hasOwn(letterRatings, intake.rating)) {
      ratings.set(intake.letter, intake.rating as LetterRating);
    }
  }
  const facts: LetterFacts[] = [];
  for (const [documentId, { draft, online }] of byDocument) {
    const current = online ?? draft;
    const site = current?.site?.key ?? draft?.site?.key;
    if (!current || !site) continue;
    const replied = online?.handlingStatus === 'replied' && online.repliedAt ? online.repliedAt : null;
    facts.push({
      site,
      office: current.handlingUnit ?? '',
      submittedAt: current.submittedAt,
      repliedAt: replied,
      rating: replied ? (ratings.get(documentId) ?? null) : null,
    });
  }
  const sites = (await strapi.db.query(siteUid).findMany({ select: ['key'] })) as { key: string }[];
  return mailboxStatistics(facts, {
    asOf: now,
    promiseWorkingDays: promiseWorkingDays(),
    sites: new Set(sites.map((site) => site.key)),
  });
}
