/**
 * Investment projects (招商项目) and the investor pages of the portal and the investment-promotion
 * bureau, written in Chinese, English and Russian from parallel templates (one meaning, three texts).
 */
import type { Rng } from './prng.ts';
import { sectors } from './words.ts';

/** A text in the three locales. */
export interface Tri {
  /** 简体中文 */
  'zh-CN': string;
  /** English */
  en: string;
  /** Русский */
  ru: string;
}

interface ProjectType {
  sector: string;
  place: 'park' | 'town';
  park?: number;
  name: Tri;
  content: Tri;
  capacity: Tri;
}

/** Where projects sit: parks (by index) or a township. */
export const parks: readonly Tri[] = [
  {
    'zh-CN': '临江经济技术开发区',
    en: 'Linjiang Economic and Technological Development Zone',
    ru: 'Линьцзянская зона экономического и технологического развития',
  },
  {
    'zh-CN': '临江高新技术产业开发区',
    en: 'Linjiang High-tech Industrial Development Zone',
    ru: 'Линьцзянская зона развития высоких технологий',
  },
  {
    'zh-CN': '临江港综合物流园',
    en: 'Linjiang Port Integrated Logistics Park',
    ru: 'Комплексный логистический парк порта Линьцзян',
  },
  {
    'zh-CN': '滨江文化旅游度假区',
    en: 'Binjiang Cultural Tourism Resort',
    ru: 'Курортная зона культурного туризма Биньцзян',
  },
];

const markets: Readonly<Record<string, Tri>> = {
  'auto-parts': {
    'zh-CN':
      '随着新能源汽车渗透率持续提升，动力电池及配套零部件市场需求保持快速增长。临江及周边城市已形成整车和零部件企业集群，本地配套需求旺盛。',
    en: 'As electric vehicles take a growing share of new car sales, demand for batteries and related components keeps rising quickly. Linjiang and its neighbouring cities host a cluster of vehicle and component makers, which creates strong local demand.',
    ru: 'Доля электромобилей в продажах новых автомобилей растёт, и спрос на аккумуляторы и комплектующие быстро увеличивается. В Линьцзяне и соседних городах сложился кластер производителей автомобилей и комплектующих, что обеспечивает устойчивый местный спрос.',
  },
  biomed: {
    'zh-CN':
      '我国生物医药产业保持较快增长，创新药和中药现代化相关的中试及加工需求旺盛，而省内专业化平台供给不足。',
    en: "China's biopharmaceutical industry continues to grow quickly. Demand for pilot-scale production of innovative drugs and for modern processing of traditional medicines is high, while specialised facilities in the province remain scarce.",
    ru: 'Биофармацевтическая отрасль Китая продолжает быстро расти. Спрос на опытное производство инновационных препаратов и современную переработку традиционного лекарственного сырья высок, а специализированных площадок в провинции пока не хватает.',
  },
  logistics: {
    'zh-CN':
      '临江港是云江干流的重要港口，铁路专用线直通港区，生鲜农产品和进口食品的冷链及仓储配送需求快速增长。',
    en: 'Linjiang Port is a key port on the main stream of the Yunjiang River, with a dedicated railway line running into the port area. Demand for cold-chain, warehousing and distribution services for fresh produce and imported food is growing fast.',
    ru: 'Порт Линьцзян — один из ключевых портов на основном русле реки Юньцзян; к портовой зоне подведена железнодорожная ветка. Спрос на услуги холодовой цепи, складирования и доставки свежей продукции и импортных продуктов быстро растёт.',
  },
  tourism: {
    'zh-CN':
      '临江拥有千年古港和滨江风光带，两小时车程范围内常住人口超过3000万，近郊游和夜间文旅消费需求旺盛。',
    en: 'Linjiang combines a port with a thousand years of history and a scenic riverfront. More than 30 million people live within a two-hour drive, and demand for short trips and evening leisure is strong.',
    ru: 'Линьцзян сочетает древний порт с тысячелетней историей и живописную набережную. В пределах двух часов езды проживает более 30 млн человек, поэтому спрос на короткие поездки и вечерний досуг высок.',
  },
  equipment: {
    'zh-CN': '我市及周边制造业企业智能化改造需求持续释放，工业机器人、智能物流装备和精密零部件市场空间广阔。',
    en: 'Manufacturers in Linjiang and the surrounding region are upgrading to automated production, opening a large market for industrial robots, smart logistics equipment and precision components.',
    ru: 'Промышленные предприятия Линьцзяна и окрестностей активно автоматизируют производство, что открывает большой рынок для промышленных роботов, интеллектуального логистического оборудования и прецизионных комплектующих.',
  },
  food: {
    'zh-CN':
      '临江是云江省重要的粮油、生猪、茶叶和淡水产品生产基地，原料供应充足，预制菜、茶饮和团餐市场需求快速增长。',
    en: 'Linjiang is a major producer of grain, oil crops, pork, tea and freshwater fish in Yunjiang Province, so raw materials are plentiful. Demand for ready-to-cook meals, tea drinks and catering is growing rapidly.',
    ru: 'Линьцзян — крупный производитель зерна, масличных культур, свинины, чая и пресноводной рыбы в провинции Юньцзян, поэтому сырья достаточно. Спрос на полуфабрикаты, чайные напитки и услуги общественного питания быстро растёт.',
  },
  materials: {
    'zh-CN': '复合材料和光伏材料在新能源装备、轨道交通和建筑领域的应用不断拓展，市场规模持续扩大。',
    en: 'Composites and photovoltaic materials are finding ever wider use in renewable energy equipment, rail transport and construction, and the market keeps expanding.',
    ru: 'Композиционные материалы и материалы для солнечной энергетики всё шире применяются в оборудовании для возобновляемой энергетики, на железнодорожном транспорте и в строительстве, и рынок продолжает расти.',
  },
  digital: {
    'zh-CN': '临江电力供应充足、气候温和，具备发展绿色数据中心的条件，周边城市的算力和软件服务需求增长迅速。',
    en: 'Linjiang has an ample power supply and a mild climate, which makes it a good location for green data centres, and demand for computing power and software services in nearby cities is rising fast.',
    ru: 'Линьцзян располагает достаточными энергомощностями и мягким климатом, что создаёт условия для «зелёных» центров обработки данных; спрос на вычислительные мощности и программные услуги в соседних городах быстро растёт.',
  },
  elderly: {
    'zh-CN': '我市60岁及以上老年人口占比超过23%，中高端养老和康复护理服务供给不足，市场潜力大。',
    en: "More than 23% of Linjiang's residents are aged 60 or over, and high-quality elderly care and rehabilitation services are in short supply, so the market has great potential.",
    ru: 'Более 23% жителей Линьцзяна старше 60 лет, а качественных услуг по уходу и реабилитации не хватает, поэтому у рынка большой потенциал.',
  },
  agri: {
    'zh-CN': '临江耕地资源丰富、气候适宜，优质农产品销往长三角和粤港澳大湾区市场，品牌农业发展空间广阔。',
    en: 'Linjiang has abundant farmland and a favourable climate. Its high-quality produce is sold in the Yangtze River Delta and the Greater Bay Area, leaving ample room for branded agriculture.',
    ru: 'Линьцзян обладает богатыми земельными ресурсами и благоприятным климатом. Качественная сельхозпродукция поставляется в дельту Янцзы и район Большого залива, что открывает широкие возможности для развития брендового агробизнеса.',
  },
};

