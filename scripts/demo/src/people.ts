/** Leaders (领导信息) of every site, in every locale the site has. */
import type { Leader, Site } from '@govcluster/shared/schemas';
import { policyTopics } from '@govcluster/shared/schemas';
import { departmentCatalog, investmentBureauId } from './catalog.ts';
import type { Org } from './context.ts';
import { partsOf } from './dates.ts';
import { portraitPoolKey } from './portraits.ts';
import { createRng } from './prng.ts';
import { at, draw, emit, localesOf, pad, type Run } from './run.ts';
import { leaderText, titlesFor } from './text-people.ts';

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

export async function leaders(run: Run, site: Site, org: Org): Promise<void> {
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
    const portraitPool = run.portraits.get(portraitPoolKey(text.female, text.age)) ?? [];
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
