/**
 * The 政务服务 facets of each service template, by its title: topic (主题) and audience (个人办事 /
 * 法人办事). A template missing here gets no topic and both audiences.
 */
import type { ServiceAudience, ServiceTopic } from '@govcluster/shared/schemas';

const personal: ServiceAudience[] = ['personal'];
const legal: ServiceAudience[] = ['legal'];
const both: ServiceAudience[] = ['personal', 'legal'];

/** Title of a service template → its topic and audience. */
export const serviceFacets: Readonly<Record<string, readonly [ServiceTopic, ServiceAudience[]]>> = {
  政府信息公开申请: ['public-affairs', both],
  结婚登记: ['marriage', personal],
  最低生活保障申请: ['social-security', personal],
  高龄津贴申领: ['elderly', personal],
  失业保险金申领: ['employment', personal],
  灵活就业人员参加基本养老保险登记: ['social-security', personal],
  '住房公积金提取（购买自住住房）': ['housing', personal],
  个人住房公积金贷款申请: ['housing', personal],
  二手房转移登记: ['housing', both],
  食品经营许可: ['permits', legal],
  个体工商户设立登记: ['business-setup', both],
  建筑工程施工许可证核发: ['investment', legal],
  公共租赁住房保障申请: ['housing', personal],
  网络预约出租汽车驾驶员证核发: ['transport', personal],
  取水许可: ['permits', legal],
  建设项目环境影响报告表审批: ['environment', legal],
  林木采伐许可证核发: ['agriculture', both],
  农药经营许可: ['agriculture', legal],
  医师执业注册: ['health', personal],
  公共场所卫生许可: ['health', legal],
  基本医疗保险异地就医备案: ['health', personal],
  生育津贴申领: ['birth', personal],
  居民身份证申领: ['household', personal],
  义务教育阶段学生转学: ['education', personal],
  教师资格认定: ['education', personal],
  企业投资项目备案: ['investment', legal],
  外商投资项目落地全程代办服务: ['investment', legal],
  法律援助申请: ['public-affairs', personal],
  残疾人证核发: ['social-security', personal],
  农村村民宅基地申请审批: ['agriculture', personal],
  城乡居民基本医疗保险参保登记: ['health', personal],
  烟草专卖零售许可证核发: ['permits', both],
  劳动人事争议仲裁申请: ['employment', both],
  城市道路挖掘许可: ['transport', legal],
  '公众聚集场所投入使用、营业前消防安全检查': ['permits', legal],
  档案查阅利用: ['public-affairs', both],
  退役军人优待证申领: ['social-security', personal],
  信访事项受理: ['public-affairs', both],
};