const t = (zh: string, en: string, ru: string): Tri => ({ 'zh-CN': zh, en, ru });

const projectTypes: readonly ProjectType[] = [
  {
    sector: 'auto-parts',
    place: 'park',
    park: 0,
    name: t(
      '动力电池模组及电池包生产',
      'Battery Module and Pack Production',
      'Производство аккумуляторных модулей и батарейных блоков',
    ),
    content: t(
      '标准厂房、自动化生产线和检测中心',
      'standard factory buildings, automated production lines and a testing centre',
      'стандартных производственных корпусов, автоматизированных линий и испытательного центра',
    ),
    capacity: t(
      '可形成年产动力电池包10万套的生产能力',
      'produce 100,000 battery packs a year',
      '100 тыс. батарейных блоков в год',
    ),
  },
  {
    sector: 'auto-parts',
    place: 'park',
    park: 0,
    name: t(
      '汽车轻量化铝合金部件',
      'Lightweight Aluminium Auto Parts',
      'Производство облегчённых алюминиевых автокомпонентов',
    ),
    content: t(
      '压铸车间、机加工车间和模具中心',
      'die-casting and machining workshops and a tooling centre',
      'цехов литья под давлением и механической обработки, а также инструментального центра',
    ),
    capacity: t(
      '可形成年产铝合金压铸件3万吨的生产能力',
      'produce 30,000 tonnes of aluminium die castings a year',
      '30 тыс. тонн алюминиевых отливок в год',
    ),
  },
  {
    sector: 'biomed',
    place: 'park',
    park: 1,
    name: t(
      '生物医药中试基地',
      'Biopharmaceutical Pilot Production Base',
      'База опытного производства биофармацевтической продукции',
    ),
    content: t(
      '中试车间、洁净厂房和公共检测平台',
      'pilot workshops, clean rooms and a shared testing platform',
      'опытных цехов, чистых помещений и общей испытательной лаборатории',
    ),
    capacity: t(
      '每年可承接中试项目30个',
      'take on 30 pilot-scale projects a year',
      'до 30 проектов опытного производства в год',
    ),
  },
  {
    sector: 'biomed',
    place: 'town',
    name: t(
      '中药材精深加工',
      'Deep Processing of Medicinal Herbs',
      'Глубокая переработка лекарственного растительного сырья',
    ),
    content: t(
      '提取车间、饮片生产线和仓储中心',
      'extraction workshops, a herbal slice production line and a warehouse',
      'цехов экстракции, линии по производству нарезанного сырья и складского комплекса',
    ),
    capacity: t(
      '可形成年产中药饮片5000吨的生产能力',
      'produce 5,000 tonnes of herbal slices a year',
      '5 тыс. тонн нарезанного лекарственного сырья в год',
    ),
  },
  {
    sector: 'logistics',
    place: 'park',
    park: 2,
    name: t(
      '港口冷链物流中心',
      'Port Cold-Chain Logistics Centre',
      'Логистический центр холодовой цепи в порту',
    ),
    content: t(
      '冷库、分拣中心和多式联运堆场',
      'cold stores, a sorting centre and an intermodal yard',
      'холодильных складов, сортировочного центра и площадки для мультимодальных перевозок',
    ),
    capacity: t(
      '冷链货物年周转量可达30万吨',
      'handle 300,000 tonnes of cold-chain cargo a year',
      '300 тыс. тонн грузов холодовой цепи в год',
    ),
  },
  {
    sector: 'logistics',
    place: 'park',
    park: 2,
    name: t(
      '智慧仓储配送中心',
      'Smart Warehousing and Distribution Centre',
      'Умный складской и распределительный центр',
    ),
    content: t(
      '高标准立体仓库和智能分拣系统',
      'high-bay warehouses and an automated sorting system',
      'высотных складов и автоматизированной системы сортировки',
    ),
    capacity: t('日均可处理包裹50万件', 'handle 500,000 parcels a day', 'до 500 тыс. посылок в сутки'),
  },
  {
    sector: 'tourism',
    place: 'park',
    park: 3,
    name: t(
      '滨江文旅综合体',
      'Riverside Cultural Tourism Complex',
      'Культурно-туристический комплекс на набережной',
    ),
    content: t(
      '特色商业街区、演艺中心和精品酒店',
      'a themed shopping street, a performance centre and a boutique hotel',
      'торговой улицы, концертного центра и бутик-отеля',
    ),
    capacity: t(
      '年接待游客可达200万人次',
      'welcome up to 2 million visitors a year',
      'до 2 млн посетителей в год',
    ),
  },
  {
    sector: 'tourism',
    place: 'town',
    name: t('乡村度假营地', 'Rural Holiday Camp', 'Загородный кемпинг'),
    content: t(
      '露营区、民宿集群和农事体验园',
      'camping grounds, a cluster of guesthouses and a farm experience park',
      'кемпинга, комплекса гостевых домов и агропарка',
    ),
    capacity: t(
      '年接待游客可达30万人次',
      'welcome up to 300,000 visitors a year',
      'до 300 тыс. посетителей в год',
    ),
  },
  {
    sector: 'equipment',
    place: 'park',
    park: 0,
    name: t(
      '工业机器人及智能装备生产基地',
      'Industrial Robot and Smart Equipment Production Base',
      'Производственная база промышленных роботов и интеллектуального оборудования',
    ),
    content: t(
      '精密加工车间、装配车间和研发中心',
      'precision machining and assembly workshops and an R&D centre',
      'цехов точной обработки и сборки, а также научно-исследовательского центра',
    ),
    capacity: t(
      '可形成年产工业机器人2000台（套）的生产能力',
      'produce 2,000 industrial robots a year',
      '2 тыс. промышленных роботов в год',
    ),
  },
  {
    sector: 'equipment',
    place: 'park',
    park: 1,
    name: t(
      '高端数控机床零部件',
      'High-end CNC Machine Tool Components',
      'Производство комплектующих для станков с ЧПУ',
    ),
    content: t(
      '数控加工中心和热处理车间',
      'CNC machining centres and a heat-treatment workshop',
      'обрабатывающих центров с ЧПУ и цеха термообработки',
    ),
    capacity: t(
      '可形成年产精密零部件50万件的生产能力',
      'produce 500,000 precision components a year',
      '500 тыс. прецизионных деталей в год',
    ),
  },
  {
    sector: 'food',
    place: 'park',
    park: 0,
    name: t(
      '预制菜中央厨房',
      'Central Kitchen for Ready-to-Cook Meals',
      'Центральная кухня по производству полуфабрикатов',
    ),
    content: t(
      '标准化加工车间、冷链仓储和检测中心',
      'standard processing workshops, cold storage and a quality-testing centre',
      'стандартных цехов переработки, холодильных складов и лаборатории контроля качества',
    ),
    capacity: t(
      '可形成年产预制菜品3万吨的生产能力',
      'produce 30,000 tonnes of ready-to-cook dishes a year',
      '30 тыс. тонн полуфабрикатов в год',
    ),
  },
  {
    sector: 'food',
    place: 'town',
    name: t('茶叶精深加工', 'Tea Processing', 'Глубокая переработка чая'),
    content: t(
      '清洁化加工车间、茶饮料生产线和展示中心',
      'clean processing workshops, a tea beverage line and a showroom',
      'цехов переработки, линии по производству чайных напитков и выставочного центра',
    ),
    capacity: t(
      '年加工茶叶可达2000吨',
      'process 2,000 tonnes of tea a year',
      'переработка 2 тыс. тонн чая в год',
    ),
  },
  {
    sector: 'materials',
    place: 'park',
    park: 1,
    name: t(
      '高性能复合材料',
      'High-Performance Composite Materials',
      'Производство высокопрочных композиционных материалов',
    ),
    content: t(
      '生产车间、原料库和研发检测中心',
      'production workshops, raw material stores and an R&D and testing centre',
      'производственных цехов, складов сырья и научно-испытательного центра',
    ),
    capacity: t(
      '可形成年产碳纤维复合材料制品1万吨的生产能力',
      'produce 10,000 tonnes of carbon-fibre composite products a year',
      '10 тыс. тонн изделий из углепластика в год',
    ),
  },
  {
    sector: 'materials',
    place: 'park',
    park: 0,
    name: t(
      '光伏封装材料',
      'Photovoltaic Encapsulation Materials',
      'Производство материалов для герметизации солнечных модулей',
    ),
    content: t(
      '胶膜生产线和配套仓储设施',
      'encapsulant film lines and warehouses',
      'линий по производству герметизирующей плёнки и складских помещений',
    ),
    capacity: t(
      '可形成年产光伏胶膜2亿平方米的生产能力',
      'produce 200 million square metres of encapsulant film a year',
      '200 млн кв. м плёнки в год',
    ),
  },
  {
    sector: 'digital',
    place: 'park',
    park: 1,
    name: t(
      '数据中心及算力服务平台',
      'Data Centre and Computing Services Platform',
      'Центр обработки данных и платформа вычислительных услуг',
    ),
    content: t(
      '数据中心机房和配套电力设施',
      'data halls and supporting power facilities',
      'машинных залов и объектов энергоснабжения',
    ),
    capacity: t(
      '可部署标准机柜3000个',
      'house 3,000 standard server racks',
      '3 тыс. стандартных серверных стоек',
    ),
  },
  {
    sector: 'digital',
    place: 'park',
    park: 1,
    name: t(
      '软件和信息服务产业园',
      'Software and IT Services Park',
      'Парк программного обеспечения и ИТ-услуг',
    ),
    content: t(
      '研发办公楼、人才公寓和共享服务中心',
      'office buildings for R&D, staff apartments and a shared service centre',
      'офисных зданий для исследований и разработок, жилья для специалистов и центра общих услуг',
    ),
    capacity: t(
      '可容纳企业100家、从业人员5000人',
      'accommodate 100 companies and 5,000 employees',
      'размещение до 100 компаний и 5 тыс. сотрудников',
    ),
  },
  {
    sector: 'elderly',
    place: 'park',
    park: 3,
    name: t('康养综合体', 'Health and Elderly Care Complex', 'Комплекс по уходу за пожилыми людьми'),
    content: t(
      '护理院、康复中心和老年公寓',
      'a nursing home, a rehabilitation centre and senior apartments',
      'дома престарелых с медицинским уходом, реабилитационного центра и апартаментов для пожилых',
    ),
    capacity: t('可提供养老床位800张', 'provide 800 care beds', '800 мест для проживания и ухода'),
  },
  {
    sector: 'elderly',
    place: 'town',
    name: t(
      '温泉康养度假区',
      'Hot Spring Wellness Resort',
      'Бальнеологический курорт на термальных источниках',
    ),
    content: t(
      '温泉理疗中心、度假酒店和康复步道',
      'a hot spring therapy centre, a resort hotel and wellness trails',
      'центра бальнеотерапии, курортного отеля и оздоровительных троп',
    ),
    capacity: t(
      '年接待康养游客可达20万人次',
      'welcome 200,000 wellness visitors a year',
      'до 200 тыс. отдыхающих в год',
    ),
  },
  {
    sector: 'agri',
    place: 'town',
    name: t('智慧农业产业园', 'Smart Agriculture Park', 'Парк умного сельского хозяйства'),
    content: t(
      '智能温室、育苗中心和农产品分拣中心',
      'smart greenhouses, a seedling centre and a produce sorting centre',
      'умных теплиц, центра выращивания рассады и сортировочного центра',
    ),
    capacity: t(
      '可形成年产优质果蔬1.5万吨的生产能力',
      'grow 15,000 tonnes of fruit and vegetables a year',
      '15 тыс. тонн овощей и фруктов в год',
    ),
  },
  {
    sector: 'agri',
    place: 'town',
    name: t(
      '稻渔综合种养示范基地',
      'Integrated Rice and Fish Farming Demonstration Base',
      'Демонстрационная база совместного выращивания риса и рыбы',
    ),
    content: t(
      '标准化稻田、养殖设施和大米加工厂',
      'standard paddy fields, aquaculture facilities and a rice mill',
      'стандартных рисовых полей, рыбоводных объектов и рисоперерабатывающего завода',
    ),
    capacity: t(
      '可形成年产生态大米5000吨的生产能力',
      'produce 5,000 tonnes of eco-friendly rice a year',
      '5 тыс. тонн экологически чистого риса в год',
    ),
  },
];

