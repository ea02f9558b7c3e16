/**
 * Templates of policy documents (政策文件) and their interpretations (政策解读): 印发 notices with
 * an implementation plan, normative documents with articles (规范性文件), work notices.
 */
import type { PolicyTopic } from '@govcluster/shared/schemas';
import type { Org } from './context.ts';
import { officePhone, zhOrdinal } from './context.ts';
import { zhDate } from './dates.ts';
import type { Rng } from './prng.ts';

/** Laws that documents of a topic cite as their basis. */
export const lawsByTopic: Readonly<Record<string, readonly string[]>> = {
  综合政务: ['《中华人民共和国政府信息公开条例》', '《优化营商环境条例》'],
  '国民经济管理、国有资产监管': [
    '《优化营商环境条例》',
    '《政府投资条例》',
    '《中华人民共和国企业国有资产法》',
  ],
  '财政、金融、审计': [
    '《中华人民共和国预算法》',
    '《中华人民共和国政府采购法》',
    '《中华人民共和国审计法》',
  ],
  '国土资源、能源': [
    '《中华人民共和国土地管理法》',
    '《不动产登记暂行条例》',
    '《中华人民共和国节约能源法》',
  ],
  '农业、林业、水利': [
    '《中华人民共和国农业法》',
    '《中华人民共和国乡村振兴促进法》',
    '《中华人民共和国森林法》',
    '《中华人民共和国水法》',
  ],
  '工业、交通': [
    '《中华人民共和国中小企业促进法》',
    '《中华人民共和国公路法》',
    '《中华人民共和国道路运输条例》',
  ],
  '商贸、海关、旅游': [
    '《中华人民共和国外商投资法》',
    '《中华人民共和国电子商务法》',
    '《中华人民共和国旅游法》',
  ],
  '市场监管、安全生产监管': [
    '《中华人民共和国食品安全法》',
    '《中华人民共和国安全生产法》',
    '《中华人民共和国特种设备安全法》',
  ],
  '城乡建设、环境保护': ['《中华人民共和国城乡规划法》', '《中华人民共和国环境保护法》', '《物业管理条例》'],
  '科技、教育': [
    '《中华人民共和国科学技术进步法》',
    '《中华人民共和国教育法》',
    '《中华人民共和国职业教育法》',
  ],
  '文化、广电、新闻出版': ['《中华人民共和国公共文化服务保障法》', '《中华人民共和国文物保护法》'],
  '卫生、体育': [
    '《中华人民共和国基本医疗卫生与健康促进法》',
    '《中华人民共和国体育法》',
    '《医疗保障基金使用监督管理条例》',
  ],
  '人口与计划生育、妇女儿童工作': ['《中华人民共和国妇女权益保障法》', '《中华人民共和国未成年人保护法》'],
  '劳动、人事、监察': [
    '《中华人民共和国劳动合同法》',
    '《中华人民共和国就业促进法》',
    '《保障农民工工资支付条例》',
  ],
  '公安、安全、司法': [
    '《中华人民共和国道路交通安全法》',
    '《中华人民共和国消防法》',
    '《中华人民共和国人民调解法》',
  ],
  '民政、扶贫、救灾': ['《社会救助暂行办法》', '《中华人民共和国老年人权益保障法》'],
  '民族、宗教': ['《宗教事务条例》'],
  对外事务: ['《中华人民共和国对外关系法》'],
  港澳台侨工作: ['《中华人民共和国归侨侨眷权益保护法》'],
};

/** The basis laws of a topic (never empty). */
export function lawsOf(topic: PolicyTopic): readonly string[] {
  return lawsByTopic[topic] ?? lawsByTopic.综合政务 ?? [];
}

/** The kind of a policy document, deciding its title, body and 文号. */
export type PolicyKind = 'plan' | 'opinion' | 'measures' | 'work-notice';

