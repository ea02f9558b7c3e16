/**
 * Letters to the mailboxes (领导信箱 / 市民心声): a citizen's question about daily life and the
 * handling unit's reply (承办单位答复). Each template names the department that usually handles it.
 */
import type { Rng } from './prng.ts';
import { compounds, roads } from './words.ts';

/** A letter template: category, handling department id, question and reply with placeholders. */
interface LetterTemplate {
  category: string;
  unit: string;
  title: string;
  question: string;
  reply: string;
}

const templates: readonly LetterTemplate[] = [
  {
    category: '城乡建设',
    unit: 'cgj',
    title: '{compound}门口路灯长期不亮',
    question:
      '{compound}小区南门外{road}一段有五六盏路灯已经不亮快一个月了，晚上下班回家路面很黑，老人孩子出行很不安全，希望有关部门尽快维修。',
    reply:
      '经核查，{road}该路段路灯不亮系地下电缆老化短路所致。我局已安排城市照明维护单位更换故障电缆，目前路灯已恢复正常照明。我局将加强日常巡查，及时处理照明设施故障。感谢您对城市管理工作的关心和支持！',
  },
  {
    category: '交通出行',
    unit: 'jtysj',
    title: '建议增开{compound}至市民中心的公交线路',
    question:
      '我们{compound}小区入住居民越来越多，但附近只有一条公交线路，高峰期间隔二十多分钟，去市民中心办事要换乘两次。建议增开或调整公交线路，方便群众出行。',
    reply:
      '您反映的情况已收悉。经与市公交公司共同调研，计划对现有线路进行优化调整，在{road}增设停靠站点，并在早晚高峰加密班次至12分钟一班。调整方案将通过公交公司微信公众号提前向社会公布。感谢您的建议！',
  },
  {
    category: '教育',
    unit: 'jyj',
    title: '咨询孩子小学入学的学区划分问题',
    question:
      '我家在{compound}买了房子，孩子明年上一年级。请问我们小区对应哪所小学？户口还没迁过来能不能报名？需要准备哪些材料？',
    reply:
      '您好！根据我市义务教育阶段学校招生工作有关规定，{compound}小区属于{road}小学服务区。适龄儿童须具有本市户籍或父母一方持有本市居住证，具体以当年招生公告为准。报名一般在每年6月通过“临江教育”入学报名平台进行，需准备户口簿、不动产权证书或购房合同等材料。如有疑问，可拨打市教育局基础教育科电话咨询。',
  },
  {
    category: '医疗卫生',
    unit: 'ybj',
    title: '异地就医备案后报销比例是多少',
    question:
      '我父亲长期在外地跟我们住，已经办理了异地就医备案。请问在外地住院能直接结算吗？报销比例和在本地一样吗？',
    reply:
      '您好！已办理异地长期居住备案的参保人员，在就医地开通跨省直接结算的定点医疗机构住院，可直接结算。报销执行就医地目录、参保地政策，长期居住人员报销比例与本地相同。如需查询定点医疗机构，可登录“国家医保服务平台”APP。感谢您的来信！',
  },
  {
    category: '劳动保障',
    unit: 'rsj',
    title: '反映{road}某工地拖欠农民工工资',
    question:
      '我在{road}附近一个住宅项目干木工活，从今年春节后一直干到现在，包工头一直拖着不发工资，十几个工友加起来有二十多万元。请政府帮我们讨回工资。',
    reply:
      '接到您的反映后，市人社局劳动保障监察支队立即到该项目调查核实，约谈了总承包单位和劳务分包负责人。经协调，总承包单位已通过农民工工资专用账户将拖欠的工资足额支付到工友们的银行卡。如仍有未结清情况，请拨打12333或到劳动保障监察窗口反映。',
  },
  {
    category: '环境保护',
    unit: 'sthjj',
    title: '{compound}附近餐饮油烟扰民',
    question:
      '{compound}小区楼下一家烧烤店每天晚上油烟和噪音都很大，一直营业到凌晨两三点，窗户都不敢开，严重影响休息，希望有关部门管一管。',
    reply:
      '经现场检查，该烧烤店油烟净化设施未正常使用。执法人员已责令其限期清洗维护油烟净化设施，并规范经营时间。后续我们将会同城管、公安等部门加强夜间巡查，如问题反复请及时拨打12345反映。',
  },
  {
    category: '住房保障',
    unit: 'zjj',
    title: '{compound}电梯老旧经常故障',
    question:
      '我们{compound}小区是二十年前的老小区，电梯经常停运，上个月还困过人。听说有老旧小区改造政策，我们小区能不能纳入改造计划？',
    reply:
      '您好！{compound}小区已列入我市下一年度老旧小区改造计划，改造内容包括电梯更新、管网改造、外墙保温和小区环境整治等，具体方案将征求业主意见后确定。在此之前，我局已督促物业服务企业加强电梯维护保养。感谢您对城市更新工作的关注！',
  },
  {
    category: '市场监管',
    unit: 'scjgj',
    title: '网购预付卡商家关门无法退款',
    question:
      '我在{road}一家健身房办了年卡，用了不到三个月店就关门了，老板联系不上，还有几千元余额退不了。请问该怎么维权？',
    reply:
      '接到您的反映后，我局已对该健身房经营情况进行调查，并将相关消费者投诉集中登记。目前正在联系经营者协商退款事宜，同时已将相关线索移交公安机关。建议您保留好合同、付款凭证等证据。我局将持续跟进处理进展并及时告知您。',
  },
  {
    category: '公安政务',
    unit: 'gaj',
    title: '咨询外省户口迁入本市的条件',
    question:
      '我是外省户籍，在临江工作已经三年并缴纳了社保，目前租房居住。请问落户需要什么条件？能不能把户口迁到单位集体户？',
    reply:
      '您好！根据我市现行户籍政策，在城区合法稳定就业并参加城镇社会保险的人员，本人及其共同居住生活的配偶、未成年子女可申请在实际居住地或单位集体户落户。具体可携带身份证、户口簿、劳动合同等材料到居住地派出所户籍窗口办理。',
  },
  {
    category: '农业农村',
    unit: 'nyncj',
    title: '高标准农田建设后灌溉渠道堵塞',
    question:
      '我们村去年建了高标准农田，但是有一段灌溉渠道被泥沙堵住了，今年插秧的时候水进不来，希望有关部门安排疏通。',
    reply:
      '您好！经市农业农村局会同镇农业服务中心现场查看，该段渠道因汛期山洪带来泥沙淤积。目前已安排施工单位按照工程质保要求完成清淤疏通，并增设了沉沙池。下一步将落实管护责任，定期巡查维护。',
  },
  {
    category: '社会保障',
    unit: 'mzj',
    title: '老人高龄津贴什么时候发放',
    question: '我母亲今年满八十周岁，听说可以领高龄津贴，请问需要去哪里申请？每个月能领多少？',
    reply:
      '您好！本市户籍年满80周岁的老年人可申领高龄津贴。请携带老人身份证或户口簿到户籍所在地村（社区）或镇（乡）便民服务中心申请，审核通过后次月起按月发放至老人社会保障卡，具体标准按年龄段分档执行。',
  },
  {
    category: '城乡建设',
    unit: 'cgj',
    title: '{road}人行道被乱停车占用',
    question: '{road}靠近菜市场一段人行道经常停满了车，行人只能走机动车道，很危险，希望加强管理。',
    reply:
      '经现场核查，您反映的情况属实。我局已联合公安交警部门在该路段开展违停整治，增设隔离桩和禁停标志，并将该路段纳入日常重点巡查范围。同时，正在协调周边单位错时开放停车位，缓解停车难问题。',
  },
  {
    category: '营商环境',
    unit: 'zwfwj',
    title: '企业开办能否一天办完',
    question:
      '我想在临江注册一家小公司，请问现在办营业执照、刻章、税务登记大概需要多长时间？能不能网上办理？',
    reply:
      '您好！我市已实现企业开办“一网通办”，通过“云江政务服务网”企业开办专区一次填报，即可同步办理营业执照、公章刻制、发票申领和社保登记，材料齐全的当天即可办结，并可免费领取首套印章。如需帮助，可到市民中心企业开办专区咨询。',
  },
  {
    category: '住房公积金',
    unit: 'gjj',
    title: '租房提取公积金需要什么材料',
    question: '我在临江租房住，没有买房，请问可以提取住房公积金付房租吗？一年能提取几次？',
    reply:
      '您好！在本市无自有住房且租赁住房的缴存职工，可申请提取住房公积金支付房租，通过“临江公积金”APP即可办理，无需提供租赁合同，每年可提取一次，具体额度按我市现行标准执行。',
  },
  {
    category: '交通出行',
    unit: 'gaj',
    title: '{road}与{road2}路口红绿灯时间太短',
    question: '{road}与{road2}交叉路口行人绿灯只有十几秒，老年人根本走不过去，建议延长行人过街时间。',
    reply:
      '您好！交警部门已对该路口进行实地观测，根据行人流量调整了信号配时方案，行人绿灯时间延长至30秒，并在路口增设了行人二次过街安全岛。感谢您对道路交通安全工作的关心！',
  },
  {
    category: '文化旅游',
    unit: 'wgltj',
    title: '建议滨江公园增设健身器材',
    question:
      '滨江公园每天早晚锻炼的人很多，但健身器材比较少，有的已经损坏。建议增设一些适合老年人的健身器材，并定期维护。',
    reply:
      '您好！我局已会同园林部门对滨江公园健身设施进行全面排查，更换损坏器材8件，并计划新增一处适老化健身点位。后续将建立定期巡检维护机制。欢迎您继续为全民健身工作提出宝贵意见！',
  },
  {
    category: '水电气',
    unit: 'zjj',
    title: '{compound}频繁停水',
    question: '最近一个月{compound}小区已经停了四五次水，每次都没有提前通知，给生活带来很大不便。',
    reply:
      '经了解，停水系小区二次供水设备老化故障所致。我局已督促供水企业和物业服务企业完成二次供水设备更换，并要求计划性停水须提前24小时在小区公告栏和业主群通知。',
  },
  {
    category: '应急安全',
    unit: 'yjglj',
    title: '{road}一处门店私存液化气瓶',
    question:
      '{road}有一家小餐馆后厨堆放了好几个液化气瓶，就在居民楼下面，存在很大安全隐患，请有关部门检查。',
    reply:
      '接到反映后，市应急管理局会同消防救援、市场监管等部门对该餐馆进行了联合检查，责令其立即清理超量存放的液化气瓶，并按规定安装燃气泄漏报警装置。下一步将持续开展城镇燃气安全专项整治。',
  },
];

