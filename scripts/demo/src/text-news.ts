/**
 * Templates of news (工作动态, 要闻, 乡镇动态): meetings, inspections, trainings, campaigns and
 * progress reports, written from the point of view of the publishing body.
 */
import type { CityContext, Org } from './context.ts';
import { drawName, fill, zhOrdinal } from './context.ts';
import { partsOf, zhMonthDay } from './dates.ts';
import type { Rng } from './prng.ts';

/** A generated news text. */
export interface NewsText {
  /** 标题 */
  title: string;
  /** 摘要 */
  summary: string;
  /** Markdown body. */
  body: string;
  /** 作者/编辑 */
  author: string;
}

/** Tasks of the "会议要求" lists: a bold head and its sentence. */
const tasks: readonly [string, string][] = [
  [
    '压实工作责任',
    '严格落实主要负责人第一责任和分管负责人直接责任，把目标任务分解到岗、落实到人，确保各项任务按时保质完成。',
  ],
  ['聚焦重点难点', '围绕{F}中的堵点难点问题，建立问题清单和整改台账，实行销号管理，做到问题不解决不放过。'],
  [
    '强化协同联动',
    '加强与各镇（乡）和市直相关部门的沟通衔接，定期会商研判，形成上下联动、齐抓共管的工作格局。',
  ],
  ['加强督查考核', '将{F}工作纳入年度综合考核，对进度滞后的单位进行通报和约谈，以考核促落实。'],
  ['注重宣传引导', '及时总结推广典型经验和好的做法，充分利用政府网站、政务新媒体等平台加强政策宣传解读。'],
  ['守牢安全底线', '统筹发展和安全，对重点领域、重点环节开展常态化排查，坚决防范化解各类风险隐患。'],
  ['提升服务效能', '持续优化办事流程，压缩办理时限，推行“一次告知”“容缺受理”，让企业和群众办事更加便捷。'],
  ['加强队伍建设', '深化作风建设，开展业务练兵和岗位培训，打造一支政治过硬、本领高强的干部队伍。'],
  ['完善制度机制', '及时梳理{F}相关制度，补齐短板弱项，推动形成用制度管人管事的长效机制。'],
  ['用好数据赋能', '依托信息化平台加强数据归集和分析，实现{F}工作全过程动态监测、精准调度。'],
];

const pointedOut: readonly string[] = [
  '今年以来，各级各部门认真贯彻落实上级决策部署，{F}工作整体推进有力，多项指标好于预期。',
  '在肯定成绩的同时，也要清醒看到，当前{F}工作仍存在基础不够牢固、部分任务进度滞后、群众满意度有待提升等问题，必须引起高度重视。',
  '{F}是推动高质量发展的重要抓手，也是群众关注的民生实事，必须以更高标准、更实举措抓紧抓好。',
  '做好{F}工作，既是落实上级部署的政治任务，也是回应群众期盼的具体行动，各单位务必思想上高度重视、行动上迅速跟进。',
  '从前期督查情况看，大部分单位行动快、措施实，但也有个别单位存在等靠思想，工作推进不平衡。',
];

const seasonLine: Record<string, string> = {
  spring: '当前正值春季各项工作全面铺开的关键时期，各单位要抢抓时间节点，早谋划、早部署、早落实。',
  summer: '当前已进入主汛期和高温季节，各单位要统筹抓好{F}和安全生产工作，确保平稳有序。',
  autumn:
    '进入第四季度，距离完成全年目标任务的时间已经不多，各单位要倒排工期、挂图作战，确保全年目标如期实现。',
  winter: '岁末年初，各单位要认真做好年度工作总结，同步谋划明年工作思路，确保各项工作有序衔接。',
};

function season(month: number): string {
  if (month >= 3 && month <= 5) return 'spring';
  if (month >= 6 && month <= 8) return 'summer';
  if (month >= 9 && month <= 11) return 'autumn';
  return 'winter';
}

const facilities: readonly string[] = [
  '党群服务中心',
  '便民服务站',
  '高标准农田项目区',
  '农村供水站',
  '居家养老服务中心',
  '卫生院',
  '中心小学',
  '污水处理站',
  '农贸市场',
  '在建项目现场',
  '新时代文明实践站',
  '应急物资储备点',
];

const aspects: readonly string[] = [
  '项目进度、资金使用',
  '制度落实、台账管理',
  '服务群众、办理时效',
  '安全措施、隐患整改',
  '日常运行、人员配备',
];

