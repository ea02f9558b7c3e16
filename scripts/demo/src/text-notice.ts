/**
 * Templates of notices (通知公告): calls for applications, public announcements (公示),
 * holiday arrangements, consultations, recruitment, traffic control and inspections.
 */
import type { CityContext, Org } from './context.ts';
import { drawName, officePhone } from './context.ts';
import { partsOf, zhDate } from './dates.ts';
import type { Rng } from './prng.ts';
import { compounds, roads } from './words.ts';

/** A generated notice. */
export interface NoticeText {
  /** 标题 */
  title: string;
  /** Markdown body. */
  body: string;
  /** Attachment names this notice refers to (the generator attaches files). */
  attachmentNames: string[];
}

function addressees(org: Org): string {
  if (org.kind === 'township') return '各村（社区）、镇直各单位：';
  return '各镇（乡）人民政府、街道办事处，市直有关单位：';
}

function signature(org: Org, day: number): string {
  return `${org.fullName}\n\n${zhDate(day)}`;
}

function contact(rng: Rng, org: Org): string {
  return `联系人：${drawName(rng).zh}，联系电话：${officePhone(org, rng)}。`;
}

function funding(rng: Rng, org: Org, day: number, focus: string): NoticeText {
  const p = partsOf(day);
  const year = p.month >= 10 ? p.year + 1 : p.year;
  const deadline = zhDate(day + rng.int(15, 40));
  const max = rng.pick([20, 30, 50, 100, 200]);
  const form = `${year}年度${focus}专项资金申报书`;
  return {
    title: `关于开展${year}年度${focus}专项资金申报工作的通知`,
    attachmentNames: [`${form}.pdf`],
    body: [
      `${addressees(org)}`,
      `为充分发挥财政资金的引导作用，推动${focus}工作高质量发展，根据市级专项资金管理有关规定，现就${year}年度${focus}专项资金申报工作有关事项通知如下：`,
      '## 一、支持范围',
      `重点支持在我市依法登记注册、从事${focus}相关工作且符合产业政策导向的单位和项目。单个项目补助金额原则上不超过${max}万元。`,
      '## 二、申报条件',
      [
        '1. 申报单位在本市依法登记注册，具有独立法人资格，财务管理制度健全；',
        '2. 申报项目具有明确的建设内容和绩效目标，已完成或正在实施；',
        '3. 申报单位近三年内无重大违法违规行为，未被列入严重失信主体名单；',
        '4. 同一项目不得重复申报市级其他专项资金。',
      ].join('\n'),
      '## 三、申报材料',
      [
        '- 项目申报书（见附件，一式三份）',
        '- 营业执照或法人登记证书复印件',
        '- 上一年度财务审计报告',
        '- 项目真实性承诺书',
      ].join('\n'),
      '## 四、申报时间和方式',
      `即日起至${deadline}，申报单位将纸质材料报送至${org.short}${rng.pick(['规划财务科', '综合科', '项目管理科', '产业发展科'])}，同时报送电子文档。逾期不予受理。`,
      '## 五、联系方式',
      contact(rng, org),
      `附件：${form}`,
      signature(org, day),
    ].join('\n\n'),
  };
}

function publicity(rng: Rng, org: Org, day: number, focus: string, city: CityContext): NoticeText {
  const p = partsOf(day);
  const kind = rng.pick(['认定', '表彰', '支持项目', '示范单位']);
  const count = rng.int(3, 8);
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    names.push(
      rng.pick([
        `临江${rng.pick(['恒远', '瑞丰', '云帆', '华兴', '金澜', '德润', '启明', '锦程', '江源', '青禾'])}${rng.pick(['科技', '实业', '农业', '食品', '新材料', '智能装备'])}有限公司`,
        `${rng.pick(city.towns)}${rng.pick(['农业服务中心', '便民服务中心', '中心小学', '卫生院', '文化站'])}`,
        `${rng.pick(compounds).replace(/小区$/, '')}社区`,
      ]),
    );
  }
  const unique = [...new Set(names)];
  const end = day + 7;
  return {
    title: `关于${p.year}年度${focus}拟${kind}名单的公示`,
    attachmentNames: [],
    body: [
      `根据${focus}有关工作安排，经单位申报、初审推荐、专家评审等程序，现将${p.year}年度${focus}拟${kind}名单予以公示（排名不分先后）：`,
      unique.map((name, i) => `${i + 1}. ${name}`).join('\n'),
      `公示时间：${zhDate(day)}至${zhDate(end)}。`,
      `公示期间，任何单位和个人如有异议，可通过书面、电话等方式向${org.short}反映。反映问题应当实事求是，以单位名义反映的须加盖公章，以个人名义反映的须署真实姓名并提供联系方式。`,
      contact(rng, org),
      signature(org, day),
    ].join('\n\n'),
  };
}

