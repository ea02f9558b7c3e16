/**
 * Village pages (一村一页): overview, committee, contact, featured industry and 村务公开 entries
 * (党务、村务、财务).
 */
import type { VillageAffairCategory } from '@govcluster/shared/schemas';
import { areaCode, drawName } from './context.ts';
import { formatDay, partsOf, zhDate } from './dates.ts';
import type { Rng } from './prng.ts';
import { villageIndustries } from './words.ts';

/** A generated village page (the non-localized parts are decided by the caller). */
export interface VillageText {
  /** 村情概况 */
  overview: string;
  /** 村委班子 */
  committee: { name: string; position: string }[];
  /** 联系方式 */
  contact: { phone: string; address: string };
  /** 特色产业 */
  industry: { title: string; description: string };
  /** 村务公开 */
  affairs: { title: string; date: string; category: VillageAffairCategory; body: string }[];
}

const directions = ['东', '南', '西', '北', '东南', '西南', '东北', '西北'];
const honors = [
  '省级美丽宜居村庄',
  '市级文明村',
  '省级卫生村',
  '市级乡村振兴示范村',
  '省级森林乡村',
  '全市“五星级”党组织',
];

/** A quarter's party dues: what is paid is what was due, or a little less (members who paid late). */
function duesBody(rng: Rng, village: string): string {
  const members = rng.int(30, 90);
  const due = members * rng.int(40, 60);
  const paid = rng.chance(0.7) ? due : due - rng.int(1, 3) * rng.int(30, 60);
  const rest = paid === due ? '已全部上缴镇党委' : `已上缴镇党委，未缴部分由支部督促补缴`;
  return `${village}村党总支共有党员${members}名，本季度应缴党费${due}元，实缴党费${paid}元，${rest}。\n\n监督电话：${areaCode}-12380。`;
}

function affair(rng: Rng, village: string, day: number): VillageText['affairs'][number] {
  const p = partsOf(day);
  const q = Math.ceil(p.month / 3);
  const category = rng.pick(['party', 'village', 'finance'] as const);
  if (category === 'party') {
    const kind = rng.int(0, 2);
    if (kind === 0) {
      return {
        title: `${p.year}年第${q}季度党费收缴情况公示`,
        date: formatDay(day),
        category,
        body: duesBody(rng, village),
      };
    }
    if (kind === 1) {
      return {
        title: `${p.month}月份主题党日活动安排`,
        date: formatDay(day),
        category,
        body: `- 时间：${p.month}月${rng.int(10, 25)}日上午9:00\n- 地点：${village}村党群服务中心\n- 内容：集中学习、党员志愿服务、为民办实事\n- 参加人员：全体党员（流动党员线上参加）`,
      };
    }
    return {
      title: `关于发展${drawName(rng).zh}等${rng.int(1, 3)}名同志为预备党员的公示`,
      date: formatDay(day),
      category,
      body: `经支部委员会审查、支部大会讨论，拟发展上述同志为中共预备党员，现予以公示。公示期为${zhDate(day)}至${zhDate(day + 5)}。如有意见，请向镇党委组织办反映。`,
    };
  }
  if (category === 'village') {
    const kind = rng.int(0, 2);
    if (kind === 0) {
      return {
        title: `${p.year}年耕地地力保护补贴发放情况公示`,
        date: formatDay(day),
        category,
        body: `本年度全村共有${rng.int(120, 620)}户享受耕地地力保护补贴，补贴面积${rng.int(800, 4200)}亩，补贴标准每亩${rng.int(90, 130)}元，补贴资金已通过“一卡通”直接发放到户。具体名单在村务公开栏张贴，如有疑问请向村委会反映。`,
      };
    }
    if (kind === 1) {
      const delegates = rng.int(25, 40);
      const project = rng.pick([
        '村组道路硬化',
        '山塘清淤整治',
        '路灯安装',
        '村级文化广场建设',
        '饮水管网改造',
      ]);
      return {
        title: `${project}项目村民代表会议决议公开`,
        date: formatDay(day),
        category,
        body: `${zhDate(day - rng.int(3, 10))}，${village}村召开村民代表会议，应到代表${delegates}人，实到${delegates - rng.int(0, 6)}人，会议表决通过了${project}项目实施方案。\n\n- 建设内容：${project}\n- 预算金额：${rng.int(8, 95)}万元\n- 资金来源：上级补助和村集体自筹\n- 实施方式：按规定公开比选施工单位`,
      };
    }
    return {
      title: `${p.year}年度脱贫户和监测对象动态管理情况公示`,
      date: formatDay(day),
      category,
      body: `根据防止返贫动态监测和帮扶工作要求，经农户申请、入户核实、村级评议，本村拟新纳入监测对象${rng.int(1, 3)}户、风险消除${rng.int(1, 4)}户。公示期7天，如有异议请向村委会或镇乡村振兴办反映。`,
    };
  }
  const income = rng.int(20, 180);
  const spend = rng.int(10, income);
  // Each month's accounts are published early in the next month.
  const month = partsOf(day - 20);
  return {
    title: `${month.year}年${month.month}月村级财务收支公开`,
    date: formatDay(day),
    category,
    body: `| 项目 | 金额（万元） |\n| --- | --- |\n| 本月收入 | ${(income / 10).toFixed(1)} |\n| 其中：集体经营收入 | ${(income / 20).toFixed(1)} |\n| 本月支出 | ${(spend / 10).toFixed(1)} |\n| 其中：公益事业支出 | ${(spend / 20).toFixed(1)} |\n\n以上收支已经村务监督委员会审核。`,
  };
}