const demands: readonly string[] = [
  '把好质量关和安全关，确保项目早日投入使用',
  '坚持问题导向，对发现的问题立行立改',
  '把群众的满意度作为检验工作的标准',
  '完善管理台账，做到底数清、情况明',
];

const venues: readonly string[] = [
  '市行政中心会议室',
  '市委党校',
  '市民中心培训室',
  '临江宾馆会议中心',
  '市职业技术学院',
];

const experts: readonly string[] = [
  '省级业务部门专家和高校学者',
  '市直相关部门业务骨干',
  '律师事务所执业律师和业内专家',
  '省内兄弟城市的业务能手',
];

const quotesMale: readonly string[] = ['先生', '师傅', '大爷'];
const quotesFemale: readonly string[] = ['女士', '阿姨'];

function metricKinds(rng: Rng, focus: string): string[] {
  return [
    `累计办理${focus}相关业务${rng.int(1200, 48000)}件，按时办结率${rng.int(96, 100)}%`,
    `开展专项检查${rng.int(12, 160)}次，发现并督促整改问题${rng.int(20, 480)}个`,
    `争取上级专项资金${rng.int(800, 26000)}万元，同比增长${rng.int(3, 28)}.${rng.int(0, 9)}%`,
    `组织业务培训${rng.int(4, 30)}场次，培训人员${rng.int(300, 5200)}人次`,
    `惠及群众${rng.int(2, 60)}.${rng.int(0, 9)}万人次，群众满意率达${rng.int(95, 99)}.${rng.int(0, 9)}%`,
    `实施重点项目${rng.int(8, 90)}个，完成投资${rng.int(2, 80)}.${rng.int(0, 9)}亿元，占年度计划的${rng.int(70, 112)}%`,
  ];
}

/** Distinct progress figures, so that one text never gives two values for the same measure. */
function metrics(rng: Rng, focus: string, howMany: number): string[] {
  return rng.sample(metricKinds(rng, focus), howMany);
}

/** `6月底` for a day late in the month, else the month before (`上年末` in January). */
function asOf(day: number): string {
  const p = partsOf(day);
  if (p.date >= 25) return `${p.month}月底`;
  return p.month === 1 ? '上年末' : `${p.month - 1}月底`;
}

/** Quotes inside quotes use the single form: “…‘…’…”. */
function nested(text: string): string {
  return text.replaceAll('“', '‘').replaceAll('”', '’');
}

/** The people of the body that appear in news: its head or a deputy. */
function speaker(org: Org, rng: Rng): { name: string; position: string } {
  const leader = org.leaders.length > 0 ? rng.pick(org.leaders) : undefined;
  if (leader) return leader;
  return { name: drawName(rng).zh, position: '负责同志' };
}

function taskList(rng: Rng, focus: string, numbered: boolean): string {
  const chosen = rng.sample(tasks, rng.int(3, 4));
  return chosen
    .map(([head, sentence], index) =>
      numbered
        ? `${index + 1}. **${head}**。${fill(sentence, { F: focus })}`
        : `${zhOrdinal(index)}是${head}，${fill(sentence, { F: focus })}`,
    )
    .join(numbered ? '\n' : '');
}

function attendees(org: Org): string {
  if (org.kind === 'township') return '镇领导班子成员、各村（社区）党组织书记和镇直相关站所负责人';
  if (org.kind === 'portal')
    return '市政府有关副秘书长，市直有关部门和各镇（乡）人民政府、街道办事处主要负责同志';
  return `${org.short}领导班子成员，机关各科室、直属单位主要负责人`;
}

function placeIn(rng: Rng, org: Org, city: CityContext): { town: string; village: string } {
  const town = org.town ?? rng.pick(city.towns);
  const villages = city.villagesByTown.get(town) ?? [];
  const village = villages.length > 0 ? rng.pick(villages) : '中心';
  return { town, village };
}

