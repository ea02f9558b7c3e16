/**
 * The demo-city generator: writes a complete, valid snapshot of the fictional city 临江市 for a seed,
 * a scale and a day. Records are generated and written one by one (nothing but per-column dates is
 * held in memory), the folder is assembled in a staging directory, validated with `validateSnapshot`,
 * and only then moved into place: a failed run leaves the previous snapshot or none.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type {
  Article,
  Attachment,
  Interpretation,
  InvestmentProject,
  Leader,
  Letter,
  Locale,
  MediaRef,
  PolicyDocument,
  PolicyValidity,
  ServiceGuide,
  Site,
  Village,
} from '@govcluster/shared/schemas';
import { policyTopics } from '@govcluster/shared/schemas';
import {
  type ContentRecord,
  SnapshotError,
  type SnapshotProblem,
  SnapshotWriter,
  snapshotFileName,
  snapshotFormat,
  validateSnapshot,
} from '@govcluster/shared/snapshot';
import { departmentCatalog, investmentBureauId } from './catalog.ts';
import { drawMobile, drawName, type Org, officePhone } from './context.ts';
import { dateTime, dayOf, formatDay, officeMinute, partsOf, spreadDays, workday } from './dates.ts';
import { type AttachmentFile, planAttachments, planMedia, writeMediaFiles } from './media.ts';
import { createRng, type Rng } from './prng.ts';
import { type DemoScale, type Range, type ScaleConfig, scaleConfigs } from './scales.ts';
import { type CityPlan, planCity, type TownshipPlan } from './sites.ts';
import { bureauPages, portalPages, projectText, type TownPlace, type Tri } from './text-investment.ts';
import { letterForUnit, letterText } from './text-letters.ts';
import { newsText } from './text-news.ts';
import { noticeText } from './text-notice.ts';
import { leaderText, titlesFor } from './text-people.ts';
import { interpretationText, type PolicyKind, policyText } from './text-policy.ts';
import { type ServiceTemplate, serviceTemplates } from './text-services.ts';
import { villageText } from './text-village.ts';

/** Options of {@link generateDemoCity}. */
export interface GenerateDemoOptions {
  /** Seed of the PRNG: the same seed and `today` give byte-identical files. */
  seed: number;
  /** `fixture`, `demo` or `large`. */
  scale: DemoScale;
  /** The day the city is generated for, `YYYY-MM-DD` (Asia/Shanghai); every date lies on or before it. */
  today: string;
  /** The snapshot folder to write (`snapshot.jsonl` + `media/`). */
  outDir: string;
  /** Called as the run goes on; an exception thrown here aborts the run (and leaves no snapshot). */
  onProgress?: (progress: GenerateProgress) => void;
}

/** What {@link GenerateDemoOptions.onProgress} is told. */
export interface GenerateProgress {
  /** Step of the run. */
  phase: 'media' | 'sites' | 'content' | 'validate' | 'commit';
  /** Records written so far. */
  records: number;
  /** The site being generated (content phase). */
  site?: string;
  /** Sites done so far and in all (content phase). */
  sitesDone: number;
  /** Sites in all. */
  sitesTotal: number;
}

/** A column whose newest item was made deliberately old, for freshness checks to find. */
export interface StaleColumn {
  /** Site id. */
  site: string;
  /** Column slug. */
  column: string;
  /** Day of its newest item. */
  newest: string;
}

/** What a run produced. */
export interface GenerateDemoResult {
  /** The snapshot folder. */
  outDir: string;
  /** Lines of `snapshot.jsonl`. */
  records: number;
  /** Records per type and locale (`site` and `media` under `zh-CN`). */
  counts: Record<string, Partial<Record<Locale, number>>>;
  /** Entries (distinct ids) per content type. */
  entries: Record<string, number>;
  /** Size of `snapshot.jsonl` in bytes. */
  snapshotBytes: number;
  /** Size of the media folder in bytes. */
  mediaBytes: number;
  /** Number of media files. */
  mediaFiles: number;
  /** Columns made stale on purpose. */
  stale: StaleColumn[];
}

