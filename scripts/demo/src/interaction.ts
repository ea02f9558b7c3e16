/**
 * The portal's 在线访谈 and 征集调查 (互动交流): interviews with department heads, and consultations
 * of which the newest is open on `today` and the older closed, most with their feedback summary.
 */
import type { Consultation, Interview, Site } from '@govcluster/shared/schemas';
import { departmentCatalog } from './catalog.ts';
import { drawName } from './context.ts';
import { dateTime, formatDay, partsOf, workday } from './dates.ts';
import { createRng } from './prng.ts';
import { allScenes, at, emit, pad, pictures, type Run } from './run.ts';
import { consultationTemplates, interviewTemplates } from './text-interaction.ts';

/**
 * How many of each the portal carries: a few in the fixture, more with more departments, at most one
 * of each template a year for four years (a title twice in one year reads false: plausibility.ts).
 */
function countOf(run: Run, templates: number): number {
  return Math.max(2, Math.min(templates * 4, Math.round(run.plan.departments.length / 3)));
}

/** How many days before `today` the `i`-th of a column was held: each round of templates a year apart. */
function daysBack(i: number, templates: number, gap: number): number {
  return Math.floor(i / templates) * 370 + (i % templates) * gap;
}

/** The interviews of a site with an `interviews` column. */
export async function interviews(run: Run, site: Site): Promise<void> {
  if (!site.columns.some((column) => column.slug === 'interviews')) return;
  const rng = createRng(run.seed, `${site.id}/interviews`);
  const n = countOf(run, interviewTemplates.length);
  for (let i = 0; i < n; i += 1) {
    const irng = rng.fork(String(i));
    const template = interviewTemplates[i % interviewTemplates.length]!;
    const day = workday(run.today - 10 - daysBack(i, interviewTemplates.length, irng.int(60, 100)));
    const dept = departmentCatalog.find((d) => d.id === template.department);
    const unit = dept ? `临江市${dept.name}` : '临江市人民政府';
    const head = drawName(irng).zh;
    const deputy = drawName(irng).zh;
    const heldAt = dateTime(day, 9 * 60 + 30);
    const published = dateTime(day, 17 * 60);
    const transcript = [
      `**主持人：** 各位网友，大家好！欢迎来到临江市人民政府门户网站在线访谈。今天我们邀请到${unit}的负责同志，围绕“${template.title.replace('{year}', String(partsOf(day).year))}”与大家在线交流。`,
      ...template.exchanges.flatMap(([question, answer], k) => [
        `**网友提问：** ${question}`,
        `**${k % 2 === 0 ? head : deputy}：** ${answer}`,
      ]),
      '**主持人：** 感谢两位嘉宾，也感谢各位网友的参与。本期访谈到此结束，再见！',
    ].join('\n\n');
    const interview: Interview = {
      id: `${site.id}-interview-${pad(i + 1, 3)}`,
      locale: 'zh-CN',
      site: site.id,
      column: 'interviews',
      title: template.title.replace('{year}', String(partsOf(day).year)),
      heldAt,
      guests: [
        { name: head, role: `${unit}局长` },
        { name: deputy, role: `${unit}副局长` },
      ],
      summary: template.summary,
      transcript,
      photos: pictures(run, irng, allScenes, 1),
      publishedAt: published,
      updatedAt: published,
    };
    await emit(run, { type: 'interview', ...interview });
  }
}

/** The consultations of a site with a `consultations` column: the newest open, the others closed. */
export async function consultations(run: Run, site: Site): Promise<void> {
  if (!site.columns.some((column) => column.slug === 'consultations')) return;
  const rng = createRng(run.seed, `${site.id}/consultations`);
  // One more than the interviews: the open one, the one waiting for its summary, and closed ones.
  const n = Math.min(consultationTemplates.length * 4, countOf(run, consultationTemplates.length) + 1);
  for (let i = 0; i < n; i += 1) {
    const irng = rng.fork(String(i));
    const template = consultationTemplates[i % consultationTemplates.length]!;
    // The newest opened a week ago and runs for 60 days; the one before closed 20 days ago, so its
    // summary is not due yet (30 days, the checker's rule); each older one closed before the next opened.
    let opens = run.today - 7;
    if (i === 1) opens = run.today - 50;
    if (i > 1) opens = run.today - 40 - daysBack(i, consultationTemplates.length, irng.int(60, 100));
    const closes = i === 0 ? run.today + 60 : opens + 30;
    // The open one has no summary yet, nor the most recently closed one; the others have theirs.
    const feedback = i <= 1 ? undefined : template.feedback;
    const published = at(irng, opens);
    const consultation: Consultation = {
      id: `${site.id}-consultation-${pad(i + 1, 3)}`,
      locale: 'zh-CN',
      site: site.id,
      column: 'consultations',
      title: template.title.replace('{year}', String(partsOf(opens).year)),
      summary: template.summary,
      opensAt: formatDay(opens),
      closesAt: formatDay(closes),
      document: template.document,
      ...(feedback ? { feedback } : {}),
      publishedAt: published,
      updatedAt: feedback ? at(irng, Math.min(run.today, closes + 15)) : published,
    };
    await emit(run, { type: 'consultation', ...consultation });
  }
}