const holidays: readonly { month: number; name: string }[] = [
  { month: 1, name: '元旦' },
  { month: 2, name: '春节' },
  { month: 4, name: '清明节' },
  { month: 5, name: '劳动节' },
  { month: 6, name: '端午节' },
  { month: 9, name: '中秋节' },
  { month: 10, name: '国庆节' },
  { month: 12, name: '元旦' },
];

function holiday(rng: Rng, org: Org, day: number): NoticeText {
  const p = partsOf(day);
  const h = holidays.find((x) => x.month >= p.month) ?? { month: 1, name: '元旦' };
  const year = h.name === '元旦' && p.month === 12 ? p.year + 1 : p.year;
  const service =
    org.kind === 'township' ? '便民服务中心' : rng.pick(['政务服务窗口', '业务大厅', '办事窗口']);
  return {
    title: `关于${year}年${h.name}期间${service}工作安排的公告`,
    attachmentNames: [],
    body: [
      `根据国务院办公厅关于${year}年部分节假日安排的通知精神，结合工作实际，现将${h.name}期间${service}工作安排公告如下：`,
      [
        `1. 放假期间${service}暂停现场办理业务，具体放假和调休日期按国家规定执行；`,
        '2. 放假期间，网上办事渠道正常运行，可通过“云江政务服务网”和“云政通”APP在线提交申请，节后依次受理；',
        '3. 调休上班期间正常办公；',
        `4. 假期如有紧急事项，请拨打值班电话${officePhone(org, rng)}，或拨打12345政务服务便民热线。`,
      ].join('\n'),
      '由此给您带来的不便，敬请谅解。',
      signature(org, day),
    ].join('\n\n'),
  };
}

function consultation(rng: Rng, org: Org, day: number, focus: string): NoticeText {
  const draft = `临江市${focus}管理办法（征求意见稿）`;
  return {
    title: `关于公开征求《${draft}》意见的公告`,
    attachmentNames: [`${draft}.pdf`],
    body: [
      `为提高行政规范性文件制定的科学性和民主性，${org.short}起草了《${draft}》，现全文公布，公开征求社会各界意见。`,
      '## 一、征求意见时间',
      `${zhDate(day)}至${zhDate(day + 30)}。`,
      '## 二、意见反馈方式',
      [
        `- 电子邮件：发送至${org.siteId}@linjiang.example，邮件主题请注明“意见建议”；`,
        `- 信函：邮寄至${org.address}，信封上注明“征求意见”字样；`,
        `- 电话：${officePhone(org, rng)}（工作日上午9:00—12:00，下午13:30—17:30）。`,
      ].join('\n'),
      '请提出意见建议的单位和个人注明联系方式，以便进一步沟通。感谢您的参与和支持！',
      `附件：${draft}`,
      signature(org, day),
    ].join('\n\n'),
  };
}