/** Writes a village page of `village` in `town`, with affairs up to `today`. */
export function villageText(rng: Rng, town: string, village: string, today: number): VillageText {
  const groups = rng.int(6, 18);
  const households = rng.int(380, 1600);
  const people = Math.round(households * (2.9 + rng.next()));
  const industry = rng.pick(villageIndustries);
  const income = rng.int(25, 260);
  const honor = rng.pick(honors);
  const overview = [
    `${village}村位于${town}${rng.pick(directions)}部，距镇区${rng.int(2, 15)}公里，辖${groups}个村民小组，${households}户${people}人，村域面积${rng.int(4, 26)}.${rng.int(0, 9)}平方公里，其中耕地${rng.int(1200, 6800)}亩、林地${rng.int(800, 12000)}亩。`,
    `近年来，${village}村坚持党建引领，依托${industry.title}发展特色产业，完善村庄基础设施，${partsOf(today).year - 1}年村集体经营性收入达到${income}万元。村内建有党群服务中心、卫生室、文化广场和便民服务站，通组道路全部硬化。`,
    `${village}村先后获得“${honor}”等荣誉称号。`,
  ].join('\n\n');
  const secretary = drawName(rng).zh;
  const committee = [
    { name: secretary, position: '党总支书记、村委会主任' },
    { name: drawName(rng).zh, position: '党总支副书记' },
    { name: drawName(rng).zh, position: '村委会副主任' },
    { name: drawName(rng).zh, position: '村务监督委员会主任' },
    { name: drawName(rng).zh, position: '村妇联主席' },
    { name: drawName(rng).zh, position: '村委会委员' },
  ].slice(0, rng.int(4, 6));
  const affairs: VillageText['affairs'] = [];
  const count = rng.int(6, 14);
  let day = today - rng.int(0, 12);
  // One title once a year: a second draw for the same day when the first repeats one.
  const taken = new Set<string>();
  for (let i = 0; i < count; i += 1) {
    let item = affair(rng, village, day);
    for (let attempt = 1; attempt < 12 && taken.has(`${partsOf(day).year}|${item.title}`); attempt += 1)
      item = affair(rng.fork(`again/${i}/${attempt}`), village, day);
    taken.add(`${partsOf(day).year}|${item.title}`);
    affairs.push(item);
    day -= rng.int(10, 45);
  }
  return {
    overview,
    committee,
    contact: {
      phone: `${areaCode}-8${rng.int(100, 999)}${rng.int(1000, 9999)}`,
      address: `临江市${town}${village}村村民委员会`,
    },
    industry: {
      title: industry.title,
      description: `${village}村主导产品为${industry.product}。${industry.detail}。目前全村从事${industry.title}的农户有${rng.int(40, 300)}户，年产值约${rng.int(300, 3000)}万元，户均增收${rng.int(3000, 18000)}元。\n\n- 经营主体：${village}村股份经济合作社、${rng.int(2, 8)}家家庭农场和专业合作社\n- 销售渠道：订单收购、农超对接、电商直播`,
    },
    affairs,
  };
}
