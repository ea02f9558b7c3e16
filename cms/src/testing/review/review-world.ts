/**
 * The world the review suites act in: a real Strapi on one database, three sites (portal, a township, a
 * department) with a column each, the people of the review logged in (authors and unit reviewers of two
 * sites, the web office, the secrecy reviewer, a site administrator, people with two roles, the super
 * admin), a full-access API token, and the calls they make: the content manager, the review API, the
 * public REST API.
 */
import { randomBytes } from 'node:crypto';
import type { ReviewRole } from '@govcluster/shared/review';
import { expect } from 'vitest';
import { type AdminResponse, adminApi } from '../../../../scripts/src/lib/admin-api';
import { createAdminPerson } from '../admin-people';
import { bootStrapi, type TestDatabase, type TestStrapi } from '../boot-strapi';
import { createNewsColumn, createTestSite } from '../test-site';
import { type ReviewedType, reviewedType } from './content-fixtures';

/** A logged-in admin. */
export interface Person {
  id: number;
  email: string;
  token: string;
}

/** The people of the suites. */
export type PersonName =
  | 'author'
  | 'authorB'
  | 'unit'
  | 'unitB'
  | 'web'
  | 'secrecy'
  | 'admin'
  | 'authorUnit'
  | 'unitWeb'
  | 'superAdmin';

const password = `Review-${randomBytes(6).toString('hex')}-1a`;

/** A booted world; every helper uses the current Strapi (it survives `app.restart()`). */
export interface ReviewWorld {
  app: TestStrapi;
  /** Site key → document id. */
  sites: Record<string, string>;
  /** Site key → the document id of its news column. */
  columns: Record<string, string>;
  people: Record<PersonName, Person>;
  apiToken: string;
  call(method: string, path: string, who?: Person | string, body?: unknown): Promise<AdminResponse>;
  /** A review action (`submit`, `approve`…) on an entry of a type. */
  review(
    who: Person,
    action: string,
    documentId: string,
    body?: Record<string, unknown>,
    uid?: string,
  ): Promise<AdminResponse>;
  /** The review of an entry as a person sees it (`data` of `GET /review/:uid/:documentId`). */
  state(who: Person, documentId: string, locale?: string, uid?: string): Promise<any>;
  /** The titles the public REST API shows for a type in a locale. */
  publicTitles(locale?: string, type?: ReviewedType): Promise<string[]>;
  /** A content-manager path of a type. */
  cm(path: string, uid?: string): string;
  /** A new draft written through the content manager by `who` (default: the township's author). */
  draft(
    title: string,
    options?: { type?: ReviewedType; site?: string; who?: Person; data?: Record<string, unknown> },
  ): Promise<string>;
  /** Takes an entry through all three levels with the standard reviewers; returns the last answer's data. */
  approveAll(
    documentId: string,
    options?: { uid?: string; locale?: string; last?: Record<string, unknown> },
  ): Promise<any>;
  close(): Promise<void>;
}

const articleUid = 'api::article.article';

