/**
 * Refusals of the review: an error with a stable code, a reason in Chinese and English, and the HTTP
 * status it maps to. The message carries both languages, so whatever shows `error.message` (the content
 * manager's notification, an API client) shows the reason, never a bare "Forbidden".
 */
import { errors } from '@strapi/utils';

/** A reason in the two admin languages. */
export interface Bilingual {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** What the refusal says in `error.details`. */
export interface RefusalDetails {
  /** Stable code, e.g. `publish-needs-review`, `author-cannot-review`, `other-site`. */
  readonly code: string;
  /** The reason, in both languages. */
  readonly reason: Bilingual;
}

/** The message shown to users: Chinese first, English after. */
export function bilingualMessage(reason: Bilingual): string {
  return `${reason['zh-CN']}（${reason.en}）`;
}

/**
 * 403: the user (or the calling code) may not do this. A `PolicyError` (a `ForbiddenError`) because
 * Strapi's route authorisation turns any other `ForbiddenError` from a handler into a bare "Forbidden".
 */
export function forbidden(code: string, reason: Bilingual): InstanceType<typeof errors.PolicyError> {
  const error = new errors.PolicyError(bilingualMessage(reason), { code, reason } satisfies RefusalDetails);
  (error as { name: string }).name = 'ForbiddenError';
  return error;
}

/** 400: the request is malformed or misses a required comment. */
export function invalid(code: string, reason: Bilingual): InstanceType<typeof errors.ValidationError> {
  return new errors.ValidationError(bilingualMessage(reason), { code, reason } satisfies RefusalDetails);
}

/** 404: no such document, locale or reviewed content type. */
export function notFound(code: string, reason: Bilingual): InstanceType<typeof errors.NotFoundError> {
  return new errors.NotFoundError(bilingualMessage(reason), { code, reason } satisfies RefusalDetails);
}

/** 409: the entry is not at a stage where this action applies (or someone acted first). */
export function conflict(code: string, reason: Bilingual): InstanceType<typeof errors.ApplicationError> {
  const error = new errors.ApplicationError(bilingualMessage(reason), {
    code,
    reason,
  } satisfies RefusalDetails);
  (error as { name: string }).name = 'ConflictError';
  return error;
}