/** A generation refused because its result does not validate. */
export class DemoGenerationError extends Error {
  /** The problems `validateSnapshot` reported. */
  readonly problems: readonly SnapshotProblem[];
  /** Creates the error from the problems found. */
  constructor(problems: readonly SnapshotProblem[], total: number) {
    super(
      `the generated snapshot is invalid (${total} problem${total === 1 ? '' : 's'}):\n${problems
        .slice(0, 20)
        .map((p) => `  ${p.file} ${p.entry} [${p.rule}] ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'DemoGenerationError';
    this.problems = problems;
  }
}

const hours = '周一至周五上午9:00—12:00，下午13:30—17:30（法定节假日除外）';

/** The state of one run, shared by the per-site generators. */
interface Run {
  seed: number;
  today: number;
  scale: ScaleConfig;
  plan: CityPlan;
  writer: SnapshotWriter;
  counts: Record<string, Partial<Record<Locale, number>>>;
  entries: Record<string, number>;
  landscapes: Map<string, string[]>;
  portraits: { male: string[]; female: string[] };
  attachments: AttachmentFile[];
  stale: StaleColumn[];
  staleNews: Set<string>;
  staleNotices: Set<string>;
  progress: (site?: string) => void;
  site?: string;
  sitesDone: number;
}

function count(run: Run, type: string, locale: Locale): void {
  const byLocale = run.counts[type] ?? {};
  byLocale[locale] = (byLocale[locale] ?? 0) + 1;
  run.counts[type] = byLocale;
  if (locale === 'zh-CN') run.entries[type] = (run.entries[type] ?? 0) + 1;
}

async function emit(run: Run, record: ContentRecord): Promise<void> {
  await run.writer.write(record);
  count(run, record.type, record.locale);
  if (run.writer.count % 1000 === 0) run.progress(run.site);
}

function draw(rng: Rng, range: Range): number {
  return rng.int(range[0], range[1]);
}

function pad(n: number, width = 4): string {
  return String(n).padStart(width, '0');
}

/** A publication time on `day` (office hours). */
function at(rng: Rng, day: number): string {
  return dateTime(day, officeMinute(rng));
}

/** An update a little after publication, never after today. */
function laterUpdate(rng: Rng, run: Run, day: number, published: string): string {
  if (!rng.chance(0.15)) return published;
  const later = Math.min(run.today, day + rng.int(1, 20));
  return later === day ? published : at(rng, later);
}

function pictures(run: Run, rng: Rng, scenes: readonly string[], howMany: number): MediaRef[] {
  const pool = scenes.flatMap((scene) => run.landscapes.get(scene) ?? []);
  return rng.sample(pool, howMany).map((id) => ({ id }));
}

const allScenes = ['river', 'mountains', 'fields', 'skyline', 'tea', 'lake', 'bridge', 'park'];

function attachment(run: Run, rng: Rng, name: string): Attachment {
  const file = rng.pick(run.attachments);
  return { name, file: file.file, mime: 'application/pdf', size: file.size };
}

/** Days of a column's items, oldest first. */
function columnDays(run: Run, rng: Rng, countOf: number, freshWithin: number, offsetDays: number): number[] {
  return spreadDays(rng, {
    today: run.today,
    count: countOf,
    spanDays: run.scale.spanDays,
    freshWithin,
    offsetDays,
  }).reverse();
}

function staleOffset(run: Run, rng: Rng, org: Org, column: 'news' | 'notices'): number {
  const stale = column === 'news' ? run.staleNews.has(org.siteId) : run.staleNotices.has(org.siteId);
  if (!stale) return 0;
  return column === 'news' ? rng.int(75, 240) : rng.int(200, 320);
}

function localesOf(site: Site): Locale[] {
  return site.locales;
}

// ---------------------------------------------------------------------------------------------
// Leaders

const topicLabel = (topic: string, locale: 'en' | 'ru'): string => {
  const found = policyTopics.find((t) => t.value === topic);
  const label = found ? found.label[locale] : topic;
  return locale === 'ru' ? label.charAt(0).toLowerCase() + label.slice(1) : label;
};

const bureauFocusForeign: Record<string, [string, string]> = {
  招商引资: ['investment attraction', 'привлечение инвестиций'],
  项目签约落地: ['signing and implementation of projects', 'подписание и реализация проектов'],
  外资企业服务: ['services for foreign-invested companies', 'обслуживание компаний с иностранным капиталом'],
  产业链招商: [
    'investment promotion along industrial chains',
    'привлечение инвестиций по отраслевым цепочкам',
  ],
  重点园区推介: ['promotion of key industrial parks', 'продвижение ключевых промышленных парков'],
};

async function leaders(run: Run, site: Site, org: Org): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/leaders`);
  const year = partsOf(run.today).year;
  const towns = run.plan.city.towns.length > 0 ? run.plan.city.towns : ['白沙镇'];
  const deptNames = departmentCatalog.slice(0, 20).map((d) => d.name);
  const locales = localesOf(site);
  type Spec = {
    position: string;
    full: string;
    resp: string;
    foreign?: Parameters<typeof leaderText>[1]['foreign'];
  };
  const specs: Spec[] = [];
  if (org.kind === 'portal') {
    const n = draw(rng, run.scale.portal.leaders);
    const deputies = Math.max(1, n - 2);
    const groups: { topics: Set<string>; depts: string[] }[] = Array.from({ length: deputies }, () => ({
      topics: new Set(),
      depts: [],
    }));
    const byTopic = new Map<string, string[]>();
    for (const d of run.plan.departments) {
      byTopic.set(d.topic, [...(byTopic.get(d.topic) ?? []), d.short]);
    }
    [...byTopic.entries()].forEach(([topic, shorts], i) => {
      const g = groups[i % deputies];
      if (g) {
        g.topics.add(topic);
        g.depts.push(...shorts);
      }
    });
    const body = {
      enBody: 'the Linjiang Municipal People’s Government',
      ruBody: 'Народное правительство города Линьцзян',
    };
    specs.push({
      position: '市长',
      full: '临江市人民政府市长',
      resp: '主持市政府全面工作。负责审计方面工作。分管市审计局。',
      foreign: {
        enPosition: 'Mayor',
        ruPosition: 'Мэр',
        enResp: 'Presides over the overall work of the Municipal People’s Government and oversees auditing.',
        ruResp: 'Руководит работой Народного правительства города в целом, курирует вопросы аудита.',
        ...body,
      },
    });
    groups.forEach((g, i) => {
      const topics = [...g.topics];
      const first = i === 0;
      const position = first ? '常务副市长' : '副市长';
      specs.push({
        position,
        full: `临江市人民政府${position}`,
        resp: `${first ? '负责市政府常务工作。' : ''}负责${topics.length > 0 ? topics.join('，') : '综合政务'}等方面工作。${g.depts.length > 0 ? `分管${g.depts.join('、')}。` : ''}`,
        foreign: {
          enPosition: first ? 'Executive Vice Mayor' : 'Vice Mayor',
          ruPosition: first ? 'Первый заместитель мэра' : 'Заместитель мэра',
          enResp: `${first ? 'Handles the day-to-day work of the Municipal Government. ' : ''}Responsible for ${topics.length > 0 ? topics.map((t) => topicLabel(t, 'en')).join('; ') : 'general government affairs'}.`,
          ruResp: `${first ? 'Отвечает за текущую работу правительства города. ' : ''}Курирует направления: ${topics.length > 0 ? topics.map((t) => topicLabel(t, 'ru')).join('; ') : 'общие вопросы управления'}.`,
          ...body,
        },
      });
    });
    specs.push({
      position: '秘书长',
      full: '临江市人民政府秘书长、办公室主任',
      resp: '协助市长处理市政府日常工作，负责市政府办公室工作。',
      foreign: {
        enPosition: 'Secretary-General',
        ruPosition: 'Генеральный секретарь',
        enResp:
          'Assists the Mayor with the daily work of the Municipal Government and runs its General Office.',
        ruResp: 'Помогает мэру в текущей работе правительства города и руководит его канцелярией.',
        ...body,
      },
    });
  } else {
    const volume = org.kind === 'department' ? run.scale.department : run.scale.township;
    const n = draw(rng, volume.leaders);
    const titles =
      org.kind === 'township'
        ? org.short.endsWith('乡')
          ? { head: '乡长', deputy: '副乡长' }
          : { head: '镇长', deputy: '副镇长' }
        : titlesFor(org.fullName);
    const isBureau = org.siteId === investmentBureauId;
    const foreignBody = {
      enBody: 'the Linjiang Investment Promotion Bureau',
      ruBody: 'Бюро по содействию инвестициям города Линьцзян',
    };
    specs.push({
      position: titles.head,
      full: `${org.fullName}${titles.head}`,
      resp: `主持${org.kind === 'township' ? `${org.short}人民政府` : org.short}全面工作。`,
      ...(isBureau
        ? {
            foreign: {
              enPosition: 'Director',
              ruPosition: 'Начальник бюро',
              enResp: 'Leads the overall work of the Bureau.',
              ruResp: 'Руководит работой бюро в целом.',
              ...foreignBody,
            },
          }
        : {}),
    });
    for (let i = 1; i < n; i += 1) {
      const fields = rng.sample(org.focus, 2);
      const units = rng.sample(
        ['办公室', '政策法规科', '规划财务科', '行政审批科', '监督管理科', '综合科'],
        2,
      );
      specs.push({
        position: titles.deputy,
        full: `${org.fullName}${titles.deputy}`,
        resp:
          org.kind === 'township'
            ? `负责${fields.join('、')}等工作。`
            : `负责${fields.join('、')}等工作；分管${units.join('、')}。`,
        ...(isBureau
          ? {
              foreign: {
                enPosition: 'Deputy Director',
                ruPosition: 'Заместитель начальника бюро',
                enResp: `Responsible for ${fields.map((f) => bureauFocusForeign[f]?.[0] ?? 'investment promotion').join(' and ')}.`,
                ruResp: `Отвечает за ${fields.map((f) => bureauFocusForeign[f]?.[1] ?? 'привлечение инвестиций').join(' и ')}.`,
                ...foreignBody,
              },
            }
          : {}),
      });
    }
  }
  org.leaders = [];
  const publishedDay = run.today - rng.int(30, 400);
  for (const [index, spec] of specs.entries()) {
    const lrng = rng.fork(`leader/${index}`);
    const text = leaderText(lrng, {
      position: spec.position,
      fullPosition: spec.full,
      responsibilities: spec.resp,
      ...(spec.foreign ? { foreign: spec.foreign } : {}),
      year,
      towns,
      departments: deptNames,
    });
    org.leaders.push({ name: text.person.zh, position: spec.position });
    const portraitPool = text.female ? run.portraits.female : run.portraits.male;
    const published = at(lrng, publishedDay);
    for (const locale of locales) {
      const name = text.name[locale];
      const position = text.position[locale];
      const bio = text.bio[locale];
      const responsibilities = text.responsibilities[locale];
      if (!name || !position || !bio || !responsibilities) continue;
      const leader: Leader = {
        id: `${site.id}-leader-${pad(index + 1, 2)}`,
        locale,
        site: site.id,
        name,
        position,
        portrait: { id: lrng.fork('portrait').pick(portraitPool) },
        bio,
        responsibilities,
        order: index + 1,
        publishedAt: published,
        updatedAt: published,
      };
      await emit(run, { type: 'leader', ...leader });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Pages

async function pages(run: Run, site: Site, org: Org): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/pages`);
  const day = run.today - rng.int(60, 500);
  const published = at(rng, day);
  const sourceFor = (locale: Locale): string =>
    locale === 'zh-CN' ? org.sourceName : (site.name[locale] ?? org.sourceName);
  if (org.kind === 'portal' || org.siteId === investmentBureauId) {
    const facts = {
      townships: run.plan.townships.length,
      villages: run.plan.townships.reduce((sum, t) => sum + t.villages.length, 0),
    };
    const list = org.kind === 'portal' ? portalPages(facts) : bureauPages();
    for (const page of list) {
      const images = org.kind === 'portal' ? pictures(run, rng, allScenes, 1) : [];
      for (const locale of localesOf(site)) {
        const article: Article = {
          id: `${site.id}-page-${page.slug}`,
          locale,
          site: site.id,
          column: 'about',
          title: page.title[locale as keyof Tri],
          summary: page.summary[locale as keyof Tri],
          body: page.body[locale as keyof Tri],
          images,
          attachments: [],
          source: sourceFor(locale),
          publishedAt: published,
          updatedAt: published,
        };
        await emit(run, { type: 'article', ...article });
      }
    }
    if (org.kind === 'portal') return;
  }
  let title: string;
  let body: string;
  if (org.kind === 'township') {
    const town = run.plan.townships.find((t) => t.id === org.siteId);
    const villages = town?.villages ?? [];
    title = `${org.short}概况`;
    body = [
      '## 基本情况',
      `${org.short}位于临江市${rng.pick(['东', '南', '西', '北', '东南', '西北'])}部，距市区${rng.int(12, 60)}公里，总面积${rng.int(80, 260)}平方公里，辖${villages.length}个行政村和${rng.int(1, 3)}个社区，户籍人口${rng.int(2, 6)}.${rng.int(0, 9)}万人。`,
      '## 产业发展',
      `${org.short}以${rng.pick(['茶叶', '水稻', '蔬菜', '中药材', '水产养殖'])}和${rng.pick(['乡村旅游', '农产品加工', '竹木加工', '电商物流'])}为主导产业，近年来大力推进乡村振兴，农村居民人均可支配收入保持较快增长。`,
      '## 行政村',
      villages.map((v) => `- ${v.name}`).join('\n'),
      '## 联系方式',
      `- 地址：${org.address}\n- 电话：${officePhone(org, rng)}\n- 办公时间：${hours}`,
    ].join('\n\n');
  } else {
    const f = org.focus;
    const pickF = (i: number) => f[i % f.length] ?? '';
    title = '机构职能';
    body = [
      '## 主要职责',
      [
        `1. 贯彻执行国家、省和市关于${pickF(0)}等方面的方针政策和法律法规，拟订并组织实施相关规划和政策措施。`,
        `2. 负责${pickF(1)}工作，指导和监督各镇（乡）、街道开展相关工作。`,
        `3. 统筹推进${pickF(2)}，协调解决工作中的重大问题。`,
        `4. 承担${pickF(3)}的监督管理和服务职责，依法实施相关行政许可和行政执法。`,
        '5. 完成市委、市政府交办的其他任务。',
      ].join('\n'),
      '## 内设机构',
      rng
        .sample(
          ['办公室', '政策法规科', '规划财务科', '行政审批科', '监督管理科', '综合科', '人事科', '机关党委'],
          5,
        )
        .map((unit) => `- ${unit}`)
        .join('\n'),
      '## 联系方式',
      `- 地址：${org.address}\n- 电话：${officePhone(org, rng)}\n- 办公时间：${hours}`,
    ].join('\n\n');
  }
  const article: Article = {
    id: `${site.id}-page-about`,
    locale: 'zh-CN',
    site: site.id,
    column: 'about',
    title,
    body,
    images: [],
    attachments: [],
    source: org.sourceName,
    publishedAt: published,
    updatedAt: published,
  };
  await emit(run, { type: 'article', ...article });
}

