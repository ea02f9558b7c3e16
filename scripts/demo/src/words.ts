/**
 * Word lists of the fictional city 临江市 (云江省): people, places, roads and industries.
 * Written for this project; names are invented combinations, not real persons or places.
 */

/** A word with its Hanyu Pinyin (for ids and English) and Palladius Cyrillic (for Russian). */
export interface Word {
  /** Han characters. */
  han: string;
  /** Pinyin without tones, lower case. */
  py: string;
  /** Russian transcription (Palladius system), lower case. */
  ru: string;
}

function words(rows: string): Word[] {
  return rows
    .trim()
    .split(/\s+/)
    .map((row) => {
      const [han, py, ru] = row.split(':');
      return { han: han ?? '', py: py ?? '', ru: ru ?? '' };
    });
}

/** Common surnames, most frequent first (the generator favours the head of the list). */
export const surnames: readonly Word[] = words(`
王:wang:ван 李:li:ли 张:zhang:чжан 刘:liu:лю 陈:chen:чэнь 杨:yang:ян 赵:zhao:чжао 黄:huang:хуан
周:zhou:чжоу 吴:wu:у 徐:xu:сюй 孙:sun:сунь 胡:hu:ху 朱:zhu:чжу 高:gao:гао 林:lin:линь 何:he:хэ
郭:guo:го 马:ma:ма 罗:luo:ло 梁:liang:лян 宋:song:сун 郑:zheng:чжэн 谢:xie:се 韩:han:хань
唐:tang:тан 冯:feng:фэн 于:yu:юй 董:dong:дун 萧:xiao:сяо 程:cheng:чэн 曹:cao:цао 袁:yuan:юань
邓:deng:дэн 许:xu:сюй 傅:fu:фу 沈:shen:шэнь 曾:zeng:цзэн 彭:peng:пэн 吕:lyu:люй 苏:su:су
卢:lu:лу 蒋:jiang:цзян 蔡:cai:цай 贾:jia:цзя 丁:ding:дин 魏:wei:вэй 薛:xue:сюэ 叶:ye:е 阎:yan:янь
`);

/** Characters used in given names, with transcriptions. */
export const givenChars: readonly Word[] = words(`
明:ming:мин 华:hua:хуа 军:jun:цзюнь 伟:wei:вэй 静:jing:цзин 丽:li:ли 红:hong:хун 建:jian:цзянь
平:ping:пин 艳:yan:янь 芳:fang:фан 磊:lei:лэй 涛:tao:тао 斌:bin:бинь 鑫:xin:синь 宇:yu:юй
慧:hui:хуэй 强:qiang:цян 娜:na:на 玲:ling:лин 峰:feng:фэн 云:yun:юнь 霞:xia:ся 波:bo:бо
超:chao:чао 海:hai:хай 东:dong:дун 宁:ning:нин 清:qing:цин 文:wen:вэнь 国:guo:го 志:zhi:чжи
春:chun:чунь 秀:xiu:сю 英:ying:ин 俊:jun:цзюнь 晓:xiao:сяо 敏:min:минь 杰:jie:цзе 亮:liang:лян
欣:xin:синь 婷:ting:тин 辉:hui:хуэй 刚:gang:ган 凯:kai:кай 勇:yong:юн 萍:ping:пин 晨:chen:чэнь
浩:hao:хао 嘉:jia:цзя 振:zhen:чжэнь 德:de:дэ 立:li:ли 新:xin:синь 永:yong:юн 桂:gui:гуй
`);