/** A generated policy document. */
export interface PolicyText {
  /** 标题 */
  title: string;
  /** Title of the enclosed document, for interpretations (`临江市…实施方案`). */
  shortTitle: string;
  /** 发文机关 */
  authority: string;
  /** 文号 without the number: `临政发`, `临发改规`. */
  numberPrefix: string;
  /** Markdown body. */
  body: string;
  /** Years of validity when the document says so (规范性文件), else null. */
  validYears: number | null;
  /** Main tasks, reused by interpretations. */
  tasks: string[];
}

const taskPool: readonly [string, string][] = [
  ['健全工作机制', '建立由{lead}牵头、相关部门参与的联席会议制度，定期研究解决{F}中的重大问题。'],
  ['加大资金支持', '统筹整合各级专项资金，每年安排不少于{n}万元用于{F}，并向基层和薄弱环节倾斜。'],
  [
    '推进数字化转型',
    '依托“云政通”平台建设{F}数据共享应用场景，实现业务“一网通办”、数据“一次采集、多方复用”。',
  ],
  ['优化服务流程', '全面梳理{F}相关事项，精简申请材料，压缩办理时限，推行告知承诺制和“免申即享”。'],
  ['强化人才支撑', '实施{F}专业人才培养计划，每年组织专题培训不少于{m}期，建立专家咨询库。'],
  ['加强监督管理', '建立健全事前事中事后全链条监管机制，推行“双随机、一公开”监管，依法查处违法违规行为。'],
  ['培育示范典型', '每年遴选一批{F}示范单位和典型案例，给予通报表扬并在全市推广经验做法。'],
  ['夯实基层基础', '推动{F}资源向镇（乡）、村（社区）下沉，完善基层服务网络，打通服务群众“最后一公里”。'],
];

function fillTask(sentence: string, org: Org, focus: string, rng: Rng): string {
  return sentence
    .replaceAll('{F}', focus)
    .replaceAll('{lead}', org.kind === 'portal' ? '市政府分管领导' : `${org.short}主要负责同志`)
    .replaceAll('{n}', String(rng.pick([200, 300, 500, 800, 1000, 2000])))
    .replaceAll('{m}', String(rng.int(2, 6)));
}