function meeting(rng: Rng, org: Org, _city: CityContext, day: number, focus: string): NewsText {
  const p = partsOf(day);
  const who = speaker(org, rng);
  const kind = rng.pick(['工作推进会', '专题会议', '工作部署会', '工作调度会']);
  const title =
    org.kind === 'portal'
      ? rng.pick([`全市${focus}${kind}召开`, `我市召开${p.year}年${focus}${kind}`])
      : `${org.short}召开${p.year}年${focus}${kind}`;
  const lead = `${zhMonthDay(day)}，${org.kind === 'portal' ? '全市' : org.short}${focus}${kind}召开。${who.position}${who.name}出席会议并讲话。会议通报了${p.year}年以来${org.scope}${focus}工作进展情况，${rng.int(2, 5)}个单位作了交流发言，会议对下一阶段重点任务进行了部署。`;
  const pointed = rng
    .sample(pointedOut, 2)
    .map((s) => fill(s, { F: focus }))
    .join('');
  const seasonal = fill(seasonLine[season(p.month)] ?? '', { F: focus });
  const figures = metrics(rng, focus, 2);
  const background = `今年以来，${org.kind === 'portal' ? '全市各级各部门' : org.short}围绕${focus}年度目标任务，细化工作举措，强化调度推进。截至${asOf(day)}，${figures[0] ?? ''}；${figures[1] ?? ''}，各项工作总体进展顺利。`;
  const body = [
    lead,
    background,
    `会议指出，${pointed}`,
    `${seasonal}会议要求，各单位要重点抓好以下几项工作：`,
    taskList(rng, focus, true),
    `会议还对近期${rng.pick(['安全生产', '信访维稳', '政务公开', '防汛减灾', '森林防火', p.year <= 2022 ? '疫情防控常态化' : '燃气安全'])}等工作进行了再强调、再部署。${attendees(org)}参加会议。`,
  ].join('\n\n');
  const name = drawName(rng.fork('author')).zh;
  return {
    title,
    summary: `会议通报了${org.scope}${focus}工作进展情况，部署下一阶段重点任务。`,
    body,
    author: name,
  };
}

function inspection(rng: Rng, org: Org, city: CityContext, day: number, focus: string): NewsText {
  const who = speaker(org, rng);
  const place = placeIn(rng, org, city);
  const [f1, f2] = rng.sample(facilities, 2);
  const title =
    org.kind === 'township'
      ? `${who.position}${who.name}到${place.village}村检查${focus}工作`
      : rng.pick([
          `${who.position}${who.name}到${place.town}调研${focus}工作`,
          `${org.short}赴${place.town}开展${focus}专项督查`,
        ]);
  const lead = `${zhMonthDay(day)}，${who.position}${who.name}带队到${org.kind === 'township' ? '' : place.town}${place.village}村，实地察看${f1}和${f2}，详细了解${focus}推进情况和存在的困难问题。`;
  const visit = `在${place.village}村${f1}，${who.name}仔细询问了${rng.pick(aspects)}等情况，叮嘱现场负责人要${rng.pick(demands)}。随后，${who.name}一行来到${f2}，与一线工作人员和前来办事的群众深入交流，听取意见建议。`;
  const meetingPara = `在随后召开的座谈会上，${who.name}听取了${org.kind === 'township' ? `${place.village}村` : place.town}有关情况汇报，对前期工作给予肯定。${who.name}强调，${taskList(rng, focus, false)}`;
  const end = `${rng.pick(['市直有关部门负责同志', '相关科室负责同志', '镇村干部'])}陪同调研。`;
  const figures = metrics(rng, focus, 1);
  const report = `据介绍，今年以来${org.kind === 'township' ? '全镇' : place.town}${focus}工作稳步推进，${figures[0] ?? ''}，但也存在资金保障压力较大、专业力量不足等困难。`;
  return {
    title,
    summary: `${who.name}实地察看${f1}等点位，要求${rng.pick(demands)}。`,
    body: [lead, visit, report, meetingPara, end].join('\n\n'),
    author: drawName(rng.fork('author')).zh,
  };
}

