/**
 * Service guide templates (办事指南) with the eight required elements: basis, conditions,
 * materials, process, time limit. Each template names the sites that offer it.
 */

/** A material of a service template: name, form, copies, note. */
export interface MaterialTemplate {
  /** 材料名称 */
  name: string;
  /** 材料形式 */
  form?: '原件' | '复印件' | '电子件';
  /** 份数 */
  copies?: number;
  /** 备注 */
  note?: string;
}

/** A service guide template. */
export interface ServiceTemplate {
  /** 事项名称 */
  title: string;
  /** Department ids that offer it; `township` for township sites, `*` for every department. */
  offeredBy: readonly string[];
  /** 设定依据 */
  legalBasis: string;
  /** 办理条件 */
  conditions: string;
  /** 申请材料 */
  materials: readonly MaterialTemplate[];
  /** 办理流程 */
  process: readonly string[];
  /** 办理时限 */
  timeLimit: string;
  /** 收费标准 */
  fee?: string;
  /** Variants (情形) that each become a guide of their own, e.g. 新办, 变更. */
  variants?: readonly string[];
}

const id = (copies = 1): MaterialTemplate => ({
  name: '申请人有效身份证件',
  form: '原件',
  copies,
  note: '现场核验后退还',
});
const licence: MaterialTemplate = {
  name: '营业执照',
  form: '复印件',
  copies: 1,
  note: '已通过数据共享获取的免于提交',
};
const commit: MaterialTemplate = { name: '申请材料真实性承诺书', form: '原件', copies: 1 };
const power: MaterialTemplate = {
  name: '授权委托书及受托人身份证件',
  form: '原件',
  copies: 1,
  note: '委托他人办理的提供',
};

const standardProcess = [
  '申请：申请人通过窗口或“云江政务服务网”提交申请材料',
  '受理：窗口工作人员对材料进行审查，材料齐全、符合法定形式的当场受理',
  '审查：承办科室对申请材料进行审查，必要时进行现场核查',
  '决定：作出准予或不予许可的决定',
  '送达：通过窗口领取、邮寄或电子证照方式送达结果',
];