// ---------------------------------------------------------------------------------------------
// News and notices

async function news(run: Run, site: Site, org: Org, volume: Range): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/news`);
  const n = draw(rng, volume);
  const offset = staleOffset(run, rng, org, 'news');
  const fresh = org.kind === 'portal' ? 2 : 10;
  const days = columnDays(run, rng, n, fresh, offset);
  if (offset > 0 && days.length > 0)
    run.stale.push({ site: site.id, column: 'news', newest: formatDay(days[days.length - 1] ?? run.today) });
  for (const [i, day] of days.entries()) {
    const irng = rng.fork(String(i));
    const text = newsText(irng, org, run.plan.city, day);
    const published = at(irng, day);
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

async function notices(run: Run, site: Site, org: Org, volume: Range): Promise<void> {
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
    const text = noticeText(irng, org, run.plan.city, day);
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

// ---------------------------------------------------------------------------------------------
// Policies and interpretations

async function policies(run: Run, site: Site, org: Org, volume: Range): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/policies`);
  const n = draw(rng, volume);
  if (n === 0) return;
  const days = columnDays(run, rng, n, 120, 0);
  const numbers = new Map<string, number>();
  const serials = new Map<number, number>();
  let interpCount = 0;
  for (const [i, day] of days.entries()) {
    const irng = rng.fork(String(i));
    const written = workday(day - irng.int(1, 8));
    const year = partsOf(written).year;
    // The portal issues documents on every department's field; the department then interprets them.
    const owner =
      org.kind === 'portal' && run.plan.departments.length > 0 ? irng.pick(run.plan.departments) : undefined;
    const focus = irng.pick(owner ? owner.focus : org.focus);
    const writer: Org = owner ? { ...org, topic: owner.topic } : org;
    const kinds: PolicyKind[] =
      org.kind === 'portal'
        ? ['plan', 'plan', 'opinion', 'measures', 'work-notice']
        : ['work-notice', 'work-notice', 'measures', 'plan', 'opinion'];
    const kind = irng.pick(kinds);
    const text = policyText(irng, writer, written, focus, kind);
    const key = `${text.numberPrefix}/${year}`;
    const number = (numbers.get(key) ?? irng.int(1, 4)) + 0;
    numbers.set(key, number + irng.int(1, 3));
    const serial = (serials.get(year) ?? irng.int(1, 40)) + 0;
    serials.set(year, serial + irng.int(1, 12));
    const documentNumber = `${text.numberPrefix}〔${year}〕${number}号`;
    let validity: PolicyValidity = 'valid';
    const age = run.today - written;
    if (text.validYears !== null && written + 30 + text.validYears * 365 < run.today) validity = 'expired';
    else if (age > 730 && irng.chance(0.08)) validity = 'repealed';
    else if (age > 365 && irng.chance(0.06)) validity = 'amended';
    const published = at(irng, day);
    const updated =
      validity === 'valid' || validity === 'expired'
        ? published
        : at(irng, Math.min(run.today, day + irng.int(200, 700)));
    const interpreter = owner
      ? {
          name: owner.short,
          source: `市${owner.name}`,
          phone: `${run.plan.orgs.get(owner.id)?.phonePrefix ?? '0860-8800'}${irng.int(1000, 9999)}`,
        }
      : { name: org.short, source: org.sourceName, phone: officePhone(org, irng) };
    const forms: ('text' | 'graphic')[] = irng.chance(0.35)
      ? ['text', 'graphic']
      : [irng.chance(0.75) ? 'text' : 'graphic'];
    const interpIds = forms.map(() => {
      interpCount += 1;
      return `${site.id}-interp-${pad(interpCount)}`;
    });
    const attachments: Attachment[] = [];
    if (kind === 'measures' || irng.chance(0.25)) {
      attachments.push(
        attachment(
          run,
          irng,
          kind === 'measures' ? `${focus}项目申报表.pdf` : `${year}年${focus}重点任务清单.pdf`,
        ),
      );
    }
    const policy: PolicyDocument = {
      id: `${site.id}-policy-${pad(i + 1)}`,
      locale: 'zh-CN',
      site: site.id,
      column: 'policies',
      title: text.title,
      indexNumber: `${org.orgCode}/${year}-${pad(serial, 5)}`,
      issuingAuthority: text.authority,
      documentNumber,
      writtenDate: formatDay(written),
      publishedAt: published,
      topic: writer.topic,
      validity,
      body: text.body,
      attachments,
      interpretations: interpIds,
      updatedAt: updated,
    };
    await emit(run, { type: 'policy', ...policy });
    for (const [k, form] of forms.entries()) {
      const id = interpIds[k] ?? '';
      const interp = interpretationText(
        irng,
        { ...text, documentNumber },
        { name: interpreter.name, phone: interpreter.phone },
        form,
        focus,
        written,
      );
      const iday = Math.min(run.today, day + irng.int(0, 3));
      const ipub = at(irng, iday);
      const interpretation: Interpretation = {
        id,
        locale: 'zh-CN',
        site: site.id,
        column: 'interpretations',
        title: interp.title,
        policy: policy.id,
        form,
        body: interp.body,
        source: interpreter.source,
        publishedAt: ipub,
        updatedAt: ipub,
      };
      await emit(run, { type: 'interpretation', ...interpretation });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Service guides

function templatesFor(
  run: Run,
  org: Org,
  rng: Rng,
  limit: number,
): { template: ServiceTemplate; title: string }[] {
  const expand = (list: readonly ServiceTemplate[]) =>
    list.flatMap((template) =>
      template.variants
        ? template.variants.map((v) => ({ template, title: `${template.title}（${v}）` }))
        : [{ template, title: template.title }],
    );
  let own: ServiceTemplate[];
  let generic: ServiceTemplate[];
  if (org.kind === 'portal') {
    const ids = new Set(run.plan.departments.map((d) => d.id));
    own = rng.sample(
      serviceTemplates.filter((t) => t.offeredBy.some((o) => ids.has(o))),
      limit,
    );
    generic = serviceTemplates.filter((t) => t.offeredBy.includes('portal'));
  } else if (org.kind === 'township') {
    own = serviceTemplates.filter((t) => t.offeredBy.includes('township') && !t.offeredBy.includes('*'));
    generic = serviceTemplates.filter((t) => t.offeredBy.includes('township') && t.offeredBy.includes('*'));
  } else {
    own = serviceTemplates.filter((t) => t.offeredBy.includes(org.siteId));
    generic = serviceTemplates.filter((t) => t.offeredBy.includes('*'));
  }
  const list = [...expand(own), ...expand(generic)];
  // Always keep at least one generic guide (政府信息公开申请) within the limit.
  const chosen = list.slice(0, Math.max(1, limit - 1));
  const lastGeneric = expand(generic)[0];
  if (lastGeneric && !chosen.some((c) => c.title === lastGeneric.title)) chosen.push(lastGeneric);
  else if (list.length > chosen.length) chosen.push(...list.slice(chosen.length, limit));
  return chosen.slice(0, limit);
}

async function services(run: Run, site: Site, org: Org, limit: number): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/services`);
  const chosen = templatesFor(run, org, rng, limit);
  const floor = rng.int(1, 4);
  for (const [i, { template, title }] of chosen.entries()) {
    const irng = rng.fork(String(i));
    const day = workday(run.today - irng.int(20, run.scale.spanDays));
    const published = at(irng, day);
    const updatedDay = Math.min(run.today, day + irng.int(0, 400));
    const location =
      org.kind === 'township'
        ? `${org.short}便民服务中心（${org.address}）`
        : org.kind === 'portal'
          ? '临江市民中心综合受理窗口（临江市滨江大道66号）'
          : `临江市民中心${floor}楼${org.short}窗口（临江市滨江大道66号）`;
    const guide: ServiceGuide = {
      id: `${site.id}-service-${pad(i + 1, 3)}`,
      locale: 'zh-CN',
      site: site.id,
      column: 'services',
      title,
      legalBasis: template.legalBasis,
      conditions: template.conditions,
      materials: template.materials.map((m) => ({ ...m })),
      location,
      hours,
      inquiryPhone: officePhone(org, irng),
      process: [...template.process],
      timeLimit: template.timeLimit,
      fee: template.fee ?? '不收费',
      complaintPhone: '12345',
      publishedAt: published,
      updatedAt: updatedDay === day ? published : at(irng, updatedDay),
    };
    await emit(run, { type: 'serviceGuide', ...guide });
  }
}

// ---------------------------------------------------------------------------------------------
// Letters

async function letters(run: Run, site: Site, org: Org, volume: Range): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/letters`);
  const n = draw(rng, volume);
  const days = columnDays(run, rng, n, 6, 0);
  for (const [i, day] of days.entries()) {
    const irng = rng.fork(String(i));
    const submittedAt = dateTime(day, irng.int(7 * 60, 23 * 60));
    let handlingUnit: string;
    let text: ReturnType<typeof letterText>;
    if (org.kind === 'department') {
      text = letterForUnit(irng, org.siteId, org.short, org.focus, officePhone(org, irng));
      handlingUnit = org.sourceName;
    } else {
      text = letterText(irng);
      const dept = departmentCatalog.find((d) => d.id === text.unit);
      handlingUnit =
        org.kind === 'township' ? org.sourceName : dept ? `市${dept.name}` : '市政务服务和数据管理局';
    }
    const age = run.today - day;
    const newest = i === days.length - 1;
    let status: Letter['status'] = 'replied';
    if (newest || age < 4) status = irng.chance(0.5) ? 'received' : 'processing';
    else if (age < 15 && irng.chance(0.6)) status = 'processing';
    else if (irng.chance(0.03)) status = 'processing';
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
  }
}

