import { describe, expect, it } from 'vitest';
import {
  exampleArticle,
  exampleDepartment,
  exampleInterpretation,
  exampleInvestmentProjects,
  exampleLeader,
  exampleLetter,
  exampleMedia,
  examplePendingLetter,
  examplePolicy,
  exampleServiceGuide,
  exampleSites,
  exampleVillage,
} from './examples.ts';
import {
  ArticleSchema,
  columnAccepts,
  columnFreshnessDays,
  columnTypes,
  contentTypeKeys,
  contentTypes,
  InterpretationSchema,
  InvestmentProjectSchema,
  isPublicLetter,
  LeaderSchema,
  LetterSchema,
  MediaSchema,
  PolicyDocumentSchema,
  PublicLetterSchema,
  policyTopicValues,
  policyValidity,
  ServiceGuideSchema,
  SiteSchema,
  serviceGuideElementLabels,
  serviceGuideRequiredElements,
  VillageSchema,
} from './index.ts';

/** The messages of a failed parse, as `path: message`. */
function messages(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
}

describe('the example cluster', () => {
  it('parses with every schema', () => {
    for (const site of exampleSites) expect(messages(SiteSchema.safeParse(site))).toEqual([]);
    expect(messages(MediaSchema.safeParse(exampleMedia))).toEqual([]);
    expect(messages(ArticleSchema.safeParse(exampleArticle))).toEqual([]);
    expect(messages(PolicyDocumentSchema.safeParse(examplePolicy))).toEqual([]);
    expect(messages(InterpretationSchema.safeParse(exampleInterpretation))).toEqual([]);
    expect(messages(ServiceGuideSchema.safeParse(exampleServiceGuide))).toEqual([]);
    expect(messages(LeaderSchema.safeParse(exampleLeader))).toEqual([]);
    expect(messages(VillageSchema.safeParse(exampleVillage))).toEqual([]);
    for (const project of exampleInvestmentProjects)
      expect(messages(InvestmentProjectSchema.safeParse(project))).toEqual([]);
    expect(messages(LetterSchema.safeParse(exampleLetter))).toEqual([]);
  });
});

describe('service guide (办事指南)', () => {
  it('exports the eight required elements', () => {
    expect(serviceGuideRequiredElements).toEqual([
      'title',
      'legalBasis',
      'conditions',
      'materials',
      'location',
      'hours',
      'inquiryPhone',
      'process',
    ]);
    expect(serviceGuideRequiredElements.map((element) => serviceGuideElementLabels[element])).toEqual([
      '事项名称',
      '设定依据',
      '办理条件',
      '申请材料',
      '办理地点',
      '办理时间',
      '咨询电话',
      '办理流程',
    ]);
  });

  it.each(serviceGuideRequiredElements)('rejects a guide without %s, naming the element', (element) => {
    const { [element]: _removed, ...guide } = exampleServiceGuide;
    const result = ServiceGuideSchema.safeParse(guide);
    expect(result.success).toBe(false);
    expect(messages(result)).toEqual([
      `${element}: required element ${serviceGuideElementLabels[element]} (${element}) is missing`,
    ]);
  });

  it.each(serviceGuideRequiredElements)('rejects a guide whose %s is empty', (element) => {
    const empty = element === 'materials' || element === 'process' ? [] : '  ';
    const result = ServiceGuideSchema.safeParse({ ...exampleServiceGuide, [element]: empty });
    expect(messages(result)).toEqual([
      `${element}: required element ${serviceGuideElementLabels[element]} (${element}) is empty`,
    ]);
  });

  it('accepts a guide without the optional elements', () => {
    const { timeLimit: _t, fee: _f, complaintPhone: _c, ...guide } = exampleServiceGuide;
    expect(ServiceGuideSchema.safeParse(guide).success).toBe(true);
  });
});