/** A person's name in the three scripts of the demo. */
export interface PersonName {
  /** 姓名 in Han characters. */
  zh: string;
  /** Pinyin, family name first (`Wang Ming`). */
  en: string;
  /** Russian transcription, family name first (`Ван Мин`). */
  ru: string;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Builds a person name from a surname and one or two given-name characters. */
export function personName(surname: Word, given: readonly Word[]): PersonName {
  const givenPy = given.map((w) => w.py).join('');
  const givenRu = given.map((w) => w.ru).join('');
  return {
    zh: surname.han + given.map((w) => w.han).join(''),
    en: `${capitalize(surname.py)} ${capitalize(givenPy)}`,
    ru: `${capitalize(surname.ru)} ${capitalize(givenRu)}`,
  };
}

/** Road names of the central district (路, 街, 大道). */
export const roads: readonly string[] = `
滨江大道 临江路 人民路 解放路 建设路 中山路 文昌路 望江路 云江大道 朝阳路 新华街 北门街 南湖路
东环路 西环路 湖滨路 青年路 学府路 长乐路 丰收路 光明路 和平路 兴业大道 科创路 港城路 桂花路
石榴路 环城北路 环城南路 金沙路 翠屏路 育才路 雁塔路 白鹭路 锦绣路 龙泉街 状元街 紫薇路
`
  .trim()
  .split(/\s+/);

/** Residential compounds (小区) that citizens write about. */
export const compounds: readonly string[] = `
滨江花园 锦绣华庭 阳光新城 翠湖苑 望江名邸 紫薇小区 文昌家园 东湖人家 学府雅居 云江一品 桂花苑
丰收新村 龙泉小区 和平里 金沙湾 状元府 白鹭洲 南湖春晓 新华里 朝阳小区
`
  .trim()
  .split(/\s+/);

/** Two-part place-name elements for villages: a first syllable and a second, each with pinyin. */
export const villageFirst: readonly Word[] = words(`
前:qian:цянь 后:hou:хоу 东:dong:дун 西:xi:си 南:nan:нань 北:bei:бэй 上:shang:шан 下:xia:ся
大:da:да 小:xiao:сяо 新:xin:синь 石:shi:ши 杨:yang:ян 柳:liu:лю 桃:tao:тао 荷:he:хэ 青:qing:цин
白:bai:бай 龙:long:лун 凤:feng:фэн 金:jin:цзинь 银:yin:инь 马:ma:ма 黄:huang:хуан 梅:mei:мэй
竹:zhu:чжу 松:song:сун 枫:feng:фэн 茶:cha:ча 稻:dao:дао 桑:sang:сан 莲:lian:лянь 双:shuang:шуан
三:san:сань 六:liu:лю 高:gao:гао 长:chang:чан 永:yong:юн 太:tai:тай 丰:feng:фэн 兴:xing:син
`);

/** Second elements of village names. */
export const villageSecond: readonly Word[] = words(`
桥:qiao:цяо 湾:wan:вань 庄:zhuang:чжуан 塘:tang:тан 岗:gang:ган 圩:wei:вэй 埠:bu:бу 港:gang:ган
坝:ba:ба 岭:ling:лин 溪:xi:си 洲:zhou:чжоу 山:shan:шань 林:lin:линь 园:yuan:юань 坪:ping:пин
口:kou:коу 湖:hu:ху 堰:yan:янь 河:he:хэ 墩:dun:дунь 滩:tan:тань 冲:chong:чун 垄:long:лун
`);

/** Township names (镇 or 乡) with pinyin; the generator takes them in order. */
export const townships: readonly (Word & { kind: '镇' | '乡' })[] = `
白沙:baisha:байша:镇 青山:qingshan:циншань:镇 石门:shimen:шимэнь:镇 龙潭:longtan:лунтань:镇
凤鸣:fengming:фэнмин:镇 桃源:taoyuan:таоюань:乡 江口:jiangkou:цзянкоу:镇 柳溪:liuxi:люси:镇
黄龙:huanglong:хуанлун:镇 梅岭:meiling:мэйлин:乡 清水:qingshui:циншуй:镇 长岗:changgang:чанган:镇
大桥:daqiao:дацяо:镇 新塘:xintang:синьтан:镇 金湾:jinwan:цзиньвань:镇 松林:songlin:сунлинь:乡
双河:shuanghe:шуанхэ:镇 马鞍:maan:маань:镇 太平:taiping:тайпин:镇 永兴:yongxing:юнсин:镇
杨柳:yangliu:янлю:乡 荷塘:hetang:хэтан:镇 丰乐:fengle:фэнлэ:镇 南山:nanshan:наньшань:乡
东湖:donghu:дунху:镇 西岭:xiling:силин:乡 银杏:yinxing:иньсин:镇 茶园:chayuan:чаюань:乡
三江:sanjiang:саньцзян:镇 竹山:zhushan:чжушань:乡 枫桥:fengqiao:фэнцяо:镇 稻香:daoxiang:досян:乡
`
  .trim()
  .split(/\s+/)
  .map((row) => {
    const [han, py, ru, kind] = row.split(':');
    return { han: han ?? '', py: py ?? '', ru: ru ?? '', kind: kind === '乡' ? '乡' : '镇' };
  });

/** Featured village industries: title and what is made or offered. */
export const villageIndustries: readonly { title: string; product: string; detail: string }[] = [
  {
    title: '高山茶叶种植',
    product: '云雾绿茶',
    detail: '茶园沿山势分布，采用生态种植和统防统治，春茶以明前芽茶为主',
  },
  {
    title: '稻渔综合种养',
    product: '稻田鱼和生态大米',
    detail: '推行“一水两用、一田双收”模式，稻田养鱼减少化肥农药使用',
  },
  {
    title: '特色水果采摘',
    product: '黄桃和葡萄',
    detail: '建成标准化果园和采摘步道，每年夏季举办采摘节吸引城区游客',
  },
  {
    title: '乡村民宿旅游',
    product: '民宿和农家乐',
    detail: '利用闲置农房改造精品民宿，串联古树、溪流和老街形成游览线路',
  },
  {
    title: '中药材种植',
    product: '黄精和白芨',
    detail: '与市内制药企业签订订单收购协议，实行林下套种，带动农户稳定增收',
  },
  {
    title: '食用菌生产',
    product: '香菇和木耳',
    detail: '建设标准化菇棚和冷库，村集体经济合作社统一提供菌棒和销售渠道',
  },
  {
    title: '蔬菜保供基地',
    product: '设施蔬菜',
    detail: '连栋大棚四季生产叶菜和瓜果，直供城区农贸市场和学校食堂',
  },
  {
    title: '生猪生态养殖',
    product: '生态黑猪',
    detail: '采用种养循环模式，粪污经处理后还田，实现畜禽粪污资源化利用',
  },
  {
    title: '竹木加工',
    product: '竹制家居用品',
    detail: '依托万亩竹林发展竹材初加工和竹工艺品，产品通过电商销往各地',
  },
  { title: '油茶产业', product: '山茶油', detail: '改造低产油茶林，建设压榨车间，注册村级品牌统一包装销售' },
  {
    title: '淡水养殖',
    product: '螃蟹和青虾',
    detail: '池塘标准化改造后推行尾水生态净化，养殖效益和水质同步提升',
  },
  {
    title: '农产品电商',
    product: '土特产网货',
    detail: '建成村级电商服务站，组织村民直播带货，销售本地腊肉、米粉等产品',
  },
];

/** Sectors of investment projects, with the three-language names. */
export const sectors: readonly { key: string; zh: string; en: string; ru: string }[] = [
  {
    key: 'auto-parts',
    zh: '新能源汽车零部件',
    en: 'New energy vehicle components',
    ru: 'Комплектующие для электромобилей',
  },
  { key: 'biomed', zh: '生物医药', en: 'Biomedicine', ru: 'Биомедицина' },
  { key: 'logistics', zh: '现代物流', en: 'Modern logistics', ru: 'Современная логистика' },
  { key: 'tourism', zh: '文化旅游', en: 'Culture and tourism', ru: 'Культура и туризм' },
  {
    key: 'equipment',
    zh: '智能装备制造',
    en: 'Intelligent equipment manufacturing',
    ru: 'Производство интеллектуального оборудования',
  },
  {
    key: 'food',
    zh: '绿色食品加工',
    en: 'Green food processing',
    ru: 'Переработка экологически чистых продуктов питания',
  },
  { key: 'materials', zh: '新材料', en: 'Advanced materials', ru: 'Новые материалы' },
  { key: 'digital', zh: '数字经济', en: 'Digital economy', ru: 'Цифровая экономика' },
  { key: 'elderly', zh: '康养服务', en: 'Health and elderly care', ru: 'Здравоохранение и уход за пожилыми' },
  { key: 'agri', zh: '现代农业', en: 'Modern agriculture', ru: 'Современное сельское хозяйство' },
];