function training(rng: Rng, org: Org, _city: CityContext, day: number, focus: string): NewsText {
  const p = partsOf(day);
  const days = rng.int(1, 3);
  const people = rng.int(60, 320);
  const title = rng.pick([
    `${org.short}举办${p.year}年${focus}业务培训班`,
    `${org.short}举办${focus}专题培训`,
    `${org.short}开展${focus}业务能力提升培训`,
    `${p.year}年${org.scope}${focus}业务骨干培训班开班`,
  ]);
  const dates = days === 1 ? zhMonthDay(day) : `${zhMonthDay(day - days + 1)}至${zhMonthDay(day)}`;
  const lead = `${dates}，${org.short}在${rng.pick(venues)}举办${p.year}年${focus}业务培训班，${org.kind === 'township' ? '各村（社区）干部和镇直站所工作人员' : '各镇（乡）、市直相关单位业务骨干'}共${people}人参加培训。`;
  const method = `培训采取集中授课、案例分析和现场教学相结合的方式，邀请${rng.pick(experts)}围绕政策解读、业务规范和实际操作等内容进行了系统讲解。本次培训主要内容包括：`;
  const list = [
    `- ${focus}相关法律法规和最新政策解读`,
    `- ${focus}业务流程和操作规范`,
    '- 典型案例分析和常见问题解答',
    `- ${rng.pick(['廉政风险防控', '信息化平台操作', '档案资料规范管理', '应急处置要点'])}`,
  ].join('\n');
  const discuss = `培训期间，学员们结合工作实际开展分组讨论，交流了${focus}工作中的经验做法和遇到的难题。参训人员纷纷表示，培训内容针对性、实用性强，将把所学知识运用到实际工作中，切实提升业务能力和服务水平。`;
  const host = speaker(org, rng);
  const opening = `开班仪式上，${host.position}${host.name}作动员讲话，要求参训学员珍惜学习机会，端正学习态度，严守培训纪律，切实做到学有所思、学有所获，以扎实的业务本领推动${focus}各项任务落地见效。`;
  const next = `下一步，${org.short}将持续开展分层分类培训，建立常态化学习交流机制，为推动${focus}工作提质增效提供有力支撑。`;
  return {
    title,
    summary: `${people}名业务骨干参加培训，内容涵盖政策解读、业务规范和案例分析。`,
    body: [lead, opening, method, list, discuss, next].join('\n\n'),
    author: drawName(rng.fork('author')).zh,
  };
}

function campaign(rng: Rng, org: Org, city: CityContext, day: number, focus: string): NewsText {
  const place = rng.pick(['市民广场', '滨江公园', '市民中心广场', '人民路步行街', '城东农贸市场']);
  const where = org.kind === 'township' ? `${org.town ?? ''}集镇` : place;
  const theme = nested(
    rng.pick([`${focus}宣传月`, `${focus}进社区`, `${focus}政策宣传周`, `${focus}便民服务日`]),
  );
  const title = `${org.short}开展“${theme}”主题活动`;
  const leaflet = rng.int(8, 60) * 50;
  const consult = rng.int(60, 900);
  const name = drawName(rng);
  const female = rng.chance(0.5);
  const salute = female ? rng.pick(quotesFemale) : rng.pick(quotesMale);
  const who = `${name.zh.charAt(0)}${salute}`;
  const village = placeIn(rng, org, city).village;
  const body = [
    `为进一步提高群众对${focus}相关政策的知晓度，${zhMonthDay(day)}，${org.short}在${where}开展“${theme}”主题活动。`,
    `活动现场，工作人员通过设置咨询台、展示宣传展板、发放宣传资料等方式，向过往群众宣传${focus}相关政策和知识，并现场解答群众咨询。针对群众关心的热点问题，工作人员逐一耐心解释，对现场无法答复的事项登记后转相关科室跟进办理。`,
    `“以前对这些政策了解不多，今天听工作人员一讲，心里就有底了。”${rng.chance(0.5) ? `家住${village}村的` : '前来咨询的'}${who}说。`,
    `活动还设置了政策知识有奖问答和${rng.pick(['线上办事演示', '典型案例展板', '互动体验区', '志愿服务岗'])}等环节，吸引了不少市民驻足参与。工作人员结合身边真实案例，用通俗易懂的语言讲解${focus}相关规定，引导群众依法维护自身合法权益。`,
    `据统计，本次活动共发放宣传资料${leaflet}余份，现场解答群众咨询${consult}人次，收集意见建议${rng.int(5, 40)}条。`,
    `下一步，${org.short}将以此次活动为契机，持续开展${focus}宣传进机关、进企业、进村（社区）、进学校活动，不断增强群众的获得感和满意度。`,
  ].join('\n\n');
  return {
    title,
    summary: `发放宣传资料${leaflet}余份，现场解答群众咨询${consult}人次。`,
    body,
    author: drawName(rng.fork('author')).zh,
  };
}

const progressHeads: readonly [string, string][] = [
  ['强化统筹谋划', '成立由主要负责同志任组长的工作专班，制定年度工作要点和任务清单，实行月调度、季通报。'],
  ['突出重点攻坚', '聚焦群众反映集中的突出问题，集中力量开展专项行动，推动一批难点问题得到解决。'],
  ['创新工作方法', '推行“线上+线下”服务模式，依托信息化平台实现业务全程留痕、动态监管。'],
  ['优化服务保障', '设立企业和群众诉求快速响应通道，对重点事项实行专人跟踪、限时办结。'],
  ['深化部门协作', '与市直相关部门建立信息共享和联合执法机制，形成齐抓共管的工作合力。'],
];