/** A generated letter. */
export interface LetterText {
  /** 信件类别 */
  category: string;
  /** Department id that usually handles it. */
  unit: string;
  /** 标题 */
  title: string;
  /** 来信内容 */
  question: string;
  /** 答复内容 */
  reply: string;
}

/** Writes a letter and its reply. */
export function letterText(rng: Rng): LetterText {
  const t = rng.pick(templates);
  const road = rng.pick(roads);
  const road2 = rng.pick(roads.filter((r) => r !== road));
  const compound = rng.pick(compounds);
  const fillIn = (s: string) =>
    s.replaceAll('{road2}', road2).replaceAll('{road}', road).replaceAll('{compound}', compound);
  return {
    category: t.category,
    unit: t.unit,
    title: fillIn(t.title),
    question: fillIn(t.question),
    reply: fillIn(t.reply),
  };
}

/** The ids of departments that have letter templates of their own. */
export function hasLetterTemplates(unit: string): boolean {
  return templates.some((t) => t.unit === unit);
}

/** Writes a letter about `unit`'s own work: one of its templates, or a question about one of its fields. */
export function letterForUnit(
  rng: Rng,
  unit: string,
  short: string,
  focus: readonly string[],
  phone: string,
): LetterText {
  const own = templates.filter((t) => t.unit === unit);
  if (own.length > 0 && rng.chance(0.7)) {
    const base = letterText(rng);
    const t = rng.pick(own);
    const road = rng.pick(roads);
    const road2 = rng.pick(roads.filter((r) => r !== road));
    const compound = rng.pick(compounds);
    const fillIn = (s: string) =>
      s.replaceAll('{road2}', road2).replaceAll('{road}', road).replaceAll('{compound}', compound);
    return {
      ...base,
      category: t.category,
      unit,
      title: fillIn(t.title),
      question: fillIn(t.question),
      reply: fillIn(t.reply),
    };
  }
  const f = rng.pick(focus);
  const compound = rng.pick(compounds);
  // Each kind of letter with the title and category that fit it.
  const [category, title, ask] = rng.pick([
    [
      '政策咨询',
      `${f}方面有哪些扶持政策`,
      `我是一家小微企业的负责人，想了解${f}方面有没有扶持政策，申请条件是什么，需要准备哪些材料？`,
    ],
    [
      '政策咨询',
      `关于${f}新规定的咨询`,
      `最近在网上看到关于${f}的新规定，但是看得不太明白。请问这些规定对我们普通市民有什么影响？具体从什么时候开始执行？`,
    ],
    [
      '投诉求助',
      `${compound}${f}工作落实不到位`,
      `我家在${compound}，想反映一下${f}方面的问题：相关工作在我们这边落实得不太到位，希望有关部门能够重视并加强管理。`,
    ],
    [
      '政策咨询',
      `${f}相关业务能否网上办理`,
      `请问办理${f}相关业务能不能全程网上办理？如果需要到现场，应该去哪个窗口，工作时间是怎样的？`,
    ],
    [
      '意见建议',
      `关于进一步做好${f}的建议`,
      `建议在${f}方面多听取群众意见，把办理流程、时限和进展在网上公开，方便大家查询和监督。`,
    ],
  ] as const);
  const reply = `您好！感谢您对${short}工作的关心和支持。关于您反映的${f}相关问题，经认真研究，现答复如下：${rng.pick(
    [
      `我市已出台相关政策措施，符合条件的单位和个人可按规定提出申请，具体条件和材料清单已在本网站“政策文件”栏目公开。`,
      `相关规定自发布之日起施行，主要涉及办理流程的简化和服务时限的压缩，对群众办事更加便利。`,
      `我们已安排工作人员进行实地核查，并督促相关责任单位落实整改，后续将加强日常监督检查。`,
      `该事项已纳入“云江政务服务网”，可全程网上办理；如需现场办理，可到临江市民中心${short}窗口，工作日上午9:00—12:00、下午13:30—17:30。`,
    ],
  )}如有其他疑问，可在工作日拨打${phone}咨询。`;
  return { category, unit, title, question: ask, reply };
}
