import { describe, expect, it } from 'vitest';
import { exampleDepartment, exampleServiceGuide } from './examples.ts';
import { type Consultation, ConsultationSchema, consultationState, InterviewSchema } from './interaction.ts';
import { ServiceGuideSchema } from './service-guide.ts';
import { SiteSchema } from './site.ts';

const interview = {
  id: 'portal-interview-001',
  locale: 'zh-CN',
  site: 'portal',
  column: 'interviews',
  title: '稳就业惠民生',
  heldAt: '2026-03-12T09:30:00+08:00',
  guests: [{ name: '王建国', role: '市人力资源社会保障局局长' }],
  transcript: '**主持人：** 各位网友好。',
  photos: [{ id: 'img-0001' }],
  publishedAt: '2026-03-12T17:00:00+08:00',
  updatedAt: '2026-03-12T17:00:00+08:00',
};

const consultation: Consultation = {
  id: 'portal-consultation-001',
  locale: 'zh-CN',
  site: 'portal',
  column: 'consultations',
  title: '关于《临江市养犬管理规定（征求意见稿）》公开征求意见的公告',
  opensAt: '2026-03-01',
  closesAt: '2026-03-31',
  document: '**第一条** 为了规范养犬行为……',
  publishedAt: '2026-03-01T09:00:00+08:00',
  updatedAt: '2026-03-01T09:00:00+08:00',
};

const messages = (result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) => (result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('InterviewSchema', () => {
  it('accepts an interview with guests, time, transcript and photos', () => {
    expect(InterviewSchema.parse(interview).guests[0]?.role).toBe('市人力资源社会保障局局长');
  });

  it('refuses an interview without guests, with a guest without role, or with raw HTML in the transcript', () => {
    expect(messages(InterviewSchema.safeParse({ ...interview, guests: [] }))).toEqual([
      'guests: must name at least one guest',
    ]);
    expect(messages(InterviewSchema.safeParse({ ...interview, guests: [{ name: '王建国' }] }))[0]).toMatch(
      /^guests\.0\.role/,
    );
    expect(messages(InterviewSchema.safeParse({ ...interview, transcript: '<script>x</script>' }))).toEqual([
      'transcript: must be Markdown without raw HTML tags',
    ]);
  });
});

describe('ConsultationSchema and consultationState', () => {
  it('refuses a period that ends before it starts', () => {
    expect(messages(ConsultationSchema.safeParse({ ...consultation, closesAt: '2026-02-28' }))).toEqual([
      'closesAt: must not be before opensAt (征集截止日期早于开始日期)',
    ]);
    expect(ConsultationSchema.safeParse({ ...consultation, feedback: '共收到意见12条。' }).success).toBe(
      true,
    );
  });

  it('is open on both days of its period and closed the next China day', () => {
    expect(consultationState(consultation, '2026-02-28T23:59:00+08:00')).toBe('upcoming');
    expect(consultationState(consultation, '2026-03-01T00:00:00+08:00')).toBe('open');
    expect(consultationState(consultation, '2026-03-31T23:59:00+08:00')).toBe('open');
    // 16:30 UTC on the 31st is already 1 April in China.
    expect(consultationState(consultation, '2026-03-31T16:30:00Z')).toBe('closed');
    expect(consultationState(consultation, '2026-03-31T15:30:00Z')).toBe('open');
  });
});

describe('the 政务服务 fields of a service guide', () => {
  it('accepts a topic, an audience and an https 在线办理 address, and a guide with none of them', () => {
    const guide = ServiceGuideSchema.parse({
      ...exampleServiceGuide,
      topic: 'employment',
      audience: ['personal', 'legal'],
      onlineUrl: 'https://zwfw.linjiang.gov.cn/item/rsj-0001',
    });
    expect([guide.topic, guide.audience, guide.onlineUrl]).toEqual([
      'employment',
      ['personal', 'legal'],
      'https://zwfw.linjiang.gov.cn/item/rsj-0001',
    ]);
    expect(ServiceGuideSchema.safeParse(exampleServiceGuide).success).toBe(true);
  });

  it('refuses an unknown topic or audience and a plain-http or script address', () => {
    for (const [field, value] of [
      ['topic', '民生'],
      ['audience', ['citizen']],
      ['onlineUrl', 'http://zwfw.linjiang.gov.cn/item/1'],
      ['onlineUrl', 'javascript:alert(1)'],
    ] as const) {
      expect(ServiceGuideSchema.safeParse({ ...exampleServiceGuide, [field]: value }).success, field).toBe(
        false,
      );
    }
  });
});

describe('the channels of a site in the registry', () => {
  it('holds the hotline, new-media accounts and the 党政机关标识 certificate', () => {
    const site = SiteSchema.parse({
      ...exampleDepartment,
      footer: {
        ...exampleDepartment.footer,
        partyGovMarkUrl: 'https://bszs.conac.cn/sitename?method=show&id=1',
      },
      hotline: { number: '12345', hours: { 'zh-CN': '全天24小时' } },
      newMedia: [{ platform: 'wechat', name: { 'zh-CN': '临江发布' }, account: 'linjiangfabu' }],
    });
    expect(site.hotline?.number).toBe('12345');
    expect(
      SiteSchema.safeParse({
        ...exampleDepartment,
        newMedia: [{ platform: 'myspace', name: { 'zh-CN': 'x' } }],
      }).success,
    ).toBe(false);
    expect(
      SiteSchema.safeParse({
        ...exampleDepartment,
        footer: { ...exampleDepartment.footer, partyGovMarkUrl: 'http://bszs.conac.cn/' },
      }).success,
    ).toBe(false);
  });
});