function progress(rng: Rng, org: Org, _city: CityContext, day: number, focus: string): NewsText {
  const p = partsOf(day);
  const title = rng.pick([
    `${org.kind === 'township' ? `${org.short}` : '我市'}${focus}工作取得积极成效`,
    `${org.short}扎实推进${focus}工作`,
    `${p.year}年以来${org.scope}${focus}工作综述`,
  ]);
  const heads = rng.sample(progressHeads, 3);
  const figures = metrics(rng, focus, 4);
  const when = asOf(day);
  const sections = heads.map(
    ([head, sentence], index) =>
      `### ${zhOrdinal(index)}、${head}\n\n${sentence}${index === 0 ? '' : `截至${when}，${figures[index + 1] ?? ''}。`}`,
  );
  const body = [
    `今年以来，${org.short}坚持以人民为中心的发展思想，扎实推进${focus}工作，取得了阶段性成效。截至${when}，${figures[0] ?? ''}。`,
    ...sections,
    `### ${zhOrdinal(3)}、下一步工作打算\n\n${org.short}将对照年度目标任务，查漏补缺、持续发力，重点做好以下工作：\n\n- 加快推进${focus}重点任务落地见效\n- 健全长效管理机制，巩固已有工作成果\n- 加强宣传引导，及时回应群众关切`,
  ].join('\n\n');
  return {
    title,
    summary: `截至${when}，${figures[0] ?? ''}。`,
    body,
    author: drawName(rng.fork('author')).zh,
  };
}

function standingMeeting(
  rng: Rng,
  org: Org,
  city: CityContext,
  day: number,
  focus: string,
  meetingNumber: (year: number) => number,
): NewsText {
  const p = partsOf(day);
  const mayor = org.leaders[0] ?? { name: drawName(rng).zh, position: '市长' };
  const n = meetingNumber(p.year);
  const topics = rng.sample(
    city.departments.flatMap((d) => d.focus.slice(0, 1)),
    3,
  );
  const items = [focus, ...topics].slice(0, 4);
  const title = `市长${mayor.name}主持召开市政府第${n}次常务会议`;
  const sections = items.map(
    (item, index) =>
      `${index + 1}. 会议听取了关于${item}工作情况的汇报。会议指出，${fill(rng.pick(pointedOut), { F: item })}会议要求，${fill(rng.pick(tasks)[1], { F: item })}`,
  );
  const body = [
    `${zhMonthDay(day)}，市长${mayor.name}主持召开市政府第${n}次常务会议，研究${items.slice(0, 2).join('、')}等工作。`,
    ...sections,
    '会议还研究了其他事项。市政府副市长、秘书长，市直有关部门主要负责同志列席会议。',
  ].join('\n\n');
  return {
    title,
    summary: `会议研究${items.slice(0, 2).join('、')}等工作。`,
    body,
    author: drawName(rng.fork('author')).zh,
  };
}

const kinds = [meeting, inspection, training, campaign, progress] as const;

/**
 * Writes one news item of `org` published on `day`. `meetingNumber` numbers the portal's 常务会议 in
 * their year (the caller counts them, oldest first); without it a meeting is numbered by its fortnight.
 */
export function newsText(
  rng: Rng,
  org: Org,
  city: CityContext,
  day: number,
  meetingNumber?: (year: number) => number,
): NewsText {
  const focus = rng.pick(org.focus);
  if (org.kind === 'portal' && rng.chance(0.18)) {
    const p = partsOf(day);
    const byFortnight = () => Math.max(1, Math.round(((p.month - 1) * 30 + p.date) / 14));
    return standingMeeting(rng, org, city, day, focus, meetingNumber ?? byFortnight);
  }
  const kind = rng.pick(kinds);
  if (org.kind === 'portal' && (kind === training || kind === campaign) && city.departments.length > 0) {
    // The portal's 要闻 carries departments' events under their own names.
    const dept = rng.pick(city.departments);
    const author: Org = { ...org, kind: 'department', short: dept.short, focus: dept.focus, leaders: [] };
    return kind(rng, author, city, day, rng.pick(dept.focus));
  }
  return kind(rng, org, city, day, focus);
}
