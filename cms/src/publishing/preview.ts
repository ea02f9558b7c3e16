/**
 * Previews of drafts (docs/adr/0025-preview.md): the CMS sends the draft of one entry, signed like a
 * change notice, to the publisher, which renders its page with the real templates over the published
 * content; the CMS shows that page to logged-in editors only, with a banner and `noindex`, its scripts
 * and images fetched from the publisher through the CMS and its links pointing at the public sites.
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import { type Preview, publisherSecret, sign, signatureHeader } from '@govcluster/shared/publishing';
import type { Core } from '@strapi/strapi';
import { publisherUrls, secretFile } from './notify.ts';

/** What asking for a preview gave: the preview, or an HTTP status and the reason for the editor. */
export type PreviewOutcome = { ok: true; preview: Preview } | { ok: false; status: number; reason: string };

/** Strapi's own attributes and relations to admin users: never sent to the publisher. */
const notSent = new Set(['createdBy', 'updatedBy', 'localizations']);

/**
 * The draft as the content API would shape it for the build (`populate=*`: relations, media and
 * components one level deep), without private attributes and without the admin users who edited it.
 */
export async function readDraft(
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  locale: string,
): Promise<Record<string, unknown> | null> {
  const model = strapi.getModel(uid as never) as unknown as {
    attributes: Record<string, { type: string; private?: boolean }>;
    pluginOptions?: { i18n?: { localized?: boolean } };
  };
  const populate = Object.fromEntries(
    Object.entries(model.attributes)
      .filter(
        ([name, attribute]) =>
          !notSent.has(name) && ['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type),
      )
      .map(([name]) => [name, true]),
  );
  const document = (await strapi.documents(uid as never).findOne({
    documentId,
    status: 'draft',
    ...(model.pluginOptions?.i18n?.localized ? { locale } : {}),
    populate,
  } as never)) as Record<string, unknown> | null;
  if (!document) return null;
  for (const [name, attribute] of Object.entries(model.attributes)) {
    if (attribute.private || notSent.has(name)) delete document[name];
  }
  return document;
}

/** Asks the publishers, the first that answers, for the preview of a draft. */
export async function requestPreview(
  strapi: Core.Strapi,
  request: { uid: string; documentId: string; locale: string; version: string },
): Promise<PreviewOutcome> {
  const urls = publisherUrls();
  if (urls.length === 0)
    return { ok: false, status: 503, reason: '未配置发布服务（PUBLISHER_URL=off），无法生成预览' };
  const document = await readDraft(strapi, request.uid, request.documentId, request.locale);
  if (!document) return { ok: false, status: 404, reason: '找不到该内容的草稿' };
  const secret = publisherSecret(secretFile(strapi));
  const problems: string[] = [];
  for (const base of urls) {
    const body = JSON.stringify({
      id: randomUUID(),
      event: 'preview',
      at: new Date().toISOString(),
      ...request,
      document,
    });
    try {
      const response = await fetch(`${base}/preview`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [signatureHeader]: sign(secret, body) },
        body,
        // A preview is a build: Astro's fixed cost, and a release build it may wait for.
        signal: AbortSignal.timeout(180_000),
      });
      const answer = (await response.json().catch(() => ({}))) as Partial<Preview> & {
        error?: string;
      };
      if (response.ok) return { ok: true, preview: answer as Preview };
      if (response.status === 422)
        return { ok: false, status: 422, reason: `无法生成预览：${answer.error ?? '草稿内容不完整'}` };
      problems.push(`${base} answered ${response.status}: ${answer.error ?? ''}`);
    } catch (error) {
      problems.push(`${base}: ${(error as Error).message}`);
    }
  }
  strapi.log.warn(`[preview] no publisher made the preview: ${problems.join('; ')}`);
  return { ok: false, status: 502, reason: '发布服务暂无响应，无法生成预览，请稍后再试' };
}

/** A script or image of a preview, fetched from the publisher that has it. */
export async function previewAsset(
  strapi: Core.Strapi,
  id: string,
  name: string,
): Promise<{ body: Buffer; type: string } | null> {
  const secret = publisherSecret(secretFile(strapi));
  const path = `/preview/${id}/_astro/${name}`;
  for (const base of publisherUrls()) {
    try {
      const response = await fetch(`${base}${path}`, {
        headers: { [signatureHeader]: sign(secret, `GET ${path}`) },
        signal: AbortSignal.timeout(10_000),
      });
      if (!response.ok) continue;
      return {
        body: Buffer.from(await response.arrayBuffer()),
        type: response.headers.get('content-type') ?? 'application/octet-stream',
      };
    } catch {
      // the next publisher may have it
    }
  }
  return null;
}

/** The banner on every preview: it is not public yet. */
export const previewBanner =
  '<div role="status" lang="zh-CN" data-govcluster-preview style="position:sticky;top:0;z-index:2147483647;' +
  'background:#fff4ce;color:#4a3000;border-bottom:3px solid #c77700;padding:.6em 1em;' +
  'font:600 16px/1.5 system-ui,sans-serif;text-align:center">预览：尚未发布 · ' +
  '<span style="font-weight:400">此页仅供撰稿人和审核人员查看，三级审核通过并发布后才会在公开网站上线</span></div>';

/**
 * The preview page as the editor's browser gets it: `noindex`, the banner, a title that says 预览, the
 * page's scripts and images from `assetBase` (the CMS's preview route), every other root-relative link
 * (pages, attachments, search) on the public origin.
 */
export function decoratePreview(html: string, assetBase: string, origin: string): string {
  const linked = html.replace(
    /(\s(?:href|src|action|poster)=)(["'])(\/(?!\/)[^"']*)\2/g,
    (whole, attribute: string, quote: string, url: string) =>
      url.startsWith('/_astro/') ? whole : `${attribute}${quote}${origin}${url}${quote}`,
  );
  return linked
    .replace(/(["'(\s=,])\/_astro\//g, `$1${assetBase}/_astro/`)
    .replace(/<head(\s[^>]*)?>/i, (head) => `${head}<meta name="robots" content="noindex, nofollow">`)
    .replace(/<title>/i, '<title>【预览】')
    .replace(/<body(\s[^>]*)?>/i, (body) => `${body}${previewBanner}`);
}

/**
 * The Content-Security-Policy of a preview page: its own scripts and the inline ones it carries (by
 * hash, as the public sites allow them), images also from the public sites.
 */
export function previewPolicy(origin: string, html: string): string {
  const hashes = [...html.matchAll(/<script(?:\s[^>]*)?>([\s\S]*?)<\/script>/g)]
    .filter((match) => !/\ssrc=/.test(match[0].slice(0, match[0].indexOf('>'))) && match[1])
    .map(
      (match) =>
        `'sha256-${createHash('sha256')
          .update(match[1] as string)
          .digest('base64')}'`,
    );
  return [
    "default-src 'none'",
    `img-src 'self' data: ${origin}`,
    "style-src 'self' 'unsafe-inline'",
    `script-src 'self' ${[...new Set(hashes)].join(' ')}`.trim(),
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
