/**
 * Leaders (领导信息): titles by body type, curricula vitae (简历) and division of work (分工),
 * with English and Russian versions for the sites that publish in those locales.
 */
import type { Locale } from '@govcluster/shared/schemas';
import { drawName } from './context.ts';
import type { Rng } from './prng.ts';
import type { PersonName } from './words.ts';

/** Head and deputy titles by the ending of a body's name. */
const titlesBySuffix: readonly [string, string, string][] = [
  ['管理委员会', '主任', '副主任'],
  ['委员会', '主任', '副主任'],
  ['办公室', '主任', '副主任'],
  ['中心', '主任', '副主任'],
  ['支队', '支队长', '副支队长'],
  ['调查队', '队长', '副队长'],
  ['红十字会', '常务副会长', '副会长'],
  ['联合会', '主席', '副主席'],
  ['总工会', '常务副主席', '副主席'],
  ['协会', '主席', '副主席'],
  ['学院', '院长', '副院长'],
  ['大学', '校长', '副校长'],
  ['学校', '校长', '副校长'],
  ['医院', '院长', '副院长'],
  ['院', '院长', '副院长'],
  ['馆', '馆长', '副馆长'],
  ['所', '所长', '副所长'],
  ['处', '处长', '副处长'],
  ['站', '站长', '副站长'],
  ['宫', '主任', '副主任'],
  ['局', '局长', '副局长'],
];

/** The head's and a deputy's title for a body named `name`. */
export function titlesFor(name: string): { head: string; deputy: string } {
  for (const [suffix, head, deputy] of titlesBySuffix) {
    if (name.endsWith(suffix)) return { head, deputy };
  }
  return { head: '主任', deputy: '副主任' };
}

const counties = [
  '云江省临川县',
  '云江省江北县',
  '云江省清源县',
  '云江省望山县',
  '云江省东林县',
  '云江省安平县',
  '云江省临江市',
];
const countiesEn = [
  'Linchuan County',
  'Jiangbei County',
  'Qingyuan County',
  'Wangshan County',
  'Donglin County',
  'Anping County',
  'Linjiang',
];
const countiesRu = [
  'уезд Линьчуань',
  'уезд Цзянбэй',
  'уезд Цинъюань',
  'уезд Ваншань',
  'уезд Дунлинь',
  'уезд Аньпин',
  'город Линьцзян',
];

const educations: readonly [string, string, string][] = [
  ['大学学历，管理学学士', 'Bachelor of Management', 'бакалавр управления'],
  ['研究生学历，经济学硕士', 'Master of Economics', 'магистр экономики'],
  ['在职研究生学历，公共管理硕士', 'Master of Public Administration', 'магистр государственного управления'],
  ['大学学历，工学学士', 'Bachelor of Engineering', 'бакалавр технических наук'],
  ['研究生学历，法学硕士', 'Master of Laws', 'магистр права'],
  ['大学学历，农学学士', 'Bachelor of Agriculture', 'бакалавр сельскохозяйственных наук'],
];

const earlyPosts: readonly string[] = [
  '临江市{town}党政办公室科员',
  '临江市人民政府办公室科员',
  '临江市{dept}办公室科员',
  '临江市{town}农业服务中心干部',
];
// In order of rank: a career takes some of them, in this order.
const middlePosts: readonly string[] = [
  '临江市{dept}{unit}副科长',
  '临江市{dept}{unit}科长',
  '临江市{town}党委委员、{deputyHead}',
  '临江市{town}党委副书记、{head}',
  '临江市{town}党委书记',
  '临江市{dept}党组成员、{deptDeputy}',
];
const units = ['综合科', '政策法规科', '规划财务科', '行政审批科', '办公室', '监督管理科'];

/** The English month names, January first. */
export const englishMonths = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthsRu = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
];

/** A generated leader in every locale asked for. */
export interface LeaderText {
  /** Names per locale. */
  name: Partial<Record<Locale, string>>;
  /** Position per locale. */
  position: Partial<Record<Locale, string>>;
  /** Curriculum vitae per locale (Markdown). */
  bio: Partial<Record<Locale, string>>;
  /** Division of work per locale. */
  responsibilities: Partial<Record<Locale, string>>;
  /** The person's name. */
  person: PersonName;
  /** Female or male, for the portrait. */
  female: boolean;
  /** Age in years this year, for the portrait. */
  age: number;
}

