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
  /** The key of the site whose office handles it (the site itself until the web office assigns it). */
  office: string;
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

/** The letters whose office is one of `sites` (or every letter), the most urgent first. */
export async function lettersToHandle(
  strapi: Core.Strapi,
  sites: readonly string[] | 'all',
  now: Date = new Date(),
): Promise<LetterToHandle[]> {
  const mine = [...(sites === 'all' ? [] : sites)];
  const intakes = (await strapi.db.query('api::letter-intake.letter-intake').findMany({
    // Intakes from before assignment existed have no office: theirs is the site's.
    // A letter accepted but not drafted yet (seconds, in a burst) is listed once it is drafted.
    where: {
      letter: { $notNull: true },
      ...(sites === 'all' ? {} : { $or: [{ office: { $in: mine } }, { office: null, site: { $in: mine } }] }),
    },
    select: ['code', 'letter', 'site', 'office', 'kind', 'verification'],
    limit: 5000,
  })) as {
    code: string;
    letter: string;
    site: string;
    office: string | null;
    kind: keyof typeof letterKinds;
    verification: string;
  }[];
  if (intakes.length === 0) return [];
  const rows = (await strapi.db.query('api::letter.letter').findMany({
    where: { documentId: { $in: intakes.map((intake) => intake.letter) }, locale: 'zh-CN' },
    select: ['documentId', 'title', 'submittedAt', 'handlingStatus', 'publishedAt'],
  })) as {
    documentId: string;
    title: string;
    submittedAt: string;
    handlingStatus: string;
    publishedAt: string | null;
  }[];
  const answered = new Set(rows.filter((row) => row.publishedAt !== null).map((row) => row.documentId));
  const drafts = new Map(rows.filter((row) => row.publishedAt === null).map((row) => [row.documentId, row]));
  const days = promiseWorkingDays();
  const waiting: LetterToHandle[] = [];
  for (const intake of intakes) {
    const draft = drafts.get(intake.letter);
    if (!draft || answered.has(intake.letter)) continue;
    const deadlines = letterDeadlines(draft.submittedAt, days);
    waiting.push({
      documentId: intake.letter,
      code: intake.code,
      title: draft.title,
      site: intake.site,
      office: intake.office ?? intake.site,
      kind: letterKinds[intake.kind] ?? '',
      submittedAt: new Date(draft.submittedAt).toISOString(),
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
