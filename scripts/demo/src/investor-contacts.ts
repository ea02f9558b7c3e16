/**
 * The demo city's contacts for foreign investors (registry `investorContacts`): the investment
 * promotion bureau's offices, on the portal and on the bureau's own site. Fixed data: no random draw,
 * so adding them moves no other generated value.
 * @module
 */
import type { InvestorContact, LocalizedText } from '@govcluster/shared/schemas';
import { areaCode } from './context.ts';

const lt = (zh: string, en: string, ru: string): LocalizedText => ({ 'zh-CN': zh, en, ru });

const bureauAddress = lt(
  '临江市滨江大道88号市行政中心3号楼',
  'Building 3, Municipal Administrative Centre, 88 Binjiang Avenue, Linjiang',
  'г. Линьцзян, проспект Биньцзян, 88, Административный центр, корпус 3',
);
const workingHours = lt(
  '工作日 8:30—12:00，14:30—17:30（北京时间）',
  'Working days, 8:30–12:00 and 14:30–17:30 (China time)',
  'Рабочие дни, 8:30–12:00 и 14:30–17:30 (пекинское время)',
);

/** The investor contacts of the demo city, in the order a visitor should try them. */
export const investorContacts: readonly InvestorContact[] = [
  {
    office: lt(
      '临江市投资促进局外商投资服务科',
      'Foreign Investment Services Division, Linjiang Investment Promotion Bureau',
      'Отдел обслуживания иностранных инвестиций, Бюро по содействию инвестициям',
    ),
    subject: lt(
      '项目咨询、政策解答、实地考察安排',
      'Questions about projects and incentives; arranging site visits',
      'Вопросы о проектах и льготах, организация посещения площадок',
    ),
    phone: `${areaCode}-87553601`,
    email: 'invest@linjiang.example',
    address: bureauAddress,
    hours: workingHours,
    languages: ['zh-CN', 'en', 'ru'],
  },
  {
    office: lt(
      '临江市投资促进局项目服务科',
      'Project Services Division, Linjiang Investment Promotion Bureau',
      'Отдел сопровождения проектов, Бюро по содействию инвестициям',
    ),
    subject: lt(
      '签约项目落地、审批代办、跟踪服务',
      'Support after signing: permits, registration and follow-up',
      'Сопровождение после подписания: разрешения, регистрация, поддержка',
    ),
    phone: `${areaCode}-87553602`,
    email: 'projects@linjiang.example',
    address: bureauAddress,
    hours: workingHours,
    languages: ['zh-CN', 'en'],
  },
  {
    office: lt(
      '临江市政务服务中心企业开办专区',
      'Business Start-up Desk, Linjiang Government Services Centre',
      'Окно регистрации предприятий, Центр государственных услуг',
    ),
    subject: lt(
      '外资企业设立登记、印章刻制、银行开户一窗办理',
      'Registering a foreign-invested company, seals and bank account at one desk',
      'Регистрация предприятия с иностранным капиталом, печати и банковский счёт в одном окне',
    ),
    phone: `${areaCode}-88012399`,
    address: lt(
      '临江市滨江大道66号政务服务中心一楼',
      'Ground floor, Government Services Centre, 66 Binjiang Avenue, Linjiang',
      'г. Линьцзян, проспект Биньцзян, 66, Центр государственных услуг, 1-й этаж',
    ),
    hours: lt(
      '工作日 9:00—17:00，周六上午 9:00—12:00（北京时间）',
      'Working days 9:00–17:00, Saturday 9:00–12:00 (China time)',
      'Рабочие дни 9:00–17:00, суббота 9:00–12:00 (пекинское время)',
    ),
    languages: ['zh-CN', 'en'],
  },
];
