import { describe, expect, it } from 'vitest';
import {
  availableActions,
  checkDistinctReviewer,
  flagsEntry,
  isValidIdNumber,
  nextStage,
  type ReviewAction,
  type ReviewActor,
  type ReviewStage,
  reasonProblem,
  requiresComment,
  reviewRoles,
  reviewStages,
  reviewTransitions,
  screenText,
  visibleText,
} from './index.ts';

/** The stage after a sequence of moves, failing loudly on a refused one. */
function walk(moves: readonly [ReviewAction, ReviewActor][], from: ReviewStage = 'draft'): ReviewStage {
  let stage = from;
  for (const [action, actor] of moves) {
    const result = nextStage(stage, action, actor);
    if (!result.ok) throw new Error(result.reason.en);
    stage = result.to;
  }
  return stage;
}

describe('review stages and transitions', () => {
  it('take an entry through three reviews to publication', () => {
    expect(reviewStages).toEqual([
      'draft',
      'unit_review',
      'web_review',
      'secrecy_review',
      'approved',
      'published',
    ]);
    expect(
      walk([
        ['submit', 'author'],
        ['approve', 'unit_reviewer'],
        ['approve', 'web_reviewer'],
        ['approve', 'secrecy_reviewer'],
        ['publish', 'system'],
      ]),
    ).toBe('published');
  });

  it('refuse an author approving, with a reason a reviewer can read', () => {
    const result = nextStage('unit_review', 'approve', 'author');
    expect(result).toEqual({
      ok: false,
      code: 'role-not-allowed',
      reason: {
        'zh-CN': '“本单位审核”环节的“审核通过”只能由本单位审核人执行，撰稿人无权操作',
        en: 'At the “Unit review” stage only Unit reviewer may “Approve”, not Author',
      },
    });
  });

  it('refuse skipping a level: the web office cannot approve at unit review', () => {
    expect(nextStage('unit_review', 'approve', 'web_reviewer')).toMatchObject({
      ok: false,
      code: 'role-not-allowed',
    });
    expect(nextStage('draft', 'approve', 'unit_reviewer')).toMatchObject({
      ok: false,
      code: 'action-not-allowed-here',
    });
  });

  it('let no role publish an approved entry but the system', () => {
    for (const role of Object.keys(reviewRoles) as ReviewActor[]) {
      expect(nextStage('approved', 'publish', role).ok).toBe(false);
    }
    expect(nextStage('approved', 'publish', 'system')).toMatchObject({ ok: true, to: 'published' });
  });

  it('send a rejected entry back to draft from every review level, with a comment required', () => {
    expect(walk([['reject', 'unit_reviewer']], 'unit_review')).toBe('draft');
    expect(walk([['reject', 'web_reviewer']], 'web_review')).toBe('draft');
    expect(walk([['reject', 'secrecy_reviewer']], 'secrecy_review')).toBe('draft');
    expect(nextStage('draft', 'reject', 'unit_reviewer').ok).toBe(false);
    expect(requiresComment('reject')).toBe(true);
    expect(requiresComment('approve')).toBe(false);
  });

  it('allow an emergency publish only to a site administrator, with a reason, flagged', () => {
    for (const stage of ['draft', 'unit_review', 'web_review', 'secrecy_review'] as const) {
      expect(nextStage(stage, 'emergency_publish', 'site_admin')).toMatchObject({
        ok: true,
        to: 'published',
      });
      expect(nextStage(stage, 'emergency_publish', 'author').ok).toBe(false);
    }
    expect(requiresComment('emergency_publish')).toBe(true);
    expect(flagsEntry('emergency_publish')).toBe(true);
    expect(flagsEntry('publish')).toBe(false);
  });

  it('withdraw a published entry to draft with a reason', () => {
    expect(walk([['withdraw', 'site_admin']], 'published')).toBe('draft');
    expect(nextStage('published', 'withdraw', 'author').ok).toBe(false);
    expect(requiresComment('withdraw')).toBe(true);
  });

  it('scope authors and unit reviewers to their site, the others to the cluster', () => {
    expect(Object.fromEntries(Object.entries(reviewRoles).map(([role, info]) => [role, info.scope]))).toEqual(
      {
        author: 'site',
        unit_reviewer: 'site',
        web_reviewer: 'cluster',
        secrecy_reviewer: 'cluster',
        site_admin: 'cluster',
      },
    );
  });

  it('need three different people, none of them the author', () => {
    expect(checkDistinctReviewer({ author: 'wang', approvers: [], actor: 'wang' })).toMatchObject({
      ok: false,
      code: 'author-cannot-review',
      reason: { 'zh-CN': '撰稿人不能审核自己撰写的内容' },
    });
    expect(checkDistinctReviewer({ author: 'wang', approvers: ['li'], actor: 'li' })).toMatchObject({
      ok: false,
      code: 'already-approved',
    });
    expect(checkDistinctReviewer({ author: 'wang', approvers: ['li', 'zhao'], actor: 'chen' })).toEqual({
      ok: true,
    });
  });

  it('list what each actor may do', () => {
    expect(availableActions('draft', 'author')).toEqual(['submit']);
    expect(availableActions('web_review', 'web_reviewer')).toEqual(['approve', 'reject']);
    expect(availableActions('web_review', 'site_admin')).toEqual(['emergency_publish']);
    // Nothing leads anywhere but along the listed stages.
    for (const transition of reviewTransitions) {
      expect(reviewStages).toContain(transition.from);
      expect(reviewStages).toContain(transition.to);
    }
  });
});