function recruitment(rng: Rng, org: Org, day: number): NoticeText {
  const p = partsOf(day);
  const total = rng.int(2, 6);
  const rows = rng.sample(
    [
      ['综合文秘', '本科及以上', '中国语言文学类、新闻传播学类'],
      ['财务会计', '本科及以上', '会计学、财务管理'],
      ['信息技术', '大专及以上', '计算机类'],
      ['法律事务', '本科及以上', '法学类'],
      ['窗口服务', '大专及以上', '不限'],
      ['工程管理', '本科及以上', '土木类、建筑类'],
    ] as const,
    rng.int(2, 4),
  );
  const table = [
    '| 岗位 | 人数 | 学历要求 | 专业要求 |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      ([post, edu, major], i) => `| ${post} | ${i === 0 ? total - rows.length + 1 : 1} | ${edu} | ${major} |`,
    ),
  ].join('\n');
  return {
    title: `${org.fullName}${p.year}年公开招聘编外工作人员公告`,
    attachmentNames: [`${org.short}${p.year}年公开招聘编外工作人员报名表.pdf`],
    body: [
      `因工作需要，${org.fullName}面向社会公开招聘编外工作人员${total}名。现将有关事项公告如下：`,
      '## 一、招聘岗位',
      table,
      '## 二、报名条件',
      [
        '1. 具有中华人民共和国国籍，遵守宪法和法律；',
        '2. 年龄在18周岁以上、35周岁以下；',
        '3. 具有岗位所需的学历、专业和工作能力；',
        '4. 身体健康，品行端正。',
      ].join('\n'),
      '## 三、报名方式',
      `报名时间为${zhDate(day + 1)}至${zhDate(day + 8)}，报名人员填写报名表后，连同身份证、毕业证书扫描件发送至${org.siteId}-hr@linjiang.example。`,
      '## 四、考试考察',
      '考试采取笔试和面试相结合的方式进行，具体时间和地点另行通知。考察合格者签订劳动合同，试用期3个月。',
      contact(rng, org),
      signature(org, day),
    ].join('\n\n'),
  };
}

function traffic(rng: Rng, org: Org, day: number): NoticeText {
  const road = rng.pick(roads);
  const cross = rng.pick(roads.filter((r) => r !== road));
  const start = day + rng.int(2, 6);
  const end = start + rng.int(20, 90);
  return {
    title: `关于${road}（${cross}至${rng.pick(['滨江大道', '环城北路', '学府路', '兴业大道'])}段）施工期间实行交通管制的通告`,
    attachmentNames: [],
    body: [
      `因${road}${rng.pick(['雨污分流改造', '燃气管道迁改', '路面提升改造', '桥梁维修加固'])}工程施工需要，根据《中华人民共和国道路交通安全法》有关规定，决定对相关路段实行交通管制。现将有关事项通告如下：`,
      [
        `1. 管制时间：${zhDate(start)}至${zhDate(end)}；`,
        `2. 管制范围：${road}（${cross}路口以东）半幅封闭施工，机动车单向通行；`,
        '3. 过往车辆请按现场交通标志和交警指挥通行，绕行周边道路；',
        '4. 公交线路临时调整情况以公交公司发布的信息为准。',
      ].join('\n'),
      '请广大市民提前规划出行路线。由此给您带来的不便，敬请谅解。',
      signature(org, day),
    ].join('\n\n'),
  };
}

function inspectionNotice(rng: Rng, org: Org, day: number, focus: string): NoticeText {
  const p = partsOf(day);
  const start = day + rng.int(3, 10);
  return {
    title: `关于开展${p.year}年${focus}专项检查的通知`,
    attachmentNames: [`${focus}专项检查自查表.pdf`],
    body: [
      addressees(org),
      `为全面掌握${org.scope}${focus}工作情况，及时发现和解决存在的问题，经研究，决定开展${p.year}年${focus}专项检查。现将有关事项通知如下：`,
      '## 一、检查时间',
      `${zhDate(start)}至${zhDate(start + rng.int(10, 30))}。`,
      '## 二、检查内容',
      [
        '- 工作责任落实和制度建设情况',
        `- ${focus}重点任务推进情况`,
        '- 上次检查发现问题的整改情况',
        '- 资金使用和档案资料管理情况',
      ].join('\n'),
      '## 三、工作要求',
      `各单位要认真开展自查，如实填写自查表（见附件），于${zhDate(start - 1)}前报送${org.short}。检查中发现的问题，要建立台账、限期整改。`,
      contact(rng, org),
      `附件：${focus}专项检查自查表`,
      signature(org, day),
    ].join('\n\n'),
  };
}

