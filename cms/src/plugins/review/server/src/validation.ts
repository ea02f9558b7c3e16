/**
 * Input validation at the controller edge: the content type, document id, locale, comment, publish
 * time and override flag of a review request. Every refusal names the field and says what is expected.
 */
import { locales } from '@govcluster/shared/constants';
import { invalid } from './refusal';

/** A validated review request. */
export interface ReviewRequest {
  uid: string;
  documentId: string;
  locale: string;
  comment?: string;
  publishAt?: string;
  override?: boolean;
  /** The version (hash) the reviewer saw; an approval of another version is refused. */
  versionHash?: string;
}

const uidPattern = /^api::[a-z0-9-]+\.[a-z0-9-]+$/;
const documentIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** Longest comment accepted. */
export const maxCommentLength = 2000;

/** Validates the route parameters and the body (POST) or query (GET). */
export function parseReviewRequest(params: Record<string, unknown>, input: unknown): ReviewRequest {
  const uid = String(params.uid ?? '');
  const documentId = String(params.documentId ?? '');
  if (!uidPattern.test(uid)) {
    throw invalid('invalid-uid', {
      'zh-CN': `内容类型“${uid}”格式不正确`,
      en: `“${uid}” is not a content type uid (api::name.name)`,
    });
  }
  if (!documentIdPattern.test(documentId)) {
    throw invalid('invalid-document-id', {
      'zh-CN': '文档编号格式不正确',
      en: 'The document id is malformed',
    });
  }
  const body = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const locale = body.locale === undefined || body.locale === '' ? 'zh-CN' : body.locale;
  if (typeof locale !== 'string' || !(locales as readonly string[]).includes(locale)) {
    throw invalid('invalid-locale', {
      'zh-CN': `语言“${String(locale)}”不受支持（可用：${locales.join('、')}）`,
      en: `Locale “${String(locale)}” is not one of ${locales.join(', ')}`,
    });
  }
  const request: ReviewRequest = { uid, documentId, locale };
  if (body.comment !== undefined && body.comment !== null) {
    if (typeof body.comment !== 'string' || body.comment.length > maxCommentLength) {
      throw invalid('invalid-comment', {
        'zh-CN': `意见须为不超过 ${maxCommentLength} 字的文本`,
        en: `The comment must be text of at most ${maxCommentLength} characters`,
      });
    }
    request.comment = body.comment;
  }
  if (body.publishAt !== undefined && body.publishAt !== null && body.publishAt !== '') {
    const time = typeof body.publishAt === 'string' ? Date.parse(body.publishAt) : Number.NaN;
    if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(String(body.publishAt))) {
      throw invalid('invalid-publish-at', {
        'zh-CN': '定时发布时间须为 ISO 8601 日期时间，例如 2026-01-01T09:00:00+08:00',
        en: 'publishAt must be an ISO 8601 date-time, e.g. 2026-01-01T09:00:00+08:00',
      });
    }
    request.publishAt = new Date(time).toISOString();
  }
  if (body.override !== undefined) {
    if (typeof body.override !== 'boolean') {
      throw invalid('invalid-override', {
        'zh-CN': 'override 须为布尔值',
        en: 'override must be true or false',
      });
    }
    request.override = body.override;
  }
  if (body.versionHash !== undefined && body.versionHash !== null && body.versionHash !== '') {
    if (typeof body.versionHash !== 'string' || !/^[0-9a-f]{64}$/.test(body.versionHash)) {
      throw invalid('invalid-version-hash', {
        'zh-CN': 'versionHash 须为审核面板给出的版本标识（64位十六进制）',
        en: 'versionHash must be the version id the review panel gave (64 hexadecimal digits)',
      });
    }
    request.versionHash = body.versionHash;
  }
  return request;
}

/** Validates the CSV export filter: site key and a date range (YYYY-MM-DD, `to` inclusive). */
export function parseExportQuery(query: Record<string, unknown>): { site?: string; from?: Date; to?: Date } {
  const filter: { site?: string; from?: Date; to?: Date } = {};
  if (typeof query.site === 'string' && query.site !== '') {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(query.site)) {
      throw invalid('invalid-site', { 'zh-CN': '站点标识格式不正确', en: 'The site id is malformed' });
    }
    filter.site = query.site;
  }
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    if (
      typeof value !== 'string' ||
      !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
      Number.isNaN(Date.parse(`${value}T00:00:00+08:00`))
    ) {
      throw invalid(`invalid-${key}`, {
        'zh-CN': `${key} 须为日期，格式 YYYY-MM-DD`,
        en: `${key} must be a date, YYYY-MM-DD`,
      });
    }
    // Dates are days in China Standard Time; `to` includes its whole day.
    const start = new Date(`${value}T00:00:00+08:00`);
    filter[key] = key === 'to' ? new Date(start.getTime() + 86_400_000) : start;
  }
  return filter;
}
