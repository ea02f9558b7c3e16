/**
 * News for investors: the investment bureau's news that it publishes in Chinese, English and Russian
 * (promotion events, delegations, signings, services for foreign-invested companies), so that the
 * English and Russian homes have news of their own. One entry id per item, one record per locale.
 * @module
 */

import type { Article, Site } from '@govcluster/shared/schemas';
import { partsOf, zhMonthDay } from './dates.ts';
import { createRng, type Rng } from './prng.ts';
import { at, columnDays, distinct, emit, laterUpdate, pad, type Run } from './run.ts';
import { englishMonths } from './text-people.ts';

type Tri = { 'zh-CN': string; en: string; ru: string };

/** Places an investment promotion event can be held, in three languages. */
const venues: readonly Tri[] = [
  { 'zh-CN': '深圳', en: 'Shenzhen', ru: 'Шэньчжэне' },
  { 'zh-CN': '上海', en: 'Shanghai', ru: 'Шанхае' },
  { 'zh-CN': '香港', en: 'Hong Kong', ru: 'Гонконге' },
  { 'zh-CN': '阿拉木图', en: 'Almaty', ru: 'Алма-Ате' },
  { 'zh-CN': '新加坡', en: 'Singapore', ru: 'Сингапуре' },
  { 'zh-CN': '杜塞尔多夫', en: 'Düsseldorf', ru: 'Дюссельдорфе' },
];

/** Countries a business delegation comes from. */
const delegations: readonly Tri[] = [
  { 'zh-CN': '哈萨克斯坦', en: 'Kazakhstan', ru: 'Казахстана' },
  { 'zh-CN': '俄罗斯', en: 'Russia', ru: 'России' },
  { 'zh-CN': '德国', en: 'Germany', ru: 'Германии' },
  { 'zh-CN': '马来西亚', en: 'Malaysia', ru: 'Малайзии' },
  { 'zh-CN': '乌兹别克斯坦', en: 'Uzbekistan', ru: 'Узбекистана' },
];

/** Sectors the events promote. */
const sectors: readonly Tri[] = [
  { 'zh-CN': '新能源汽车零部件', en: 'new energy vehicle components', ru: 'компонентов для электромобилей' },
  { 'zh-CN': '绿色食品加工', en: 'green food processing', ru: 'переработки экологичных продуктов' },
  { 'zh-CN': '现代物流', en: 'modern logistics', ru: 'современной логистики' },
  { 'zh-CN': '数字经济', en: 'digital economy', ru: 'цифровой экономики' },
];

interface InvestorNewsText {
  title: string;
  text: { title: Tri; summary: Tri; body: Tri };
}

