/**
 * The demo city's registry: the portal, the departments and the townships as `Site` records, and
 * the publishing bodies (`Org`) and place names the text templates use.
 * Long on purpose: most of it is data written out (each kind of site's columns with their names in
 * three locales), and `planCity` draws from one random stream in a fixed order, which fixes every
 * name of the demo city; cut into pieces it would read no easier.
 */
import type { Column, LocalizedText, Site } from '@govcluster/shared/schemas';
import { type DepartmentEntry, departmentCatalog, foreignNames, investmentBureauId } from './catalog.ts';
import { areaCode, type CityContext, type Org } from './context.ts';
import { investorContacts } from './investor-contacts.ts';
import { createRng, hashString, type Rng } from './prng.ts';
import type { ScaleConfig } from './scales.ts';
import { titlesFor } from './text-people.ts';
import { roads, townships as townshipWords, villageFirst, villageSecond, type Word } from './words.ts';

/** A village of a township. */
export interface VillagePlan {
  /** 村名 with 村, e.g. `前桥村`. */
  name: string;
  /** Name without 村. */
  short: string;
  /** URL slug (pinyin). */
  slug: string;
}

/** A township with its villages. */
export interface TownshipPlan {
  /** Site id, e.g. `baisha-town`. */
  id: string;
  /** `白沙镇` */
  name: string;
  /** Word of the name. */
  word: Word & { kind: '镇' | '乡' };
  /** Villages. */
  villages: VillagePlan[];
}

/** The whole city as planned for a scale. */
export interface CityPlan {
  /** Registry records, portal first. */
  sites: Site[];
  /** Publishing bodies by site id. */
  orgs: Map<string, Org>;
  /** Departments of the scale. */
  departments: DepartmentEntry[];
  /** Townships of the scale. */
  townships: TownshipPlan[];
  /** Names the texts draw from. */
  city: CityContext;
}

const portalFocus = [
  '重大项目建设',
  '营商环境优化',
  '民生实事项目',
  '城市更新',
  '乡村振兴',
  '生态环境保护',
  '安全生产',
  '招商引资',
  '文明城市创建',
  '“高效办成一件事”',
];

/** Fields of work of a township government. */
export const townshipFocus = [
  '农村人居环境整治',
  '森林防火',
  '防汛救灾',
  '农村低保动态管理',
  '网格化基层治理',
  '秸秆禁烧',
  '农村饮水安全',
  '乡村振兴项目建设',
  '移风易俗',
  '安全生产',
  '耕地保护',
  '城乡居民医保参保',
];

function lt(zh: string, en?: string, ru?: string): LocalizedText {
  const text: LocalizedText = { 'zh-CN': zh };
  if (en !== undefined) text.en = en;
  if (ru !== undefined) text.ru = ru;
  return text;
}

/** The address of a site's 党政机关网站标识 certificate, by its 网站标识码. */
function partyGovMarkUrl(siteCode: string): string {
  return `https://bszs.conac.cn/sitename?method=show&id=${siteCode}`;
}

function column(slug: string, type: Column['type'], order: number, name: LocalizedText): Column {
  return { slug, type, order, name };
}

function phonePrefix(rng: Rng): string {
  return `${areaCode}-8${rng.int(100, 999)}`;
}

function orgCode(id: string): string {
  return `117401${String(hashString(`org/${id}`) % 100_000_000_000).padStart(11, '0')}X`;
}

function villageNames(rng: Rng, count: number, used: Set<string>): VillagePlan[] {
  const out: VillagePlan[] = [];
  let guard = 0;
  while (out.length < count && guard < 2000) {
    guard += 1;
    const a = rng.pick(villageFirst);
    const b = rng.pick(villageSecond);
    const short = a.han + b.han;
    const slug = a.py + b.py;
    if (used.has(slug) || a.han === b.han) continue;
    used.add(slug);
    out.push({ name: `${short}村`, short, slug });
  }
  return out;
}