describe('screening at submit (发布前检查)', () => {
  it('finds a resident ID number with a valid checksum', () => {
    expect(screenText('申请人身份证号：11010519491231002X。', [])).toEqual([
      { kind: 'id-number', match: '11010519491231002X', index: 8 },
    ]);
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });

  it('ignores 18 digits whose checksum or birth date is wrong', () => {
    expect(screenText('编号110105194912310021', [])).toEqual([]);
    expect(isValidIdNumber('110105194902300024')).toBe(false);
    expect(screenText('订单号 1101051949123100211', [])).toEqual([]);
  });

  it('finds mobile and landline numbers as people write them', () => {
    const text =
      '联系人手机13800138000，或138 0013 8000、+86 139-1234-5678；办公电话025-83456789，(0510)82345678转123';
    expect(screenText(text).map(({ kind, match }) => `${kind} ${match}`)).toEqual([
      'mobile-phone 13800138000',
      'mobile-phone 138 0013 8000',
      'mobile-phone +86 139-1234-5678',
      'landline-phone 025-83456789',
      'landline-phone (0510)82345678转123',
    ]);
  });

  it('does not take dates, amounts, hotlines or longer numbers for phone numbers', () => {
    expect(
      screenText('2024年3月15日投资150000万元，热线12345，统一社会信用代码91530100123456789X', []),
    ).toEqual([]);
  });

  it('finds secrecy markings and sensitive words, in order', () => {
    expect(screenText('★机密★ 本文件为内部资料，禁止外传', ['外传', ''])).toEqual([
      { kind: 'secrecy-marking', match: '机密', index: 1 },
      { kind: 'secrecy-marking', match: '内部', index: 9 },
      { kind: 'sensitive-word', match: '外传', index: 16 },
    ]);
    expect(screenText('绝密 秘密').map((finding) => finding.match)).toEqual(['绝密', '秘密']);
  });

  it('finds nothing in ordinary text', () => {
    expect(screenText('临江市召开2024年重点项目推进会，会议部署全年任务。', ['违禁词'])).toEqual([]);
  });
});

describe('written reasons', () => {
  it('count only letters and digits a reader can see', () => {
    expect(reasonProblem('政策已调整')).toBeNull();
    expect(reasonProblem('data is wrong')).toBeNull();
    for (const blank of [
      '',
      '   ',
      '\u200B\u200B\u200B\u200B\u200B',
      '\u200B急\u200D\uFEFF',
      '\u3164\u3164\u3164\u3164',
      '\u2800\u2800\u2800\u2800',
      '。。。。。！！',
      'ok!!',
      '\u00A0\u2060\u180E\u202F',
      '急\uFE0F急\uFE0F急',
    ]) {
      expect([blank, reasonProblem(blank)?.code]).toEqual([blank, 'reason-too-short']);
    }
  });

  it('show the reason without its invisible characters', () => {
    expect(visibleText('\u200B 政策\u00A0调整 \uFEFF')).toBe('政策 调整');
    expect(visibleText('第一行\n\n第二行')).toBe('第一行 第二行');
  });
});