/** One item: a promotion event, a delegation's visit, or a service for foreign-invested companies. */
function investorNewsText(rng: Rng, day: number): InvestorNewsText {
  const p = partsOf(day);
  const kind = rng.int(0, 2);
  const signed = rng.int(4, 15);
  const amount = rng.int(12, 85);
  const enDay = `${p.date} ${englishMonths[p.month - 1]} ${p.year}`;
  // 亿元 are hundreds of millions of yuan.
  const billions = (amount / 10).toFixed(1);
  if (kind === 0) {
    const venue = rng.pick(venues);
    const sector = rng.pick(sectors);
    const title: Tri = {
      'zh-CN': `临江市在${venue['zh-CN']}举办${sector['zh-CN']}产业招商推介会`,
      en: `Linjiang presents its ${sector.en} projects to investors in ${venue.en}`,
      ru: `Линьцзян представил проекты в сфере ${sector.ru} инвесторам в ${venue.ru}`,
    };
    return {
      title: title['zh-CN'],
      text: {
        title,
        summary: {
          'zh-CN': `推介会现场签约项目${signed}个，协议投资额${amount}亿元。`,
          en: `${signed} projects worth CNY ${billions} billion were signed at the event.`,
          ru: `На мероприятии подписано ${signed} соглашений на сумму ${billions.replace('.', ',')} млрд юаней.`,
        },
        body: {
          'zh-CN': `${zhMonthDay(day)}，临江市${sector['zh-CN']}产业招商推介会在${venue['zh-CN']}举行。市投资促进局介绍了临江的区位交通、产业基础和重点招商项目。\n\n推介会现场签约项目${signed}个，协议投资额${amount}亿元。市投资促进局将为签约项目提供全程帮办服务，推动项目早落地、早投产。`,
          en: `Linjiang held an investment promotion event for ${sector.en} in ${venue.en} on ${enDay}. The Investment Promotion Bureau presented the city’s transport links, industrial base and priority projects.\n\n${signed} projects worth CNY ${billions} billion were signed. The Bureau will support each project through permits, registration and construction.`,
          ru: `${p.date}.${String(p.month).padStart(2, '0')}.${p.year} в ${venue.ru} прошла презентация инвестиционных возможностей Линьцзяна в сфере ${sector.ru}. Бюро по содействию инвестициям рассказало о транспортных связях, промышленной базе и приоритетных проектах города.\n\nПодписано ${signed} соглашений на сумму ${billions.replace('.', ',')} млрд юаней. Бюро будет сопровождать каждый проект на всех этапах: разрешения, регистрация, строительство.`,
        },
      },
    };
  }
  if (kind === 1) {
    const from = rng.pick(delegations);
    const people = rng.int(8, 30);
    const title: Tri = {
      'zh-CN': `${from['zh-CN']}企业代表团来临江考察`,
      en: `Business delegation from ${from.en} visits Linjiang`,
      ru: `Линьцзян посетила деловая делегация из ${from.ru}`,
    };
    return {
      title: title['zh-CN'],
      text: {
        title,
        summary: {
          'zh-CN': `代表团一行${people}人考察了临江港综合物流园和经济技术开发区。`,
          en: `The ${people} visitors toured the Linjiang Port Logistics Park and the Economic and Technological Development Zone.`,
          ru: `Делегация из ${people} человек осмотрела логистический парк порта Линьцзян и зону экономического и технологического развития.`,
        },
        body: {
          'zh-CN': `${zhMonthDay(day)}，${from['zh-CN']}企业代表团一行${people}人来临江考察，先后参观了临江港综合物流园和经济技术开发区，并与有关部门和企业座谈，就物流、农产品贸易和制造业合作深入交流。`,
          en: `A business delegation of ${people} from ${from.en} visited Linjiang. They toured the Linjiang Port Logistics Park and the Economic and Technological Development Zone, and met city departments and local companies to discuss cooperation in logistics, agricultural trade and manufacturing.`,
          ru: `Деловая делегация из ${from.ru} в составе ${people} человек посетила Линьцзян. Гости осмотрели логистический парк порта и зону экономического и технологического развития, встретились с представителями городских ведомств и компаний и обсудили сотрудничество в логистике, торговле сельхозпродукцией и промышленности.`,
        },
      },
    };
  }
  const days = rng.int(2, 3);
  const title: Tri = {
    'zh-CN': `${p.year}年外资企业开办实现“一窗通办”`,
    en: `One-desk registration for foreign-invested companies in ${p.year}`,
    ru: `Регистрация предприятий с иностранным капиталом в одном окне (${p.year})`,
  };
  return {
    title: title['zh-CN'],
    text: {
      title,
      summary: {
        'zh-CN': `营业执照、印章刻制、银行开户和税务登记在市政务服务中心一个窗口办理。`,
        en: 'Business licence, company seals, bank account and tax registration are handled at one desk of the Government Services Centre.',
        ru: 'Лицензия, печати, банковский счёт и налоговая регистрация оформляются в одном окне Центра государственных услуг.',
      },
      body: {
        'zh-CN': `今年以来，临江市推行外资企业开办“一窗通办”，营业执照、印章刻制、银行开户和税务登记在市政务服务中心企业开办专区一个窗口办理，${days}个工作日内办结。市投资促进局提供英语、俄语咨询服务。`,
        en: `This year Linjiang has brought the registration of foreign-invested companies to one desk: the business licence, company seals, bank account and tax registration are handled at the Business Start-up Desk of the Government Services Centre within ${days} working days. The Investment Promotion Bureau answers questions in English and Russian.`,
        ru: `В этом году в Линьцзяне регистрация предприятий с иностранным капиталом проходит в одном окне: лицензия, печати, банковский счёт и налоговая регистрация оформляются в Центре государственных услуг за ${days} рабочих дня. Бюро по содействию инвестициям консультирует на английском и русском языках.`,
      },
    },
  };
}

/** Writes the investment bureau's news for investors, each in Chinese, English and Russian. */
export async function investorNews(run: Run, site: Site, howMany: number): Promise<void> {
  const rng = createRng(run.seed, `${site.id}/investor-news`);
  const days = columnDays(run, rng, howMany, 20, 0);
  for (const [i, day] of days.entries()) {
    const irng = rng.fork(String(i));
    const { text } = distinct(run, `${site.id}|news|${partsOf(day).year}`, irng, (r) =>
      investorNewsText(r, day),
    );
    const published = at(irng, day);
    const updated = laterUpdate(irng, run, day, published);
    for (const locale of site.locales) {
      const l = locale as keyof Tri;
      const article: Article = {
        id: `${site.id}-intl-${pad(i + 1)}`,
        locale,
        site: site.id,
        column: 'news',
        title: text.title[l],
        summary: text.summary[l],
        body: text.body[l],
        images: [],
        attachments: [],
        source: site.name[locale] ?? site.name['zh-CN'],
        publishedAt: published,
        updatedAt: updated,
      };
      await emit(run, { type: 'article', ...article });
    }
  }
}