const cooperations: readonly Tri[] = [
  t(
    '独资或合资',
    'Wholly foreign-owned enterprise or joint venture',
    'Предприятие со 100% иностранным капиталом или совместное предприятие',
  ),
  t(
    '合资合作',
    'Joint venture or contractual cooperation',
    'Совместное предприятие или договорное сотрудничество',
  ),
  t('股权合作', 'Equity partnership', 'Долевое участие'),
  t(
    '政府和社会资本合作（PPP）',
    'Public–private partnership (PPP)',
    'Государственно-частное партнёрство (ГЧП)',
  ),
  t('租赁经营', 'Lease and operation', 'Аренда с последующей эксплуатацией'),
];

/** Formats an amount in 万元 in every locale: `5亿元`, `CNY 500 million`, `500 млн юаней`. */
export function formatAmount(amount: number): Tri {
  const millions = amount / 100;
  const zh = amount >= 10000 ? `${trim(amount / 10000)}亿元` : `${amount}万元`;
  const en = millions >= 1000 ? `CNY ${trim(millions / 1000)} billion` : `CNY ${trim(millions)} million`;
  const ru =
    millions >= 1000
      ? `${trim(millions / 1000).replace('.', ',')} млрд юаней`
      : `${trim(millions).replace('.', ',')} млн юаней`;
  return { 'zh-CN': zh, en, ru };
}