/** Writes a policy document of `org` about one of its fields of work. */
export function policyText(rng: Rng, org: Org, written: number, focus: string, kind: PolicyKind): PolicyText {
  const year = Number(zhDate(written).slice(0, 4));
  const laws = lawsOf(org.topic);
  const law = rng.pick(laws);
  const isPortal = org.kind === 'portal';
  const office = isPortal && kind !== 'measures' && rng.chance(0.5);
  const authority = office ? '临江市人民政府办公室' : org.fullName;
  const addressees = isPortal
    ? '各镇（乡）人民政府、街道办事处，市政府各部门、各直属单位：'
    : '各镇（乡）人民政府、街道办事处，市直有关单位：';
  const chosen = rng.sample(taskPool, rng.int(4, 5));
  const tasks = chosen.map(([head]) => head);
  const taskText = chosen
    .map(([head, sentence], index) => `${index + 1}. **${head}**。${fillTask(sentence, org, focus, rng)}`)
    .join('\n');
  const signature = `${authority}\n\n${zhDate(written)}`;
  const approval = isPortal ? `市政府第${rng.int(3, 60)}次常务会议` : `${org.short}党组（党委）会议`;

  if (kind === 'measures') {
    const shortTitle = `临江市${focus}${rng.pick(['管理办法', '专项资金管理办法', '实施细则', '考核办法（试行）'])}`;
    // 细则 speak of themselves as 本细则, 办法 as 本办法.
    const self = shortTitle.endsWith('细则') ? '细则' : '办法';
    const validYears = rng.pick([2, 3, 5]);
    const max = rng.pick([20, 50, 100, 200]);
    const articles = [
      `为规范和加强${focus}工作，根据${law}等有关规定，结合本市实际，制定本${self}。`,
      `本${self}适用于本市行政区域内${focus}相关活动及其监督管理。`,
      `${isPortal ? '市人民政府有关部门' : org.short}负责${focus}工作的统筹协调和监督管理；各镇（乡）人民政府、街道办事处按照职责做好辖区内相关工作。`,
      `对符合条件的项目，经评审认定后按照实际投入的一定比例给予补助，单个项目最高不超过${max}万元。同一项目不得重复享受市级同类政策。`,
      '申请单位应当如实提交申请材料，对材料的真实性负责。主管部门应当在受理之日起二十个工作日内完成审核，并将结果向社会公示。',
      '主管部门应当加强对项目实施和资金使用情况的跟踪检查。对弄虚作假、骗取补助资金的，依法追回已拨付资金，并纳入信用记录。',
      `有关工作人员在实施本${self}过程中滥用职权、玩忽职守、徇私舞弊的，依法依规追究责任。`,
      `本${self}由${isPortal ? '市人民政府办公室会同有关部门' : org.short}负责解释。`,
      `本${self}自${zhDate(written + 30)}起施行，有效期${validYears}年。`,
    ];
    const body = [
      addressees,
      `《${shortTitle}》已经${approval}审议通过，现印发给你们，请认真遵照执行。`,
      signature,
      '（此件公开发布）',
      `## ${shortTitle}`,
      articles.map((text, index) => `**第${zhOrdinal(index)}条** ${text}`).join('\n\n'),
    ].join('\n\n');
    return {
      title: `${authority}关于印发《${shortTitle}》的通知`,
      shortTitle,
      authority,
      numberPrefix: isPortal ? '临政规' : `${org.docPrefix}规`,
      body,
      validYears,
      tasks,
    };
  }

  if (kind === 'work-notice') {
    const shortTitle = `关于做好${year}年${focus}工作的通知`;
    const body = [
      addressees,
      `为深入贯彻落实上级关于${focus}工作的部署要求，进一步提升${org.scope}${focus}工作水平，现就做好${year}年有关工作通知如下：`,
      '## 一、提高思想认识',
      `各单位要充分认识做好${focus}工作的重要意义，把这项工作列入重要议事日程，主要负责同志亲自抓、负总责。`,
      '## 二、明确重点任务',
      taskText,
      '## 三、强化工作保障',
      `各单位要于每季度末将工作进展情况报送${isPortal ? '市政府办公室' : org.short}，年底前报送全年工作总结。${org.short}将适时组织督查，督查结果纳入年度考核。`,
      `联系电话：${officePhone(org, rng)}。`,
      signature,
    ].join('\n\n');
    return {
      title: `${authority}${shortTitle}`,
      shortTitle,
      authority,
      numberPrefix: isPortal ? (office ? '临政办发' : '临政发') : org.docPrefix,
      body,
      validYears: null,
      tasks,
    };
  }

  const planKind =
    kind === 'plan'
      ? rng.pick(['实施方案', `三年行动计划（${year}—${year + 2}年）`, '工作方案'])
      : '实施意见';
  const shortTitle =
    kind === 'plan'
      ? `临江市${focus}${planKind}`
      : `关于${rng.pick(['加快推进', '进一步加强', '全面提升'])}${focus}的实施意见`;
  const goal = `到${year + 2}年，${focus}体制机制更加健全，服务能力明显提升，群众满意度达到${rng.int(92, 98)}%以上，形成一批可复制推广的经验做法。`;
  const enclosed = [
    `## ${shortTitle}`,
    `为深入贯彻落实${law}和上级有关部署，${kind === 'plan' ? '扎实推进' : '加快'}${focus}工作，结合我市实际，${kind === 'plan' ? '制定本方案' : '提出如下实施意见'}。`,
    '### 一、总体要求',
    `坚持以人民为中心的发展思想，坚持问题导向和目标导向相统一，坚持统筹推进与重点突破相结合。${goal}`,
    '### 二、重点任务',
    taskText,
    '### 三、保障措施',
    [
      '- **加强组织领导**。各责任单位要明确分管领导和具体责任人，制定细化措施，确保各项任务落地见效。',
      '- **强化督查考核**。将重点任务落实情况纳入年度综合考核，对推进不力的单位予以通报。',
      '- **营造良好氛围**。充分利用政府网站、政务新媒体等渠道加强政策宣传解读，及时回应社会关切。',
    ].join('\n'),
  ].join('\n\n');
  const body =
    kind === 'plan'
      ? [
          addressees,
          `《${shortTitle}》已经${approval}研究同意，现印发给你们，请结合实际认真贯彻落实。`,
          signature,
          '（此件公开发布）',
          enclosed,
        ].join('\n\n')
      : [addressees, enclosed, signature].join('\n\n');
  return {
    title: kind === 'plan' ? `${authority}关于印发${shortTitle}的通知` : `${authority}${shortTitle}`,
    shortTitle,
    authority,
    numberPrefix: isPortal ? (office ? '临政办发' : '临政发') : org.docPrefix,
    body,
    validYears: null,
    tasks,
  };
}