// ---------------------------------------------------------------------------------------------
// Investment projects

const sectorScenes: Record<string, string[]> = {
  tourism: ['river', 'lake', 'park'],
  agri: ['fields', 'tea'],
  food: ['fields', 'tea'],
  logistics: ['bridge', 'river'],
  elderly: ['lake', 'mountains', 'park'],
};

function townPlaces(townships: readonly TownshipPlan[]): TownPlace[] {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const list = townships.map((t) => ({
    zh: t.name,
    en: `${cap(t.word.py)} ${t.word.kind === '镇' ? 'Town' : 'Township'}`,
    ru: `${t.word.kind === '镇' ? 'посёлок' : 'волость'} ${cap(t.word.ru)}`,
  }));
  return list.length > 0 ? list : [{ zh: '白沙镇', en: 'Baisha Town', ru: 'посёлок Байша' }];
}

async function projects(run: Run, site: Site, howMany: number): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/projects`);
  const towns = townPlaces(run.plan.townships);
  const days = columnDays(run, rng, howMany, 30, 0);
  for (const [i, day] of days.entries()) {
    const irng = rng.fork(String(i));
    const text = projectText(irng, towns);
    const contact = drawName(irng);
    const phone = `0860-8866${irng.int(1000, 9999)}`;
    const published = at(irng, day);
    const updated = laterUpdate(irng, run, day, published);
    const images = pictures(
      run,
      irng,
      sectorScenes[text.sectorKey] ?? ['skyline', 'river', 'bridge'],
      irng.int(1, 2),
    );
    for (const locale of localesOf(site)) {
      const l = locale as keyof Tri;
      const project: InvestmentProject = {
        id: `${site.id}-project-${pad(i + 1, 3)}`,
        locale,
        site: site.id,
        title: text.title[l],
        sector: text.sector[l],
        location: text.location[l],
        investment: { amount: text.investment.amount, text: text.investment.text[l] },
        cooperation: text.cooperation[l],
        summary: text.summary[l],
        body: text.body[l],
        contact: {
          name: locale === 'zh-CN' ? contact.zh : locale === 'en' ? contact.en : contact.ru,
          phone: locale === 'zh-CN' ? phone : `+86 ${phone.slice(1).replace('-', ' ')}`,
          email: 'invest@linjiang.example',
        },
        images,
        publishedAt: published,
        updatedAt: updated,
      };
      await emit(run, { type: 'investmentProject', ...project });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Villages

async function villages(run: Run, site: Site, town: TownshipPlan): Promise<void> {
  for (const village of town.villages) {
    const rng = createRng(run.seed, `${site.id}/village/${village.slug}`);
    const text = villageText(rng, town.name, village.short, run.today);
    const publishedDay = workday(run.today - rng.int(200, 900));
    const newestAffair = text.affairs[0]?.date;
    const published = at(rng, publishedDay);
    const updatedDay = newestAffair ? Math.max(publishedDay, dayOf(newestAffair)) : publishedDay;
    const updated = updatedDay === publishedDay ? published : at(rng, updatedDay);
    const entry: Village = {
      id: `${site.id}-${village.slug}`,
      locale: 'zh-CN',
      site: site.id,
      slug: village.slug,
      name: village.name,
      overview: text.overview,
      committee: text.committee,
      contact: text.contact,
      industry: text.industry,
      photos: pictures(run, rng, ['fields', 'tea', 'mountains', 'lake', 'river'], rng.int(2, 3)),
      affairs: text.affairs,
      publishedAt: published,
      updatedAt: updated,
    };
    await emit(run, { type: 'village', ...entry });
  }
}

// ---------------------------------------------------------------------------------------------
// The run

async function generateContent(run: Run): Promise<void> {
  const { plan, scale } = run;
  const total = plan.sites.length;
  for (const site of plan.sites) {
    const org = plan.orgs.get(site.id);
    if (!org) throw new Error(`no publishing body for site ${site.id}`);
    run.site = site.id;
    run.progress(site.id);
    await leaders(run, site, org);
    await pages(run, site, org);
    if (org.kind === 'portal') {
      await news(run, site, org, scale.portal.news);
      await notices(run, site, org, scale.portal.notices);
      await policies(run, site, org, scale.portal.policies);
      await services(run, site, org, scale.portal.services);
      await letters(run, site, org, scale.portal.letters);
      await projects(run, site, scale.projects.portal);
    } else if (org.kind === 'department') {
      await news(run, site, org, scale.department.news);
      await notices(run, site, org, scale.department.notices);
      await policies(run, site, org, scale.department.policies);
      await services(run, site, org, scale.department.services);
      await letters(run, site, org, scale.department.letters);
      if (site.id === investmentBureauId) await projects(run, site, scale.projects.bureau);
    } else {
      const town = plan.townships.find((t) => t.id === site.id);
      await news(run, site, org, scale.township.news);
      await notices(run, site, org, scale.township.notices);
      await services(run, site, org, scale.township.services);
      await letters(run, site, org, scale.township.letters);
      if (town) await villages(run, site, town);
    }
    run.sitesDone += 1;
  }
  run.site = undefined;
  run.progress();
  if (run.sitesDone !== total) throw new Error('not every site was generated');
}

async function moveIntoPlace(staging: string, outDir: string): Promise<void> {
  if (!existsSync(outDir)) {
    await mkdir(dirname(outDir), { recursive: true });
    await rename(staging, outDir);
    return;
  }
  // Media first, then the snapshot file in one rename: a reader never sees the new file without its media.
  const oldMedia = join(outDir, `media.old-${process.pid}`);
  if (existsSync(join(outDir, 'media'))) await rename(join(outDir, 'media'), oldMedia);
  await rename(join(staging, 'media'), join(outDir, 'media'));
  await rename(join(staging, snapshotFileName), join(outDir, snapshotFileName));
  await rm(oldMedia, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
}

/**
 * Generates the demo city into `outDir` (`snapshot.jsonl` + `media/`): deterministic for a seed and
 * `today`, streamed record by record, validated before it replaces any previous snapshot.
 * @example await generateDemoCity({ seed: 1, scale: 'fixture', today: '2026-11-21', outDir: '.data/snapshots/fixture' });
 */
export async function generateDemoCity(options: GenerateDemoOptions): Promise<GenerateDemoResult> {
  const { seed, scale: scaleName, onProgress } = options;
  if (!Number.isInteger(seed) || seed < 0)
    throw new RangeError(`seed must be a non-negative integer, got ${seed}`);
  const scale = scaleConfigs[scaleName];
  if (!scale) throw new RangeError(`unknown scale ${JSON.stringify(scaleName)} (fixture, demo or large)`);
  const today = dayOf(options.today);
  const outDir = resolve(options.outDir);
  const staging = join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'media'), { recursive: true });
  const writer = new SnapshotWriter(staging);
  const plan = planCity(seed, scale);
  const media = planMedia(seed);
  const run: Run = {
    seed,
    today,
    scale,
    plan,
    writer,
    counts: {},
    entries: {},
    landscapes: media.landscapes,
    portraits: {
      male: media.portraits.filter((_, i) => i % 4 !== 3),
      female: media.portraits.filter((_, i) => i % 4 === 3),
    },
    attachments: planAttachments(),
    stale: [],
    staleNews: new Set(),
    staleNotices: new Set(),
    progress: () => undefined,
    sitesDone: 0,
  };
  const report = (phase: GenerateProgress['phase'], site?: string) =>
    onProgress?.({
      phase,
      records: writer.count,
      ...(site ? { site } : {}),
      sitesDone: run.sitesDone,
      sitesTotal: plan.sites.length,
    });
  run.progress = (site) => report('content', site);
  const staleRng = createRng(seed, 'stale');
  const candidates = plan.departments.filter((d) => d.id !== investmentBureauId).map((d) => d.id);
  for (const id of staleRng.sample(candidates, scale.staleNews)) run.staleNews.add(id);
  for (const id of staleRng.sample(candidates, scale.staleNotices)) run.staleNotices.add(id);
  try {
    report('media');
    const mediaBytes = await writeMediaFiles(join(staging, 'media'), media.items, run.attachments);
    await writer.write({
      type: 'header',
      format: snapshotFormat,
      seed,
      scale: scaleName,
      today: options.today,
      locales: ['zh-CN', 'en', 'ru'],
    });
    report('sites');
    for (const site of plan.sites) {
      await writer.write({ type: 'site', ...site });
      count(run, 'site', 'zh-CN');
    }
    for (const item of media.items) {
      await writer.write({ type: 'media', ...item.record });
      count(run, 'media', 'zh-CN');
    }
    await generateContent(run);
    await writer.commit();
    report('validate');
    const validation = await validateSnapshot(staging);
    if (validation.problemCount > 0)
      throw new DemoGenerationError(validation.problems, validation.problemCount);
    const snapshotBytes = (await stat(join(staging, snapshotFileName))).size;
    const records = writer.count;
    report('commit');
    await moveIntoPlace(staging, outDir);
    return {
      outDir,
      records,
      counts: run.counts,
      entries: run.entries,
      snapshotBytes,
      mediaBytes,
      mediaFiles: media.items.length + run.attachments.length,
      stale: run.stale,
    };
  } catch (error) {
    await writer.abort();
    await rm(staging, { recursive: true, force: true });
    if (error instanceof SnapshotError) throw new DemoGenerationError(error.problems, error.problems.length);
    throw error;
  }
}