function trim(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** A township for project locations, in three scripts. */
export interface TownPlace {
  /** `白沙镇` */
  zh: string;
  /** `Baisha Town` */
  en: string;
  /** `посёлок Байша` */
  ru: string;
}

/** A generated investment project in every locale. */
export interface ProjectText {
  /** Sector key. */
  sectorKey: string;
  /** 项目名称 */
  title: Tri;
  /** 所属行业 */
  sector: Tri;
  /** 项目地点 */
  location: Tri;
  /** 总投资: amount in 万元 and the printed text. */
  investment: { amount: number; text: Tri };
  /** 合作方式 */
  cooperation: Tri;
  /** 项目简介 */
  summary: Tri;
  /** 项目详情 (Markdown) */
  body: Tri;
}

/** How many kinds of investment project there are: a city offers each once (then as a later phase). */
export const projectKinds = projectTypes.length;

/** The names of a project's later phases: 二期, Phase II… (index 0 is the first phase, unnamed). */
const phases: readonly Tri[] = [
  { 'zh-CN': '', en: '', ru: '' },
  { 'zh-CN': '（二期）', en: ' (Phase II)', ru: ' (вторая очередь)' },
  { 'zh-CN': '（三期）', en: ' (Phase III)', ru: ' (третья очередь)' },
  { 'zh-CN': '（四期）', en: ' (Phase IV)', ru: ' (четвёртая очередь)' },
];

/**
 * Writes an investment project of kind `kind` (0 … {@link projectKinds} − 1); `phase` 0 is the first,
 * 1 its 二期 and so on. A city's projects take each kind once before any second phase, so no project
 * appears twice with different figures.
 */
export function projectText(rng: Rng, towns: readonly TownPlace[], kind: number, phase = 0): ProjectText {
  const type = projectTypes[kind % projectTypes.length] as ProjectType;
  const later = phases[Math.min(phase, phases.length - 1)] as Tri;
  const sector = sectors.find((s) => s.key === type.sector) ?? sectors[0];
  const town = rng.pick(towns);
  const location: Tri =
    type.place === 'park'
      ? (parks[type.park ?? 0] as Tri)
      : { 'zh-CN': `临江市${town.zh}`, en: `${town.en}, Linjiang`, ru: `${town.ru}, город Линьцзян` };
  // In running English text a zone takes the article: “in the Linjiang … Zone”.
  const enIn = type.place === 'park' ? `the ${location.en}` : location.en;
  const amount = rng.pick([3000, 5000, 8000, 12000, 15000, 20000, 30000, 50000, 80000, 120000]);
  const inv = formatAmount(amount);
  const mu = Math.max(20, Math.round((amount / 300) * (0.6 + rng.next())) * 5);
  const ha = Math.round((mu / 15) * 10) / 10;
  // Round to millions of yuan (100 万元), as a prospectus would.
  const revenue = Math.max(100, Math.round((amount * (0.8 + rng.next() * 1.2)) / 100) * 100);
  const tax = Math.max(100, Math.round((revenue * (0.08 + rng.next() * 0.07)) / 100) * 100);
  const rev = formatAmount(revenue);
  const taxText = formatAmount(tax);
  const payback = rng.int(5, 9);
  const highway = rng.int(2, 12);
  const port = rng.int(5, 40);
  const coop = rng.pick(cooperations);
  const market = markets[type.sector] ?? (markets.food as Tri);
  const haRu = String(ha).replace('.', ',');
  const zhBody = [
    '## 项目概况',
    `项目拟选址于${location['zh-CN']}，规划用地约${mu}亩，主要建设${type.content['zh-CN']}，建成后${type.capacity['zh-CN']}。`,
    '## 市场前景',
    market['zh-CN'],
    '## 建设条件',
    `项目地块已完成“七通一平”，供水、供电、供气和通信等配套齐全，距高速公路出入口${highway}公里，距临江港${port}公里。`,
    '## 经济效益',
    `项目达产后预计年销售收入${rev['zh-CN']}，年利税${taxText['zh-CN']}，投资回收期约${payback}年。`,
    '## 支持政策',
    '项目可享受我市招商引资优惠政策，在用地保障、电力接入、人才引进等方面给予支持，并由市投资促进局提供全程免费代办服务。',
  ].join('\n\n');
  const enBody = [
    '## Overview',
    `The project is planned for ${enIn} on a site of about ${mu} mu (${ha} hectares). It will build ${type.content.en} and, when completed, ${type.capacity.en}.`,
    '## Market outlook',
    market.en,
    '## Site conditions',
    `The site is fully serviced, with water, power, gas and telecommunications connected. It is ${highway} km from the nearest expressway exit and ${port} km from Linjiang Port.`,
    '## Expected returns',
    `At full capacity, annual revenue is expected to reach ${rev.en}, with annual profit and taxes of ${taxText.en}. The payback period is about ${payback} years.`,
    '## Incentives',
    "The project qualifies for Linjiang's investment incentives, including support with land, grid connection and recruiting skilled staff. The Linjiang Investment Promotion Bureau provides a free end-to-end facilitation service.",
  ].join('\n\n');
  const ruBody = [
    '## Описание проекта',
    `Место реализации: ${location.ru}. Площадь участка — около ${haRu} га (${mu} му). Предусматривается строительство ${type.content.ru}. Проектная мощность: ${type.capacity.ru}.`,
    '## Перспективы рынка',
    market.ru,
    '## Условия площадки',
    `Участок полностью подготовлен: подведены водо-, электро- и газоснабжение, а также связь. До ближайшего съезда с автомагистрали — ${highway} км, до порта Линьцзян — ${port} км.`,
    '## Ожидаемая эффективность',
    `После выхода на проектную мощность годовая выручка составит около ${rev.ru}, прибыль и налоговые отчисления — ${taxText.ru} в год. Срок окупаемости — около ${payback} лет.`,
    '## Меры поддержки',
    'На проект распространяются меры поддержки инвесторов, действующие в Линьцзяне: содействие в предоставлении земли, подключении к электросетям и привлечении квалифицированных специалистов. Бюро по содействию инвестициям города Линьцзян бесплатно сопровождает проект на всех этапах.',
  ].join('\n\n');
  return {
    sectorKey: type.sector,
    title: {
      'zh-CN': `${type.name['zh-CN']}项目${later['zh-CN']}`,
      en: `${type.name.en} Project${later.en}`,
      ru: `Проект «${type.name.ru}»${later.ru}`,
    },
    sector: { 'zh-CN': sector?.zh ?? '', en: sector?.en ?? '', ru: sector?.ru ?? '' },
    location,
    investment: { amount, text: inv },
    cooperation: coop,
    summary: {
      'zh-CN': `项目总投资${inv['zh-CN']}，拟选址${location['zh-CN']}，主要建设${type.content['zh-CN']}。`,
      en: `A ${inv.en} project in ${enIn} to build ${type.content.en}.`,
      ru: `Объём инвестиций — ${inv.ru}. Предусматривается строительство ${type.content.ru}.`,
    },
    body: { 'zh-CN': zhBody, en: enBody, ru: ruBody },
  };
}

/** Facts of the scale that the investor pages quote. */
export interface CityFacts {
  /** Number of townships. */
  townships: number;
  /** Number of villages. */
  villages: number;
}

/** The portal's investor pages (column `about`): title and body per locale. */
export function portalPages(facts: CityFacts): { slug: string; title: Tri; summary: Tri; body: Tri }[] {
  return [
    {
      slug: 'overview',
      title: t('临江概况', 'Linjiang at a Glance', 'Линьцзян: общие сведения'),
      summary: t(
        '临江市位于云江省中部、云江干流沿岸，是区域性交通枢纽和制造业基地。',
        'Linjiang lies on the Yunjiang River in central Yunjiang Province and is a regional transport hub and manufacturing base.',
        'Линьцзян расположен на реке Юньцзян в центральной части провинции Юньцзян; это региональный транспортный узел и промышленный центр.',
      ),
      body: t(
        [
          `临江市位于云江省中部，云江干流穿城而过，总面积9800平方公里，常住人口约320万人，辖${facts.townships}个镇（乡）、${facts.villages}个行政村。`,
          '## 历史文化',
          '临江因港兴城，自古是云江中游的水陆码头，至今保留古港遗址、老街和会馆建筑群。',
          '## 经济发展',
          '全市已形成装备制造、新能源汽车零部件、绿色食品和现代物流等主导产业，拥有国家级经济技术开发区和省级高新技术产业开发区各1个。',
          '## 生态环境',
          '全市森林覆盖率超过58%，空气质量优良天数比例保持在90%以上，滨江风光带和山地茶园是市民休闲的好去处。',
        ].join('\n\n'),
        [
          `Linjiang is in central Yunjiang Province, with the Yunjiang River flowing through the city. It covers 9,800 square kilometres and has about 3.2 million residents living in ${facts.townships} ${facts.townships === 1 ? 'town' : 'towns and townships'} and ${facts.villages} administrative ${facts.villages === 1 ? 'village' : 'villages'}.`,
          '## History',
          'Linjiang grew up around its river port and has been a busy landing on the middle reaches of the Yunjiang for centuries. The old port, historic streets and merchant guild halls can still be visited today.',
          '## Economy',
          "The city's leading industries are equipment manufacturing, new energy vehicle components, green food and modern logistics. It is home to a national economic and technological development zone and a provincial high-tech industrial development zone.",
          '## Environment',
          'Forests cover more than 58% of the city, and air quality is good or excellent on over 90% of days. The riverside park and the tea gardens in the hills are popular places to relax.',
        ].join('\n\n'),
        [
          `Линьцзян находится в центральной части провинции Юньцзян, через город протекает река Юньцзян. Площадь города — 9800 кв. км, население — около 3,2 млн человек. Административное деление: посёлков и волостей — ${facts.townships}, административных деревень — ${facts.villages}.`,
          '## История',
          'Линьцзян вырос вокруг речного порта и на протяжении веков был оживлённой пристанью в среднем течении Юньцзяна. Сегодня можно увидеть древний порт, старые улицы и здания купеческих гильдий.',
          '## Экономика',
          'Ведущие отрасли города — машиностроение, производство комплектующих для электромобилей, экологически чистые продукты питания и современная логистика. В городе работают зона экономического и технологического развития государственного уровня и провинциальная зона развития высоких технологий.',
          '## Экология',
          'Леса занимают более 58% территории города, а качество воздуха остаётся хорошим или отличным более 90% дней в году. Набережная и чайные плантации в горах — любимые места отдыха горожан.',
        ].join('\n\n'),
      ),
    },
    {
      slug: 'invest',
      title: t('投资环境', 'Investment Environment', 'Инвестиционный климат'),
      summary: t(
        '区位优越、要素充足、服务高效，欢迎各国投资者来临江投资兴业。',
        'A strategic location, ample resources and efficient services: investors from all countries are welcome in Linjiang.',
        'Выгодное расположение, достаточные ресурсы и эффективные услуги: Линьцзян открыт для инвесторов из всех стран.',
      ),
      body: t(
        [
          '## 交通区位',
          '临江港为国家一类开放口岸，铁路专用线直通港区；两条高速公路在市区交汇，距省会国际机场约1.5小时车程。',
          '## 要素保障',
          '- 工业用地实行弹性年期出让和“标准地”供应\n- 工业用电、用水、用气价格在省内具有竞争力\n- 本地职业院校每年培养技能人才约1.2万人',
          '## 政务服务',
          '企业开办一日办结，工业项目实行“拿地即开工”，市投资促进局为外资项目提供全程免费代办。',
        ].join('\n\n'),
        [
          '## Location and transport',
          "Linjiang Port is a national first-class port of entry, and a dedicated railway line runs into the port area. Two expressways meet in the city, and the provincial capital's international airport is about an hour and a half away by car.",
          '## Land, utilities and workforce',
          '- Industrial land is offered on flexible lease terms and as ready-to-build “standard plots”\n- Industrial electricity, water and gas prices are competitive within the province\n- Local vocational schools train about 12,000 skilled workers every year',
          '## Government services',
          'A new company can be registered in one working day, and industrial projects can start construction as soon as the land is acquired. The Investment Promotion Bureau offers foreign-invested projects a free end-to-end facilitation service.',
        ].join('\n\n'),
        [
          '## География и транспорт',
          'Порт Линьцзян имеет статус пункта пропуска первой категории, к портовой зоне подведена железнодорожная ветка. В городе пересекаются две автомагистрали, а до международного аэропорта административного центра провинции — около полутора часов езды.',
          '## Земля, коммунальные услуги и кадры',
          '- Промышленные участки предоставляются в аренду на гибких условиях и в виде подготовленных «стандартных участков»\n- Тарифы на электроэнергию, воду и газ для промышленности конкурентоспособны в масштабах провинции\n- Местные профессиональные училища ежегодно готовят около 12 тыс. квалифицированных рабочих',
          '## Государственные услуги',
          'Регистрация новой компании занимает один рабочий день, а строительство промышленных объектов можно начинать сразу после получения участка. Бюро по содействию инвестициям бесплатно сопровождает проекты с иностранным капиталом на всех этапах.',
        ].join('\n\n'),
      ),
    },
    {
      slug: 'living',
      title: t('外籍人士生活指南', 'Living in Linjiang', 'Жизнь в Линьцзяне'),
      summary: t(
        '住房、医疗、教育和出行等方面的实用信息。',
        'Practical information on housing, health care, schools and getting around.',
        'Полезная информация о жилье, медицинской помощи, школах и транспорте.',
      ),
      body: t(
        [
          '## 医疗',
          '市第一人民医院设有国际门诊，提供英语接诊服务。急救电话：120。',
          '## 教育',
          '市内有双语幼儿园和接收外籍学生的中小学，入学咨询可联系市教育局。',
          '## 出行',
          '市区公交和出租车均支持移动支付，火车站有直达省会的城际列车。',
          '## 便民热线',
          '12345政务服务便民热线提供英语服务，工作日9:00—17:00。',
        ].join('\n\n'),
        [
          '## Health care',
          'Linjiang First People’s Hospital runs an international clinic with English-speaking staff. For emergencies, call 120.',
          '## Schools',
          'The city has bilingual kindergartens and primary and secondary schools that admit foreign pupils. The Municipal Education Bureau can advise on enrolment.',
          '## Getting around',
          'City buses and taxis accept mobile payment, and intercity trains run directly from the railway station to the provincial capital.',
          '## Hotline',
          'The 12345 government service hotline offers help in English on working days from 9:00 to 17:00.',
        ].join('\n\n'),
        [
          '## Медицинская помощь',
          'В Первой народной больнице Линьцзяна работает международное отделение с англоговорящим персоналом. Скорая помощь — 120.',
          '## Образование',
          'В городе есть двуязычные детские сады, а также школы, принимающие иностранных учеников. По вопросам зачисления можно обратиться в городское управление образования.',
          '## Транспорт',
          'В городских автобусах и такси принимается мобильная оплата; с вокзала ходят прямые междугородние поезда до административного центра провинции.',
          '## Горячая линия',
          'Горячая линия государственных услуг 12345 консультирует на английском языке по рабочим дням с 9:00 до 17:00.',
        ].join('\n\n'),
      ),
    },
  ];
}

/** The investment-promotion bureau's own pages (column `about`). */
export function bureauPages(): { slug: string; title: Tri; summary: Tri; body: Tri }[] {
  return [
    {
      slug: 'about-bureau',
      title: t('本局概况', 'About the Bureau', 'О бюро'),
      summary: t(
        '临江市投资促进局负责全市招商引资和外资企业服务工作。',
        'The Linjiang Investment Promotion Bureau leads investment promotion and services for foreign-invested companies in the city.',
        'Бюро по содействию инвестициям города Линьцзян отвечает за привлечение инвестиций и поддержку компаний с иностранным капиталом.',
      ),
      body: t(
        '## 主要职责\n\n- 拟订全市招商引资规划和政策措施\n- 组织开展产业链招商和重大项目推介\n- 为外商投资企业提供咨询、代办和投诉协调服务\n- 跟踪服务已落地项目，协调解决建设和运营中的困难',
        '## What we do\n\n- Draft investment promotion plans and policies for the city\n- Promote investment along industrial chains and present major projects\n- Offer foreign-invested companies advice, facilitation and help with complaints\n- Follow up on projects after they land and help solve problems in construction and operation',
        '## Основные задачи\n\n- Разработка планов и мер по привлечению инвестиций в город\n- Привлечение инвесторов по отраслевым цепочкам и презентация крупных проектов\n- Консультации, сопровождение и рассмотрение обращений компаний с иностранным капиталом\n- Поддержка реализованных проектов и помощь в решении проблем при строительстве и эксплуатации',
      ),
    },
    {
      slug: 'services',
      title: t('投资服务', 'Services for Investors', 'Услуги для инвесторов'),
      summary: t(
        '从项目考察到投产运营，提供全程免费代办服务。',
        'Free facilitation from the first site visit to the start of operations.',
        'Бесплатное сопровождение — от первого посещения площадки до запуска производства.',
      ),
      body: t(
        '## 服务内容\n\n1. 项目考察：安排实地踏勘和政策说明\n2. 项目落地：代办企业设立、项目备案和规划建设手续\n3. 投产运营：协调用工招聘、融资对接和政策兑现\n\n## 联系我们\n\n电话：0860-88668866\n\n电子邮箱：invest@linjiang.example',
        '## Our services\n\n1. Site visits: we arrange tours of available sites and explain the policies that apply\n2. Setting up: we handle company registration, project filing and planning and construction permits on your behalf\n3. Operations: we help with recruitment, financing contacts and claiming incentives\n\n## Contact us\n\nTelephone: +86 860 8866 8866\n\nE-mail: invest@linjiang.example',
        '## Наши услуги\n\n1. Знакомство с площадками: организуем выезд на участки и разъясняем действующие меры поддержки\n2. Запуск проекта: от вашего имени оформляем регистрацию компании, постановку проекта на учёт и разрешения на строительство\n3. Работа предприятия: помогаем с подбором персонала, привлечением финансирования и получением льгот\n\n## Контакты\n\nТелефон: +86 860 8866 8866\n\nЭл. почта: invest@linjiang.example',
      ),
    },
  ];
}
