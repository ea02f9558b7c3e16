/**
 * 待我办理: the letters from the mailbox that wait for an answer, with their deadlines
 * (docs/adr/0023-mailbox.md). A letter waits until a version with its reply is online (the reply passed
 * the review). The web office sees every site's letters, an office its own sites'.
 */
import {
  defaultPromiseWorkingDays,
  type LetterDeadlines,
  letterDeadlines,
  letterKinds,
  overdue,
} from '@govcluster/shared/mailbox';
import type { Core } from '@strapi/strapi';

/** The city's promise in working days (`MAILBOX_PROMISE_DAYS`, default 15). */
export function promiseWorkingDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.MAILBOX_PROMISE_DAYS ?? defaultPromiseWorkingDays);
  return Number.isInteger(days) && days > 0 && days < 400 ? days : defaultPromiseWorkingDays;
}

/** One letter waiting for an answer. */
export interface LetterToHandle extends LetterDeadlines {
  documentId: string;
  code: string;
  title: string;
  site: string;
  siteName: string;
  /** The key of the site whose office handles it (the site itself until the web office assigns it). */
  office: string;
  officeName: string;
  kind: string;
  submittedAt: string;
  handlingStatus: string;
  /** Which deadline has passed today, if any. */
  overdue: 'legal' | 'promise' | null;
  /** Whether the writer's browser did the proof of work (otherwise: sent without JavaScript). */
  verified: boolean;
}

/** The office of a letter row populated with `site` and `office` keys: the assigned one, else the site's. */
export function officeOf(row: {
  site?: { key?: string } | null;
  office?: { key?: string } | null;
}): string | null {
  return row.office?.key ?? row.site?.key ?? null;
}

/** Ids a query's `$in` takes at once (SQLite's and PostgreSQL's limits on bound values are far above). */
const inChunk = 500;

/** The document ids of the letters without a version online (not answered yet), oldest first. */
async function unansweredLetters(
  strapi: Core.Strapi,
): Promise<{ documentId: string; title: string; submittedAt: string; handlingStatus: string }[]> {
  const table = strapi.db.metadata.get('api::letter.letter').tableName;
  const knex = strapi.db.connection;
  // A letter is answered when its reply passed the review: a published row of the same document.
  const rows = (await knex(`${table} as draft`)
    .select('draft.document_id', 'draft.title', 'draft.submitted_at', 'draft.handling_status')
    .where('draft.locale', 'zh-CN')
    .whereNull('draft.published_at')
    .whereNotExists(
      knex(`${table} as online`)
        .select(knex.raw('1'))
        .whereRaw('online.document_id = draft.document_id')
        .where('online.locale', 'zh-CN')
        .whereNotNull('online.published_at'),
    )
    .orderBy('draft.id', 'asc')) as {
    document_id: string;
    title: string;
    submitted_at: string | number | Date;
    handling_status: string;
  }[];
  return rows.map((row) => ({
    documentId: row.document_id,
    title: row.title,
    // SQLite keeps a datetime as milliseconds, PostgreSQL as a timestamp.
    submittedAt: new Date(
      typeof row.submitted_at === 'string' && /^\d+$/.test(row.submitted_at)
        ? Number(row.submitted_at)
        : row.submitted_at,
    ).toISOString(),
    handlingStatus: row.handling_status,
  }));
}

/** The sites' names by key, as 待我办理 shows them. */
async function siteNames(strapi: Core.Strapi): Promise<Map<string, string>> {
  const sites = (await strapi.db.query('api::site.site').findMany({
    select: ['key'],
    populate: { name: true },
  })) as { key: string; name?: { zhCN?: string } | null }[];
  return new Map(sites.map((site) => [site.key, site.name?.zhCN ?? site.key]));
}

/**
 * The letters whose office is one of `sites` (or every letter), the most urgent first: read from the
 * letters not answered yet, however many letters were ever answered.
 */
export async function lettersToHandle(
  strapi: Core.Strapi,
  sites: readonly string[] | 'all',
  now: Date = new Date(),
): Promise<LetterToHandle[]> {
  const mine = [...(sites === 'all' ? [] : sites)];
  const drafts = await unansweredLetters(strapi);
  if (drafts.length === 0) return [];
  const intakes: {
    code: string;
    letter: string;
    site: string;
    office: string | null;
    kind: keyof typeof letterKinds;
    verification: string;
  }[] = [];
  for (let at = 0; at < drafts.length; at += inChunk) {
    const ids = drafts.slice(at, at + inChunk).map((draft) => draft.documentId);
    intakes.push(
      ...(await strapi.db.query('api::letter-intake.letter-intake').findMany({
        // Intakes from before assignment existed have no office: theirs is the site's.
        where: {
          letter: { $in: ids },
          ...(sites === 'all'
            ? {}
            : { $or: [{ office: { $in: mine } }, { office: null, site: { $in: mine } }] }),
        },
        select: ['code', 'letter', 'site', 'office', 'kind', 'verification'],
      })),
    );
  }
  if (intakes.length === 0) return [];
  const byDocument = new Map(drafts.map((draft) => [draft.documentId, draft]));
  const names = await siteNames(strapi);
  const days = promiseWorkingDays();
  const waiting: LetterToHandle[] = [];
  for (const intake of intakes) {
    const draft = byDocument.get(intake.letter);
    if (!draft) continue;
    const office = intake.office ?? intake.site;
    const deadlines = letterDeadlines(draft.submittedAt, days);
    waiting.push({
      documentId: intake.letter,
      code: intake.code,
      title: draft.title,
      site: intake.site,
      siteName: names.get(intake.site) ?? intake.site,
      office,
      officeName: names.get(office) ?? office,
      kind: letterKinds[intake.kind] ?? '',
      submittedAt: draft.submittedAt,
      handlingStatus: draft.handlingStatus,
      ...deadlines,
      overdue: overdue(deadlines, now),
      verified: intake.verification === 'proof-of-work',
    });
  }
  return waiting.sort(
    (a, b) => a.promisedBy.localeCompare(b.promisedBy) || a.submittedAt.localeCompare(b.submittedAt),
  );
}