function townshipNotice(rng: Rng, org: Org, day: number): NoticeText {
  const p = partsOf(day);
  const town = org.town ?? '本镇';
  const kind = rng.int(0, 2);
  if (kind === 0) {
    return {
      title: `关于做好${p.year + (p.month >= 9 ? 1 : 0)}年度城乡居民基本医疗保险参保缴费工作的通知`,
      attachmentNames: [],
      body: [
        '各村（社区）：',
        `为保障城乡居民基本医疗需求，现将${town}城乡居民基本医疗保险参保缴费有关事项通知如下：`,
        '## 一、参保对象',
        '具有本镇户籍、未参加职工基本医疗保险的城乡居民，以及在本镇居住的持有居住证的非本市户籍居民。',
        '## 二、缴费方式',
        [
          '- 通过“云江医保”微信公众号或手机银行在线缴费；',
          '- 到各村（社区）便民服务站由工作人员协助缴费；',
          '- 特困人员、低保对象等困难群众个人缴费部分按规定给予资助。',
        ].join('\n'),
        '## 三、工作要求',
        '各村（社区）要落实专人负责，逐户宣传动员，做到应保尽保，并于每周五前报送参保进度。',
        contact(rng, org),
        signature(org, day),
      ].join('\n\n'),
    };
  }
  if (kind === 1) {
    return {
      title: `${town}关于加强${p.month >= 9 || p.month <= 4 ? '秋冬季' : '夏季'}森林防火工作的通告`,
      attachmentNames: [],
      body: [
        `为切实做好森林防火工作，保护森林资源和人民群众生命财产安全，根据《森林防火条例》有关规定，现通告如下：`,
        [
          '1. 森林防火期内，禁止在林区及林缘一百米范围内野外用火，严禁烧荒、烧田埂、烧秸秆和上坟烧纸；',
          '2. 进入林区的人员不得携带火种，自觉接受护林员检查；',
          '3. 各村要落实护林员巡山责任，重点时段加密巡查频次；',
          '4. 发现火情请立即拨打森林火警电话12119或119报告。',
        ].join('\n'),
        '对违反本通告造成森林火灾的，依法追究相关人员责任。',
        signature(org, day),
      ].join('\n\n'),
    };
  }
  return {
    title: `关于${p.year}年第${Math.ceil(p.month / 3)}季度农村低保对象动态调整情况的公示`,
    attachmentNames: [],
    body: [
      `根据《社会救助暂行办法》和全市农村最低生活保障工作有关规定，经本人申请、村级评议、入户核查等程序，${town}本季度拟新增农村低保对象${rng.int(2, 12)}户、停保${rng.int(1, 8)}户，调整保障金额${rng.int(2, 10)}户，现予以公示。`,
      `公示期为7天（${zhDate(day)}至${zhDate(day + 7)}）。对公示对象如有异议，请向${town}社会事务办公室反映，电话：${officePhone(org, rng)}。`,
      '（为保护个人隐私，具体名单在各村村务公开栏张贴公示。）',
      signature(org, day),
    ].join('\n\n'),
  };
}

/** Writes one notice of `org` dated `day`. */
export function noticeText(rng: Rng, org: Org, city: CityContext, day: number): NoticeText {
  const focus = rng.pick(org.focus);
  if (org.kind === 'township' && rng.chance(0.45)) return townshipNotice(rng, org, day);
  const pick = rng.int(0, 6);
  if (pick === 0) return funding(rng, org, day, focus);
  if (pick === 1) return publicity(rng, org, day, focus, city);
  if (pick === 2) return holiday(rng, org, day);
  if (pick === 3) return consultation(rng, org, day, focus);
  if (pick === 4) return recruitment(rng, org, day);
  if (pick === 5 && ['gaj', 'jtysj', 'cgj', 'szgc'].includes(org.siteId)) return traffic(rng, org, day);
  return inspectionNotice(rng, org, day, focus);
}
