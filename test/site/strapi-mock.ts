/**
 * A stand-in for the CMS's REST API (Strapi 5 shapes, as in shared/src/model/cms-mapping.ts),
 * serving a snapshot: enough to test the build's CMS loader without booting Strapi.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import path from 'node:path';
import { cmsPlural } from '../../sites/src/loaders/cms-mapping.ts';
import { readRecords, type SnapshotRecord } from './fixture.ts';

type Doc = Record<string, unknown>;

function lt(value: Record<string, string> | undefined): Doc | undefined {
  return value ? { id: 1, zhCN: value['zh-CN'], en: value.en ?? null, ru: value.ru ?? null } : undefined;
}

/** A running mock CMS. */
export interface StrapiMock {
  url: string;
  token: string;
  requests: string[];
  /** Changes an entry (and its CMS `updatedAt`), as an editor publishing a new version would. */
  update: (type: string, id: string, locale: string, fields: Doc) => void;
  close: () => Promise<void>;
}

/** Starts a mock CMS over a snapshot folder. */
export async function startStrapiMock(snapshot: string): Promise<StrapiMock> {
  const records = readRecords(snapshot);
  const media = new Map(records.filter((r) => r.type === 'media').map((r) => [String(r.id), r]));
  const file = (id: string) => {
    const m = media.get(id) as SnapshotRecord;
    return {
      id: 1,
      documentId: `m-${id}`,
      name: path.basename(String(m.file)),
      caption: id,
      alternativeText: (m.alt as Record<string, string>)['zh-CN'],
      width: m.width,
      height: m.height,
      mime: m.mime,
      size: 1,
      url: `/uploads/${path.basename(String(m.file))}`,
    };
  };
  const toDoc = (r: SnapshotRecord, index: number): Doc => {
    const doc: Doc = {
      id: index + 1,
      documentId: `d-${r.type}-${r.id}`,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      publishedAt: '2026-01-01T00:00:00.000Z',
    };
    for (const [key, value] of Object.entries(r)) {
      if (key === 'type') continue;
      if (key === 'id') doc.key = value;
      else if (key === 'publishedAt') doc.datePublished = value;
      else if (key === 'updatedAt') doc.dateModified = value;
      else if (key === 'status' && r.type === 'letter') doc.handlingStatus = value;
      else if (key === 'writer') continue;
      else if (key === 'site' && r.type !== 'site') doc.site = { documentId: `d-site-${value}`, key: value };
      else if (key === 'column') doc.column = { documentId: `d-col-${value}`, slug: value };
      else if (key === 'policy') doc.policy = { documentId: `d-policy-${value}`, key: value };
      else if (key === 'interpretations')
        doc.interpretations = (value as string[]).map((v) => ({ documentId: v, key: v }));
      else if (key === 'parent') doc.parent = value ? { documentId: `d-site-${value}`, key: value } : null;
      else if (key === 'images' || key === 'photos')
        doc[key] = (value as { id: string }[]).map((m) => file(m.id));
      else if (key === 'portrait') doc[key] = file((value as { id: string }).id);
      else if (key === 'attachments')
        doc[key] = (value as { name: string; mime: string; size: number; file: string }[]).map((a) => ({
          name: a.name,
          mime: a.mime,
          size: a.size / 1024,
          url: `/${a.file}`,
        }));
      else if (key === 'process') doc.process = (value as string[]).map((text, i) => ({ id: i + 1, text }));
      else if (key === 'name' && r.type === 'site') doc.name = lt(value as Record<string, string>);
      else if (key === 'shortName') doc.shortName = lt(value as Record<string, string>);
      else if (key === 'footer') {
        const f = value as Record<string, unknown>;
        const contact = f.contact as Record<string, unknown>;
        doc.footer = {
          id: 1,
          ...f,
          sponsor: lt(f.sponsor as Record<string, string>),
          organizer: lt(f.organizer as Record<string, string>),
          contact: { id: 1, ...contact, address: lt(contact.address as Record<string, string>) },
        };
      } else if (key === 'columns')
        doc.columns = (value as Record<string, unknown>[]).map((c, i) => ({
          id: i + 1,
          documentId: `d-col-${c.slug}`,
          ...c,
          name: lt(c.name as Record<string, string>),
        }));
      else doc[key] = value;
    }
    return doc;
  };
  const docs = new Map<string, Doc[]>();
  records.forEach((r, index) => {
    if (!cmsPlural[r.type]) return;
    const list = docs.get(r.type) ?? [];
    list.push(toDoc(r, index));
    docs.set(r.type, list);
  });
  const token = 'test-read-only-token';
  const requests: string[] = [];
  const answer = (request: IncomingMessage): { status: number; body: unknown; raw?: Buffer } => {
    const url = new URL(request.url ?? '/', 'http://mock');
    requests.push(url.pathname + url.search);
    if (url.pathname.startsWith('/uploads/')) {
      const m = [...media.values()].find(
        (x) => path.basename(String(x.file)) === path.basename(url.pathname),
      );
      return m
        ? { status: 200, body: null, raw: readFileSync(path.join(snapshot, String(m.file))) }
        : { status: 404, body: {} };
    }
    if (request.headers.authorization !== `Bearer ${token}`)
      return { status: 401, body: { error: 'Unauthorized' } };
    if (url.pathname === '/api/upload/files') return { status: 200, body: [...media.keys()].map(file) };
    const type = Object.keys(cmsPlural).find((t) => `/api/${cmsPlural[t]}` === url.pathname);
    if (!type) return { status: 404, body: {} };
    if (url.searchParams.get('status') !== 'published')
      return { status: 400, body: { error: 'status=published expected' } };
    let list = docs.get(type) ?? [];
    const locale = url.searchParams.get('locale');
    if (locale) list = list.filter((d) => d.locale === locale);
    const since = url.searchParams.get('filters[updatedAt][$gt]');
    if (since) list = list.filter((d) => String(d.updatedAt) > since);
    const handling = url.searchParams.get('filters[handlingStatus][$eq]');
    if (handling) list = list.filter((d) => d.handlingStatus === handling);
    const page = Number(url.searchParams.get('pagination[page]') ?? 1);
    const size = Number(url.searchParams.get('pagination[pageSize]') ?? 25);
    return {
      status: 200,
      body: {
        data: list.slice((page - 1) * size, page * size),
        meta: {
          pagination: {
            page,
            pageSize: size,
            pageCount: Math.max(1, Math.ceil(list.length / size)),
            total: list.length,
          },
        },
      },
    };
  };
  const server: Server = createServer((request, response) => {
    const { status, body, raw } = answer(request);
    if (raw) {
      response.writeHead(status, { 'content-type': 'image/jpeg' });
      response.end(raw);
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    token,
    requests,
    update: (type, id, locale, fields) => {
      const doc = (docs.get(type) ?? []).find((d) => d.key === id && d.locale === locale);
      if (!doc) throw new Error(`no ${type} ${id} ${locale}`);
      Object.assign(doc, fields, { updatedAt: new Date().toISOString() });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