describe('bodies', () => {
  it('reject raw HTML but keep Markdown autolinks and comparisons', () => {
    expect(
      ArticleSchema.safeParse({ ...exampleArticle, body: '投资额<5亿元，详见<https://example.gov.cn>' })
        .success,
    ).toBe(true);
    expect(
      messages(ArticleSchema.safeParse({ ...exampleArticle, body: '正文<script>alert(1)</script>' })),
    ).toEqual(['body: must be Markdown without raw HTML tags']);
    expect(ArticleSchema.safeParse({ ...exampleArticle, body: '<img src=x onerror=alert(1)>' }).success).toBe(
      false,
    );
  });
});

describe('policy documents (政策文件)', () => {
  it('lists the topics and validity values with zh-CN labels', () => {
    expect(policyTopicValues).toContain('综合政务');
    expect(policyTopicValues).toContain('国民经济管理、国有资产监管');
    expect(policyTopicValues).toContain('文化、广电、新闻出版');
    expect(policyValidity).toEqual({
      valid: '有效',
      amended: '已修改',
      repealed: '已废止',
      expired: '已失效',
    });
  });

  it('rejects a topic outside the list, a malformed 文号 and a date that does not exist', () => {
    const result = PolicyDocumentSchema.safeParse({
      ...examplePolicy,
      topic: '杂项',
      documentNumber: '临政发2024年12号',
      writtenDate: '2024-02-30',
    });
    expect(messages(result).map((message) => message.split(':')[0])).toEqual([
      'documentNumber',
      'writtenDate',
      'topic',
    ]);
  });
});

describe('letters (领导信箱)', () => {
  it('keep the writer private: the public schema strips it', () => {
    const publicLetter = PublicLetterSchema.parse(exampleLetter);
    expect(publicLetter).not.toHaveProperty('writer');
    expect(JSON.stringify(publicLetter)).not.toContain('13800138000');
    expect(contentTypes.letter.publicSchema).toBe(PublicLetterSchema);
  });

  it('are public only once replied', () => {
    expect(isPublicLetter(exampleLetter)).toBe(true);
    expect(isPublicLetter(examplePendingLetter)).toBe(false);
  });

  it('reject a replied letter without its reply', () => {
    const { reply: _reply, ...letter } = exampleLetter;
    expect(messages(LetterSchema.safeParse(letter))).toEqual([
      'reply: a replied letter must carry its reply (答复内容)',
    ]);
  });
});

describe('sites and columns', () => {
  it('require a ten-digit 网站标识码', () => {
    const site = { ...exampleDepartment, footer: { ...exampleDepartment.footer, siteCode: '530100001' } };
    expect(messages(SiteSchema.safeParse(site))).toEqual([
      'footer.siteCode: must be exactly 10 digits (网站标识码)',
    ]);
  });

  it('default the freshness per column type, with the override winning', () => {
    expect(columnTypes.news.freshnessDays).toBe(14);
    expect(columnTypes.notice.freshnessDays).toBe(183);
    expect(columnTypes.policy.freshnessDays).toBe(183);
    expect(columnTypes.page.freshnessDays).toBeNull();
    expect(columnFreshnessDays({ type: 'news' })).toBe(14);
    expect(columnFreshnessDays({ type: 'service', freshnessDays: 365 })).toBe(365);
  });
});

describe('content types', () => {
  it('name every type key with its column rule', () => {
    expect(contentTypeKeys).toEqual([
      'article',
      'policy',
      'interpretation',
      'serviceGuide',
      'leader',
      'village',
      'investmentProject',
      'letter',
      'interview',
      'consultation',
    ]);
    expect(contentTypes.policy.label['zh-CN']).toBe('政策文件');
    expect(columnAccepts('policy', 'interpretation')).toBe(true);
    expect(columnAccepts('news', 'policy')).toBe(false);
    for (const key of contentTypeKeys) {
      expect(contentTypes[key].inColumn).toBe(contentTypes[key].columnTypes.length > 0);
    }
  });
});