/** Input of {@link leaderText}. */
export interface LeaderInput {
  /** Position in zh-CN, e.g. `副市长`. */
  position: string;
  /** Full title in running text, e.g. `临江市人民政府副市长`. */
  fullPosition: string;
  /** Division of work in zh-CN. */
  responsibilities: string;
  /** Position and responsibilities in en and ru, for sites with those locales. */
  foreign?: {
    enPosition: string;
    ruPosition: string;
    enResp: string;
    ruResp: string;
    enBody: string;
    ruBody: string;
  };
  /** Year of `today`, to place the career. */
  year: number;
  /** Names to draw places from. */
  towns: string[];
  /** Department names to draw places from. */
  departments: string[];
}

/** Writes a leader: name, bio and division of work. */
export function leaderText(rng: Rng, input: LeaderInput): LeaderText {
  const person = drawName(rng);
  const female = rng.chance(0.3);
  const birthYear = input.year - rng.int(42, 56);
  const birthMonth = rng.int(1, 12);
  const countyIndex = rng.int(0, counties.length - 1);
  const edu = rng.pick(educations);
  const workYear = birthYear + rng.int(21, 24);
  const workMonth = rng.int(7, 9);
  const partyYear = workYear + rng.int(1, 4);
  const town = rng.pick(input.towns);
  const dept = rng.pick(input.departments);
  const xiang = town.endsWith('乡');
  const fillPost = (post: string) =>
    post
      .replace('{town}', town)
      .replace('{dept}', dept)
      .replace('{unit}', rng.pick(units))
      .replace('{head}', xiang ? '乡长' : '镇长')
      .replace('{deputyHead}', xiang ? '副乡长' : '副镇长')
      .replace('{deptDeputy}', titlesFor(dept).deputy);
  const stations: string[] = [];
  let y = workYear;
  let m = workMonth;
  // Indices drawn then sorted keep the career in order of rank.
  const middle = rng
    .sample(
      middlePosts.map((_, i) => i),
      rng.int(2, 3),
    )
    .sort((a, b) => a - b)
    .map((i) => middlePosts[i] ?? '');
  for (const post of [rng.pick(earlyPosts), ...middle]) {
    const y2 = Math.min(input.year - 1, y + rng.int(3, 7));
    if (y2 <= y) break;
    const m2 = rng.int(1, 12);
    stations.push(
      `- ${y}.${String(m).padStart(2, '0')}—${y2}.${String(m2).padStart(2, '0')}　${fillPost(post)}`,
    );
    y = y2;
    m = m2;
  }
  stations.push(`- ${y}.${String(m).padStart(2, '0')}—　${input.fullPosition}`);
  const zhBio = [
    `${person.zh}，${female ? '女' : '男'}，汉族，${birthYear}年${birthMonth}月生，${counties[countyIndex]}人，${edu[0]}，${workYear}年${workMonth}月参加工作，${partyYear}年${rng.int(1, 12)}月加入中国共产党。`,
    `现任${input.fullPosition}。`,
    '### 主要经历',
    stations.join('\n'),
  ].join('\n\n');
  const result: LeaderText = {
    name: { 'zh-CN': person.zh },
    position: { 'zh-CN': input.position },
    bio: { 'zh-CN': zhBio },
    responsibilities: { 'zh-CN': input.responsibilities },
    person,
    female,
    age: input.year - birthYear,
  };
  if (input.foreign) {
    const f = input.foreign;
    result.name.en = person.en;
    result.name.ru = person.ru;
    result.position.en = f.enPosition;
    result.position.ru = f.ruPosition;
    result.responsibilities.en = f.enResp;
    result.responsibilities.ru = f.ruResp;
    result.bio.en = [
      `${person.en}, ${female ? 'female' : 'male'}, was born in ${englishMonths[birthMonth - 1]} ${birthYear} in ${countiesEn[countyIndex]}, Yunjiang Province. ${edu[1]}. ${female ? 'She' : 'He'} started working in ${workYear} and has held posts in township and municipal government since then.`,
      `${female ? 'She' : 'He'} currently serves as ${f.enPosition} of ${f.enBody}.`,
    ].join('\n\n');
    result.bio.ru = [
      `${person.ru} родил${female ? 'ась' : 'ся'} в ${monthsRu[birthMonth - 1]} ${birthYear} года (${countiesRu[countyIndex]}, провинция Юньцзян), ${edu[2]}. Начал${female ? 'а' : ''} трудовую деятельность в ${workYear} году, работал${female ? 'а' : ''} в органах власти посёлков и города.`,
      `В настоящее время — ${f.ruPosition.charAt(0).toLowerCase()}${f.ruPosition.slice(1)} (${f.ruBody}).`,
    ].join('\n\n');
  }
  return result;
}