/** Boots Strapi on `database` and creates the sites, columns and people. */
export async function createReviewWorld(database: TestDatabase): Promise<ReviewWorld> {
  const app = await bootStrapi(database);
  const sites: Record<string, string> = {};
  const columns: Record<string, string> = {};
  const people = {} as Record<PersonName, Person>;
  const call: ReviewWorld['call'] = (method, path, who, body) =>
    adminApi(app.url).request(method, path, typeof who === 'string' ? who : who?.token, body);
  try {
    const { strapi } = app;
    for (const [siteKey, kind, name] of [
      ['portal', 'portal', '临江市人民政府'],
      ['hexi-town', 'township', '河西镇'],
      ['fgw', 'department', '临江市发展和改革委员会'],
    ] as const) {
      const site = await createTestSite(strapi, {
        key: siteKey,
        kind,
        name: { zhCN: name },
        locales: ['zh-CN', 'en', 'ru'],
      });
      sites[siteKey] = site.documentId;
      columns[siteKey] = await createNewsColumn(strapi, site.documentId);
    }
    const accounts: [PersonName, string[], string[], ReviewRole | null][] = [
      ['author', ['govcluster-author'], ['hexi-town'], 'author'],
      ['authorB', ['govcluster-author'], ['fgw'], 'author'],
      ['unit', ['govcluster-unit-reviewer'], ['hexi-town'], 'unit_reviewer'],
      ['unitB', ['govcluster-unit-reviewer'], ['fgw'], 'unit_reviewer'],
      ['web', ['govcluster-web-reviewer'], [], 'web_reviewer'],
      ['secrecy', ['govcluster-secrecy-reviewer'], [], 'secrecy_reviewer'],
      ['admin', ['govcluster-site-admin'], [], 'site_admin'],
      ['authorUnit', ['govcluster-author', 'govcluster-unit-reviewer'], ['hexi-town'], null],
      ['unitWeb', ['govcluster-unit-reviewer', 'govcluster-web-reviewer'], ['hexi-town'], null],
      ['superAdmin', ['strapi-super-admin'], [], null],
    ];
    for (const [name, codes, siteKeys, reviewRole] of accounts) {
      const email = `${name.toLowerCase()}@review.test`;
      const id = await createAdminPerson(strapi, {
        email,
        password,
        roles: codes,
        ...(reviewRole ? { reviewRole } : {}),
        sites: siteKeys.map((siteKey) => sites[siteKey] as string),
        firstname: name,
      });
      const login = await call('POST', '/admin/login', undefined, { email, password });
      expect([name, login.status]).toEqual([name, 200]);
      people[name] = { id, email, token: login.body.data.token };
    }
    const token = await (strapi as any).admin.services['api-token-content-api'].create({
      name: 'full access (test)',
      description: 'review suite',
      type: 'full-access',
      lifespan: null,
    });
    const world: ReviewWorld = {
      app,
      sites,
      columns,
      people,
      apiToken: token.accessKey,
      call,
      review: (who, action, documentId, body = {}, uid = articleUid) =>
        call('POST', `/review/${encodeURIComponent(uid)}/${documentId}/${action}`, who, body),
      state: async (who, documentId, locale = 'zh-CN', uid = articleUid) =>
        (await call('GET', `/review/${encodeURIComponent(uid)}/${documentId}?locale=${locale}`, who)).body
          .data,
      publicTitles: async (locale = 'zh-CN', type = reviewedType(articleUid)) =>
        (
          (await call('GET', `/api/${type.plural}?locale=${locale}&pagination[pageSize]=100`)).body
            .data as any[]
        ).map((entry) => entry[type.titleField]),
      cm: (path, uid = articleUid) => `/content-manager/collection-types/${uid}${path}`,
      async draft(title, options = {}) {
        const type = options.type ?? reviewedType(articleUid);
        const siteKey = options.site ?? 'hexi-town';
        const data = {
          ...type.draft(title, { site: sites[siteKey] as string, column: columns[siteKey] as string }),
        };
        if (!type.hasColumn) delete data.column;
        const response = await call(
          'POST',
          world.cm('?locale=zh-CN', type.uid),
          options.who ?? people.author,
          {
            ...data,
            ...options.data,
          },
        );
        expect([type.uid, response.status, response.body?.error?.message]).toEqual([
          type.uid,
          201,
          undefined,
        ]);
        return response.body.data.documentId as string;
      },
      async approveAll(documentId, options = {}) {
        const uid = options.uid ?? articleUid;
        const locale = options.locale ?? 'zh-CN';
        const steps: [Person, string, Record<string, unknown>][] = [
          [people.author, 'submit', { locale }],
          [people.unit, 'approve', { locale }],
          [people.web, 'approve', { locale }],
          [people.secrecy, 'approve', { locale, ...options.last }],
        ];
        let last: AdminResponse | undefined;
        for (const [who, action, body] of steps) {
          last = await world.review(who, action, documentId, body, uid);
          expect([uid, action, last.status, last.body?.error?.message]).toEqual([
            uid,
            action,
            200,
            undefined,
          ]);
        }
        return last?.body.data;
      },
      close: () => app.close(),
    };
    return world;
  } catch (error) {
    await app.close();
    throw error;
  }
}
