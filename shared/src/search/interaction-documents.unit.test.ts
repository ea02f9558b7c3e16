import { describe, expect, it } from 'vitest';
import { searchDocumentFromEntry } from './entry.ts';

const portal = { id: 'portal', kind: 'portal' as const, basePath: '/' };
const when = { publishedAt: '2026-03-01T09:00:00+08:00', updatedAt: '2026-03-01T09:00:00+08:00' };

describe('search documents of the 互动交流 types', () => {
  it('makes an interview findable by its guests and transcript, as text', () => {
    const document = searchDocumentFromEntry(
      'interview',
      {
        id: 'portal-interview-001',
        locale: 'zh-CN',
        site: 'portal',
        column: 'interviews',
        title: '稳就业惠民生',
        heldAt: '2026-03-12T09:30:00+08:00',
        guests: [{ name: '王建国', role: '市人力资源社会保障局局长' }],
        transcript: '**网友提问：** 创业担保贷款额度是多少？',
        photos: [],
        ...when,
      },
      portal,
    );
    expect(document.url).toBe('/interviews/portal-interview-001/');
    expect(document.text).toContain('王建国');
    expect(document.text).toContain('市人力资源社会保障局局长');
    expect(document.text).toContain('网友提问： 创业担保贷款额度是多少？');
    expect(document.text).not.toContain('**');
  });

  it('indexes a consultation by its document, never by the feedback the page hides while it is open', () => {
    const document = searchDocumentFromEntry(
      'consultation',
      {
        id: 'portal-consultation-001',
        locale: 'zh-CN',
        site: 'portal',
        column: 'consultations',
        title: '养犬管理规定征求意见',
        opensAt: '2026-03-01',
        closesAt: '2026-03-31',
        document: '**第一条** 为了规范养犬行为。',
        feedback: '共收到意见四十六条。',
        ...when,
      },
      portal,
    );
    expect(document.text).toContain('第一条 为了规范养犬行为。');
    expect(document.text).not.toContain('共收到意见');
  });
});
