/** Letters (领导信箱) with their published replies, and the mailbox's public statistics made from them. */
import { type LetterFacts, type LetterRating, mailboxStatistics } from '@govcluster/shared/mailbox';
import type { Letter, Site } from '@govcluster/shared/schemas';
import { mailboxStatisticsRecordType } from '@govcluster/shared/snapshot';
import { departmentCatalog } from './catalog.ts';
import { drawMobile, drawName, type Org, officePhone } from './context.ts';
import { dateTime, formatDay, partsOf, workday } from './dates.ts';
import { createRng, type Rng } from './prng.ts';
import { at, columnDays, distinct, draw, emit, pad, type Run } from './run.ts';
import type { Range } from './scales.ts';
import { letterForUnit, letterText } from './text-letters.ts';

/** The longest a letter stays in handling (days), well inside the three-month legal limit. */
const handlingDaysAtMost = 60;
/**
 * Adds the day of the letter left unanswered on purpose to `days` (sorted): 150 days old, past the
 * three-month legal limit and inside the mailbox's 12 months of statistics. Returns its index.
 */
function plantOverdue(days: number[], today: number): number {
  const day = today - 150;
  const index = days.findIndex((other) => other > day);
  const at = index === -1 ? days.length : index;
  days.splice(at, 0, day);
  return at;
}

export async function letters(run: Run, site: Site, org: Org, volume: Range): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/letters`);
  const n = draw(rng, volume);
  const days = columnDays(run, rng, n, 6, 0);
  // Ratings are drawn from their own stream, so that the letters stay what they were before ratings.
  const ratings = createRng(run.seed, `${site.id}/ratings`);
  const facts: LetterFacts[] = [];
  // Letters stay in handling for weeks, never past the legal limit: except one, where it is planted.
  const overdue = run.overdueLetterSites.has(site.id) ? plantOverdue(days, run.today) : -1;
  for (const [i, day] of days.entries()) {
    const irng = rng.fork(String(i));
    const submittedAt = dateTime(day, irng.int(7 * 60, 23 * 60));
    let handlingUnit: string;
    let text: ReturnType<typeof letterText>;
    const where = `${site.id}|letters|${partsOf(day).year}`;
    if (org.kind === 'department') {
      text = distinct(run, where, irng, (r) =>
        letterForUnit(r, org.siteId, org.short, org.focus, officePhone(org, r)),
      );
      handlingUnit = org.sourceName;
    } else {
      text = distinct(run, where, irng, letterText);
      const dept = departmentCatalog.find((d) => d.id === text.unit);
      handlingUnit =
        org.kind === 'township' ? org.sourceName : dept ? `市${dept.name}` : '市政务服务和数据管理局';
    }
    const age = run.today - day;
    const newest = i === days.length - 1;
    let status: Letter['status'] = 'replied';
    if (newest || age < 4) status = irng.chance(0.5) ? 'received' : 'processing';
    else if (age < 15 && irng.chance(0.6)) status = 'processing';
    else if (irng.chance(0.03) && age < handlingDaysAtMost) status = 'processing';
    if (i === overdue) status = 'processing';
    const writerName = drawName(irng);
    const writer: Letter['writer'] = { name: writerName.zh, phone: drawMobile(irng) };
    if (irng.chance(0.3))
      writer.email = `${writerName.en.toLowerCase().replace(' ', '.')}${irng.int(1, 99)}@mail.example`;
    let reply: string | undefined;
    let repliedAt: string | undefined;
    if (status === 'replied') {
      const rday = Math.max(day, Math.min(run.today, workday(day + irng.int(2, 14))));
      reply = text.reply;
      repliedAt = at(irng, rday);
      if (repliedAt < submittedAt) repliedAt = submittedAt;
    }
    const letter: Letter = {
      id: `${site.id}-letter-${pad(i + 1)}`,
      locale: 'zh-CN',
      site: site.id,
      column: 'letters',
      title: text.title,
      question: text.question,
      category: text.category,
      submittedAt,
      status,
      handlingUnit,
      ...(reply !== undefined ? { reply } : {}),
      ...(repliedAt !== undefined ? { repliedAt } : {}),
      writer,
      publishedAt: repliedAt ?? submittedAt,
      updatedAt: repliedAt ?? submittedAt,
    };
    await emit(run, { type: 'letter', ...letter });
    if (i === overdue) run.overdueLetters.push(letter.id);
    facts.push({
      site: site.id,
      office: handlingUnit,
      submittedAt,
      repliedAt,
      rating: rate(ratings, repliedAt),
    });
  }
  // The figures the CMS would answer for these letters: the same function, on the snapshot's day.
  const [statistics] = mailboxStatistics(facts, { asOf: formatDay(run.today), sites: [site.id] });
  if (statistics) await run.writer.write({ type: mailboxStatisticsRecordType, ...statistics });
}

/** A writer's rating of a reply: most writers rate, most of them are satisfied. */
function rate(rng: Rng, repliedAt: string | undefined): LetterRating | null {
  if (repliedAt === undefined || !rng.chance(0.7)) return null;
  const roll = rng.next();
  return roll < 0.72 ? 'satisfied' : roll < 0.92 ? 'fair' : 'dissatisfied';
}