/** Plans the city of a scale: sites, bodies and places. Depends only on the seed and the scale. */
export function planCity(seed: number, scale: ScaleConfig): CityPlan {
  const rng = createRng(seed, 'city');
  const departments = departmentCatalog.slice(0, scale.departments);
  if (!departments.some((d) => d.id === investmentBureauId)) {
    const bureau = departmentCatalog.find((d) => d.id === investmentBureauId);
    if (bureau) departments[departments.length - 1] = bureau;
  }
  const townships: TownshipPlan[] = townshipWords.slice(0, scale.townships).map((word) => {
    const name = `${word.han}${word.kind}`;
    const count = rng.int(scale.villages[0], scale.villages[1]);
    return {
      id: `${word.py}-${word.kind === '镇' ? 'town' : 'xiang'}`,
      name,
      word,
      villages: villageNames(rng.fork(`villages/${word.py}`), count, new Set()),
    };
  });

  const sites: Site[] = [];
  const orgs = new Map<string, Org>();
  const portalNames = foreignNames.portal ?? { en: '', ru: '', enShort: '', ruShort: '' };
  const portal: Site = {
    id: 'portal',
    kind: 'portal',
    name: lt('临江市人民政府', portalNames.en, portalNames.ru),
    shortName: lt('临江', portalNames.enShort, portalNames.ruShort),
    parent: null,
    basePath: '/',
    locales: ['zh-CN', 'en', 'ru'],
    footer: {
      sponsor: lt(
        '临江市人民政府办公室',
        'General Office of the Linjiang Municipal People’s Government',
        'Канцелярия Народного правительства города Линьцзян',
      ),
      organizer: lt(
        '临江市政务服务和数据管理局',
        'Linjiang Government Services and Data Administration',
        'Управление государственных услуг и данных города Линьцзян',
      ),
      siteCode: '7401000001',
      partyGovMarkUrl: partyGovMarkUrl('7401000001'),
      icp: '云ICP备17003521号',
      publicSecurity: '云公网安备 74010202000001号',
      contact: {
        phone: `${areaCode}-88012345`,
        email: 'webmaster@linjiang.example',
        address: lt(
          '临江市滨江大道88号',
          '88 Binjiang Avenue, Linjiang, Yunjiang Province',
          'провинция Юньцзян, г. Линьцзян, проспект Биньцзян, 88',
        ),
        postcode: '745000',
      },
    },
    investorContacts: [...investorContacts],
    columns: [
      column('news', 'news', 1, lt('要闻动态', 'News', 'Новости')),
      column('notices', 'notice', 2, lt('通知公告', 'Notices', 'Объявления')),
      column('policies', 'policy', 3, lt('政策文件', 'Policy Documents', 'Нормативные документы')),
      column(
        'interpretations',
        'policy',
        4,
        lt('政策解读', 'Policy Interpretations', 'Разъяснения документов'),
      ),
      column('services', 'service', 5, lt('办事服务', 'Services', 'Услуги')),
      column('letters', 'interaction', 6, lt('市长信箱', 'Mayor’s Mailbox', 'Обращения к мэру')),
      column('about', 'page', 7, lt('走进临江', 'About Linjiang', 'О городе')),
      column('interviews', 'interaction', 8, lt('在线访谈', 'Online Interviews', 'Онлайн-интервью')),
      column('consultations', 'interaction', 9, lt('征集调查', 'Consultations', 'Обсуждения')),
    ],
    hotline: { number: '12345', hours: lt('全天24小时', '24 hours a day', 'круглосуточно') },
    newMedia: [
      {
        platform: 'wechat',
        name: lt('临江发布', 'Linjiang Release', 'Линьцзян сообщает'),
        account: 'linjiangfabu',
      },
      {
        platform: 'weibo',
        name: lt('临江发布', 'Linjiang Release', 'Линьцзян сообщает'),
        url: 'https://weibo.com/linjiangfabu',
      },
      { platform: 'app', name: lt('i临江', 'iLinjiang', 'iLinjiang'), url: 'https://app.linjiang.example/' },
    ],
  };
  sites.push(portal);
  orgs.set('portal', {
    siteId: 'portal',
    kind: 'portal',
    fullName: '临江市人民政府',
    sourceName: '临江市人民政府',
    short: '市政府',
    docPrefix: '临政',
    topic: '综合政务',
    focus: portalFocus,
    scope: '全市',
    phonePrefix: `${areaCode}-8801`,
    address: '临江市滨江大道88号',
    orgCode: orgCode('portal'),
    leaders: [],
  });

  departments.forEach((dept, index) => {
    const drng = rng.fork(`dept/${dept.id}`);
    const foreign = foreignNames[dept.id];
    const isBureau = dept.id === investmentBureauId;
    const prefix = phonePrefix(drng);
    const address =
      index < 30
        ? `临江市滨江大道88号市行政中心${(index % 6) + 1}号楼`
        : `临江市${drng.pick(roads)}${drng.int(1, 300)}号`;
    const head = titlesFor(dept.name).head;
    const site: Site = {
      id: dept.id,
      kind: 'department',
      name: lt(`临江市${dept.name}`, foreign?.en, foreign?.ru),
      shortName: lt(dept.short, foreign?.enShort, foreign?.ruShort),
      parent: 'portal',
      basePath: `/bm/${dept.id}/`,
      locales: isBureau ? ['zh-CN', 'en', 'ru'] : ['zh-CN'],
      footer: {
        sponsor: lt(`临江市${dept.name}`, foreign?.en, foreign?.ru),
        organizer: lt(
          '临江市政务服务和数据管理局',
          isBureau ? 'Linjiang Government Services and Data Administration' : undefined,
          isBureau ? 'Управление государственных услуг и данных города Линьцзян' : undefined,
        ),
        siteCode: `740100${String(index + 2).padStart(4, '0')}`,
        partyGovMarkUrl: partyGovMarkUrl(`740100${String(index + 2).padStart(4, '0')}`),
        icp: `云ICP备17003521号-${index + 2}`,
        publicSecurity: `云公网安备 74010202${String(index + 2).padStart(6, '0')}号`,
        contact: {
          phone: `${prefix}${drng.int(1000, 9999)}`,
          email: `${dept.id}@linjiang.example`,
          address: isBureau
            ? lt(
                address,
                '88 Binjiang Avenue, Linjiang, Yunjiang Province',
                'провинция Юньцзян, г. Линьцзян, проспект Биньцзян, 88',
              )
            : lt(address),
          postcode: '745000',
        },
      },
      ...(isBureau ? { investorContacts: [...investorContacts] } : {}),
      columns: [
        column(
          'news',
          'news',
          1,
          lt('工作动态', isBureau ? 'News' : undefined, isBureau ? 'Новости' : undefined),
        ),
        column(
          'notices',
          'notice',
          2,
          lt('通知公告', isBureau ? 'Notices' : undefined, isBureau ? 'Объявления' : undefined),
        ),
        column(
          'policies',
          'policy',
          3,
          lt(
            '政策文件',
            isBureau ? 'Policy Documents' : undefined,
            isBureau ? 'Нормативные документы' : undefined,
          ),
        ),
        column(
          'interpretations',
          'policy',
          4,
          lt(
            '政策解读',
            isBureau ? 'Policy Interpretations' : undefined,
            isBureau ? 'Разъяснения документов' : undefined,
          ),
        ),
        column(
          'services',
          'service',
          5,
          lt('办事服务', isBureau ? 'Services' : undefined, isBureau ? 'Услуги' : undefined),
        ),
        column(
          'letters',
          'interaction',
          6,
          lt(
            `${head}信箱`,
            isBureau ? 'Director’s Mailbox' : undefined,
            isBureau ? 'Обращения к руководителю' : undefined,
          ),
        ),
        column(
          'about',
          'page',
          7,
          lt('机构概况', isBureau ? 'About Us' : undefined, isBureau ? 'О нас' : undefined),
        ),
      ],
      newMedia: [{ platform: 'wechat', name: lt(`临江${dept.short}`), account: `linjiang-${dept.id}` }],
    };
    sites.push(site);
    orgs.set(dept.id, {
      siteId: dept.id,
      kind: 'department',
      fullName: `临江市${dept.name}`,
      sourceName: `市${dept.name}`,
      short: dept.short,
      docPrefix: dept.docPrefix,
      topic: dept.topic,
      focus: dept.focus,
      scope: '全市',
      phonePrefix: prefix,
      address,
      orgCode: orgCode(dept.id),
      leaders: [],
    });
  });

  townships.forEach((town, index) => {
    const trng = rng.fork(`town/${town.id}`);
    const prefix = phonePrefix(trng);
    const gov = `${town.name}人民政府`;
    const address = `临江市${town.name}${trng.pick(['人民路', '新街', '府前路', '建设路', '中心大道'])}${trng.int(1, 99)}号`;
    const head = town.word.kind === '镇' ? '镇长' : '乡长';
    sites.push({
      id: town.id,
      kind: 'township',
      name: lt(`临江市${gov}`),
      shortName: lt(town.name),
      parent: 'portal',
      basePath: `/xz/${town.id}/`,
      locales: ['zh-CN'],
      footer: {
        sponsor: lt(`临江市${gov}`),
        organizer: lt('临江市政务服务和数据管理局'),
        siteCode: `740100${String(201 + index).padStart(4, '0')}`,
        partyGovMarkUrl: partyGovMarkUrl(`740100${String(201 + index).padStart(4, '0')}`),
        icp: `云ICP备17003521号-${201 + index}`,
        publicSecurity: `云公网安备 74010202${String(201 + index).padStart(6, '0')}号`,
        contact: {
          phone: `${prefix}${trng.int(1000, 9999)}`,
          email: `${town.word.py}@linjiang.example`,
          address: lt(address),
          postcode: `7451${String(index).padStart(2, '0')}`,
        },
      },
      columns: [
        column('news', 'news', 1, lt(`${town.word.kind === '镇' ? '镇' : '乡'}情动态`)),
        column('notices', 'notice', 2, lt('通知公告')),
        column('services', 'service', 3, lt('便民服务')),
        column('letters', 'interaction', 4, lt(`${head}信箱`)),
        column('about', 'page', 5, lt(`${town.word.kind === '镇' ? '镇' : '乡'}情概况`)),
      ],
    });
    orgs.set(town.id, {
      siteId: town.id,
      kind: 'township',
      fullName: `临江市${gov}`,
      sourceName: gov,
      short: town.name,
      docPrefix: `${town.word.han.charAt(0)}政`,
      topic: '综合政务',
      focus: townshipFocus,
      scope: town.word.kind === '镇' ? '全镇' : '全乡',
      phonePrefix: prefix,
      address,
      orgCode: orgCode(town.id),
      leaders: [],
      town: town.name,
      villages: town.villages.map((v) => v.short),
    });
  });

  const city: CityContext = {
    towns: townships.map((t) => t.name),
    villagesByTown: new Map(townships.map((t) => [t.name, t.villages.map((v) => v.short)])),
    departments: departments.map((d) => ({
      id: d.id,
      short: d.short,
      sourceName: `市${d.name}`,
      focus: d.focus,
    })),
    areaCode,
  };
  return { sites, orgs, departments, townships, city };
}