/** A generated interpretation. */
export interface InterpretationText {
  /** 标题 */
  title: string;
  /** Markdown body. */
  body: string;
}

/** Writes an interpretation of a policy: `text` (文字解读) or `graphic` (图解). */
export function interpretationText(
  rng: Rng,
  policy: PolicyText & { documentNumber: string },
  interpreter: { name: string; phone: string },
  form: 'text' | 'graphic',
  focus: string,
  written: number,
): InterpretationText {
  const short = policy.shortTitle;
  if (form === 'graphic') {
    return {
      title: `一图读懂｜《${short}》`,
      body: [
        `本期图解以图文结合的方式，带您快速了解《${policy.shortTitle}》（${policy.documentNumber}）的主要内容。`,
        '### 关键词一：为什么出台',
        `落实上级部署要求，回应企业和群众在${focus}方面的期盼，补齐短板弱项。`,
        '### 关键词二：要干什么',
        policy.tasks.map((task) => `- ${task}`).join('\n'),
        '### 关键词三：谁来落实',
        `${interpreter.name}牵头，各镇（乡）、市直有关部门按职责分工抓好落实。`,
        '### 关键词四：何时施行',
        policy.validYears === null
          ? `自印发之日（${zhDate(written)}）起施行。`
          : `自${zhDate(written + 30)}起施行，有效期${policy.validYears}年。`,
        `如有疑问，请致电${interpreter.phone}。`,
      ].join('\n\n'),
    };
  }
  return {
    title: `《${short}》政策解读`,
    body: [
      '## 一、起草背景',
      `${rng.pick([
        `近年来，我市${focus}工作取得了积极进展，但与群众期盼和高质量发展要求相比，仍存在制度不够完善、保障力度不足、工作合力不强等问题。`,
        `随着经济社会发展和上级政策调整，原有${focus}相关规定已不能完全适应工作需要，基层和群众对进一步完善政策措施的呼声较高。`,
        `为贯彻落实国家和省关于${focus}的最新部署，回应企业和群众关切，有必要结合我市实际制定更具操作性的政策措施。`,
      ])}为此，${interpreter.name}在深入调研、广泛征求意见的基础上，起草了《${policy.shortTitle}》。`,
      '## 二、起草依据',
      `${policy.body.match(/《中华人民共和国[^》]+》|《[^》]+条例》|《[^》]+办法》/)?.[0] ?? '国家和省有关法律法规'}及国家、省关于${focus}的有关政策文件。`,
      '## 三、主要内容',
      `文件共分为若干部分，重点明确了以下${zhOrdinal(policy.tasks.length - 1)}个方面的任务：`,
      policy.tasks.map((task, index) => `${index + 1}. ${task}`).join('\n'),
      '## 四、政策亮点',
      `一是突出问题导向，针对${focus}中的堵点难点提出了具体措施；二是强化协同联动，明确了各责任单位的职责分工；三是注重落地见效，建立了督查考核和动态评估机制。`,
      '## 五、施行时间',
      policy.validYears === null
        ? '文件自印发之日起施行。'
        : `文件自${zhDate(written + 30)}起施行，有效期${policy.validYears}年。`,
      `解读机关：${interpreter.name}；解读人联系电话：${interpreter.phone}。`,
    ].join('\n\n'),
  };
}
