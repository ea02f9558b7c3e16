/**
 * Texts of the 互动交流 entries of the demo city: 在线访谈 subjects with their questions and answers,
 * and 征集调查 drafts with their feedback summaries.
 */

/** An interview subject: the department whose head answers, and the questions of the public. */
export interface InterviewTemplate {
  /** 访谈主题 */
  title: string;
  /** Id of the department in the catalogue whose leaders are the guests. */
  department: string;
  /** 访谈简介 */
  summary: string;
  /** Questions and answers of the transcript. */
  exchanges: readonly (readonly [string, string])[];
}

/** The interview subjects. */
export const interviewTemplates: readonly InterviewTemplate[] = [
  {
    title: '稳就业惠民生：解读{year}年就业创业扶持政策',
    department: 'rsj',
    summary: '市人力资源和社会保障局负责同志介绍今年就业创业扶持政策，并在线回答网友提问。',
    exchanges: [
      [
        '今年高校毕业生到临江就业有哪些补贴？',
        '高校毕业生到我市企业就业并签订一年以上劳动合同的，可申领一次性就业补贴3000元；到乡镇基层单位就业的，另给予每月500元生活补贴，最长24个月。',
      ],
      [
        '个人创业担保贷款的额度和贴息标准是多少？',
        '符合条件的个人最高可申请30万元创业担保贷款，合伙创业的最高可达150万元，财政按规定给予贴息。申请可在市民中心人社窗口办理，也可在政务服务网在线提交。',
      ],
      [
        '失业人员参加职业技能培训有补贴吗？',
        '有。登记失业人员参加政府补贴的职业技能培训并取得证书的，按证书等级给予800元至2000元培训补贴，培训期间还可按规定领取生活费补贴。',
      ],
    ],
  },
  {
    title: '优化营商环境 助力企业发展',
    department: 'scjgj',
    summary: '市市场监督管理局负责同志介绍企业开办“一网通办”和涉企服务改革措施。',
    exchanges: [
      [
        '现在开办一家公司需要多长时间？',
        '通过企业开办“一网通办”平台，营业执照、公章刻制、发票申领和社保登记可一次提交，全程不超过1个工作日，全部免费。',
      ],
      [
        '个体工商户变更经营场所需要跑几次？',
        '材料齐全的，通过政务服务网在线申请，审核通过后电子营业执照即时更新，无需到现场。',
      ],
      [
        '企业年报逾期未报会有什么影响？',
        '逾期未报送年度报告的企业将被列入经营异常名录。补报后可申请移出，建议企业在每年6月30日前完成年报。',
      ],
    ],
  },
  {
    title: '关注“一老一小” 完善养老托育服务',
    department: 'mzj',
    summary: '市民政局负责同志介绍居家养老服务补贴、社区养老服务中心建设等工作。',
    exchanges: [
      [
        '哪些老人可以享受居家养老服务补贴？',
        '本市户籍、年满80周岁的低保、特困老人和失能老人，经评估后可享受每月200元至600元不等的居家养老服务补贴。',
      ],
      [
        '社区养老服务中心提供哪些服务？',
        '社区养老服务中心提供助餐、助浴、日间照料、康复护理和文化娱乐等服务，老人可就近使用。',
      ],
      [
        '高龄津贴怎么申请？',
        '年满80周岁的本市户籍老人，可由本人或家属到户籍所在地乡镇（街道）便民服务中心申请，也可在政务服务网在线申请。',
      ],
    ],
  },
];

/** A consultation draft: what is put to the public, and what came back. */
export interface ConsultationTemplate {
  /** 标题 */
  title: string;
  /** 征集说明 */
  summary: string;
  /** The draft, Markdown. */
  document: string;
  /** The feedback summary, Markdown. */
  feedback: string;
}

/** The consultation drafts. */
export const consultationTemplates: readonly ConsultationTemplate[] = [
  {
    title: '关于《临江市养犬管理规定（征求意见稿）》公开征求意见的公告',
    summary: '为规范养犬行为，保障公民健康和人身安全，现将征求意见稿全文公布，欢迎社会各界提出意见建议。',
    document:
      '## 第一章 总则\n\n**第一条** 为了规范养犬行为，保障公民健康和人身安全，维护市容环境卫生和社会公共秩序，结合本市实际，制定本规定。\n\n**第二条** 本市行政区域内养犬和与养犬有关的管理活动，适用本规定。\n\n## 第二章 养犬登记\n\n**第三条** 个人养犬的，应当自取得犬只之日起30日内，到居住地的养犬登记机构办理养犬登记。',
    feedback:
      '征集期间共收到意见建议46条，其中网站留言31条、电子邮件9条、信函6条。经研究，采纳或部分采纳13条，主要涉及：\n\n1. 增加电子犬证在线办理方式；\n2. 明确犬只疫苗接种补贴标准；\n3. 细化文明养犬宣传教育职责。\n\n未采纳的意见主要涉及超出本规定调整范围的事项，已转有关部门研究。',
  },
  {
    title: '关于《临江市城市公共交通线网优化方案（征求意见稿）》征求意见的公告',
    summary: '为方便市民出行，市交通运输局拟调整部分公交线路，现公开征求意见。',
    document:
      '## 一、优化原则\n\n坚持公交优先，提高线网覆盖率和换乘便利性。\n\n## 二、主要调整\n\n1. 新开通市民中心至高新区的快速公交线路；\n2. 延伸3路公交至滨江新城；\n3. 调整12路公交首末班时间。',
    feedback:
      '征集期间共收到意见建议128条。采纳或部分采纳41条，主要包括增设滨江新城学校站点、延长夜间末班时间等；方案已据此修改，将于下月起分步实施。',
  },
  {
    title: '{year}年市政府民生实事项目征集调查',
    summary: '为办好群众最关心的实事，现面向社会公开征集明年的民生实事项目建议。',
    document:
      '## 征集范围\n\n教育、医疗、养老、就业、住房、交通、环境等与群众生活密切相关的事项。\n\n## 参与方式\n\n通过本页面所列电子邮箱、信函或市长信箱提出建议，请写明项目名称、理由和实施建议。',
    feedback:
      '本次征集共收到建议2316条，经归纳整理形成候选项目30个，最终确定10件民生实事，已列入市政府工作报告。',
  },
];
