import {
  cmsDefaultQuery,
  cmsIdField,
  cmsMediaAlt,
  cmsMediaId,
  cmsPlural,
  cmsQuery,
  cmsUnlocalized,
  fromCms,
} from './cms-mapping.ts';

/** Where the CMS is and the read-only token to ask it with. */
export interface CmsOptions {
  url: string;
  token: string;
}

/**
 * Reads `CMS_URL` and `CMS_TOKEN`; null when no CMS is configured. `CMS_URL` may be the CMS's origin
 * (`http://host:1337`) or its REST API (`http://host:1337/api`, what `npm start` and the CMS print):
 * the loader adds `/api/<plural>` and fetches uploads from `/uploads/…`, so `url` is always the origin.
 */
export function cmsOptionsFromEnv(): CmsOptions | null {
  const url = process.env.CMS_URL;
  if (!url) return null;
  const token = process.env.CMS_TOKEN;
  if (!token) throw new Error('CMS_URL is set but CMS_TOKEN is not: the build needs the read-only API token');
  return { url: cmsOrigin(url), token };
}

/** The CMS origin from `CMS_URL`: trailing slashes and a trailing `/api` (the REST prefix) removed. */
export function cmsOrigin(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/api$/, '');
}

async function getJson(options: CmsOptions, pathAndQuery: string): Promise<unknown> {
  const url = `${options.url}${pathAndQuery}`;
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
    throw new Error(
      `The CMS at ${options.url} cannot be reached (${cause}); the build stops and dist/ stays as it was`,
    );
  }
  if (!response.ok) {
    throw new Error(
      `The CMS answered ${response.status} ${response.statusText} for ${pathAndQuery}; check CMS_TOKEN`,
    );
  }
  return response.json();
}

/**
 * Every published document of a type in one locale (all locales for unlocalized types),
 * changed after `since` (the CMS's `updatedAt`) when given, mapped to the shared model;
 * `newest` is the latest CMS `updatedAt` seen, the watermark for the next incremental fetch.
 */
export async function fetchCmsRecords(
  options: CmsOptions,
  type: string,
  locale: string | null,
  since?: string,
): Promise<{ records: Record<string, unknown>[]; newest: string | undefined }> {
  const plural = cmsPlural[type];
  if (!plural) throw new Error(`no CMS collection is mapped for type ${type}`);
  const out: Record<string, unknown>[] = [];
  let newest: string | undefined;
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({
      status: 'published',
      'pagination[page]': String(page),
      'pagination[pageSize]': '100',
      ...(cmsQuery[type] ?? cmsDefaultQuery),
    });
    if (locale && !cmsUnlocalized.has(type)) query.set('locale', locale);
    if (since) query.set('filters[updatedAt][$gt]', since);
    const body = (await getJson(options, `/api/${plural}?${query}`)) as {
      data?: Record<string, unknown>[];
      meta?: { pagination?: { pageCount?: number } };
    };
    for (const document of body.data ?? []) {
      out.push(fromCms(type, document));
      // The watermark is the CMS's own modification time, not the date printed on the page.
      const modified = typeof document.updatedAt === 'string' ? document.updatedAt : undefined;
      if (modified && (!newest || modified > newest)) newest = modified;
    }
    if (page >= (body.meta?.pagination?.pageCount ?? 1)) break;
  }
  return { records: out, newest };
}

/** The ids of every published document of a type in one locale (to drop deleted ones). */
export async function fetchCmsIds(
  options: CmsOptions,
  type: string,
  locale: string | null,
): Promise<Set<string>> {
  const ids = new Set<string>();
  const plural = cmsPlural[type];
  for (let page = 1; ; page += 1) {
    const query = new URLSearchParams({
      status: 'published',
      'fields[0]': cmsIdField,
      'pagination[page]': String(page),
      'pagination[pageSize]': '1000',
      ...Object.fromEntries(
        Object.entries(cmsQuery[type] ?? {}).filter(([key]) => key.startsWith('filters')),
      ),
    });
    if (locale && !cmsUnlocalized.has(type)) query.set('locale', locale);
    const body = (await getJson(options, `/api/${plural}?${query}`)) as {
      data?: Record<string, unknown>[];
      meta?: { pagination?: { pageCount?: number } };
    };
    for (const document of body.data ?? []) ids.add(String(document[cmsIdField] ?? document.documentId));
    if (page >= (body.meta?.pagination?.pageCount ?? 1)) break;
  }
  return ids;
}

/**
 * The media library of the CMS (upload plugin, `GET /api/upload/files`) as shared-model Media records,
 * with every raster image downloaded into `dir` (kept between builds; a file already there with the
 * same size is not fetched again) so that astro:assets can make AVIF/WebP from it. `draftFiles`: the
 * files a preview's draft uses, which the content API does not list while no published entry uses them.
 */
export async function fetchCmsMedia(
  options: CmsOptions,
  dir: string,
  draftFiles: readonly Record<string, unknown>[] = [],
): Promise<Record<string, unknown>[]> {
  const { mkdir, stat, writeFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const listed = (await getJson(options, '/api/upload/files')) as Record<string, unknown>[];
  const files = Array.isArray(listed) ? listed : [];
  // A preview's draft may use files no published entry uses yet (the API does not list those).
  const known = new Set(files.map((file) => cmsMediaId(file)));
  files.push(...draftFiles.filter((file) => !known.has(cmsMediaId(file))));
  const out: Record<string, unknown>[] = [];
  for (const file of files) {
    const url = String(file.url ?? '');
    const relative = url.replace(/^\/+/, '');
    if (!relative || relative.includes('..')) continue;
    // Attachments (PDF, …) are uploads too, but not media: the build copies the ones pages link to.
    if (!String(file.mime).startsWith('image/')) continue;
    const target = path.join(dir, relative);
    const size = Math.round(Number(file.size ?? 0) * 1024);
    const have = await stat(target).then(
      (s) => s.size,
      () => -1,
    );
    if (String(file.mime).startsWith('image/') && (have <= 0 || Math.abs(have - size) > 1024)) {
      const response = await fetch(url.startsWith('http') ? url : `${options.url}${url}`, {
        headers: { authorization: `Bearer ${options.token}` },
      }).catch((error: Error) => {
        throw new Error(
          `The CMS at ${options.url} cannot be reached (${error.message}) while fetching ${url}`,
        );
      });
      if (!response.ok) throw new Error(`The CMS answered ${response.status} for ${url}`);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, Buffer.from(await response.arrayBuffer()));
    }
    out.push({
      id: cmsMediaId(file),
      file: relative,
      width: file.width ?? 1,
      height: file.height ?? 1,
      mime: file.mime,
      alt: cmsMediaAlt(file, String(file.name || relative)),
    });
  }
  return out;
}

/**
 * The public statistics of every site's mailbox (`GET /api/mailbox-statistics`, counts only): the CMS
 * counts its letters of every state, which the published letters the build reads cannot tell.
 */
export async function fetchCmsMailboxStatistics(options: CmsOptions): Promise<Record<string, unknown>[]> {
  const body = (await getJson(options, '/api/mailbox-statistics')) as { data?: unknown };
  return Array.isArray(body.data) ? (body.data as Record<string, unknown>[]) : [];
}