/** The service templates of the demo city. */
export const serviceTemplates: readonly ServiceTemplate[] = [
  {
    title: '政府信息公开申请',
    offeredBy: ['*', 'portal', 'township'],
    legalBasis: '《中华人民共和国政府信息公开条例》第二十七条、第二十九条',
    conditions:
      '公民、法人或者其他组织向行政机关申请获取政府信息，申请内容应当包括申请人的姓名或者名称、身份证明、联系方式，以及申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述。',
    materials: [
      { name: '政府信息公开申请表', form: '原件', copies: 1, note: '可在窗口领取或在网站下载' },
      { ...id(), form: '复印件' },
    ],
    process: [
      '提出申请：通过网站在线申请、信函或当面提交申请表',
      '登记受理：收到申请后进行登记，申请内容不明确的一次性告知补正',
      '办理答复：依法作出予以公开、部分公开、不予公开等答复',
      '送达：按申请人要求的方式送达答复书',
    ],
    timeLimit: '法定时限20个工作日，需要延长答复期限的，延长期限最长不超过20个工作日',
    fee: '不收费',
  },
  {
    title: '结婚登记',
    offeredBy: ['mzj'],
    legalBasis: '《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》第四条至第七条',
    conditions:
      '男女双方完全自愿；男方年满二十二周岁、女方年满二十周岁；双方均无配偶；双方不属于直系血亲或者三代以内旁系血亲。',
    materials: [
      { name: '本人有效的居民身份证', form: '原件', copies: 1 },
      { name: '本人户口簿', form: '原件', copies: 1, note: '跨省通办的可不提供' },
      { name: '近期半身免冠合影二寸照片', form: '原件', copies: 3 },
      { name: '申请结婚登记声明书', form: '原件', copies: 1, note: '在登记员面前现场签署' },
    ],
    process: [
      '预约：通过“云江民政”公众号预约登记日期',
      '申请：男女双方共同到婚姻登记处提交材料',
      '审查：登记员审查材料并询问相关情况',
      '登记：双方现场签署声明书，登记员予以登记',
      '颁证：当场颁发结婚证',
    ],
    timeLimit: '材料齐全、符合条件的当场办结',
    fee: '不收费',
  },
  {
    title: '最低生活保障申请',
    offeredBy: ['mzj', 'township'],
    legalBasis: '《社会救助暂行办法》第九条至第十一条；《云江省最低生活保障办法》',
    conditions:
      '共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合当地有关规定的本市户籍居民家庭。',
    materials: [
      { name: '最低生活保障申请书', form: '原件', copies: 1 },
      { name: '家庭成员户口簿和居民身份证', form: '复印件', copies: 1 },
      { name: '家庭收入和财产状况声明', form: '原件', copies: 1 },
      { name: '家庭经济状况核对授权书', form: '原件', copies: 1, note: '家庭成员均须签字' },
    ],
    process: [
      '申请：向户籍所在地镇（乡）人民政府、街道办事处提出申请，也可由村（居）委会代为提出',
      '调查：镇（乡）组织入户调查，开展家庭经济状况信息核对',
      '评议：村（居）委会协助组织民主评议',
      '审核确认：镇（乡）提出审核意见，市民政局审批确认（已委托乡镇的由镇（乡）确认）',
      '公示发放：在村（居）务公开栏公示，无异议的按月发放低保金',
    ],
    timeLimit: '30个工作日（特殊情况可延长至45个工作日）',
    fee: '不收费',
  },
  {
    title: '高龄津贴申领',
    offeredBy: ['mzj', 'township'],
    legalBasis: '《中华人民共和国老年人权益保障法》第三十三条；《临江市高龄津贴发放管理办法》',
    conditions: '具有本市户籍、年满八十周岁的老年人。',
    materials: [
      { name: '老年人居民身份证或户口簿', form: '原件', copies: 1 },
      { name: '本人社会保障卡或银行账户信息', form: '复印件', copies: 1 },
    ],
    process: [
      '申请：本人或代理人向户籍所在地村（居）委会或便民服务中心提出申请',
      '审核：镇（乡）社会事务办公室审核',
      '公示：在村（居）务公开栏公示7天',
      '发放：次月起按月发放至老年人社会保障卡',
    ],
    timeLimit: '15个工作日',
    fee: '不收费',
  },
  {
    title: '失业保险金申领',
    offeredBy: ['rsj', 'sbzx', 'jyrc'],
    legalBasis: '《中华人民共和国社会保险法》第四十五条；《失业保险条例》第十四条',
    conditions:
      '失业前用人单位和本人已经缴纳失业保险费满一年，非因本人意愿中断就业，已经进行失业登记并有求职要求。',
    materials: [
      { name: '社会保障卡或居民身份证', form: '原件', copies: 1 },
      {
        name: '解除或终止劳动关系的证明',
        form: '复印件',
        copies: 1,
        note: '单位已在系统中办理停保的可不提供',
      },
    ],
    process: [
      '申请：通过“云江人社”APP或窗口提交申请',
      '审核：经办机构核定失业保险待遇',
      '发放：按月将失业保险金发放至本人社会保障卡',
    ],
    timeLimit: '即时办结（线上申请3个工作日内办结）',
    fee: '不收费',
  },
  {
    title: '灵活就业人员参加基本养老保险登记',
    offeredBy: ['rsj', 'sbzx'],
    legalBasis: '《中华人民共和国社会保险法》第十条、第五十八条',
    conditions:
      '年满十六周岁、未达到法定退休年龄，以个体工商户或灵活就业形式就业、未参加职工基本养老保险的人员。',
    materials: [{ name: '居民身份证或社会保障卡', form: '原件', copies: 1 }],
    process: [
      '申请：通过线上平台或窗口提出参保登记申请',
      '审核：经办机构核验身份和参保状态',
      '登记：办理参保登记并核定缴费档次',
      '缴费：按月、按季或按年缴纳养老保险费',
    ],
    timeLimit: '即时办结',
    fee: '不收费',
  },
  {
    title: '住房公积金提取（购买自住住房）',
    offeredBy: ['gjj'],
    legalBasis: '《住房公积金管理条例》第二十四条',
    conditions: '职工及其配偶购买本市或户籍所在地自住住房，且住房公积金账户处于正常缴存状态。',
    materials: [
      id(),
      { name: '购房合同或不动产权证书', form: '原件', copies: 1 },
      { name: '购房发票或首付款凭证', form: '原件', copies: 1 },
      { name: '本人名下银行借记卡', form: '原件', copies: 1 },
    ],
    process: [
      '申请：通过“临江公积金”APP或网点提交申请',
      '审核：管理中心审核提取资格和金额',
      '转账：提取资金转入本人银行账户',
    ],
    timeLimit: '材料齐全的即时办结，资金1个工作日内到账',
    fee: '不收费',
  },
  {
    title: '个人住房公积金贷款申请',
    offeredBy: ['gjj'],
    legalBasis: '《住房公积金管理条例》第二十六条',
    conditions:
      '申请前连续足额缴存住房公积金满6个月，具有稳定的经济收入和偿还贷款本息的能力，购买、建造、翻建、大修自住住房。',
    materials: [
      { name: '借款人及配偶身份证件、户口簿、婚姻状况证明', form: '原件', copies: 1 },
      { name: '购房合同及首付款证明', form: '原件', copies: 1 },
      { name: '个人征信报告', form: '原件', copies: 1, note: '经授权由中心查询的可不提供' },
    ],
    process: [
      '咨询：了解贷款额度和条件',
      '申请：向受托银行或中心网点提交贷款申请',
      '审批：管理中心审核借款人资格和贷款额度',
      '签约：签订借款合同并办理抵押登记',
      '放款：受托银行发放贷款',
    ],
    timeLimit: '10个工作日',
    fee: '不收费（抵押登记费按规定由不动产登记机构收取）',
  },
  {
    title: '二手房转移登记',
    offeredBy: ['zrzyj', 'bdc'],
    legalBasis: '《中华人民共和国民法典》第二百零九条；《不动产登记暂行条例》第十四条',
    conditions: '买卖双方已签订存量房买卖合同，房屋权属清晰、无查封等限制。',
    materials: [
      { name: '不动产登记申请书', form: '原件', copies: 1 },
      { name: '买卖双方身份证明', form: '原件', copies: 1 },
      { name: '不动产权属证书', form: '原件', copies: 1 },
      { name: '存量房买卖合同', form: '原件', copies: 1 },
      { name: '完税凭证', form: '电子件', note: '“一窗受理”同步获取' },
    ],
    process: [
      '预约：通过线上平台预约办理时间',
      '受理：“一窗受理”登记、交易、税务业务',
      '审核：登记机构审核并缴纳税费',
      '登簿：记载于不动产登记簿',
      '发证：颁发纸质或电子不动产权证书',
    ],
    timeLimit: '3个工作日',
    fee: '住宅类每件80元，非住宅类每件550元（按国家规定标准收取）',
  },
  {
    title: '食品经营许可',
    offeredBy: ['scjgj'],
    legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
    conditions:
      '具有与经营的食品品种、数量相适应的经营场所和设施设备，有专职或者兼职的食品安全管理人员和保证食品安全的规章制度。',
    materials: [
      { name: '食品经营许可申请书', form: '原件', copies: 1 },
      licence,
      { name: '与食品经营相适应的主要设备设施布局、操作流程等文件', form: '原件', copies: 1 },
      { name: '食品安全自查、从业人员健康管理等制度', form: '原件', copies: 1 },
      power,
    ],
    process: standardProcess,
    timeLimit: '法定时限10个工作日，承诺时限3个工作日',
    fee: '不收费',
    variants: ['新办', '变更', '延续', '注销'],
  },
  {
    title: '个体工商户设立登记',
    offeredBy: ['scjgj'],
    legalBasis: '《促进个体工商户发展条例》第八条；《中华人民共和国市场主体登记管理条例》',
    conditions: '有经营能力的自然人，有固定的经营场所，经营范围不属于法律法规禁止的项目。',
    materials: [
      { name: '个体工商户登记申请书', form: '原件', copies: 1 },
      id(),
      { name: '经营场所使用证明', form: '复印件', copies: 1 },
    ],
    process: [
      '申请：通过“云江政务服务网”企业开办专区或窗口申请',
      '审核：登记机关审查申请材料',
      '发照：核准登记并发放营业执照（可领取电子营业执照）',
    ],
    timeLimit: '材料齐全、符合法定形式的当场办结',
    fee: '不收费',
    variants: ['设立', '变更', '注销'],
  },
  {
    title: '建筑工程施工许可证核发',
    offeredBy: ['zjj'],
    legalBasis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》',
    conditions:
      '已办理用地批准手续，依法应当办理工程规划许可证的已取得，施工场地已基本具备施工条件，已确定施工企业，有满足施工需要的资金安排和施工图纸。',
    materials: [
      { name: '建筑工程施工许可证申请表', form: '原件', copies: 1 },
      { name: '建设工程规划许可证', form: '电子件', note: '通过工程建设项目审批管理系统共享' },
      { name: '中标通知书或直接发包批准文件', form: '复印件', copies: 1 },
      { name: '施工图设计文件审查合格意见', form: '电子件' },
      commit,
    ],
    process: standardProcess,
    timeLimit: '法定时限7个工作日，承诺时限3个工作日',
    fee: '不收费',
  },
  {
    title: '公共租赁住房保障申请',
    offeredBy: ['zjj', 'zbzx'],
    legalBasis: '《公共租赁住房管理办法》第七条；《临江市公共租赁住房管理办法》',
    conditions:
      '在本市城区无自有住房或人均住房面积低于规定标准，家庭收入和财产符合规定标准的城镇中等偏下收入住房困难家庭、新就业无房职工和在城区稳定就业的外来务工人员。',
    materials: [
      { name: '公共租赁住房申请表', form: '原件', copies: 1 },
      { name: '申请人及共同申请人身份证明、户口簿', form: '复印件', copies: 1 },
      { name: '劳动合同或就业证明', form: '复印件', copies: 1, note: '外来务工人员提供' },
      { name: '家庭收入和住房情况承诺书', form: '原件', copies: 1 },
    ],
    process: [
      '申请：向工作单位或居住地社区提出申请',
      '初审：街道（镇）对申请材料进行初审',
      '审核：住房保障部门会同有关部门联合审核',
      '公示：审核结果公示15日',
      '轮候配租：纳入轮候名册，按规定摇号配租',
    ],
    timeLimit: '30个工作日（不含公示及轮候时间）',
    fee: '不收费',
  },
  {
    title: '网络预约出租汽车驾驶员证核发',
    offeredBy: ['jtysj', 'ysgl'],
    legalBasis: '《网络预约出租汽车经营服务管理暂行办法》第十四条、第十五条',
    conditions:
      '取得相应准驾车型机动车驾驶证并具有3年以上驾驶经历，无交通肇事犯罪、危险驾驶犯罪记录，无吸毒记录，无饮酒后驾驶记录，最近连续3个记分周期内没有记满12分记录，无暴力犯罪记录，已通过从业资格考试。',
    materials: [
      { name: '网约车驾驶员从业资格申请表', form: '原件', copies: 1 },
      id(),
      { name: '机动车驾驶证', form: '原件', copies: 1 },
      { name: '无犯罪记录证明', form: '电子件', note: '通过部门数据共享核验' },
    ],
    process: [
      '报名：网上报名参加从业资格考试',
      '考试：参加全国公共科目和区域科目考试',
      '申请：考试合格后提交发证申请',
      '核发：审核通过后核发从业资格证',
    ],
    timeLimit: '法定时限10个工作日，承诺时限5个工作日',
    fee: '不收费',
  },
  {
    title: '取水许可',
    offeredBy: ['slj'],
    legalBasis: '《中华人民共和国水法》第四十八条；《取水许可和水资源费征收管理条例》',
    conditions:
      '取水用途符合国家产业政策，取水量在区域用水总量控制指标内，已按规定编制水资源论证报告或报告表。',
    materials: [
      { name: '取水许可申请书', form: '原件', copies: 1 },
      { name: '建设项目水资源论证报告书（表）', form: '原件', copies: 2 },
      { name: '与第三者利害关系的相关说明', form: '原件', copies: 1 },
      licence,
    ],
    process: standardProcess,
    timeLimit: '法定时限45个工作日，承诺时限15个工作日',
    fee: '不收费',
    variants: ['新办', '延续', '变更'],
  },
  {
    title: '建设项目环境影响报告表审批',
    offeredBy: ['sthjj'],
    legalBasis: '《中华人民共和国环境影响评价法》第二十二条；《建设项目环境保护管理条例》',
    conditions:
      '建设项目类型及其选址、布局、规模等符合环境保护法律法规和相关法定规划，污染物排放符合国家和地方排放标准。',
    materials: [
      { name: '建设项目环境影响报告表', form: '原件', copies: 2 },
      { name: '环境影响评价审批申请书', form: '原件', copies: 1 },
      { name: '建设项目环境影响评价信息公开情况说明', form: '原件', copies: 1 },
    ],
    process: [
      '申请：通过在线平台提交报告表和申请材料',
      '受理：对材料进行形式审查',
      '公示：受理情况和拟审批意见依法公示',
      '审查：组织技术评估并审查',
      '决定：作出审批决定并公开',
    ],
    timeLimit: '法定时限30日，承诺时限10个工作日',
    fee: '不收费',
  },
  {
    title: '林木采伐许可证核发',
    offeredBy: ['lyj'],
    legalBasis: '《中华人民共和国森林法》第五十六条',
    conditions: '采伐林木符合年森林采伐限额，采伐人对林木拥有所有权或经营权。',
    materials: [
      { name: '林木采伐申请表', form: '原件', copies: 1 },
      { name: '林木所有权或使用权证明', form: '复印件', copies: 1 },
      { name: '采伐作业设计或采伐地点、面积、树种、株数等说明', form: '原件', copies: 1 },
    ],
    process: standardProcess,
    timeLimit: '法定时限20个工作日，承诺时限5个工作日',
    fee: '不收费',
  },
  {
    title: '农药经营许可',
    offeredBy: ['nyncj'],
    legalBasis: '《农药管理条例》第二十四条；《农药经营许可管理办法》',
    conditions:
      '有具备农学、植保等专业学历或接受过专业培训的经营人员，有与经营农药相适应的营业场所和仓储场所，有农药经营管理制度和岗位操作规程。',
    materials: [
      { name: '农药经营许可证申请表', form: '原件', copies: 1 },
      licence,
      { name: '经营人员学历或培训证明', form: '复印件', copies: 1 },
      { name: '营业场所和仓储场所地址、面积、平面图等说明', form: '原件', copies: 1 },
    ],
    process: standardProcess,
    timeLimit: '法定时限20个工作日，承诺时限10个工作日',
    fee: '不收费',
    variants: ['新办', '变更', '延续'],
  },
  {
    title: '医师执业注册',
    offeredBy: ['wjw'],
    legalBasis: '《中华人民共和国医师法》第十三条；《医师执业注册管理办法》',
    conditions: '取得医师资格，拟在本市医疗卫生机构执业，且不存在法定不予注册情形。',
    materials: [
      { name: '医师执业注册申请审核表', form: '原件', copies: 1 },
      { name: '医师资格证书', form: '原件', copies: 1 },
      { name: '近6个月内的健康体检证明', form: '原件', copies: 1 },
      { name: '拟执业机构出具的聘用证明', form: '原件', copies: 1 },
    ],
    process: [
      '申请：通过电子化注册系统提交申请',
      '审核：卫生健康行政部门审核',
      '决定：准予注册的发放电子证照',
    ],
    timeLimit: '法定时限20个工作日，承诺时限5个工作日',
    fee: '不收费',
    variants: ['首次注册', '变更注册'],
  },
  {
    title: '公共场所卫生许可',
    offeredBy: ['wjw'],
    legalBasis: '《公共场所卫生管理条例》第八条；《公共场所卫生管理条例实施细则》',
    conditions: '经营场所布局、设施设备符合卫生标准，从业人员取得健康合格证明，建立卫生管理制度。',
    materials: [
      { name: '公共场所卫生许可申请表', form: '原件', copies: 1 },
      licence,
      { name: '公共场所卫生检测或评价报告', form: '原件', copies: 1 },
      commit,
    ],
    process: standardProcess,
    timeLimit: '法定时限20个工作日，告知承诺制当场办结',
    fee: '不收费',
    variants: ['新办', '延续', '注销'],
  },
  {
    title: '基本医疗保险异地就医备案',
    offeredBy: ['ybj'],
    legalBasis: '《国家医疗保障局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》',
    conditions: '参加本市基本医疗保险，异地长期居住、常驻异地工作或临时外出就医的参保人员。',
    materials: [
      { name: '异地就医备案申请表', form: '电子件', note: '通过“国家医保服务平台”APP在线填报' },
      { name: '个人承诺书', form: '电子件' },
    ],
    process: [
      '申请：通过手机APP、网站或窗口提交备案申请',
      '审核：医保经办机构即时审核',
      '备案：备案成功后可在就医地定点医疗机构直接结算',
    ],
    timeLimit: '即时办结',
    fee: '不收费',
  },
  {
    title: '生育津贴申领',
    offeredBy: ['ybj'],
    legalBasis: '《中华人民共和国社会保险法》第五十四条、第五十六条',
    conditions: '用人单位已为职工缴纳生育保险费，职工按规定享受产假或计划生育手术休假。',
    materials: [
      { name: '生育津贴申领表', form: '原件', copies: 1 },
      { name: '出生医学证明', form: '电子件', note: '通过数据共享获取' },
    ],
    process: [
      '申请：用人单位或个人提交申领材料',
      '审核：医保经办机构审核',
      '支付：生育津贴拨付至用人单位或个人账户',
    ],
    timeLimit: '10个工作日',
    fee: '不收费',
  },
  {
    title: '居民身份证申领',
    offeredBy: ['gaj'],
    legalBasis: '《中华人民共和国居民身份证法》第二条、第八条',
    conditions: '居住在中华人民共和国境内的中国公民。',
    materials: [
      { name: '居民户口簿', form: '原件', copies: 1 },
      { name: '原居民身份证', form: '原件', copies: 1, note: '换领、补领时提供' },
    ],
    process: [
      '申请：到户籍所在地或居住地公安派出所户籍窗口申请',
      '采集：现场采集人像和指纹信息',
      '审核：公安机关审核签发',
      '领取：窗口领取或选择邮寄送达',
    ],
    timeLimit: '60日（急需的可申请加急办理）',
    fee: '首次申领、换领每证20元，丢失补领或损坏换领每证40元；临时居民身份证每证10元',
    variants: ['首次申领', '换领', '补领'],
  },
  {
    title: '义务教育阶段学生转学',
    offeredBy: ['jyj'],
    legalBasis: '《中华人民共和国义务教育法》第十二条；《中小学生学籍管理办法》',
    conditions: '因家庭住址迁移、父母工作调动等原因需要转学的义务教育阶段学生，转入学校有学位。',
    materials: [
      { name: '转学申请表', form: '原件', copies: 1 },
      { name: '户口簿或居住证明', form: '复印件', copies: 1 },
      { name: '转入学校接收证明', form: '原件', copies: 1 },
    ],
    process: [
      '申请：家长向转入学校提出申请',
      '审核：转入学校同意后在学籍系统发起转学申请',
      '核办：转出学校和教育行政部门网上核办',
      '入学：转学手续办结后到新学校报到',
    ],
    timeLimit: '10个工作日',
    fee: '不收费',
  },
  {
    title: '教师资格认定',
    offeredBy: ['jyj'],
    legalBasis: '《中华人民共和国教师法》第十条；《教师资格条例》',
    conditions:
      '具有中国国籍，遵守宪法和法律，具备相应学历，通过教师资格考试或免试认定，普通话水平达到规定等级，体检合格。',
    materials: [
      { name: '教师资格认定申请表', form: '电子件', note: '网上申报' },
      { name: '近6个月内的二寸免冠证件照', form: '电子件' },
      { name: '体检合格证明', form: '原件', copies: 1 },
    ],
    process: [
      '网上申报：在中国教师资格网提交申请',
      '现场确认：按预约时间到指定地点确认',
      '审核：认定机构审核材料',
      '发证：审核通过后颁发教师资格证书',
    ],
    timeLimit: '法定时限30个工作日',
    fee: '不收费',
  },
  {
    title: '企业投资项目备案',
    offeredBy: ['fgw', 'jkq', 'gxq'],
    legalBasis: '《企业投资项目核准和备案管理条例》第十三条',
    conditions: '不属于《政府核准的投资项目目录》范围的企业投资项目。',
    materials: [{ name: '项目备案信息表', form: '电子件', note: '通过投资项目在线审批监管平台填报' }, commit],
    process: [
      '赋码：企业在线平台登录并获取项目代码',
      '填报：在线填报项目基本信息',
      '备案：信息完整的即时备案并出具备案证明',
    ],
    timeLimit: '即时办结',
    fee: '不收费',
    variants: ['新办', '变更'],
  },
  {
    title: '外商投资项目落地全程代办服务',
    offeredBy: ['tzcjj'],
    legalBasis: '《中华人民共和国外商投资法》第十九条；《优化营商环境条例》',
    conditions: '拟在本市投资设立企业或实施项目的境外投资者，以及已在本市设立的外商投资企业。',
    materials: [
      { name: '代办服务委托书', form: '原件', copies: 1 },
      { name: '投资者身份证明或主体资格证明', form: '复印件', copies: 1, note: '境外文件须经公证认证' },
      { name: '项目基本情况说明', form: '原件', copies: 1 },
    ],
    process: [
      '对接：项目服务专员与投资者对接，了解投资意向',
      '方案：制定项目落地代办清单和时间表',
      '代办：代办企业设立、项目备案、规划建设等手续',
      '跟踪：项目投产后持续提供企业服务',
    ],
    timeLimit: '按代办清单约定时限办理',
    fee: '不收费',
  },
  {
    title: '法律援助申请',
    offeredBy: ['sfj', 'flyz'],
    legalBasis: '《中华人民共和国法律援助法》第三十一条、第四十一条',
    conditions:
      '因经济困难没有委托代理人，且申请事项属于法律援助范围的当事人；残疾人、老年人、农民工讨薪等特定情形免予核查经济困难状况。',
    materials: [
      { name: '法律援助申请表', form: '原件', copies: 1 },
      id(),
      { name: '经济困难状况说明表', form: '原件', copies: 1 },
      { name: '与所申请法律援助事项有关的材料', form: '复印件', copies: 1 },
    ],
    process: [
      '申请：向法律援助中心窗口或公共法律服务站提出申请',
      '审查：法律援助机构审查申请',
      '决定：作出给予或不给予法律援助的决定',
      '指派：指派律师或法律援助工作人员承办',
    ],
    timeLimit: '7日内作出决定',
    fee: '不收费',
  },
  {
    title: '残疾人证核发',
    offeredBy: ['cl', 'township'],
    legalBasis: '《中华人民共和国残疾人保障法》；《中华人民共和国残疾人证管理办法》',
    conditions: '符合残疾标准的本市户籍居民。',
    materials: [
      { name: '残疾人证申请表', form: '原件', copies: 1 },
      { name: '户口簿和居民身份证', form: '复印件', copies: 1 },
      { name: '近期二寸免冠彩色照片', form: '原件', copies: 3 },
    ],
    process: [
      '申请：向户籍所在地镇（乡）便民服务中心提出申请',
      '评定：到指定医疗机构进行残疾评定',
      '审核：市残联审核评定结果',
      '发证：核发残疾人证',
    ],
    timeLimit: '20个工作日（不含残疾评定时间）',
    fee: '不收费',
  },
  {
    title: '农村村民宅基地申请审批',
    offeredBy: ['township'],
    legalBasis: '《中华人民共和国土地管理法》第六十二条',
    conditions: '本村集体经济组织成员，符合“一户一宅”规定，建房选址符合国土空间规划和村庄规划。',
    materials: [
      { name: '农村宅基地和建房（规划许可）申请表', form: '原件', copies: 1 },
      { name: '宅基地使用承诺书', form: '原件', copies: 1 },
      { name: '户口簿和家庭成员身份证', form: '复印件', copies: 1 },
      { name: '村民小组会议讨论通过的证明', form: '原件', copies: 1 },
    ],
    process: [
      '申请：向所在村民小组提出书面申请',
      '村级审查：村民小组讨论并公示，村委会审查',
      '镇级审核：便民服务中心受理，镇（乡）组织联审',
      '审批：镇（乡）人民政府审批，核发乡村建设规划许可证',
      '验收：建房完工后申请竣工验收',
    ],
    timeLimit: '20个工作日',
    fee: '不收费',
  },
  {
    title: '城乡居民基本医疗保险参保登记',
    offeredBy: ['township', 'ybj'],
    legalBasis: '《中华人民共和国社会保险法》第二十五条',
    conditions: '不属于职工基本医疗保险覆盖范围的城乡居民。',
    materials: [{ name: '居民身份证或户口簿', form: '原件', copies: 1 }],
    process: [
      '登记：到村（社区）便民服务站或通过线上平台登记',
      '缴费：按年度缴纳个人缴费部分',
      '生效：缴费后按规定享受医保待遇',
    ],
    timeLimit: '即时办结',
    fee: '不收费（个人缴费按当年度标准缴纳）',
  },
  {
    title: '烟草专卖零售许可证核发',
    offeredBy: ['yc'],
    legalBasis: '《中华人民共和国烟草专卖法》第十六条；《烟草专卖许可证管理办法》',
    conditions: '有与经营烟草制品零售业务相适应的资金和固定的经营场所，符合本市烟草制品零售点合理布局要求。',
    materials: [{ name: '烟草专卖零售许可证申请表', form: '原件', copies: 1 }, licence, id()],
    process: standardProcess,
    timeLimit: '法定时限20个工作日，承诺时限7个工作日',
    fee: '不收费',
    variants: ['新办', '延续', '停业', '歇业'],
  },
  {
    title: '劳动人事争议仲裁申请',
    offeredBy: ['rsj', 'zcy'],
    legalBasis: '《中华人民共和国劳动争议调解仲裁法》第二十七条、第二十八条',
    conditions: '劳动人事争议发生之日起一年内，属于本仲裁委员会管辖范围的劳动人事争议。',
    materials: [
      { name: '仲裁申请书', form: '原件', copies: 2, note: '按被申请人人数提交副本' },
      id(),
      { name: '证明劳动关系和争议事项的证据材料', form: '复印件', copies: 1 },
    ],
    process: [
      '申请：向仲裁院提交仲裁申请',
      '受理：5日内作出受理或不予受理决定',
      '调解：开庭前进行调解',
      '开庭：组成仲裁庭开庭审理',
      '裁决：作出仲裁裁决',
    ],
    timeLimit: '自受理之日起45日内结束，案情复杂的可延长15日',
    fee: '不收费',
  },
  {
    title: '城市道路挖掘许可',
    offeredBy: ['cgj', 'szgc'],
    legalBasis: '《城市道路管理条例》第三十条、第三十三条',
    conditions: '因工程建设需要挖掘城市道路，已取得相关建设审批文件，并制定施工安全和交通疏导方案。',
    materials: [
      { name: '城市道路挖掘申请表', form: '原件', copies: 1 },
      { name: '施工设计图纸及挖掘平面图', form: '原件', copies: 1 },
      { name: '施工安全和交通疏导方案', form: '原件', copies: 1 },
    ],
    process: standardProcess,
    timeLimit: '法定时限20个工作日，承诺时限5个工作日',
    fee: '城市道路挖掘修复费按市物价部门核定标准收取',
  },
  {
    title: '公众聚集场所投入使用、营业前消防安全检查',
    offeredBy: ['xfzd'],
    legalBasis: '《中华人民共和国消防法》第十五条',
    conditions: '公众聚集场所在投入使用、营业前，消防设施和安全管理符合消防技术标准和管理规定。',
    materials: [
      { name: '公众聚集场所投入使用、营业消防安全告知承诺书', form: '原件', copies: 1 },
      licence,
      { name: '场所平面布置图和消防设施平面图', form: '原件', copies: 1 },
    ],
    process: [
      '申请：通过线上平台提交申请，可选择告知承诺方式',
      '受理：消防救援机构受理申请',
      '检查：对场所进行现场检查',
      '决定：作出准予或不予许可决定',
    ],
    timeLimit: '法定时限10个工作日（告知承诺方式当场办结）',
    fee: '不收费',
  },
  {
    title: '档案查阅利用',
    offeredBy: ['dag'],
    legalBasis: '《中华人民共和国档案法》第二十八条',
    conditions: '持有合法身份证明的公民和组织，查阅已向社会开放的档案或本人相关档案。',
    materials: [id(), { name: '单位介绍信', form: '原件', copies: 1, note: '以单位名义查阅的提供' }],
    process: [
      '登记：在查档大厅登记查阅需求',
      '检索：工作人员检索档案',
      '查阅：在阅览室查阅或申请复制',
      '出证：需要的可出具档案证明',
    ],
    timeLimit: '即时办结（需调卷的3个工作日内）',
    fee: '不收费',
  },
  {
    title: '退役军人优待证申领',
    offeredBy: ['tyjrswj', 'township'],
    legalBasis: '《中华人民共和国退役军人保障法》；《退役军人、其他优抚对象优待证管理办法（试行）》',
    conditions: '户籍在本市的退役军人和其他优抚对象。',
    materials: [
      { name: '退役军人、其他优抚对象优待证申请表', form: '原件', copies: 1 },
      { name: '近期免冠二寸证件照电子版', form: '电子件' },
    ],
    process: [
      '申请：通过“云江退役军人”小程序或村（社区）服务站申请',
      '审核：镇（乡）退役军人服务站初审，市退役军人事务局审核',
      '制发：审核通过后统一制作发放',
    ],
    timeLimit: '30个工作日',
    fee: '不收费',
  },
  {
    title: '信访事项受理',
    offeredBy: ['*', 'township'],
    legalBasis: '《信访工作条例》第十七条、第二十四条',
    conditions: '公民、法人或者其他组织依法反映情况，提出建议、意见或者投诉请求。',
    materials: [
      { name: '信访人身份证明', form: '复印件', copies: 1 },
      { name: '反映问题的书面材料及相关证据', form: '原件', copies: 1 },
    ],
    process: [
      '提出：通过网上信访、来信、来访或12345热线提出信访事项',
      '登记：登记并在15日内告知是否受理',
      '办理：承办单位调查核实',
      '答复：自受理之日起60日内出具处理意见',
    ],
    timeLimit: '60日内办结，情况复杂的可适当延长，但延长期限不得超过30日',
    fee: '不收费',
  },
];
